package preview

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// PollInterval is how often the data file's size and time are looked at, besides the file
// system's notifications, which may miss a change (on some network drives).
const PollInterval = time.Second

// settle is how long the preview waits after a notification before it reads the file: an
// editor's save may come as several writes.
const settle = 20 * time.Millisecond

// emptyWait is how long an empty data file is given to fill before the page says it is
// empty.
const emptyWait = 250 * time.Millisecond

// watch reloads the data whenever the data file changes, until ctx is done. It watches the
// file's directory, so that a file that an editor replaces (writes anew and renames) is
// seen too.
func (s *Server) watch(ctx context.Context) {
	file, err := filepath.Abs(s.cfg.File)
	if err != nil {
		file = s.cfg.File
	}
	var events <-chan fsnotify.Event
	var errs <-chan error
	w, err := fsnotify.NewWatcher()
	if err == nil {
		defer w.Close()
		if err = w.Add(filepath.Dir(file)); err == nil {
			events, errs = w.Events, w.Errors
		}
	}
	if err != nil {
		s.log(i18n.T("preview.log.nowatch", s.cfg.File, err, PollInterval.String()))
	}
	poll := time.NewTicker(PollInterval)
	defer poll.Stop()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	last := statOf(file)
	heldEmpty := false
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if sameName(filepath.Base(ev.Name), filepath.Base(file)) {
				timer.Reset(settle)
			}
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			s.log(i18n.T("preview.log.watch", s.cfg.File, err))
		case <-poll.C:
			if statOf(file) != last {
				timer.Reset(0)
			}
		case <-timer.C:
			last = statOf(file)
			if last.exists && last.size == 0 && !heldEmpty {
				// An editor that saves by truncating and writing again leaves the file
				// empty for a moment: look again before saying the file is empty.
				heldEmpty = true
				timer.Reset(emptyWait)
				continue
			}
			heldEmpty = false
			s.reload()
		}
	}
}

// fileStat is what the poll compares.
type fileStat struct {
	exists bool
	size   int64
	mod    time.Time
}

// statOf looks at a file.
func statOf(name string) fileStat {
	st, err := os.Stat(name)
	if err != nil {
		return fileStat{}
	}
	return fileStat{true, st.Size(), st.ModTime()}
}

// sameName reports whether two file names in one directory name the same file: letter case
// counts only where the file system minds it.
func sameName(a, b string) bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.EqualFold(a, b)
	}
	return a == b
}
