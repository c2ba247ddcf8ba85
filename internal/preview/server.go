package preview

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Config says what a preview shows and where its build button writes.
type Config struct {
	// File is the data file to show and watch. When it is empty, Builtin is shown under
	// the name BuiltinName, and nothing is watched.
	File        string
	Builtin     []byte
	BuiltinName string
	// Out is the directory the build button writes the outputs into.
	Out string
	// Lang is the language of the page when the browser asks for none the catalogue has.
	Lang i18n.Lang
	// Log, when set, is told what the preview does: every new version of the data, every
	// build. The command line prints it.
	Log func(i18n.Text)
}

// Server is a running preview.
type Server struct {
	cfg   Config
	url   string
	hosts map[string]bool
	token string
	http  *http.Server

	mu       sync.Mutex
	snap     *snapshot     // what the page shows now
	good     *snapshot     // the last version without problems
	lastSrc  []byte        // the data the snapshot was made from
	changed  chan struct{} // closed and replaced when snap changes
	clients  int           // event streams open
	quit     chan struct{} // closed when the server stops
	buildMu  sync.Mutex    // one build at a time
	built    map[string][]byte
	stopped  chan struct{}
	serveErr error
}

// ShutdownTimeout is how long a stopping preview waits for requests under way (a build).
const ShutdownTimeout = 10 * time.Second

// Start loads the data, listens on addr (see Listen) and serves the preview until ctx is
// done; then it stops cleanly, and Wait returns.
func Start(ctx context.Context, cfg Config, addr string) (*Server, error) {
	ln, err := Listen(addr)
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 32)
	if _, err := rand.Read(tok); err != nil {
		ln.Close()
		return nil, i18n.Wrap(err, "preview.token", err)
	}
	tcp := ln.Addr().(*net.TCPAddr)
	s := &Server{
		cfg: cfg, url: "http://" + tcp.String() + "/", hosts: allowedHosts(tcp), token: hex.EncodeToString(tok),
		changed: make(chan struct{}), quit: make(chan struct{}), stopped: make(chan struct{}),
	}
	s.reload()
	s.http = &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- s.http.Serve(ln) }()
	watchCtx, stopWatch := context.WithCancel(context.Background())
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		if cfg.File != "" {
			s.watch(watchCtx)
		}
	}()
	go func() {
		defer close(s.stopped)
		var err error
		select {
		case <-ctx.Done():
		case err = <-served:
		}
		close(s.quit) // event streams end, so that the shutdown need not wait for them
		stopWatch()
		sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
		defer cancel()
		if serr := s.http.Shutdown(sctx); err == nil {
			err = serr
		}
		<-watched
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.serveErr = err
	}()
	return s, nil
}

// URL is the preview's address, e.g. http://127.0.0.1:49152/.
func (s *Server) URL() string { return s.url }

// Wait waits until the server has stopped and returns why, nil after a clean stop.
func (s *Server) Wait() error {
	<-s.stopped
	return s.serveErr
}

// log tells Config.Log, if set.
func (s *Server) log(t i18n.Text) {
	if s.cfg.Log != nil {
		s.cfg.Log(t)
	}
}

// name is the data's name as the page and the problems give it.
func (s *Server) name() string {
	if s.cfg.File == "" {
		return s.cfg.BuiltinName
	}
	return s.cfg.File
}

// read reads the data as a build would.
func (s *Server) read() ([]byte, error) {
	if s.cfg.File == "" {
		return s.cfg.Builtin, nil
	}
	return brochure.ReadFile(s.cfg.File)
}

// reload reads the data again and, when it changed, makes the next version that the page
// shows. It returns whether there was a new version.
func (s *Server) reload() bool {
	src, err := s.read()
	s.mu.Lock()
	same := s.snap != nil && err == nil && s.lastSrc != nil && bytes.Equal(src, s.lastSrc)
	s.mu.Unlock()
	if same {
		return false
	}
	snap := makeSnapshot(s.name(), src, err)
	s.mu.Lock()
	defer s.mu.Unlock()
	snap.Version = 1
	if s.snap != nil {
		snap.Version = s.snap.Version + 1
	}
	if snap.OK {
		snap.PagesVersion = snap.Version
		s.good = snap
	} else if s.good != nil {
		snap.Pages, snap.Tables, snap.Lines, snap.PagesVersion = s.good.Pages, s.good.Tables, s.good.Lines, s.good.PagesVersion
		if snap.Title == "" {
			snap.Title, snap.Stand = s.good.Title, s.good.Stand
		}
	}
	s.snap = snap
	s.lastSrc = nil
	if err == nil {
		s.lastSrc = src
	}
	close(s.changed)
	s.changed = make(chan struct{})
	if snap.OK {
		s.log(i18n.T("preview.log.shown", snap.Data, snap.Title, snap.Stand, snap.Version, snap.TookMS))
	} else {
		var ds brochure.Diagnostics
		count := 1
		if errors.As(snap.failure, &ds) {
			count = len(ds)
		}
		s.log(i18n.T("preview.log.problems", snap.Data, snap.Version, count))
	}
	return true
}

// current returns the snapshot shown now and the channel closed at the next change.
func (s *Server) current() (*snapshot, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snap, s.changed
}

// outDir is the absolute path of the output directory, as the page shows it.
func (s *Server) outDir() string {
	if abs, err := filepath.Abs(s.cfg.Out); err == nil {
		return abs
	}
	return s.cfg.Out
}
