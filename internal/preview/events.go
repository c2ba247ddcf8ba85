package preview

import (
	"fmt"
	"net/http"
	"time"
)

// MaxClients is how many pages may listen for changes at once; a further one is refused
// (503) until one closes. A person has a tab or two open.
const MaxClients = 16

// keepAlive is how often an idle event stream sends a comment, so that a closed page is
// noticed.
const keepAlive = 15 * time.Second

// events streams server-sent events: "update" with the version number whenever the page
// has something new to show, the first one at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	s.mu.Lock()
	if s.clients >= MaxClients {
		s.mu.Unlock()
		http.Error(w, "too many preview pages are open: close some", http.StatusServiceUnavailable)
		return
	}
	s.clients++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.clients--
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	fmt.Fprint(w, "retry: 1000\n\n")
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	sent := 0
	for {
		snap, changed := s.current()
		if snap.Version != sent {
			sent = snap.Version
			fmt.Fprintf(w, "event: update\ndata: %d\n\n", sent)
		}
		fl.Flush()
		select {
		case <-changed:
		case <-tick.C:
			fmt.Fprint(w, ": alive\n\n")
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		}
	}
}
