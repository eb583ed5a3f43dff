// Package corpus writes synthetic sites for benchmarks: N departments in the real
// content format, with bilingual text built from the vocabulary of the real
// Qingdao report, Markdown statements, groups and articles. The same seed always
// gives the same bytes, so two runs of a benchmark measure the same work.
//
// It writes the site twice over if asked: once as Leitai content, once as an
// equivalent Hugo site (same pages, same text, same Markdown), so the two
// generators can be timed on the same input.
//
// corpus is a benchmark tool: nothing in the build pipeline may import it.
package corpus
