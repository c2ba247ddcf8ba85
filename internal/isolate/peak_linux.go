package isolate

import (
	"bytes"
	"os"
	"strconv"
)

// selfPeak is the peak resident memory of this process: VmHWM of /proc/self/status. The
// resource usage's maxrss would do elsewhere, but on Linux a child started with
// CLONE_VM, as Go starts it, inherits the parent's peak in it.
func selfPeak() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			f := bytes.Fields(v)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(string(f[0]), 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}
