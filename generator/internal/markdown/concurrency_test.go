package markdown

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// One Renderer is shared by every page of a language during a build. Run
// with -race: results must match sequential rendering, and heading IDs and
// broken links must not leak between documents.
func TestRenderConcurrent(t *testing.T) {
	r := New(Options{Lang: "zh", ResolveLink: siteLinks})
	docs := make([][]byte, 16)
	want := make([]Result, len(docs))
	for i := range docs {
		docs[i] = fmt.Appendf(nil,
			"# 标题 %d\n\n## 小节\n\n## 小节\n\n**“第%d篇”**是[链接](/departments/finance/)和[失效](/gone/%d/)。\n\n| a | b |\n|---|---|\n| %d | ~~删~~ |\n\n注[^1]\n\n[^1]: 脚注\n",
			i, i, i, i)
		res, err := r.Render(docs[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res
	}

	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 20 {
				i := (w + round) % len(docs)
				got, err := r.Render(docs[i])
				if err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Errorf("doc %d: concurrent result differs:\n got %+v\nwant %+v", i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
