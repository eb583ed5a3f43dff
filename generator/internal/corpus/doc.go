// Package corpus writes synthetic sites for benchmarks: N departments in the real
// content format, with bilingual text built from the vocabulary of the real
// Qingdao report, Markdown statements, groups and articles. The same seed always
// gives the same bytes, so two runs of a benchmark measure the same work.
//
// It writes the site twice over if asked: once as Leitai content, once as an
// equivalent Hugo site (same pages, same text, same Markdown), so the two
// generators can be timed on the same input. The Hugo site has two sets of
// templates, the plain one and the one a Hugo expert writes for speed. Compare
// checks that two builds wrote the same files, and Floor times what no
// generator can avoid for a build's output.
//
// corpus is a benchmark tool: nothing in the build pipeline may import it.
package corpus
