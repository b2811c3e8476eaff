//go:build cgo

package server

/*
#include <malloc.h>

// limit_arenas caps malloc's arenas where the C library has them (glibc; musl has one heap anyway).
static int limit_arenas(int n) {
#ifdef M_ARENA_MAX
	return mallopt(M_ARENA_MAX, n);
#else
	return 0;
#endif
}
*/
import "C"

// limitMallocArenas caps glibc's malloc arenas at n. glibc gives threads that meet a busy arena one of
// their own, up to eight per core, and memory freed in an arena mostly stays with the process: libvips
// decodes and encodes on threads of its own, so every transform thread that ever ran kept its pixels'
// worth of RSS. It must run before those threads do: glibc fixes the limit once arenas pass eight.
func limitMallocArenas(n int) bool { return C.limit_arenas(C.int(n)) == 1 }
