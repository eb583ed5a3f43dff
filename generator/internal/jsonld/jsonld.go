// Package jsonld describes pages for search engines as schema.org JSON-LD: a
// NewsArticle for a report, a GovernmentOrganization for a department. It holds
// the vocabulary and the encoding only; the caller fills in the values.
//
// The output goes into <script type="application/ld+json">, a data block that
// browsers never execute, so a Content-Security-Policy without 'unsafe-inline'
// scripts does not block it (the browser test serves the site under
// script-src 'none' and checks that no violation is reported).
package jsonld

import (
	"bytes"
	"encoding/json"
)

const context = "https://schema.org"

// Person is a named person, optionally with the post they hold.
type Person struct {
	Type     string `json:"@type"`
	Name     string `json:"name"`
	JobTitle string `json:"jobTitle,omitempty"`
}

// NewPerson is a schema.org Person.
func NewPerson(name, jobTitle string) *Person {
	return &Person{Type: "Person", Name: name, JobTitle: jobTitle}
}

// Organization is a publisher or a department.
type Organization struct {
	Context     string `json:"@context,omitempty"`
	Type        string `json:"@type"`
	Name        string `json:"name"`
	URL         string `json:"url,omitempty"`
	Description string `json:"description,omitempty"`
	// Employee is the department's head, who signed the pledge.
	Employee *Person `json:"employee,omitempty"`
	// SubjectOf are the reports that describe the department.
	SubjectOf []Ref `json:"subjectOf,omitempty"`
}

// Ref points to another described thing by its URL.
type Ref struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
	Name string `json:"name,omitempty"`
}

// NewsArticle is a newspaper report.
type NewsArticle struct {
	Context          string        `json:"@context"`
	Type             string        `json:"@type"`
	Headline         string        `json:"headline"`
	AlternativeTitle string        `json:"alternativeHeadline,omitempty"`
	Description      string        `json:"description,omitempty"`
	URL              string        `json:"url"`
	MainEntityOfPage string        `json:"mainEntityOfPage"`
	InLanguage       string        `json:"inLanguage"`
	DatePublished    string        `json:"datePublished"`
	DateModified     string        `json:"dateModified"`
	Author           []*Person     `json:"author,omitempty"`
	Publisher        *Organization `json:"publisher,omitempty"`
	About            []Ref         `json:"about,omitempty"`
}

// NewNewsArticle fills in the type and context.
func NewNewsArticle() *NewsArticle {
	return &NewsArticle{Context: context, Type: "NewsArticle"}
}

// NewGovernmentOrganization fills in the type and context.
func NewGovernmentOrganization() *Organization {
	return &Organization{Context: context, Type: "GovernmentOrganization"}
}

// Marshal encodes v compactly. encoding/json escapes <, > and & as \u003c…, so
// no value can close the script element it sits in.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
