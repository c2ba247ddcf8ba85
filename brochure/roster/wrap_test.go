package roster

import "testing"

func TestWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		want  int
	}{
		{"", 20, 1},
		{"kurz", 20, 1},
		{"ein Text aus mehreren Wörtern, der umbricht", 20, 2},
		{"ein Text aus mehreren Wörtern, der umbricht", 10, 6},
		{"https://www.soziale-stadt.nrw.de/stadtteile_projekte/profil.php?st=gladbeck-butendorf", 20, 4},
		// Letters are measured: twenty M need two lines where twenty i take one.
		{"MMMMMMMMMMMMMMMMMMMM", 20, 2},
		{"iiiiiiiiiiiiiiiiiiii", 20, 1},
		{"Kinderhaus-Brüningheide", 14, 2},
		{"zwei\\nZeilen", 20, 1},
		{"zwei\nZeilen", 20, 2},
	} {
		if got := wrappedLines(tc.text, tc.width); got != tc.want {
			t.Errorf("wrappedLines(%q, %g) = %d, want %d", tc.text, tc.width, got, tc.want)
		}
	}
	if h := rowHeight(1000); h != maxRowHeight {
		t.Errorf("a row of 1,000 lines is %g pt high, want Excel's limit %d", h, maxRowHeight)
	}
}
