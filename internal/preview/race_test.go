//go:build race

package preview_test

// raceEnabled is set when the tests run under the race detector, which makes the pixel
// comparison of TestBrowser take a minute; it is skipped then (the plain run does it).
const raceEnabled = true
