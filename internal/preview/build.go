package preview

import (
	"errors"
	"net/http"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// buildResult is the answer to the build button, as the page reads it.
type buildResult struct {
	OK bool `json:"ok"`
	// Dir is the absolute path of the output directory.
	Dir   string      `json:"dir"`
	Files []builtFile `json:"files,omitempty"`
	// Problems are the data's problems when it has any; nothing was written then.
	Problems []problem `json:"problems,omitempty"`
	// Blocked are the outputs that another program holds open or that are write-protected;
	// nothing was written then.
	Blocked []blocked `json:"blocked,omitempty"`
	// Error is any other failure.
	Error string `json:"error,omitempty"`
}

type builtFile struct {
	Name string `json:"name"`
	Size int    `json:"size"`
}

type blocked struct {
	Path     string `json:"path"`
	ReadOnly bool   `json:"readOnly"`
}

// build runs the command line's build on the data file as it is on disk now: every output
// made in memory, then written all or nothing by the file writer, which first checks that
// no output is held open. Only the preview's own page may ask for it.
func (s *Server) build(w http.ResponseWriter, r *http.Request) {
	if !s.stateChanging(r) {
		http.Error(w, "forbidden: a build must come from the preview's own page", http.StatusForbidden)
		return
	}
	if !s.buildMu.TryLock() {
		http.Error(w, "a build is already running", http.StatusConflict)
		return
	}
	defer s.buildMu.Unlock()
	lang := s.language(r)
	res := buildResult{Dir: s.outDir()}
	files, src, err := s.makeFiles()
	if err == nil {
		set := make([]fileset.File, len(files))
		for i, f := range files {
			set[i] = fileset.File(f)
		}
		err = (&fileset.Writer{Dir: s.cfg.Out}).WriteAll(set)
	}
	var ds brochure.Diagnostics
	var inUse *fileset.InUseError
	switch {
	case err == nil:
		res.OK = true
		built := map[string][]byte{}
		for _, f := range files {
			res.Files = append(res.Files, builtFile{f.Name, len(f.Data)})
			built[f.Name] = f.Data
		}
		s.mu.Lock()
		s.built = built
		s.mu.Unlock()
		s.log(i18n.T("preview.log.built", len(files), res.Dir))
	case errors.As(err, &ds):
		res.Problems = problems(s.name(), err, brochure.Lines(src), lang)
	case errors.As(err, &inUse):
		for _, f := range inUse.Files {
			res.Blocked = append(res.Blocked, blocked{f.Path, f.ReadOnly})
		}
	default:
		res.Error = i18n.Localise(err, lang)
	}
	if !res.OK {
		s.log(i18n.T("preview.log.notbuilt", err))
	}
	writeJSON(w, http.StatusOK, res)
}

// makeFiles reads the data as it is now and makes every output in memory; it returns the
// data it read too.
func (s *Server) makeFiles() ([]brochure.File, []byte, error) {
	src, err := s.read()
	if err != nil {
		return nil, nil, err
	}
	n, err := brochure.Load(s.name(), src)
	if err != nil {
		return nil, src, err
	}
	files, err := edition.Files(n)
	return files, src, err
}
