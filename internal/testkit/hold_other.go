//go:build !windows

package testkit

import "errors"

// HoldOpen fails: only Windows keeps a file that another program holds open from being
// replaced, so scripts hold files under [windows] only.
func HoldOpen(string) (func(), error) {
	return nil, errors.New("hold: files are held open as Windows does only on Windows")
}
