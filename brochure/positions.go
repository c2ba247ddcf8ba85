package brochure

import "fmt"

// Pos is a place in the data file, 1-based.
type Pos struct {
	Line, Column int
}

// Positions maps a value's path in the data (see Path) to its place in the file.
type Positions map[string]Pos

// Path joins a path and a key or index the way Positions is keyed: Path("members", 3,
// "city") is "members[3].city".
func Path(parts ...any) string {
	s := ""
	for _, p := range parts {
		switch v := p.(type) {
		case int:
			s += fmt.Sprintf("[%d]", v)
		case string:
			if s != "" && v != "" && v[0] != '[' {
				s += "."
			}
			s += v
		}
	}
	return s
}

// At returns the place of the value at path, or of its nearest ancestor that has one.
func (p Positions) At(path string) Pos {
	for ; path != ""; path = parent(path) {
		if pos, ok := p[path]; ok {
			return pos
		}
	}
	return Pos{1, 1}
}
