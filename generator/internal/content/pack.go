package content

import "strings"

// pack copies every string a department took from its file into one string of
// its own. Decoded values are parts of the file's text, so a department kept its
// whole file alive, keys, indentation and comments included: at 10,000
// departments, 66 MB of the 205 MB a loaded site holds. Packed, the file's text
// is garbage once decoded, and a department's texts sit together in memory, in
// file order, as its pages read them.
func (d *Department) pack() {
	n := 0
	d.eachFileString(func(s *string) { n += len(*s) })
	var b strings.Builder
	b.Grow(n)
	d.eachFileString(func(s *string) { b.WriteString(*s) })
	all := b.String()
	d.eachFileString(func(s *string) { *s, all = all[:len(*s)], all[len(*s):] })
}

// eachFileString calls f with every string field a department's file gave a
// value: not its slug, file name, positions, field paths or language codes,
// which come from elsewhere. TestFileStringsAreEveryStringField keeps it
// complete.
func (d *Department) eachFileString(f func(*string)) {
	f(&d.Group)
	d.eachText(func(t *Text) {
		for i := range t.Langs {
			f(&t.Langs[i].Value)
		}
	})
	for i := range d.Record {
		for j := range d.Record[i].Metrics {
			d.Record[i].Metrics[j].eachFileString(f)
		}
	}
	for i := range d.Series {
		f(&d.Series[i].ID)
	}
	for i := range d.Pledges {
		p := &d.Pledges[i]
		f(&p.ID)
		f(&p.Status)
		if p.Target != nil {
			p.Target.eachFileString(f)
			f(&p.Target.Compare)
		}
		if p.Scope != nil {
			p.Scope.eachFileString(f)
		}
		if p.Due != nil {
			f(&p.Due.Words)
		}
		for j := range p.Updates {
			f(&p.Updates[j].Source)
			f(&p.Updates[j].Status)
		}
		if l := p.Link; l != nil {
			f(&l.Edition)
			f(&l.Department)
			f(&l.Pledge)
		}
	}
	for i := range d.Corrections {
		f(&d.Corrections[i].Printed)
		f(&d.Corrections[i].Corrected)
	}
}

func (m *Metric) eachFileString(f func(*string)) {
	m.Figure.eachFileString(f)
	f(&m.Series)
	for i := range m.Parts {
		m.Parts[i].eachFileString(f)
	}
}

func (x *Figure) eachFileString(f func(*string)) {
	f(&x.Unit)
	for i := range x.Noun.Langs {
		f(&x.Noun.Langs[i].One)
		f(&x.Noun.Langs[i].Other)
	}
}
