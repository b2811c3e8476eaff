package imaging

/*
#cgo pkg-config: vips
#include <vips/vips.h>

static void mediagraph_ref(void *img) { g_object_ref(img); }
static void mediagraph_unref(void *img) { g_object_unref(img); }
static void mediagraph_kill(void *img) { vips_image_set_kill((VipsImage *) img, TRUE); }
*/
import "C"

import (
	"context"
	"reflect"
	"sync"
	"unsafe"

	"github.com/davidbyttow/govips/v2/vips"
)

// killOnDone stops libvips' evaluation of img when ctx ends: libvips checks an image's kill flag
// as it computes each region, and the pipeline then fails with "killed". govips does not expose
// the flag, so the VipsImage is reached through its ImageRef. stop must be called once the
// evaluation is over, before img changes or is closed.
func killOnDone(ctx context.Context, img *vips.ImageRef) (stop func()) {
	p := vipsImage(img)
	if p == nil {
		return func() {}
	}
	C.mediagraph_ref(p) // the timer may fire while govips swaps the image out
	var mu sync.Mutex
	over := false
	stopTimer := context.AfterFunc(ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		if !over {
			C.mediagraph_kill(p)
		}
	})
	return func() {
		stopTimer()
		mu.Lock()
		over = true
		mu.Unlock()
		C.mediagraph_unref(p)
	}
}

// vipsImage is the libvips image an ImageRef holds (govips keeps it in the unexported field image).
func vipsImage(img *vips.ImageRef) unsafe.Pointer {
	f := reflect.ValueOf(img).Elem().FieldByName("image")
	if !f.IsValid() || f.Kind() != reflect.Pointer {
		return nil
	}
	return f.UnsafePointer()
}
