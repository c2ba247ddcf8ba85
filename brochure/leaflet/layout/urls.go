package layout

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// isURL reports whether a word is a web address as the data writes them.
func isURL(word string) bool {
	return strings.HasPrefix(word, "https://") || strings.HasPrefix(word, "http://") || strings.HasPrefix(word, "www.")
}

// wrapURLs breaks every web address in text that is wider than width mm in style st after
// one of its slashes, so that each part fits a line, since the line breaker does not break
// addresses. It records the full address of every part, so that each part links to it.
func (b *builder) wrapURLs(text string, st style, width float64) string {
	f := b.fonts[st.font]
	lines := strings.Split(text, "\n")
	for k, line := range lines {
		words := strings.Split(line, " ")
		for j, word := range words {
			if !isURL(word) || f.Width(word, st.size) <= width {
				continue
			}
			var parts []string
			rest := word
			for f.Width(rest, st.size) > width {
				cut := -1
				for i := len(rest) - 1; i > 0; i-- {
					if rest[i-1] == '/' && f.Width(rest[:i], st.size) <= width {
						cut = i
						break
					}
				}
				if cut < 0 {
					break // no slash to break at: the line breaker reports the word
				}
				parts, rest = append(parts, rest[:cut]), rest[cut:]
			}
			parts = append(parts, rest)
			for _, p := range parts {
				b.urlParts[p] = brochure.LinkURL(word)
			}
			words[j] = strings.Join(parts, "\n")
		}
		lines[k] = strings.Join(words, " ")
	}
	return strings.Join(lines, "\n")
}
