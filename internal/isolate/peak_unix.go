//go:build unix && !linux

package isolate

import (
	"runtime"
	"syscall"
)

// selfPeak is the peak resident memory of this process from its resource usage: bytes on
// macOS, kilobytes on the BSDs.
func selfPeak() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) << 10
}
