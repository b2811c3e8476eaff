//go:build !linux || !cgo

package server

// limitMallocArenas does nothing where malloc is not glibc's.
func limitMallocArenas(int) bool { return false }
