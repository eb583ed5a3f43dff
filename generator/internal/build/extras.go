package build

import (
	"leitai/generator/internal/content"
	"leitai/generator/internal/headers"
	"leitai/generator/internal/opendata"
	"leitai/generator/internal/render"
	"leitai/generator/internal/site"
)

// writeExtras writes the files that are not pages: the open data of every
// language and _headers. Run and the Builder both call it, so what serve shows
// is what build writes.
func writeExtras(plan *site.Plan, s *content.Site, th *render.Theme, sink Sink) error {
	if err := opendata.Write(sink, plan, s); err != nil {
		return err
	}
	hs := headers.Site{BasePath: plan.Config().BasePath(), Languages: plan.Config().Codes()}
	for _, a := range th.Assets() {
		if a.Fingerprinted {
			hs.Fingerprinted = append(hs.Fingerprinted, a.Path)
		} else {
			hs.Other = append(hs.Other, a.Path)
		}
	}
	return sink.WriteFile(headers.File, headers.Bytes(hs))
}
