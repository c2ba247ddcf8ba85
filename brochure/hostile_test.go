package brochure

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// loadWithin runs LoadFile and fails the test if it does not return within a few seconds.
func loadWithin(t *testing.T, name string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := LoadFile(name)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("LoadFile(%s) hangs", name)
		return nil
	}
}

// writeTemp writes content to a file in a temporary directory.
func writeTemp(t *testing.T, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWindowsFilesLoad(t *testing.T) {
	crlf := bytes.ReplaceAll(testkit.Network, []byte("\n"), []byte("\r\n"))
	bom := append([]byte("\xEF\xBB\xBF"), crlf...)
	n, err := LoadFile(writeTemp(t, "windows.yaml", bom))
	if err != nil {
		t.Fatalf("BOM + CRLF file: %v", err)
	}
	if strings.ContainsRune(n.Leaflet.Blocks[len(n.Leaflet.Blocks)-1].Paragraphs[0], '\r') {
		t.Error("a CR is left in a text")
	}
	if p := n.Positions.At("network.name"); p != (Pos{14, 9}) {
		t.Errorf("network.name at %v, want 14:9 as in the LF file", p)
	}
}

func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "network:\n  name: x\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	latin1 := bytes.Replace(testkit.Network, []byte("Städtenetz Soziale Stadt NRW\n"), []byte("St\xe4dtenetz Soziale Stadt NRW\n"), 1)
	bomb := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, prev := 'b', 'a'; i <= 'i'; i, prev = i+1, i {
		bomb += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(prev)+",", 8) + "*" + string(prev) + "]\n"
	}
	many := "members:\n" + strings.Repeat("  - {status: x, location: {lat: 1, lon: 1}}\n", 30000)
	syntax := strings.Repeat("k: a: b\n", MaxFileSize/8-1)
	big := bytes.Repeat([]byte("# comment line to make the file large\n"), MaxFileSize/38+10)
	// A name of 100 KB named 5,000 times in one paragraph would fill it with 500 MB; named
	// 600 times in each of 20 paragraphs, 60 KB each, 1.2 MB in all.
	longName := bytes.Replace(testkit.Network, []byte("  name: Städtenetz Soziale Stadt NRW\n"), []byte("  name: "+strings.Repeat("A", 100_000)+"\n"), 1)
	placeholderBomb := bytes.Replace(longName, []byte("      paragraphs:\n"), []byte("      paragraphs:\n        - \""+strings.Repeat("{{network.name}} ", 5000)+"\"\n"), 1)
	placeholderMany := bytes.Replace(testkit.Network, []byte("  name: Städtenetz Soziale Stadt NRW\n"), []byte("  name: "+strings.Repeat("A", 100)+"\n"), 1)
	placeholderMany = bytes.Replace(placeholderMany, []byte("      paragraphs:\n"), []byte("      paragraphs:\n"+strings.Repeat("        - \""+strings.Repeat("{{network.name}} ", 600)+"\"\n", 20)), 1)
	cases := []struct {
		name, path, want string
	}{
		{"utf16", writeTemp(t, "utf16.yaml", utf16), "the file is UTF-16 encoded"},
		{"latin1", writeTemp(t, "latin1.yaml", latin1), "14:11: the file is not valid UTF-8 (byte 0xE4"},
		{"invalid-utf8", writeTemp(t, "bad.yaml", []byte("network:\n  name: \xc3\x28\n")), "2:9: the file is not valid UTF-8"},
		{"tabs", writeTemp(t, "tabs.yaml", []byte("network:\n\tname: x\n")), "2:1: a tab is used for indentation"},
		{"empty", writeTemp(t, "empty.yaml", nil), "the file is empty"},
		{"blank", writeTemp(t, "blank.yaml", []byte("\n  \n\n")), "the file is empty"},
		{"only-comments", writeTemp(t, "comments.yaml", []byte("# nothing here\n")), "the file holds no data"},
		{"directory", dir, "is a folder, not a data file"},
		{"missing", filepath.Join(dir, "nope.yaml"), "no such file or directory"},
		{"alias-bomb", writeTemp(t, "bomb.yaml", []byte(bomb)), "anchors and aliases (& and *) are not supported"},
		{"large", writeTemp(t, "large.yaml", big), "larger than 4 MiB"},
		{"binary", writeTemp(t, "bin.yaml", []byte("network:\x00\x01\x02")), "NUL bytes"},
		{"dev-zero", "/dev/zero", "larger than 4 MiB"},
		{"many-problems", writeTemp(t, "many.yaml", []byte(many)), "and 119803 more problems"},
		{"syntax-errors", writeTemp(t, "syntax.yaml", []byte(syntax)), "1:5: the text holds \": \" but is not in quotes"},
		{"placeholder-bomb", writeTemp(t, "pbomb.yaml", placeholderBomb), "with its placeholders filled in the text has 488286 KB, more than 64 KB"},
		{"placeholder-total", writeTemp(t, "total.yaml", placeholderMany), "with their placeholders filled in the texts of the leaflet come to more than 1024 KB here"},
		{"scalar", writeTemp(t, "scalar.yaml", []byte("hello\n")), "expected a mapping"},
		{"list", writeTemp(t, "list.yaml", []byte("- a\n- b\n")), "expected a mapping"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.path == "/dev/zero" {
				if _, err := os.Stat(tc.path); err != nil {
					t.Skip("no /dev/zero")
				}
			}
			err := loadWithin(t, tc.path)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}
