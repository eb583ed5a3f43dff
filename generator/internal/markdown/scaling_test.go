//go:build linux

package markdown

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// threadTime is the processor time this thread has used. Other processes on a
// busy machine take wall-clock time from a test, not this.
func threadTime(t *testing.T) time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ts.Nano())
}

// TestRenderTimeGrowsLinearly guards the complexity, not the speed: rendering
// four times the text may take about four times as long, never sixteen. Each
// input is one goldmark was once slow over, or one at the edge of a limit. The
// time is the thread's processor time, the best of three, with the collector
// off; inputs that take under 20 ms at the larger size are too quick to judge
// (and cannot be slow at the size limit). BenchmarkRenderSlowInputs has the
// figures at the size limit.
func TestRenderTimeGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("measures processor time")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	r := New(Options{Lang: "zh", ResolveLink: siteLinks})
	measure := func(src string) time.Duration {
		best := time.Hour
		for range 3 {
			start := threadTime(t)
			if _, err := r.Render([]byte(src)); err != nil {
				t.Fatal(err)
			}
			best = min(best, threadTime(t)-start)
			runtime.GC()
		}
		return best
	}
	const n = 64 << 10
	for _, in := range scalingInputs() {
		small, large := measure(in.make(n)), measure(in.make(4*n))
		t.Logf("%-36s %8v %8v ×%.1f", in.name, small.Round(time.Microsecond), large.Round(time.Microsecond), float64(large)/float64(max(small, 1)))
		if large > 20*time.Millisecond && large > 10*small {
			t.Errorf("%s: %v for %d KB, %v for %d KB: the time grows faster than the text", in.name, small, n>>10, large, 4*n>>10)
		}
	}
}

type scalingInput struct {
	name string
	make func(size int) string
}

// scalingInputs are the slow inputs (refused now, so this times the check that
// refuses them) and inputs at the edge of each limit, accepted.
func scalingInputs() []scalingInput {
	var out []scalingInput
	for _, c := range slowInputs(64 << 10) {
		name := c.name
		out = append(out, scalingInput{"refused: " + name, func(size int) string {
			for _, d := range slowInputs(size) {
				if d.name == name {
					return d.src
				}
			}
			return ""
		}})
	}
	repeat := func(s string) func(int) string {
		return func(size int) string { return strings.Repeat(s, size/len(s)) }
	}
	return append(out,
		scalingInput{"10,000 headings of one name", func(size int) string {
			h := strings.Repeat("## 小结\n\n", 10000)
			return h + repeat("正文，又一段。\n\n")(max(0, size-len(h)))
		}},
		scalingInput{"32 levels of quotes, line after line", repeat(strings.Repeat(">", 32) + " 深\n")},
		scalingInput{"paragraphs of 1000 lines", repeat(strings.Repeat("很长的一段话\n", 1000) + "\n")},
		scalingInput{"20,000 links in paragraphs of 1000 lines", func(size int) string {
			links := strings.Repeat(strings.Repeat("话[链](/x_(y))\n", 1000)+"\n", 20)
			return links + repeat("正文，又一段。\n\n")(max(0, size-len(links)))
		}},
		scalingInput{"Chinese paragraphs", repeat(strings.Repeat("青岛市财政局争取专项债额度\n", 20) + "\n")},
		scalingInput{"emphasis, 500 marks a paragraph", repeat(strings.Repeat("*重点* 正文 ", 250) + "\n\n")},
		scalingInput{"20,000 table cells", func(size int) string {
			t := strings.Repeat("|a|b|\n|-|-|\n"+strings.Repeat("|x|y|\n", 498)+"\n", 13)
			return t + repeat("正文，又一段。\n\n")(max(0, size-len(t)))
		}},
		scalingInput{"a table of 1,000 columns", func(size int) string {
			row := "|" + strings.Repeat("x|", 999) + "\n"
			t := strings.Replace(row, "x", "a", -1) + strings.Replace(row, "x", "-", -1) + strings.Repeat(row, 17)
			return t + repeat("正文，又一段。\n\n")(max(0, size-len(t)))
		}},
		scalingInput{"20,000 brackets in paragraphs of 1000", func(size int) string {
			b := strings.Repeat(strings.Repeat("[", 1000)+"\n\n", 20)
			return b + repeat("正文，又一段。\n\n")(max(0, size-len(b)))
		}},
		scalingInput{"20,000 footnote references", func(size int) string {
			refs := strings.Repeat(strings.Repeat("[^1]", 1000)+"\n\n", 20)
			return refs + repeat("正文，又一段。\n\n")(max(0, size-len(refs))) + "[^1]: x\n"
		}},
	)
}

// BenchmarkRenderSlowInputs renders each input of TestRenderTimeGrowsLinearly
// at the size limit of a content file (1 MB): the refused ones cost the check
// that refuses them, the accepted ones what goldmark takes at the edge of a
// limit. `go test -run - -bench RenderSlowInputs -benchtime 3x ./generator/internal/markdown`
func BenchmarkRenderSlowInputs(b *testing.B) {
	r := New(Options{Lang: "zh", ResolveLink: siteLinks})
	for _, in := range scalingInputs() {
		src := []byte(in.make(1<<20 - 64))
		b.Run(strings.ReplaceAll(in.name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := r.Render(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
