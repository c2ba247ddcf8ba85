package layout

import (
	"math"
	"slices"
	"strings"
)

// LooseRatio is how many times the median word gap of a page's justified body text a
// line's gaps may reach before the line counts as loose, as ../shared/tools/wordgaps.py
// counts it.
const LooseRatio = 1.5

// Evenness is how evenly a page's body text is set: the figures that
// ../shared/tools/wordgaps.py measures from a PDF, computed from the plan. The lines counted
// are the justified lines of body text (the size most justified lines of the page have) with
// three words or more, each by the mean gap between its words.
type Evenness struct {
	Lines int
	// P95 and Max are of the lines' gaps relative to the median line's gap; LooseShare is
	// the share of the lines above LooseRatio times the median.
	P95, Max, LooseShare float64
	// HyphenEnded is the share of the lines that end in a hyphen; HyphenRun the most such
	// lines in a row.
	HyphenEnded float64
	HyphenRun   int
	// LastMin is the shortest last line of a paragraph of several lines, in mm.
	LastMin float64
	// MinSpace is the narrowest gap relative to the natural word space.
	MinSpace float64
	// Loose are the loose lines in the order of the page.
	Loose []LooseLine
}

// LooseLine is a line whose word gaps are more than LooseRatio times the page's median:
// Ratio times it. Number counts the line within its paragraph, from 1.
type LooseLine struct {
	Line   *Line
	Ratio  float64
	Number int
}

// MeasureEvenness measures the body text of pg, the text of the size most of its justified
// lines have; ok is false when the page has no justified text to measure.
func MeasureEvenness(pg Page) (e Evenness, ok bool) {
	var lines []*Line
	sizes := map[float64]int{}
	for _, it := range pg.Items {
		if l, ok := it.(*Line); ok && len(l.Words) > 0 {
			lines = append(lines, l)
			if l.Justified {
				sizes[l.Size]++
			}
		}
	}
	body := 0.0
	for s, n := range sizes {
		if n > sizes[body] || n == sizes[body] && s < body {
			body = s
		}
	}
	e = Evenness{LastMin: math.Inf(1), MinSpace: math.Inf(1)}
	type counted struct {
		line   *Line
		gap    float64
		number int
	}
	var gaps []counted
	natural := 0.0
	hyphens, run, inPara, number, path := 0, 0, false, 0, ""
	for _, l := range lines {
		if l.Size != body {
			continue
		}
		if l.Path != path {
			number = 0
		}
		path = l.Path
		number++
		if !l.Justified {
			// A paragraph's last line, at natural spacing.
			natural = l.Space
			if inPara {
				last := l.Words[len(l.Words)-1]
				e.LastMin = min(e.LastMin, last.X+last.W-l.Words[0].X)
			}
			run, inPara = 0, false
			continue
		}
		inPara = true
		if len(l.Words) < 3 {
			continue
		}
		sum := 0.0
		for i := 1; i < len(l.Words); i++ {
			sum += l.Words[i].X - l.Words[i-1].X - l.Words[i-1].W
		}
		gaps = append(gaps, counted{l, sum / float64(len(l.Words)-1), number})
		if strings.HasSuffix(l.Words[len(l.Words)-1].Text, "-") {
			hyphens++
			run++
			e.HyphenRun = max(e.HyphenRun, run)
		} else {
			run = 0
		}
	}
	if len(gaps) == 0 || natural == 0 {
		return Evenness{}, false
	}
	sorted := make([]float64, len(gaps))
	for i, g := range gaps {
		sorted[i] = g.gap
	}
	slices.Sort(sorted)
	med := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		med = (sorted[len(sorted)/2-1] + med) / 2
	}
	e.Lines = len(gaps)
	e.HyphenEnded = float64(hyphens) / float64(len(gaps))
	e.MinSpace = sorted[0] / natural
	e.P95 = sorted[int(0.95*float64(len(sorted)-1))] / med
	e.Max = sorted[len(sorted)-1] / med
	for _, g := range gaps {
		if r := g.gap / med; r > LooseRatio {
			e.Loose = append(e.Loose, LooseLine{Line: g.line, Ratio: r, Number: g.number})
		}
	}
	e.LooseShare = float64(len(e.Loose)) / float64(len(gaps))
	return e, true
}
