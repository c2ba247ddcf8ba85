// Package fileset writes a set of files into a directory so that a reader never sees a
// partial file under a final name: each file goes to a temporary file beside it, is synced
// and then renamed into place. A lock file serializes builds into the same directory, so
// that two builds at once leave one complete set. A journal written before the renames lets
// the next build complete the renames of a build killed half-way; it then removes the
// temporary files any killed build left behind.
package fileset
