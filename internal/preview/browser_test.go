package preview_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/roster"
	"github.com/staedtenetz-nrw/brochure/internal/preview"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// The comparison of the preview's pages with pdftoppm's renders of the screen PDF, both
// 1188 × 840 px (4 px per mm). Chromium puts every text line's baseline on a whole pixel, and
// its anti-aliasing differs from poppler's, so a plain pixel difference of the same page is
// large along every glyph (mean about 7 on the text-heavy inside, where lines sit up to
// 1 px = 0.25 mm off). The measure therefore forgives a displacement of up to shift px: a
// pixel's difference is the smallest against the other image's pixels around it, taken both
// ways. Measured on the frozen data (Chromium 156, poppler 22): mean 1.8 (inside) and 0.6
// (outside), the worst tile of 6 × 6 mm 10 on either side. The same page moved by 0.5 mm
// gives means of 6.7 and 2.9 and worst tiles of 27 and 61; a missing word, a wrong colour or
// a line 1 mm off more; even the justified lines painted without their font expansion
// (glyphs 2 % too narrow) give 2.5 and 16 on the inside. The thresholds sit above the
// measured noise with a margin of half again, and the test checks that a move by 0.5 mm
// exceeds them.
const (
	shift       = 1   // px forgiven
	maxMeanDiff = 2.5 // mean over the page, in 8-bit channel values
	maxTileDiff = 15  // mean over the worst tile
	tilePx      = 24  // 6 mm
)

