//go:build !windows

package main

import "errors"

// holdOpen fails: only Windows keeps a file that another program holds open from being
// replaced, so scripts hold files under [windows] only.
func holdOpen(string) (func(), error) {
	return nil, errors.New("hold: files are held open as Windows does only on Windows")
}
