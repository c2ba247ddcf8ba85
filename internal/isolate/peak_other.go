//go:build !unix

package isolate

// selfPeak is not known here; the parent's watch gives it (Windows: the job object).
func selfPeak() int64 { return 0 }
