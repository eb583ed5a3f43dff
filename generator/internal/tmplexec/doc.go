// Package tmplexec executes html/template template sets without
// text/template's per-action reflection: each escaped parse tree is compiled
// once into a tree of Go closures that resolve at compile time what does not
// depend on the data (which function an identifier names, which variable slot
// a $name is, what a constant argument is) and cache per receiver type what
// does (the method index or field path a .Name selects), and that call
// html/template's escapers as plain Go functions.
//
// The output and the errors are those of the standard Execute, byte for byte:
// the evaluation rules are text/template's (exec.go here follows its exec.go
// step by step, error messages included). A set the compiler cannot take is
// reported by Compile, and the caller keeps executing it the standard way; so
// is every set when the program runs on a Go release other than the one
// exec.go follows (goRelease), until it has been compared with that release's.
//
// Compile reads three unexported fields of html/template and text/template
// (access.go says which and why), checking their types; what it cannot read
// as expected also leaves the set to the standard Execute.
//
// Parts of compile.go, exec.go and funcs.go are adapted from Go's text/template and
// internal/fmtsort, under the BSD licence in LICENSE.go-authors.
package tmplexec
