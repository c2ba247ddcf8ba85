package preview

import (
	"net/http"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// pageTexts are the words of the page by the key its script knows them by, from the
// catalogue in language l; {1}, {2} … stand where the script fills in its arguments.
func pageTexts(l i18n.Lang) map[string]string {
	ts := map[string]i18n.Text{
		"title":        i18n.T("preview.ui.title", "{1}"),
		"heading":      i18n.T("preview.ui.heading"),
		"data":         i18n.T("preview.ui.data", "{1}"),
		"stand":        i18n.T("preview.ui.stand", "{1}"),
		"updated":      i18n.T("preview.ui.updated", "{1}", "{2}"),
		"bleed":        i18n.T("preview.ui.bleed"),
		"guides":       i18n.T("preview.ui.guides"),
		"build":        i18n.T("preview.ui.build"),
		"building":     i18n.T("preview.ui.building"),
		"built":        i18n.T("preview.ui.built", "{1}", "{2}"),
		"notBuilt":     i18n.T("preview.ui.notbuilt"),
		"inUse":        i18n.T("preview.ui.inuse", "{1}"),
		"readOnly":     i18n.T("preview.ui.readonly", "{1}"),
		"unchanged":    i18n.T("preview.ui.unchanged"),
		"buildError":   i18n.T("preview.ui.builderror", "{1}"),
		"oneProblem":   i18n.T("preview.ui.problem", "{1}"),
		"problems":     i18n.T("preview.ui.problems", "{1}", "{2}"),
		"oneNote":      i18n.T("preview.ui.note"),
		"notes":        i18n.T("preview.ui.notes", "{1}"),
		"lastGood":     i18n.T("preview.ui.lastgood"),
		"noPages":      i18n.T("preview.ui.nopages"),
		"lineCol":      i18n.T("preview.ui.linecol", "{1}", "{2}"),
		"hint":         i18n.T("diag.hint", "{1}"),
		"clickHint":    i18n.T("preview.ui.clickhint"),
		"source":       i18n.T("preview.ui.source", "{1}", "{2}"),
		"notOnPage":    i18n.T("preview.ui.notonpage"),
		"page.outside": i18n.T("preview.ui.outside"),
		"page.inside":  i18n.T("preview.ui.inside"),
		"rosters":      i18n.T("preview.ui.rosters"),
		"rows":         i18n.T("preview.ui.rows", "{1}", "{2}", "{3}"),
		"offline":      i18n.T("preview.ui.offline"),
	}
	out := make(map[string]string, len(ts))
	for k, t := range ts {
		out[k] = t.In(l)
	}
	return out
}

// language picks the language of a request's answer: the first language of the browser's
// Accept-Language header that the catalogue has, else Config.Lang.
func (s *Server) language(r *http.Request) i18n.Lang {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		if l, ok := i18n.Parse(tag); ok {
			return l
		}
	}
	return s.cfg.Lang
}

// langCode is the HTML language code of l.
func langCode(l i18n.Lang) string {
	if l == i18n.German {
		return "de"
	}
	return "en"
}
