package roster

import (
	"bytes"
	"os"
	"testing"
)

func TestSmoke(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, testNetwork(t)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/roster-smoke.xlsx", buf.Bytes(), 0o644)
}
