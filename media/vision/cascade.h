// A C face of OpenCV's cascade classifier, for cgo (OpenCV's own API is C++ only).
#ifndef MEDIAGRAPH_CASCADE_H
#define MEDIAGRAPH_CASCADE_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	int x, y, width, height;
} mg_rect;

// mg_cascade_load loads a cascade file; NULL when it cannot (err then says why, NUL-terminated).
void *mg_cascade_load(const char *path, char *err, int errlen);
void mg_cascade_free(void *cascade);
// mg_cascade_detect finds objects in an 8-bit grey image of width*height bytes, none smaller than
// min_side pixels; it writes at most max rectangles to out and returns how many it found in all
// (which may be more than max), or -1 with err set.
int mg_cascade_detect(void *cascade, const unsigned char *grey, int width, int height, int min_side,
	mg_rect *out, int max, char *err, int errlen);

#ifdef __cplusplus
}
#endif

#endif
