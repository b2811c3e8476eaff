//go:build race

package gqlhttp

// raceEnabled: under the race detector sync.Pool drops a share of what it is given on purpose, so
// tests counting what the pools save skip.
const raceEnabled = true
