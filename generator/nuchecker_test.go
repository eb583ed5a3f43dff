package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The W3C Nu HTML Checker (vnu.jar, from its npm package) reads every page of the
// real site, the stylesheet and the favicon, and must find no error.

type nuReport struct {
	Messages []struct {
		Type    string `json:"type"`
		SubType string `json:"subType"`
		URL     string `json:"url"`
		Line    int    `json:"lastLine"`
		Column  int    `json:"lastColumn"`
		Message string `json:"message"`
		Extract string `json:"extract"`
	} `json:"messages"`
}

func TestRealContentNuHTMLChecker(t *testing.T) {
	out := buildReal(t)
	var files []string
	for _, rel := range htmlPages(t, out) {
		files = append(files, filepath.Join(out, rel))
	}
	sheets, _ := filepath.Glob(filepath.Join(out, "style.*.css"))
	nuCheck(t, out, append(files, append(sheets, filepath.Join(out, "favicon.svg"))...))
}

// TestEditionsNuHTMLChecker checks the pages a publication of several
// editions adds: every page of the three-edition publication, and the
// redirect pages a paged site leaves where its group pages were.
func TestEditionsNuHTMLChecker(t *testing.T) {
	out := buildEditions(t)
	var files []string
	for _, rel := range htmlPages(t, out) {
		files = append(files, filepath.Join(out, rel))
	}
	nuCheck(t, out, files)

	cfg := pagedSite(t)
	addSecondEdition(t, cfg)
	paged := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd("build", "--config", cfg, "--destination", paged); code != 0 {
		t.Fatal(stderr)
	}
	redirects, _ := filepath.Glob(filepath.Join(paged, "*", "groups", "*", "index.html"))
	if len(redirects) < 6 {
		t.Fatalf("%d redirect pages", len(redirects))
	}
	nuCheck(t, paged, append(redirects, filepath.Join(paged, "zh", "editions", "index.html")))
}

// nuCheck runs the W3C checker on files of the site built into out.
func nuCheck(t *testing.T, out string, files []string) {
	t.Helper()
	jar := toolFile(t, "LEITAI_VNU_JAR", "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		requireTool(t, "java", "apt-get install default-jre-headless")
	}
	args := append([]string{"-jar", jar, "--format", "json", "--also-check-css", "--also-check-svg"}, files...)

	// vnu exits 1 when it finds errors; the JSON on stderr says which.
	cmd := exec.Command(java, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	var rep nuReport
	if err := json.Unmarshal([]byte(stderr.String()), &rep); err != nil {
		t.Fatalf("vnu: %v (%v)\n%s", err, runErr, stderr.String())
	}
	for _, m := range rep.Messages {
		where := strings.TrimPrefix(m.URL, "file:"+out+"/")
		if m.Type == "error" || m.Type == "non-document-error" {
			t.Errorf("%s:%d:%d: %s\n\t%s", where, m.Line, m.Column, m.Message, m.Extract)
		} else {
			t.Logf("%s:%d:%d: %s %s: %s", where, m.Line, m.Column, m.Type, m.SubType, m.Message)
		}
	}
	if runErr != nil && !t.Failed() {
		t.Errorf("vnu failed without reporting an error: %v", runErr)
	}
}
