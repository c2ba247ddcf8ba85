//go:build race

package main

// raceDetector is true when the tests run under the race detector, which makes a program
// several times slower and larger: the budgets of time and memory do not apply then.
const raceDetector = true
