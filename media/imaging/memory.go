package imaging

/*
#cgo pkg-config: vips
#include <vips/vips.h>

static void *mediagraph_write(void *img, size_t *size) { return vips_image_write_to_memory((VipsImage *) img, size); }
static void *mediagraph_copy_memory(void *img) { return vips_image_copy_memory((VipsImage *) img); }
static void mediagraph_drop(void *img) { g_object_unref(img); }
*/
import "C"

import (
	"bytes"
	"errors"
	"reflect"
	"runtime"
	"unsafe"

	"github.com/davidbyttow/govips/v2/vips"
)

// toBytes is img.ToBytes that keeps libvips' reason when computing the pixels fails, which is how
// a damaged input shows: govips answers "failed to write image to memory" and leaves the reason in
// libvips' error buffer, where the next failure on any thread would be blamed for it.
func toBytes(img *vips.ImageRef) ([]byte, error) {
	p := vipsImage(img)
	if p == nil {
		return img.ToBytes()
	}
	defer runtime.KeepAlive(img)
	var size C.size_t
	data := C.mediagraph_write(p, &size)
	if data == nil {
		reason := C.GoString(C.vips_error_buffer())
		C.vips_error_clear()
		return nil, errors.New(oneLine(reason))
	}
	defer C.g_free(C.gpointer(data))
	return bytes.Clone(unsafe.Slice((*byte)(data), int(size))), nil
}

// toMemory computes img's pixels into memory, in place. The entropy crop reads its input over and
// over, in an order no sequential loader follows (libvips' thumbnail copies to memory before its
// own smart crop for the same reason); govips has no such operation, so the VipsImage the ImageRef
// holds is swapped through its unexported field, as setImage would.
func toMemory(img *vips.ImageRef) error {
	f := reflect.ValueOf(img).Elem().FieldByName("image")
	if !f.IsValid() || f.Kind() != reflect.Pointer {
		return errors.New("copy to memory: govips' image reference has changed shape")
	}
	defer runtime.KeepAlive(img)
	old := f.UnsafePointer()
	copied := C.mediagraph_copy_memory(old)
	if copied == nil {
		reason := C.GoString(C.vips_error_buffer())
		C.vips_error_clear()
		return errors.New(oneLine(reason))
	}
	*(*unsafe.Pointer)(unsafe.Pointer(f.UnsafeAddr())) = copied
	C.mediagraph_drop(old)
	return nil
}
