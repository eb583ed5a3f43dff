package content

import "strings"

// pack copies every string a department took from its file into one string of
// its own. Decoded values are parts of the file's text, so a department kept its
// whole file alive, keys, indentation and comments included: at 10,000
// departments, 66 MB of the 205 MB a loaded site holds. Packed, the file's text
// is garbage once decoded, and a department's texts sit together in memory, in
// file order, as its pages read them.
func (d *Department) pack() {
	fields := d.fileStrings()
	n := 0
	for _, s := range fields {
		n += len(*s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range fields {
		b.WriteString(*s)
	}
	all := b.String()
	for _, s := range fields {
		*s, all = all[:len(*s)], all[len(*s):]
	}
}

// fileStrings points at every string field a department's file gave a value:
// not its slug, file name, positions, field paths or language codes, which come
// from elsewhere. TestFileStringsAreEveryStringField keeps it complete.
func (d *Department) fileStrings() []*string {
	out := []*string{&d.Group}
	for _, t := range d.texts() {
		for i := range t.Langs { // t is a copy; its Langs are the department's
			out = append(out, &t.Langs[i].Value)
		}
	}
	for i := range d.Record {
		for j := range d.Record[i].Metrics {
			out = append(out, &d.Record[i].Metrics[j].Unit)
		}
	}
	for i := range d.Pledges {
		p := &d.Pledges[i]
		out = append(out, &p.Status)
		if p.Target != nil {
			out = append(out, &p.Target.Unit, &p.Target.Compare)
		}
		for j := range p.Updates {
			out = append(out, &p.Updates[j].Source, &p.Updates[j].Status)
		}
	}
	return out
}
