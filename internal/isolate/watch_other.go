//go:build !linux && !windows

package isolate

import "os"

// noWatch is the parent's watch where the system offers no cheap look at a child's
// memory (macOS): the child's own watch and the deadline remain.
type noWatch struct{}

func watch(*os.Process, int64, func()) watcher { return noWatch{} }

func (noWatch) stop() int64 { return 0 }
