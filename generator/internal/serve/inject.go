package serve

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"leitai/generator/internal/diag"
)

// reloadScript listens for the server's events: a reload once the rebuilt pages
// are in place, or the problems to show in an overlay. It is served only by
// `serve`. A page built at another version than the server's reloads on connect,
// so a rebuild that lands between the page's request and its connection is not
// missed.
const reloadScript = `(function () {
  var me = document.currentScript;
  var version = me && me.dataset.version;
  var es = new EventSource("/__leitai/events");
  function overlay(problems) {
    var o = document.getElementById("leitai-overlay");
    if (!problems || !problems.length) { if (o) o.remove(); return; }
    if (!o) { o = document.createElement("div"); o.id = "leitai-overlay"; o.setAttribute("role", "alert"); document.body.appendChild(o); }
    o.textContent = "";
    var h = document.createElement("strong"); h.textContent = "Leitai: the content has problems; showing the last good build"; o.appendChild(h);
    problems.forEach(function (p) {
      var pre = document.createElement("pre");
      pre.textContent = (p.file || "") + (p.line ? ":" + p.line : "") + (p.col ? ":" + p.col : "") + ": " + p.message + (p.hint ? "\n  hint: " + p.hint : "");
      o.appendChild(pre);
    });
  }
  es.addEventListener("reload", function (e) {
    if (e.data !== version) { location.reload(); }
  });
  es.addEventListener("problems", function (e) {
    var d = JSON.parse(e.data);
    overlay(d.problems);
  });
})();
`

// overlayStyle is inline because it exists only in the preview, never in a build.
const overlayStyle = `#leitai-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;` +
	`background:#2b0d0d;color:#ffe9e6;font:14px/1.5 ui-monospace,monospace;padding:12px 16px;border-top:4px solid #ff5a4f}` +
	`#leitai-overlay pre{white-space:pre-wrap;margin:8px 0 0}`

// decorate adds the reload script, and the overlay when there are errors, just
// before </body>.
func decorate(page []byte, version int64, problems diag.List) []byte {
	var b strings.Builder
	if problems.HasErrors() {
		fmt.Fprintf(&b, "<style>%s</style><div id=\"leitai-overlay\" role=\"alert\"><strong>Leitai: the content has problems; showing the last good build</strong>", overlayStyle)
		for _, p := range problems {
			if p.Severity != diag.Error {
				continue
			}
			msg := p.Pos.String() + ": " + p.Msg
			if p.Hint != "" {
				msg += "\n  hint: " + p.Hint
			}
			fmt.Fprintf(&b, "<pre>%s</pre>", html.EscapeString(msg))
		}
		b.WriteString("</div>")
	} else {
		fmt.Fprintf(&b, "<style>%s</style>", overlayStyle)
	}
	fmt.Fprintf(&b, `<script src="/__leitai/reload.js" data-version="%d"></script>`, version)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), b.String()...)
	}
	out := make([]byte, 0, len(page)+b.Len())
	out = append(out, page[:i]...)
	out = append(out, b.String()...)
	return append(out, page[i:]...)
}
