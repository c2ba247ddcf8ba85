package isolate

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// maxStack caps a goroutine's stack in a child: a recursion that runs away ends it soon,
// before it has taken the memory of the default gigabyte.
const maxStack = 64 << 20

// selfWatch makes the child end itself with exitMemory once its Go runtime holds more than
// limit bytes, polling every few milliseconds. The garbage collector works harder from a
// third of the limit on, so that memory freed (a stream decoded and refused) is given
// back before the peak grows.
func selfWatch(limit int64) {
	debug.SetMaxStack(maxStack)
	debug.SetMemoryLimit(limit / 3)
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	go func() {
		for {
			metrics.Read(sample)
			if v := sample[0].Value; v.Kind() == metrics.KindUint64 && int64(v.Uint64()) > limit {
				fmt.Fprintf(os.Stderr, "isolate: the child holds %d MB, more than its limit of %d MB\n", v.Uint64()>>20, limit>>20)
				os.Exit(exitMemory)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
}
