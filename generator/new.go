package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"leitai/generator/internal/config"
	"leitai/generator/internal/content"
)

const newUsage = `Usage:
  go run ./generator new department <slug>   write content/departments/<slug>.yaml
  go run ./generator new article <slug>      write content/articles/<slug>.<lang>.md, one per language
  go run ./generator new edition <id>        write content/editions/<id>/edition.yaml
  go run ./generator new department <slug> --edition <id>
                                             add a department to an edition: on a site of
                                             several, content/editions/<id>/departments/<slug>.yaml

The new file has every field, with TODO where text is still to be written;
"check" reports each TODO until it is filled in. The slug becomes the page's
address: lower-case letters, digits and single hyphens. A department that
stood in an earlier edition starts from its name and group there, and its
file lists that edition's pledges for a new pledge to link to.

A site whose content is one edition (content/departments/) becomes a site of
editions with its first "new edition": its edition, named by
content/edition.yaml, moves to content/editions/<its number>/ first, and its
pages keep their addresses (docs/content-format.md, Editions).

Flags:
`

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", stderr)
	cfgPath := fs.String("config", "config.yaml", "the site's config file; content/ sits beside it")
	edition := fs.String("edition", "", "the edition a department or article goes into (its id); needed on a site of several")
	fs.Usage = func() {
		fmt.Fprint(stderr, newUsage)
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 || (pos[0] != "department" && pos[0] != "article" && pos[0] != "edition") {
		fs.Usage()
		return 2
	}
	kind, slug := pos[0], pos[1]

	cfg, problems := config.Load(*cfgPath, config.Overrides{})
	if cfg == nil {
		for _, p := range problems {
			fmt.Fprint(stderr, p.Format())
		}
		return 1
	}
	rel := func(p string) string {
		if r, err := filepath.Rel(cfg.Root, p); err == nil {
			return filepath.ToSlash(r)
		}
		return p
	}
	var written []string
	// Problems in other files do not stop a new one being started; the loaded
	// content gives its place, the groups to offer and what came before.
	s, _ := content.Load(cfg.ContentDir(), cfg.Codes())
	switch kind {
	case "department":
		var p string
		p, err = content.NewDepartment(cfg.ContentDir(), slug, *edition, s, cfg.Codes())
		written = []string{p}
	case "article":
		written, err = content.NewArticle(cfg.ContentDir(), slug, *edition, s, cfg.Codes(), time.Now())
	case "edition":
		var p string
		var moved [][2]string
		p, moved, err = content.NewEdition(cfg.ContentDir(), slug, s, cfg.Codes())
		for _, m := range moved {
			fmt.Fprintf(stdout, "moved %s to %s\n", m[0], m[1])
		}
		written = []string{p}
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for i := range written {
		written[i] = rel(written[i])
	}
	fmt.Fprintf(stdout, "wrote %s\nreplace each TODO with the text readers will see, then run: go run ./generator check\n", strings.Join(written, ", "))
	return 0
}

// parseInterspersed parses flags wherever they stand among the arguments, so
// `new department x --config site/config.yaml` works as well as the flags first.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
