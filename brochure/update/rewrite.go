package update

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// TooLargeError reports that the updated data file would exceed brochure.MaxFileSize.
type TooLargeError struct {
	Size int // bytes the file would have
}

// Error says what is too large, in English.
func (e *TooLargeError) Error() string { return e.In(i18n.English) }

// In says what is too large, in language l.
func (e *TooLargeError) In(l i18n.Lang) string {
	return i18n.T("update.toolarge", float64(e.Size)/(1<<20), brochure.MaxFileSize>>20).In(l)
}

// ErrMismatch reports that the patched file does not load as the network it should say. It
// means a fault of the splicer, never of the input: the file is not to be written.
var ErrMismatch = errors.New("the updated file does not read back as intended")

// Rewrite patches src, the data file old was loaded from as name, to say new (see Patch),
// then checks the result as a data file: it must stay within brochure.MaxFileSize
// (*TooLargeError), load and validate (brochure.Diagnostics of the updated file; their
// places refer to the updated text), and load as exactly new, apart from File and
// Positions and a standard leaflet, which the new data makes anew (ErrMismatch). It returns the new file and the network it loads as.
func Rewrite(name string, src []byte, old, new *brochure.Network) ([]byte, *brochure.Network, error) {
	out, err := Patch(src, old, new)
	if err != nil {
		return nil, nil, fmt.Errorf("update %s: %w", name, err)
	}
	if len(out) > brochure.MaxFileSize {
		return nil, nil, &TooLargeError{Size: len(out)}
	}
	got, err := brochure.Load(name, out)
	if err != nil {
		return nil, nil, err
	}
	want := new
	if new.Leaflet.Standard && got.Leaflet.Standard {
		// The standard leaflet is made from the data (see brochure.StandardBlocks), which
		// the comparison compares: the new data makes it anew. Its settings must agree.
		if path := firstDifference(reflect.ValueOf(got.LeafletSettings()), reflect.ValueOf(new.LeafletSettings()), "leaflet"); path != "none" {
			return nil, nil, fmt.Errorf("update %s: %w (at %s)", name, ErrMismatch, path)
		}
		w := *new
		w.Leaflet = got.Leaflet
		want = &w
	}
	if path, differ := FirstDifference(got, want); differ {
		return nil, nil, fmt.Errorf("update %s: %w (at %s)", name, ErrMismatch, path)
	}
	return out, got, nil
}

// FirstDifference names the path of the first value in which two networks differ, apart
// from File and Positions; differ is false when they hold the same data (nil and empty
// lists being the same).
func FirstDifference(a, b *brochure.Network) (path string, differ bool) {
	path = firstDifference(reflect.ValueOf(*a), reflect.ValueOf(*b), "")
	return path, path != "none"
}

// equal reports whether a and b hold the same data: nil and empty lists are equal.
func equal(a, b reflect.Value) bool { return firstDifference(a, b, "") == "none" }

// isEmpty reports whether v holds nothing: the zero value or an empty list. Such a value is
// not written to the file.
func isEmpty(v reflect.Value) bool {
	return v.IsZero() || v.Kind() == reflect.Slice && v.Len() == 0
}

// firstDifference names the first place where a and b differ, ignoring File and Positions,
// or returns "none".
func firstDifference(a, b reflect.Value, path string) string {
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			return path
		}
		if a.IsNil() {
			return "none"
		}
		return firstDifference(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		if a.Type() == dateType || a.Type() == leavingType {
			break
		}
		for i := 0; i < a.NumField(); i++ {
			name := key(a.Type().Field(i))
			if name == "" {
				continue
			}
			if d := firstDifference(a.Field(i), b.Field(i), brochure.Path(path, name)); d != "none" {
				return d
			}
		}
		return "none"
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path
		}
		for i := 0; i < a.Len(); i++ {
			if d := firstDifference(a.Index(i), b.Index(i), brochure.Path(path, i)); d != "none" {
				return d
			}
		}
		return "none"
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return path
	}
	return "none"
}
