// Command gen compiles TeX hyphenation patterns into the trie blob that package
// hyphen embeds. It runs through go generate in brochure/hyphen:
//
//	go run ./internal/gen -in data/hyph-de-1996.pat.txt -out data/hyph-de-1996.trie
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen/internal/liang"
)

func main() {
	in := flag.String("in", "", "TeX pattern file to read")
	out := flag.String("out", "", "blob file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	if in == "" || out == "" {
		return fmt.Errorf("need -in and -out")
	}
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	blob, err := liang.Compile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(out, blob, 0o644)
}
