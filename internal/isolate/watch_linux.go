package isolate

import (
	"bytes"
	"os"
	"strconv"
	"sync"
	"time"
)

// linuxWatch polls the resident memory of the child from /proc.
type linuxWatch struct {
	quit chan struct{}
	wg   sync.WaitGroup
	peak int64
}

// watch polls the child's resident set every 10 ms and calls over when it exceeds limit.
func watch(p *os.Process, limit int64, over func()) watcher {
	w := &linuxWatch{quit: make(chan struct{})}
	path := "/proc/" + strconv.Itoa(p.Pid) + "/statm"
	page := int64(os.Getpagesize())
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-w.quit:
				return
			case <-t.C:
			}
			b, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			f := bytes.Fields(b)
			if len(f) < 2 {
				continue
			}
			pages, _ := strconv.ParseInt(string(f[1]), 10, 64)
			rss := pages * page
			w.peak = max(w.peak, rss)
			if limit > 0 && rss > limit {
				over()
			}
		}
	}()
	return w
}

func (w *linuxWatch) stop() int64 {
	close(w.quit)
	w.wg.Wait()
	return w.peak
}
