package liang

import "testing"

func TestRoundTrip(t *testing.T) {
	blob, err := Compile([]byte("% comment\n.ab3c\nb2c4d  a1\n"))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Load(blob)
	if err != nil {
		t.Fatal(err)
	}
	word := []rune(".abcd.")
	codes := make([]byte, len(word))
	for i, r := range word {
		codes[i] = tr.Code(r)
	}
	levels := make([]byte, len(codes)+1)
	tr.Levels(codes, levels)
	// a1 gives 1 after a; .ab3c gives 3 before c; b2c4d gives 2 before c and 4 before d.
	want := []byte{0, 0, 1, 3, 4, 0, 0}
	if string(levels) != string(want) {
		t.Errorf("levels = %v, want %v", levels, want)
	}
	if tr.Code('x') != 0 || tr.Code(-1) != 0 || tr.Code('中') != 0 {
		t.Error("runes outside the patterns have a code")
	}
}

func TestLoadRejectsDamagedBlobs(t *testing.T) {
	blob, err := Compile([]byte("ab1c"))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     append([]byte("XIANG"), blob[5:]...),
		"truncated": blob[:len(blob)-1],
		"longer":    append(append([]byte{}, blob...), 0),
	} {
		if _, err := Load(b); err == nil {
			t.Errorf("%s blob loaded", name)
		}
	}
}

func TestCompileRejects(t *testing.T) {
	for _, src := range []string{"a8b", "123", "ab1c ab2c", "a\xffb"} {
		if _, err := Compile([]byte(src)); err == nil {
			t.Errorf("Compile(%q) succeeded", src)
		}
	}
}