// TestBrowser drives the preview in headless Chromium as a person uses it: the pages look
// like the screen PDF, every word of the plan is on them, a save of the data file redraws
// them without a reload, a broken file shows its problem with its line over the dimmed
// last good pages and the fix clears it, a click on a text shows its place in the data, and
// the build button writes the outputs.
func TestBrowser(t *testing.T) {
	chromium := testkit.Tool(t, "chromium")
	testkit.Tool(t, "pdftoppm")
	dir := t.TempDir()
	file := filepath.Join(dir, "network.yaml")
	out := filepath.Join(dir, "out")
	write(t, file, testkit.Network)
	srv := start(t, preview.Config{File: file, Out: out})

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-device-scale-factor", "1"), chromedp.Flag("accept-lang", "de-DE,de"),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1300, 1000))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()

	do(t, ctx, "load the page", chromedp.Navigate(srv.URL()))
	wait(t, ctx, "the pages", `document.body.dataset.version === "1" && document.querySelectorAll('svg.sheet').length === 2`)
	eval[Void](t, ctx, `Promise.all([document.fonts.load('10px brochure-regular'), document.fonts.load('10px brochure-semibold')]).then(() => true)`, chromedp.EvalAwaitPromise)
	if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != "de" {
		t.Errorf("page language %q, want de for a German browser", lang)
	}
	eval[Void](t, ctx, `window.notReloaded = true`)

	n, err := brochure.Load(file, testkit.Network)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := edition.Layout(n)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("every word of the plan", func(t *testing.T) {
		for _, pg := range plan.Pages {
			var want []string
			for _, it := range pg.Items {
				if l, ok := it.(*layout.Line); ok {
					for _, w := range l.Words {
						want = append(want, w.Text)
					}
				}
			}
			got := eval[[]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('svg.sheet[data-page=%q] g.line text')].map(e => e.textContent)`, pg.Name))
			if !slices.Equal(got, want) {
				t.Errorf("page %s shows %d words, the plan has %d", pg.Name, len(got), len(want))
			}
		}
	})

	t.Run("bleed on request", func(t *testing.T) {
		do(t, ctx, "show the bleed", chromedp.Click(chromedp.CSS("#bleed")))
		box := eval[string](t, ctx, `document.querySelector('svg.sheet').getAttribute('viewBox')`)
		trim := eval[string](t, ctx, `getComputedStyle(document.querySelector('svg.sheet .trim')).display`)
		b := plan.BleedMM
		if want := fmt.Sprintf("%g %g %g %g", -b, -b, plan.TrimW+2*b, plan.TrimH+2*b); box != want || trim == "none" {
			t.Errorf("with the bleed: view box %q, trim line %s; want %q and the trim drawn", box, trim, want)
		}
		eval[Void](t, ctx, `window.scrollTo(0, 0)`)
		keep(t, ctx, "bleed")
		do(t, ctx, "hide the bleed", chromedp.Click(chromedp.CSS("#bleed")))
		if box := eval[string](t, ctx, `document.querySelector('svg.sheet').getAttribute('viewBox')`); box != fmt.Sprintf("0 0 %g %g", plan.TrimW, plan.TrimH) {
			t.Errorf("without the bleed: view box %q", box)
		}
	})

	t.Run("roster tables", func(t *testing.T) {
		var want []int
		for _, tb := range roster.Tables(n) {
			want = append(want, len(tb.Rows))
		}
		got := eval[[]int](t, ctx, `[...document.querySelectorAll('#tables table')].map(t => t.tBodies[0].rows.length)`)
		if !slices.Equal(got, want) || len(want) < 5 {
			t.Errorf("rows of the roster tables: %v, want %v", got, want)
		}
	})

	t.Run("build button", func(t *testing.T) {
		do(t, ctx, "click build", chromedp.Click(chromedp.CSS("#build")))
		wait(t, ctx, "the build's result", `document.querySelector('#build-result a') !== null`)
		got := eval[string](t, ctx, `document.getElementById('build-result').textContent`)
		if !strings.Contains(got, "Dateien geschrieben in "+out) || !strings.Contains(got, edition.LeafletScreen) {
			t.Errorf("build result: %q", got)
		}
		keep(t, ctx, "built")
	})

	t.Run("pages look like the screen PDF", func(t *testing.T) {
		if raceEnabled {
			t.Skip("the pixel comparison is slow under the race detector; the plain run does it")
		}
		pdf := filepath.Join(out, edition.LeafletScreen)
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("no screen PDF from the build button: %v", err)
		}
		testkit.Run(t, "pdftoppm", "-png", "-scale-to-x", "1188", "-scale-to-y", "840", pdf, filepath.Join(dir, "ref"))
		do(t, ctx, "hide the guides", chromedp.Click(chromedp.CSS("#guides")))
		// 4 px per mm, and the header, which stays on top when the page scrolls, out of the way.
		eval[Void](t, ctx, `document.querySelector('header').style.position = 'static';
			document.querySelectorAll('svg.sheet').forEach(s => s.style.width = '1188px')`)
		for i, pg := range plan.Pages {
			got, shot := sheetShot(t, ctx, pg.Name)
			if d := os.Getenv("PREVIEW_SHOTS"); d != "" {
				os.WriteFile(filepath.Join(d, "preview-"+pg.Name+".png"), shot, 0o644)
			}
			want := decode(t, read(t, filepath.Join(dir, fmt.Sprintf("ref-%d.png", i+1))))
			mean, tile := compare(t, got, want)
			t.Logf("page %s: difference %.2f, worst %d px tile %.1f", pg.Name, mean, tilePx, tile)
			if mean > maxMeanDiff || tile > maxTileDiff {
				os.WriteFile(filepath.Join(os.TempDir(), "preview-"+pg.Name+".png"), shot, 0o644)
				writeDiff(filepath.Join(os.TempDir(), "preview-"+pg.Name+"-diff.png"), got, want)
				t.Errorf("page %s differs from the screen PDF: mean %.2f (at most %v), worst tile %.1f (at most %v); screenshot and difference in %s",
					pg.Name, mean, maxMeanDiff, tile, maxTileDiff, os.TempDir())
			}
			// The measure sees a page moved by 0.5 mm.
			if mean, tile := compare(t, moved(want, 2), want); mean <= maxMeanDiff && tile <= maxTileDiff {
				t.Errorf("page %s moved by 0.5 mm passes the comparison: mean %.2f, tile %.1f", pg.Name, mean, tile)
			}
		}
		eval[Void](t, ctx, `document.querySelectorAll('svg.sheet').forEach(s => s.style.width = ''); document.querySelector('header').style.position = ''`)
		do(t, ctx, "show the guides", chromedp.Click(chromedp.CSS("#guides")))
	})

	t.Run("click shows the place in the data", func(t *testing.T) {
		path := "leaflet.blocks[6].paragraphs[0]"
		line := n.Positions[path].Line
		text := strings.TrimSpace(strings.Split(string(testkit.Network), "\n")[line-1])
		do(t, ctx, "click a word", chromedp.Click(chromedp.CSS(fmt.Sprintf(`svg.sheet g.line[data-path=%q] text`, path))))
		info := eval[string](t, ctx, `document.getElementById('info').textContent`)
		if want := fmt.Sprintf("%s – Zeile %d:", path, line); !strings.HasPrefix(info, want) || !strings.Contains(info, text[:60]) {
			t.Errorf("after the click the page says %q, want %q and the line's text %q", info, want, text)
		}
		marked := eval[int](t, ctx, `document.querySelectorAll('svg.sheet .picked').length`)
		keep(t, ctx, "clicked")
		at := eval[[]float64](t, ctx, `(() => {
			const s = document.querySelector('svg.sheet[data-page=inside]');
			s.scrollIntoView({block: 'center'});
			const r = s.getBoundingClientRect();
			return [r.x + 8, r.y + r.height / 2]; // in the margin left of the text
		})()`)
		do(t, ctx, "click beside the texts", chromedp.MouseClickXY(at[0], at[1]))
		lines := 0
		for _, it := range plan.Pages[1].Items {
			if l, ok := it.(*layout.Line); ok && l.Path == path {
				lines++
			}
		}
		if cleared := eval[int](t, ctx, `document.querySelectorAll('svg.sheet .picked').length`); marked != lines || lines < 2 || cleared != 0 {
			t.Errorf("%d lines marked, %d after a click elsewhere; want the paragraph's %d and 0", marked, cleared, lines)
		}
	})

	t.Run("the loose lines are noted and marked on a click", func(t *testing.T) {
		got := eval[string](t, ctx, `document.getElementById('notes').hidden ? '' : document.getElementById('notes').textContent`)
		if !strings.Contains(got, "2 Anmerkungen zum Satz") || !strings.Contains(got, "Zeile 1 des Absatzes, „Seit Anfang 1999") || !strings.Contains(got, "ändern Sie ein Wort") {
			t.Errorf("the notes say %q", got)
		}
		do(t, ctx, "click the first note", chromedp.Click(chromedp.CSS(`#note-list li`)))
		eval[Void](t, ctx, `window.scrollTo(0, 0)`)
		keep(t, ctx, "notes")
		path := eval[string](t, ctx, `document.querySelector('#note-list li').dataset.path`)
		if marked := eval[int](t, ctx, `document.querySelectorAll('svg.sheet .hit').length`); !strings.HasSuffix(path, ".paragraphs[0]") || marked < 2 {
			t.Errorf("a click on the note of %q marks %d lines, want the paragraph's", path, marked)
		}
	})

	src := string(testkit.Network)
	t.Run("a save redraws the pages", func(t *testing.T) {
		var took []time.Duration
		for i, word := range []string{"Quartiersentwicklung", "Stadtentwicklung", "Stadtteilentwicklung"} {
			edited := strings.Replace(src, "heading: Integrierte Stadtteilentwicklung", "heading: Integrierte "+word, 1)
			start := time.Now()
			write(t, file, []byte(edited))
			wait(t, ctx, "the new heading", fmt.Sprintf(`[...document.querySelectorAll('svg.sheet g.line text')].some(e => e.textContent === %q) && document.body.dataset.version === "%d"`, word, i+2))
			took = append(took, time.Since(start))
		}
		if !eval[bool](t, ctx, `window.notReloaded === true`) {
			t.Error("the page was reloaded")
		}
		sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
		t.Logf("save to repaint: %v (median of %v)", took[len(took)/2], took)
		if took[len(took)/2] > time.Second && !raceEnabled { // the race detector slows the server tenfold
			t.Errorf("save to repaint took %v, want well under a second", took[len(took)/2])
		}
	})

	t.Run("a broken file shows its problem and the fix clears it", func(t *testing.T) {
		bad := strings.Replace(src, `ags: "05334002"`, `ags: "0533400"`, 1)
		line := strings.Count(src[:strings.Index(src, `ags: "05334002"`)], "\n") + 1
		write(t, file, []byte(bad))
		wait(t, ctx, "the problem", fmt.Sprintf(`[...document.querySelectorAll('#problem-list li')].some(li => li.textContent.includes('Zeile %d,'))`, line))
		got := eval[string](t, ctx, `document.getElementById('problems').textContent`)
		if !strings.Contains(got, fmt.Sprintf("Zeile %d, Spalte", line)) || !strings.Contains(got, "Mitglied „Aachen“ (Nr. 1), ags: ") || !strings.Contains(got, `ags: "0533400"`) {
			t.Errorf("the problems say %q, want line %d, the member and the line's text", got, line)
		}
		if path := eval[string](t, ctx, `document.querySelector('#problem-list li').dataset.path`); path != "members[0].ags" {
			t.Errorf("the problem's path is %q", path)
		}
		if !strings.Contains(got, "letzten fehlerfreien Stand") {
			t.Errorf("the problems do not say the pages are the last good ones: %q", got)
		}
		eval[Void](t, ctx, `window.scrollTo(0, 0)`)
		keep(t, ctx, "broken")
		opacity := eval[string](t, ctx, `getComputedStyle(document.getElementById('pages')).opacity`)
		pages := eval[int](t, ctx, `document.querySelectorAll('svg.sheet').length`)
		if opacity == "1" || pages != 2 {
			t.Errorf("with problems the pages have opacity %s and %d sheets, want dimmed and both", opacity, pages)
		}
		write(t, file, testkit.Network)
		wait(t, ctx, "the problems to go", `document.getElementById('problems').hidden && !document.body.classList.contains('stale')`)
		if !eval[bool](t, ctx, `window.notReloaded === true`) {
			t.Error("the page was reloaded")
		}
	})
}

// sheetShot scrolls a sheet to the top of the view and returns its picture as the browser
// shows it, and the whole view's PNG.
func sheetShot(t *testing.T, ctx context.Context, name string) (image.Image, []byte) {
	t.Helper()
	r := eval[[]float64](t, ctx, fmt.Sprintf(`(() => {
		const s = document.querySelector('svg.sheet[data-page=%q]');
		window.scrollTo(0, s.getBoundingClientRect().top + scrollY);
		const r = s.getBoundingClientRect();
		return [r.x, r.y, r.width, r.height];
	})()`, name))
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	view := decode(t, shot)
	// The browser paints the sheet from the nearest whole pixel.
	x, y := int(math.Round(r[0])), int(math.Round(r[1]))
	box := image.Rect(x, y, x+int(math.Round(r[2])), y+int(math.Round(r[3])))
	if !box.In(view.Bounds()) {
		t.Fatalf("sheet %s at %v, not within the view %v", name, r, view.Bounds())
	}
	return view.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(box), shot
}

// keep saves what the browser shows now as NAME.png in the folder PREVIEW_SHOTS names, for a
// person to look at; without it, nothing.
func keep(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("PREVIEW_SHOTS")
	if dir == "" {
		return
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, name+".png"), shot)
}

