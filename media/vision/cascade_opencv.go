//go:build !noopencv

package vision

/*
#cgo CXXFLAGS: -std=c++11 -I/usr/include/opencv4
#cgo LDFLAGS: -lopencv_objdetect -lopencv_imgproc -lopencv_core
#include <stdlib.h>
#include "cascade.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"
)

// cascade is a loaded OpenCV cascade classifier. OpenCV does not promise that one classifier may
// detect in two threads at once, so calls take turns.
type cascade struct {
	mu  sync.Mutex
	ptr unsafe.Pointer
}

const errLen = 256

// loadCascade reads a cascade file (Debian's opencv-data installs them).
func loadCascade(path string) (*cascade, error) {
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	var msg [errLen]C.char
	ptr := C.mg_cascade_load(cpath, &msg[0], errLen)
	if ptr == nil {
		return nil, fmt.Errorf("load %s: %s", path, C.GoString(&msg[0]))
	}
	return &cascade{ptr: ptr}, nil
}

// maxDetections bounds the rectangles one image gives: a crowd photo past this many is still "faces".
const maxDetections = 64

// detect finds objects in an 8-bit grey image, none smaller than minSide pixels.
func (c *cascade) detect(grey []byte, width, height, minSide int) ([]rect, error) {
	if len(grey) != width*height || width == 0 || height == 0 {
		return nil, errors.New("detect: the grey image does not match its size")
	}
	var out [maxDetections]C.mg_rect
	var msg [errLen]C.char
	c.mu.Lock()
	n := C.mg_cascade_detect(c.ptr, (*C.uchar)(unsafe.Pointer(&grey[0])), C.int(width), C.int(height), C.int(minSide),
		&out[0], maxDetections, &msg[0], errLen)
	c.mu.Unlock()
	if n < 0 {
		return nil, fmt.Errorf("detect: %s", C.GoString(&msg[0]))
	}
	found := make([]rect, min(int(n), maxDetections))
	for i := range found {
		found[i] = rect{x: int(out[i].x), y: int(out[i].y), w: int(out[i].width), h: int(out[i].height)}
	}
	return found, nil
}
