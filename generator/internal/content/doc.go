// Package content holds what editors write, as plain Go values: departments with
// their record and pledges, the groups they are reported under, and the narrative
// articles. Load reads content/ into a Site, reporting every problem in the files
// with its position; Validate checks what no single file can (unique orders, known
// groups, every translation present).
//
// A Site is not changed after Validate, so rendering may read it from many
// goroutines. content knows nothing about templates, URLs or output.
package content
