package preview_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/preview"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// start starts a preview that stops when the test ends.
func start(t *testing.T, cfg preview.Config) *preview.Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := preview.Start(ctx, cfg, preview.DefaultAddr)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		if err := srv.Wait(); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	return srv
}

func write(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fixture starts a preview of a copy of the frozen data in a new folder and returns it, the
// data file and the output folder.
func fixture(t *testing.T) (*preview.Server, string, string) {
	t.Helper()
	dir := testkit.TempDir(t)
	file := filepath.Join(dir, "network.yaml")
	write(t, file, testkit.Network)
	out := filepath.Join(dir, "out")
	return start(t, preview.Config{File: file, Out: out}), file, out
}

// request sends a request to the preview with the given method, raw path and headers (Host
// among them) exactly as given, and returns the status and body.
func request(t *testing.T, srv *preview.Server, method, path string, header map[string]string) (int, string) {
	t.Helper()
	u, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, ok := header["Host"]; !ok {
		header = mapWith(header, "Host", u.Host)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n", method, path)
	for k, v := range header {
		fmt.Fprintf(&b, "%s: %s\r\n", k, v)
	}
	b.WriteString("\r\n")
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, b.String()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func mapWith(m map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for a, b := range m {
		out[a] = b
	}
	return out
}

// token reads the session token from the preview's page.
func token(t *testing.T, srv *preview.Server) string {
	t.Helper()
	code, page := request(t, srv, "GET", "/", nil)
	m := regexp.MustCompile(`name="brochure-token" content="([0-9a-f]{64})"`).FindStringSubmatch(page)
	if code != 200 || m == nil {
		t.Fatalf("GET /: %d, no token in the page", code)
	}
	return m[1]
}

// state reads what the page shows now.
type state struct {
	Version      int  `json:"version"`
	OK           bool `json:"ok"`
	PagesVersion int  `json:"pagesVersion"`
	Pages        []struct {
		Name string `json:"name"`
		SVG  string `json:"svg"`
	} `json:"pages"`
	Problems []struct {
		Line int    `json:"line"`
		Path string `json:"path"`
		Msg  string `json:"msg"`
	} `json:"problems"`
	Notes []struct {
		Line int    `json:"line"`
		Path string `json:"path"`
		Msg  string `json:"msg"`
		Hint string `json:"hint"`
	} `json:"notes"`
}

func getState(t *testing.T, srv *preview.Server) state {
	t.Helper()
	code, body := request(t, srv, "GET", "/state", nil)
	var st state
	if err := json.Unmarshal([]byte(body), &st); code != 200 || err != nil {
		t.Fatalf("GET /state: %d %v", code, err)
	}
	return st
}

// waitVersion waits until the preview shows version v.
func waitVersion(t *testing.T, srv *preview.Server, v int) state {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		st := getState(t, srv)
		if st.Version >= v {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("still version %d after 10 s, want %d", st.Version, v)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestListenLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.0.2.7:0", "example.com:0", "127.0.0.1", "localhost"} {
		if ln, err := preview.Listen(addr); err == nil {
			ln.Close()
			t.Errorf("Listen(%q) listens on %v", addr, ln.Addr())
		}
	}
	for _, addr := range []string{preview.DefaultAddr, "localhost:0", "LOCALHOST:0"} {
		ln, err := preview.Listen(addr)
		if err != nil {
			t.Errorf("Listen(%q): %v", addr, err)
			continue
		}
		if ip := ln.Addr().(*net.TCPAddr).IP; !ip.Equal(net.IPv4(127, 0, 0, 1)) {
			t.Errorf("Listen(%q) listens on %v, want 127.0.0.1", addr, ip)
		}
		ln.Close()
	}
	if _, err := preview.Listen("0.0.0.0:0"); err == nil || !strings.Contains(err.Error(), "not a loopback address") {
		t.Errorf("the refusal does not say why: %v", err)
	}
}

// TestServerBindsLoopback checks the address a started preview gives.
func TestServerBindsLoopback(t *testing.T) {
	srv, _, _ := fixture(t)
	u, _ := url.Parse(srv.URL())
	if host, _, _ := net.SplitHostPort(u.Host); host != "127.0.0.1" {
		t.Errorf("the preview is at %s, want 127.0.0.1", srv.URL())
	}
}

// TestForeignHostRefused checks the defence against DNS rebinding: a request that names
// another host, or this one with another port, gets nothing.
func TestForeignHostRefused(t *testing.T) {
	srv, _, _ := fixture(t)
	u, _ := url.Parse(srv.URL())
	_, port, _ := net.SplitHostPort(u.Host)
	for _, host := range []string{"evil.example:" + port, "evil.example", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example:" + port, "127.0.0.2:" + port, "[::1]:" + port, ""} {
		for _, path := range []string{"/", "/state", "/events", "/app.js", "/fonts/regular.ttf"} {
			code, body := request(t, srv, "GET", path, map[string]string{"Host": host})
			if code != http.StatusForbidden && code != http.StatusBadRequest || strings.Contains(body, "brochure-token") || strings.Contains(body, "Städtenetz") {
				t.Errorf("GET %s with Host %q: %d\n%.200s", path, host, code, body)
			}
		}
	}
	for _, host := range []string{u.Host, "localhost:" + port, "LocalHost:" + port} {
		if code, _ := request(t, srv, "GET", "/state", map[string]string{"Host": host}); code != 200 {
			t.Errorf("GET /state with Host %q: %d, want 200", host, code)
		}
	}
}

// TestBuildNeedsTokenAndOrigin checks that only the preview's own page can start a build:
// without the session's token, or from another origin, nothing is written.
func TestBuildNeedsTokenAndOrigin(t *testing.T) {
	srv, _, out := fixture(t)
	tok := token(t, srv)
	origin := strings.TrimSuffix(srv.URL(), "/")
	for _, h := range []map[string]string{
		{},
		{"Origin": origin},
		{"X-Brochure-Token": strings.Repeat("0", 64), "Origin": origin},
		{"X-Brochure-Token": tok[:63], "Origin": origin},
		{"X-Brochure-Token": tok},
		{"X-Brochure-Token": tok, "Origin": "http://evil.example"},
		{"X-Brochure-Token": tok, "Origin": "null"},
		{"X-Brochure-Token": tok, "Origin": origin + ".evil.example"},
	} {
		if code, _ := request(t, srv, "POST", "/build", h); code != http.StatusForbidden {
			t.Errorf("POST /build with %v: %d, want 403", h, code)
		}
	}
	if code, _ := request(t, srv, "GET", "/build", nil); code != http.StatusMethodNotAllowed {
		t.Errorf("GET /build: %d, want 405", code)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a refused build touched the output folder: %v", err)
	}
	code, body := request(t, srv, "POST", "/build", map[string]string{"X-Brochure-Token": tok, "Origin": origin})
	var res struct {
		OK    bool
		Dir   string
		Files []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(body), &res); code != 200 || err != nil || !res.OK {
		t.Fatalf("POST /build from the page: %d %v %s", code, err, body)
	}
	var names []string
	for _, f := range res.Files {
		names = append(names, f.Name)
		if _, err := os.Stat(filepath.Join(out, f.Name)); err != nil {
			t.Error(err)
		}
	}
	n, err := brochure.Load("network.yaml", testkit.Network)
	if err != nil {
		t.Fatal(err)
	}
	files, err := edition.Files(n)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range files {
		want = append(want, f.Name)
	}
	if !slices.Equal(names, want) || !slices.Contains(names, edition.LeafletScreen) {
		t.Errorf("the build wrote %v, want what `brochure build` writes: %v", names, want)
	}
	// The files it wrote are served, as they are on disk.
	code, pdf := request(t, srv, "GET", "/files/"+edition.LeafletScreen, nil)
	if disk := read(t, filepath.Join(out, edition.LeafletScreen)); code != 200 || pdf != string(disk) {
		t.Errorf("GET /files/%s: %d, %d bytes, %d on disk", edition.LeafletScreen, code, len(pdf), len(disk))
	}
}

// TestServesOnlyItsOwn checks that nothing but the preview's own resources is served: not
// the data file, not a file beside it, not a generated file before the build made it.
func TestServesOnlyItsOwn(t *testing.T) {
	srv, file, _ := fixture(t)
	write(t, filepath.Join(filepath.Dir(file), "secret.txt"), []byte("secret"))
	for _, path := range []string{
		"/network.yaml", "/secret.txt", "/out/leaflet.pdf", "/files/leaflet.pdf", "/files/network.yaml",
		"/files/..%2Fnetwork.yaml", "/files/%2e%2e%2fsecret.txt", "/fonts/..%2F..%2Fnetwork.yaml",
		"/fonts/OpenSans-Regular.ttf", "/fonts/regular", "/assets/app.js", "/assets/index.html",
		"/../network.yaml", "/fonts/../secret.txt", "/%2e%2e/secret.txt", "/etc/passwd", "/state/x",
	} {
		code, body := request(t, srv, "GET", path, nil)
		for i := 0; i < 3 && code/100 == 3; i++ { // a redirect to the cleaned path
			var loc string
			if m := regexp.MustCompile(`href="([^"]*)"`).FindStringSubmatch(body); m != nil {
				loc = m[1]
			}
			code, body = request(t, srv, "GET", loc, nil)
		}
		if code != http.StatusNotFound || strings.Contains(body, "secret") || strings.Contains(body, "Städtenetz") {
			t.Errorf("GET %s: %d, want 404\n%.200s", path, code, body)
		}
	}
	for _, path := range []string{"/", "/app.js", "/app.css", "/fonts/regular.ttf", "/fonts/semibold.ttf", "/state"} {
		if code, _ := request(t, srv, "GET", path, nil); code != 200 {
			t.Errorf("GET %s: %d, want 200", path, code)
		}
	}
}

// TestLiveReload edits the data file as editors do (in place, by a rename, by deleting it
// for a moment) and checks what the preview shows: each change a new version; a broken
// file its problem with the line and the last good pages; a fixed one fresh pages. Nothing
// is written beside the data.
func TestLiveReload(t *testing.T) {
	srv, file, _ := fixture(t)
	src := string(testkit.Network)
	if st := getState(t, srv); st.Version != 1 || !st.OK || len(st.Pages) != 2 {
		t.Fatalf("first state: version %d, ok %v, %d pages", st.Version, st.OK, len(st.Pages))
	} else if len(st.Notes) != 2 || st.Notes[0].Line == 0 || !strings.HasSuffix(st.Notes[0].Path, ".paragraphs[0]") ||
		!strings.Contains(st.Notes[0].Msg, "is set loose") || st.Notes[0].Hint == "" {
		// The frozen network's two loose lines (see layout's TestLooseLinesAreNoted).
		t.Errorf("first state's notes: %+v", st.Notes)
	}
	write(t, file, []byte(strings.Replace(src, "Integrierte Stadtteilentwicklung", "Integrierte Quartiersentwicklung", 1)))
	st := waitVersion(t, srv, 2)
	if !st.OK || st.PagesVersion != 2 || !strings.Contains(st.Pages[1].SVG, ">Quartiersentwicklung<") {
		t.Errorf("after an edit: ok %v, pages of version %d", st.OK, st.PagesVersion)
	}
	// A broken file: its problem, with its line; the pages of version 2 stay.
	bad := strings.Replace(src, `ags: "05334002"`, `ags: "0533400"`, 1)
	line := strings.Count(src[:strings.Index(src, `ags: "05334002"`)], "\n") + 1
	tmp := file + ".tmp"
	write(t, tmp, []byte(bad))
	if err := os.Rename(tmp, file); err != nil { // as an editor that saves by a rename
		t.Fatal(err)
	}
	st = waitVersion(t, srv, 3)
	if st.OK || len(st.Problems) != 1 || st.Problems[0].Line != line || st.Problems[0].Path != "members[0].ags" || st.PagesVersion != 2 || len(st.Pages) != 2 || len(st.Notes) != 0 {
		t.Errorf("a broken file: ok %v, problems %+v, pages of version %d; want line %d and the pages of version 2", st.OK, st.Problems, st.PagesVersion, line)
	}
	// Gone for a moment, then back.
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	st = waitVersion(t, srv, 4)
	if st.OK || len(st.Problems) != 1 || !strings.Contains(st.Problems[0].Msg, "network.yaml") {
		t.Errorf("a missing file: %+v", st.Problems)
	}
	write(t, file, testkit.Network)
	st = waitVersion(t, srv, 5)
	if !st.OK || st.PagesVersion != 5 || len(st.Problems) != 0 {
		t.Errorf("the fixed file: ok %v, pages of version %d, problems %+v", st.OK, st.PagesVersion, st.Problems)
	}
	// Saving the same bytes again is no new version.
	write(t, file, testkit.Network)
	time.Sleep(300 * time.Millisecond)
	if st := getState(t, srv); st.Version != 5 {
		t.Errorf("the same data again made version %d", st.Version)
	}
	// Saved as Notepad saves: emptied, and written a moment later. The empty file is no
	// version of its own.
	truncated := time.Now()
	if err := os.Truncate(file, 0); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	write(t, file, []byte(strings.Replace(src, "Integrierte Stadtteilentwicklung", "Integrierte Quartiersentwicklung", 1)))
	if time.Since(truncated) < 200*time.Millisecond {
		if st := waitVersion(t, srv, 6); !st.OK || st.Version != 6 {
			t.Errorf("after a save by truncating: version %d, ok %v, problems %+v", st.Version, st.OK, st.Problems)
		}
	} else {
		// The machine was too busy to write within the preview's grace for an empty file
		// (250 ms): an empty version may show; the written file must follow it.
		t.Logf("the file was written %v after it was emptied", time.Since(truncated))
		for v := 6; ; v++ {
			if st := waitVersion(t, srv, v); st.OK || v > 7 {
				if !st.OK {
					t.Errorf("after a slow save by truncating: version %d, ok %v, problems %+v", st.Version, st.OK, st.Problems)
				}
				break
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"network.yaml"}) {
		t.Errorf("the folder of the data holds %v; the preview wrote something", names)
	}
}

// TestEventsAndCleanStop listens to the event stream: an update at once and one after an
// edit; then the preview is stopped while the stream is open, and stops at once, cleanly.
func TestEventsAndCleanStop(t *testing.T) {
	dir := testkit.TempDir(t)
	file := filepath.Join(dir, "network.yaml")
	write(t, file, testkit.Network)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := preview.Start(ctx, preview.Config{File: file, Out: filepath.Join(dir, "out")}, preview.DefaultAddr)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(srv.URL() + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("content type %q", ct)
	}
	events := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				events <- d
			}
		}
		close(events)
	}()
	next := func() string {
		select {
		case e, ok := <-events:
			if !ok {
				return "closed"
			}
			return e
		case <-time.After(10 * time.Second):
			return "nothing in 10 s"
		}
	}
	if e := next(); e != "1" {
		t.Errorf("first event %q, want version 1", e)
	}
	write(t, file, []byte(strings.Replace(string(testkit.Network), "Integrierte Stadtteilentwicklung", "Integrierte Quartiersentwicklung", 1)))
	if e := next(); e != "2" {
		t.Errorf("after an edit the event %q, want version 2", e)
	}
	start := time.Now()
	cancel()
	if err := srv.Wait(); err != nil {
		t.Errorf("stop: %v", err)
	}
	if e := next(); e != "closed" {
		t.Errorf("after the stop the stream gives %q", e)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the stop took %v", d)
	}
	if _, err := http.Get(srv.URL()); err == nil {
		t.Error("the stopped preview still answers")
	}
}

// TestTooManyStreams checks the limit of open event streams.
func TestTooManyStreams(t *testing.T) {
	srv, _, _ := fixture(t)
	var open []*http.Response
	defer func() {
		for _, r := range open {
			r.Body.Close()
		}
	}()
	for i := 0; i < preview.MaxClients; i++ {
		r, err := http.Get(srv.URL() + "events")
		if err != nil || r.StatusCode != 200 {
			t.Fatalf("stream %d: %v", i+1, err)
		}
		open = append(open, r)
	}
	r, err := http.Get(srv.URL() + "events")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("stream %d: %d, want 503", preview.MaxClients+1, r.StatusCode)
	}
}

