package brochure

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// withoutLeaflet returns the frozen test data with its leaflet section replaced by tail.
func withoutLeaflet(t *testing.T, tail string) []byte {
	t.Helper()
	i := bytes.Index(testkit.Network, []byte("\nleaflet:"))
	if i < 0 {
		t.Fatal("the test data has no leaflet section")
	}
	return append(slices.Clone(testkit.Network[:i+1]), tail...)
}

// TestStandardLeaflet checks that a network without a leaflet section gets the standard
// leaflet made from its data alone: blocks, panels, flow, and diagnostics that point at the
// data each block is made from.
func TestStandardLeaflet(t *testing.T) {
	n, err := Load("network.yaml", withoutLeaflet(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	l := n.Leaflet
	var ids []string
	for _, b := range l.Blocks {
		ids = append(ids, b.ID+":"+b.Kind)
	}
	want := "cover:cover map:map members:members office:office qr:qr figures:figures areas:text institutions:text sources:text"
	if got := strings.Join(ids, " "); got != want || !l.Standard {
		t.Errorf("blocks %s (standard %v), want %s", got, l.Standard, want)
	}
	plan := func(ps [][]string) string {
		var s []string
		for _, p := range ps {
			s = append(s, strings.Join(p, ","))
		}
		return strings.Join(s, " | ")
	}
	if got := plan(l.Outside) + " / " + plan(l.Inside); got != "map,members | office,qr | cover / figures,areas,institutions,sources |  | " {
		t.Errorf("panels %s", got)
	}
	if got := strings.Join(l.Flow, ","); got != "inside 1,inside 2,inside 3" {
		t.Errorf("flow %s", got)
	}
	b := l.Blocks
	if b[0].Heading != "Städtenetz Soziale Stadt NRW" || b[3].Heading != "Soziale Stadt NRW" || b[4].Caption != "{{network.website}}" {
		t.Errorf("cover %q, office %q, QR caption %q", b[0].Heading, b[3].Heading, b[4].Caption)
	}
	var figs []string
	for _, f := range b[5].Figures {
		s, err := n.Expand(f.Value)
		if err != nil {
			t.Fatal(err)
		}
		figs = append(figs, s+" "+f.Label)
	}
	if got := strings.Join(figs, "; "); got != "28 Mitglieder; 41 Programmgebiete; 21 Jahre seit der Gründung; 3 Partner" {
		t.Errorf("figures: %s", got)
	}
	if p := b[6].Paragraphs; len(p) != 1 || !strings.HasPrefix(p[0], "Aachen (Aachen-Nord, Aachen-Ost), Ahlen (Ahlen-Süd), ") ||
		strings.Contains(p[0], "Krefeld") {
		t.Errorf("areas: %q (one paragraph of the current members)", p)
	}
	if p := b[7].Paragraphs; len(p) != 3 || p[0] != "Deutsches Institut für Urbanistik (Difu): ständiger Teilnehmer" {
		t.Errorf("institutions: %q", p)
	}
	if p := b[8].Paragraphs; len(p) != len(n.Sources) || p[0] != n.Sources[0].Credit {
		t.Errorf("sources: %q", p)
	}
	// A block's diagnostics point at the data it is made from.
	for i, path := range map[int]string{0: "network.name", 1: "members", 3: "office", 4: "network.website", 7: "institutions", 8: "sources"} {
		if got, want := n.Positions.At(Path("leaflet", "blocks", i)), n.Positions.At(path); got != want {
			t.Errorf("block %s at %v, want %v (%s)", b[i].ID, got, want, path)
		}
	}
	// An institution's or a source's paragraph, where its entry stands.
	for para, path := range map[string]string{Path("leaflet.blocks[7].paragraphs", 2): "institutions[2]", Path("leaflet.blocks[8].paragraphs", 1): "sources[1].credit"} {
		if got, want := n.Positions.At(para), n.Positions.At(path); got != want {
			t.Errorf("%s at %v, want %v (%s)", para, got, want, path)
		}
	}
}

// TestStandardBlocksKeepFormat checks that a leaflet section with format settings and no
// blocks gets the standard blocks and keeps its settings, while one that names panels but
// no blocks is an error, not a guess.
func TestStandardBlocksKeepFormat(t *testing.T) {
	n, err := Load("network.yaml", withoutLeaflet(t, "leaflet:\n  fold: zickzack\n  flow: []\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !n.Leaflet.Standard || n.Leaflet.Fold != FoldZickzack || len(n.Leaflet.Flow) != 0 || len(n.Leaflet.Blocks) != 9 {
		t.Errorf("standard %v, fold %s, flow %v, %d blocks", n.Leaflet.Standard, n.Leaflet.Fold, n.Leaflet.Flow, len(n.Leaflet.Blocks))
	}
	_, err = Load("network.yaml", withoutLeaflet(t, "leaflet:\n  outside: [[map], [office], [cover]]\n  inside: [[about], [], []]\n  blocks: []\n"))
	if err == nil || !strings.Contains(err.Error(), `"about"`) {
		t.Errorf("panels naming blocks the data lacks: %v", err)
	}
}

// TestStandardLeafletWithoutOptionalData checks a network with no members, institutions or
// sources: the standard leaflet leaves out what it has nothing for.
func TestStandardLeafletWithoutOptionalData(t *testing.T) {
	src := withoutLeaflet(t, "")
	for _, key := range []string{"members:", "institutions:", "sources:"} {
		i := bytes.Index(src, []byte("\n"+key))
		j := i + 1
		for j < len(src) {
			k := bytes.IndexByte(src[j:], '\n')
			if k < 0 {
				j = len(src)
				break
			}
			j += k + 1
			if j < len(src) && src[j] != ' ' && src[j] != '#' && src[j] != '\n' {
				break
			}
		}
		src = append(src[:i+1:i+1], src[j:]...)
	}
	n, err := Load("network.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range n.Leaflet.Blocks {
		ids = append(ids, b.ID)
	}
	if got := strings.Join(ids, " "); got != "cover office qr figures" {
		t.Errorf("blocks %s", got)
	}
}

// TestStandardLeafletTakesDataAsItStands checks that data printed by the standard leaflet is
// not read as placeholders: an institution's role "{{foo}}" loads and stays as it is.
func TestStandardLeafletTakesDataAsItStands(t *testing.T) {
	src := bytes.Replace(withoutLeaflet(t, ""), []byte("role: ständiger Teilnehmer"), []byte(`role: "{{foo}} und {{office.host}}"`), 1)
	n, err := Load("network.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range n.Leaflet.Blocks {
		if b.ID == "institutions" && (!b.Literal || !strings.HasSuffix(b.Paragraphs[0], ": {{foo}} und {{office.host}}")) {
			t.Errorf("institutions: %q (literal %v)", b.Paragraphs[0], b.Literal)
		}
	}
}

// TestPanelsWithoutBlocks checks that a leaflet section naming its panels but no blocks gets
// no standard blocks: the blocks its panels name are missing, and that is the error.
func TestPanelsWithoutBlocks(t *testing.T) {
	_, err := Load("network.yaml", withoutLeaflet(t, "leaflet:\n  outside: [[map], [office], [cover]]\n  inside: [[about], [], []]\n"))
	if err == nil || !strings.Contains(err.Error(), `"about"`) || strings.Contains(err.Error(), "standard leaflet") {
		t.Errorf("panels without blocks: %v", err)
	}
}

// TestStandardLeafletLiteralTooLong checks that a literal text of the standard leaflet made
// from too much data is refused as it stands, with a hint about the data, not placeholders.
func TestStandardLeafletLiteralTooLong(t *testing.T) {
	long := strings.Repeat("Quartiersarbeit ", 5000) // 80 KB
	src := bytes.Replace(withoutLeaflet(t, ""), []byte("role: ständiger Teilnehmer"), []byte("role: "+long), 1)
	_, err := Load("network.yaml", src)
	if err == nil || !strings.Contains(err.Error(), "the text has 78 KB, more than 64 KB") || !strings.Contains(err.Error(), "shorten the data the standard leaflet makes it from") ||
		strings.Contains(err.Error(), "placeholders filled in") {
		t.Errorf("a role of 80 KB: %v", err)
	}
}