// Void is any result to ignore.
type Void = chromedp.Void

// do runs browser actions.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, js string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// wait waits up to 10 s for a JavaScript condition, checked at every frame.
func wait(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// raster is an image as 8-bit RGBA, row by row.
type raster struct {
	w, h int
	pix  []uint8
}

func rgb(img image.Image) raster {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	return raster{b.Dx(), b.Dy(), out.Pix}
}

// near returns the smallest difference (summed over the channels) between a's pixel (x, y)
// and b's pixels within shift of it.
func near(a, b raster, x, y int) int {
	p := a.pix[4*(y*a.w+x):]
	best := 3 * 255
	for yy := max(0, y-shift); yy <= min(b.h-1, y+shift); yy++ {
		for xx := max(0, x-shift); xx <= min(b.w-1, x+shift); xx++ {
			q := b.pix[4*(yy*b.w+xx):]
			best = min(best, abs(int(p[0])-int(q[0]))+abs(int(p[1])-int(q[1]))+abs(int(p[2])-int(q[2])))
		}
	}
	return best
}

// compare returns the difference of two images of one size that forgives a displacement of
// shift px (see maxMeanDiff): its mean over all pixels and its largest mean over a tile of
// tilePx × tilePx pixels.
func compare(t *testing.T, ai, bi image.Image) (mean, worstTile float64) {
	t.Helper()
	a, b := rgb(ai), rgb(bi)
	if a.w != b.w || a.h != b.h {
		t.Fatalf("sizes differ: %dx%d and %dx%d", a.w, a.h, b.w, b.h)
	}
	tw := (a.w + tilePx - 1) / tilePx
	tiles := make([]float64, tw*((a.h+tilePx-1)/tilePx))
	counts := make([]int, len(tiles))
	total := 0.0
	for y := range a.h {
		for x := range a.w {
			d := float64(max(near(a, b, x, y), near(b, a, x, y))) / 3
			total += d
			k := (y/tilePx)*tw + x/tilePx
			tiles[k] += d
			counts[k]++
		}
	}
	for k := range tiles {
		worstTile = max(worstTile, tiles[k]/float64(counts[k]))
	}
	return total / float64(a.w*a.h), worstTile
}

// moved returns img moved right and down by d pixels on white.
func moved(img image.Image, d int) image.Image {
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, out.Bounds().Add(image.Pt(d, d)), img, img.Bounds().Min, draw.Src)
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// writeDiff writes the difference of two images, four times amplified, for a person to look at.
func writeDiff(name string, a, b image.Image) {
	r := a.Bounds()
	d := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	for y := range r.Dy() {
		for x := range r.Dx() {
			r1, g1, b1, _ := a.At(r.Min.X+x, r.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(b.Bounds().Min.X+x, b.Bounds().Min.Y+y).RGBA()
			v := 255 - min(255, 4*(absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2))/3/257)
			d.Pix[y*d.Stride+x] = uint8(v)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, d)
	os.WriteFile(name, buf.Bytes(), 0o644)
}

func absDiff(a, b uint32) float64 {
	if a > b {
		return float64(a - b)
	}
	return float64(b - a)
}