// TestLanguage checks that the page and the problems speak the browser's language, and the
// command line's where the browser asks for one the catalogue lacks.
func TestLanguage(t *testing.T) {
	dir := testkit.TempDir(t)
	file := filepath.Join(dir, "network.yaml")
	write(t, file, []byte(strings.Replace(string(testkit.Network), `ags: "05334002"`, `ags: "0533400"`, 1)))
	srv := start(t, preview.Config{File: file, Out: filepath.Join(dir, "out"), Lang: i18n.German})
	for _, tc := range []struct{ accept, lang, where, msg string }{
		{"de-DE,de;q=0.9,en;q=0.8", "de", "Mitglied „Aachen“ (Nr. 1), ags", "ist kein achtstelliger AGS"},
		{"en-GB,en;q=0.9", "en", `member "Aachen" (no. 1), ags`, "is not an 8-digit AGS"},
		{"fr-FR,fr", "de", "Mitglied „Aachen“ (Nr. 1), ags", "ist kein achtstelliger AGS"},
	} {
		h := map[string]string{"Accept-Language": tc.accept}
		_, page := request(t, srv, "GET", "/", h)
		if !strings.Contains(page, `<html lang="`+tc.lang+`">`) {
			t.Errorf("%s: the page is not in %s", tc.accept, tc.lang)
		}
		_, body := request(t, srv, "GET", "/state", h)
		var st struct {
			Problems []struct{ Where, Msg string }
		}
		if err := json.Unmarshal([]byte(body), &st); err != nil || len(st.Problems) != 1 {
			t.Fatalf("%s: %v %s", tc.accept, err, body)
		}
		if p := st.Problems[0]; p.Where != tc.where || !strings.Contains(p.Msg, tc.msg) {
			t.Errorf("%s: the problem is %q: %q; want %q: …%s…", tc.accept, p.Where, p.Msg, tc.where, tc.msg)
		}
	}
}
