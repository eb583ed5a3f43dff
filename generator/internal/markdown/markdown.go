package markdown

import (
	"bufio"
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Options configures a Renderer for one language.
type Options struct {
	// Lang is the language of the text, "zh", "en", ... When its primary
	// subtag is "zh", "ja" or "ko", a soft line break next to a Chinese or
	// Japanese character is dropped instead of showing as a space, since
	// those languages put no spaces between words (see cjkLineBreaks).
	// Other languages keep every soft line break.
	Lang string
	// Unsafe passes raw HTML through; by default it is dropped. Links with
	// script URLs are neutralised either way.
	Unsafe bool
	// ResolveLink maps a site-internal link destination (one starting with
	// "/", e.g. "/departments/finance/" or "/articles/x/#sec", with escapes
	// and character references decoded) to the URL to emit. ok=false means
	// the target does not exist: the link is kept as written and reported
	// in Result.BrokenLinks. nil leaves links unchanged.
	ResolveLink func(dest string) (url string, ok bool)
	// ResolveImage maps a site-internal image source (one starting with "/",
	// e.g. "/images/chart.svg", escapes and character references decoded),
	// a file the site serves, to the URL to emit: under a base URL with a
	// path, "/pledges/images/chart.svg". nil leaves sources unchanged.
	ResolveImage func(src string) string
}

// Heading is one heading of a document, for a table of contents.
type Heading struct {
	Level int    // 1 to 6
	ID    string // the id attribute given to the heading element
	Text  string // plain text, markup removed
}

// BrokenLink is an internal link whose target ResolveLink did not find.
type BrokenLink struct {
	Dest string // the destination as written, escapes decoded
	Line int    // 1-based line in the source passed to Render
	Col  int    // 1-based column, in characters, of the link's start on Line
}

// Result is a rendered document.
type Result struct {
	HTML        string
	Headings    []Heading    // in document order
	BrokenLinks []BrokenLink // in source order
	// Refused lists constructs that would take goldmark minutes (see
	// checkLimits); when it is not empty nothing was rendered.
	Refused []Refusal
}

// Renderer renders Markdown for one language. It is safe for concurrent use
// by many goroutines after New.
type Renderer struct {
	md           goldmark.Markdown
	resolveLink  func(string) (string, bool)
	resolveImage func(string) string
	// writers holds output buffers between documents; goldmark would otherwise
	// wrap each document's output in a new bufio.Writer.
	writers sync.Pool
}

// writer is a document's output: a buffered writer, as goldmark writes to, in
// front of the bytes.
type writer struct {
	buf bytes.Buffer
	bw  *bufio.Writer
}

// New builds a Renderer. The goldmark instance is built here, once: Render
// gives each call its own parse context, which holds all per-document state.
func New(opts Options) *Renderer {
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	exts := []goldmark.Extender{tables(), codeBlocks{}, strikethrough{}, extension.Footnote}
	if isCJKLanguage(opts.Lang) {
		exts = append(exts, cjkLineBreaks{})
	}
	var rendererOpts []renderer.Option
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Renderer{md: md, resolveLink: opts.ResolveLink, resolveImage: opts.ResolveImage}
}

// Render converts src to HTML, collecting its headings and broken internal
// links. A text that holds a construct goldmark would take minutes over is not
// rendered: Result.Refused says where and why.
func (r *Renderer) Render(src []byte) (Result, error) {
	if refused := checkLimits(src); len(refused) > 0 {
		return Result{Refused: refused}, nil
	}
	ids := newHeadingIDs()
	pc := parser.NewContext(parser.WithIDs(ids))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	var (
		res       Result
		broken    []brokenAt
		autolinks []*ast.AutoLink
	)
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			res.Headings = append(res.Headings, headingOf(n, src, ids))
		case *ast.Link:
			if r.resolveLink != nil {
				if dest, ok := resolveLink(n, r.resolveLink); !ok {
					broken = append(broken, brokenAt{dest, offsetOf(n)})
				}
			}
		case *ast.Image:
			if r.resolveImage != nil {
				resolveImage(n, r.resolveImage)
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			focusableCodeBlock(n)
		case *extast.Table:
			focusableTable(n)
		case *extast.TableCell:
			alignTableCell(n)
		}
		if a := neutralise(n, src); a != nil {
			autolinks = append(autolinks, a)
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return Result{}, err
	}
	for _, a := range autolinks {
		disarm(a, src)
	}
	res.BrokenLinks = placeLinks(broken, src)

	w, _ := r.writers.Get().(*writer)
	if w == nil {
		w = &writer{}
		w.bw = bufio.NewWriterSize(&w.buf, 4<<10)
	}
	defer func() {
		w.buf.Reset()
		w.bw.Reset(&w.buf)
		r.writers.Put(w)
	}()
	if err := r.md.Renderer().Render(w.bw, src, doc); err != nil {
		return Result{}, err
	}
	if err := w.bw.Flush(); err != nil {
		return Result{}, err
	}
	res.HTML = w.buf.String()
	return res, nil
}

// isCJKLanguage reports whether lang (a BCP 47 tag such as "zh-Hans") is
// Chinese, Japanese or Korean.
func isCJKLanguage(lang string) bool {
	primary, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	switch strings.ToLower(primary) {
	case "zh", "ja", "ko":
		return true
	}
	return false
}
