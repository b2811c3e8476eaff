//go:build race

package main

// raceEnabled: the race detector multiplies the memory and the time of what it watches, so tests of
// memory and of large streams skip.
const raceEnabled = true
