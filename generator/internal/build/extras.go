package build

import (
	"io"

	"leitai/generator/internal/content"
	"leitai/generator/internal/headers"
	"leitai/generator/internal/opendata"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
)

// writeExtras writes the files that are not pages: the sitemap, robots.txt and
// the feeds, the open data of every language, and the _headers file for hosts that
// read it. It returns how many files it wrote. Run and the Builder both call it,
// so a preview and a build hold the same files.
func writeExtras(r *render.Renderer, plan *site.Plan, s *content.Site, th *render.Theme, sink Sink) (int, error) {
	cs := &countingSink{Sink: sink}
	files, err := r.Files()
	if err != nil {
		return 0, err
	}
	for _, f := range files {
		if err := cs.WriteFile(f.Path, f.Data); err != nil {
			return 0, err
		}
	}
	if err := cs.Stream(site.SitemapPath, r.WriteSitemap); err != nil {
		return 0, err
	}
	if err := opendata.Write(cs, plan, s); err != nil {
		return 0, err
	}
	hs := headers.Site{BasePath: plan.Config().BasePath(), Languages: plan.Config().Codes()}
	for _, a := range th.Assets() {
		if a.Fingerprinted {
			hs.Fingerprinted = append(hs.Fingerprinted, a.Path)
		} else {
			hs.Other = append(hs.Other, a.Path)
		}
	}
	err = cs.WriteFile(headers.File, headers.Bytes(hs))
	return cs.n, err
}

// countingSink counts the files written through it, for the build's summary line.
type countingSink struct {
	Sink
	n int
}

func (c *countingSink) WriteFile(rel string, data []byte) error {
	c.n++
	return c.Sink.WriteFile(rel, data)
}

func (c *countingSink) Stream(rel string, write func(io.Writer) error) error {
	c.n++
	return c.Sink.Stream(rel, write)
}
