package preview

import (
	"bytes"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/svg"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

//go:embed assets
var assets embed.FS

// page is the preview's HTML page.
var pageTemplate = template.Must(template.ParseFS(assets, "assets/index.html"))

// tokenHeader is the request header that carries the session's token.
const tokenHeader = "X-Brochure-Token"

// contentSecurity allows the page its own script, style, fonts and requests and nothing
// else: no inline script, no frames around it, no form sent elsewhere. Style attributes are
// allowed for the SVG pages' text settings.
const contentSecurity = "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; font-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// handler routes the preview's requests; every other path is not found.
func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /app.js", s.asset("assets/app.js", "text/javascript; charset=utf-8"))
	mux.HandleFunc("GET /app.css", s.css)
	mux.HandleFunc("GET /fonts/{file}", s.font)
	mux.HandleFunc("GET /state", s.state)
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("POST /build", s.build)
	mux.HandleFunc("GET /files/{name}", s.file)
	return s.guard(mux)
}

// guard refuses every request whose Host is not the server's own address or localhost
// with its port (a page under another name that resolves to 127.0.0.1 must not read the
// preview) and sets the headers that keep the page to itself.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurity)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if !s.hosts[strings.ToLower(r.Host)] {
			http.Error(w, "forbidden: the preview answers only to its own address", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// stateChanging reports whether a state-changing request comes from the preview's own page:
// it carries the session token and the page's origin.
func (s *Server) stateChanging(r *http.Request) bool {
	tok := r.Header.Get(tokenHeader)
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
		return false
	}
	return r.Header.Get("Origin") == "http://"+r.Host
}

// index serves the page, in the language the browser asks for.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	lang := s.language(r)
	t := pageTexts(lang)
	var b bytes.Buffer
	err := pageTemplate.Execute(&b, map[string]any{
		"Lang": langCode(lang), "Token": s.token, "Texts": t, "T": t, "Fonts": fontURLs(),
	})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

// asset serves an embedded file.
func (s *Server) asset(name, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, err := assets.ReadFile(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(b)
	}
}

// css serves the page's style with the @font-face rules of the embedded fonts.
func (s *Server) css(w http.ResponseWriter, r *http.Request) {
	b, err := assets.ReadFile("assets/app.css")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Write([]byte(svg.FontFaces(fontURL)))
	w.Write(b)
}

// fontURL is the address of an embedded font face.
func fontURL(face string) string { return "/fonts/" + face + ".ttf" }

// fontURLs are the addresses of all embedded fonts.
func fontURLs() []string {
	var urls []string
	for _, f := range fonts.Faces {
		urls = append(urls, fontURL(f.Name))
	}
	return urls
}

// font serves an embedded font by its face's name.
func (s *Server) font(w http.ResponseWriter, r *http.Request) {
	for _, f := range fonts.Faces {
		if path.Base(fontURL(f.Name)) == r.PathValue("file") {
			w.Header().Set("Content-Type", "font/ttf")
			w.Header().Set("Cache-Control", "max-age=3600")
			http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.Data))
			return
		}
	}
	http.NotFound(w, r)
}

// state serves what the page shows now.
func (s *Server) state(w http.ResponseWriter, r *http.Request) {
	snap, _ := s.current()
	writeJSON(w, http.StatusOK, snap.in(s.language(r)))
}

// file serves one of the files the last build wrote, by its name.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	data, ok := s.built[r.PathValue("name")]
	s.mu.Unlock()
	name := r.PathValue("name")
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch path.Ext(name) {
	case ".pdf":
		w.Header().Set("Content-Type", "application/pdf")
	case ".xlsx":
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", "attachment; filename=\""+name+"\"")
	default:
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", "attachment; filename=\""+name+"\"")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(b)
}
