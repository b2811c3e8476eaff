package imaging

/*
#cgo pkg-config: vips
#include <vips/vips.h>

static void *mediagraph_write(void *img, size_t *size) { return vips_image_write_to_memory((VipsImage *) img, size); }
*/
import "C"

import (
	"bytes"
	"errors"
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
