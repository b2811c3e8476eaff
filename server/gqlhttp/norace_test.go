//go:build !race

package gqlhttp

const raceEnabled = false
