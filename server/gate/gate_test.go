package gate

import "testing"

// TestActiveContent: every type a browser may render as a document is sandboxed, decided by family, and
// a type the table has never heard of is sandboxed too.
func TestActiveContent(t *testing.T) {
	for mime, want := range map[string]bool{
		"application/rss+xml":                  true,
		"application/atom+xml":                 true,
		"application/vnd.google-earth.kml+xml": true,
		"application/gpx+xml":                  true,
		"image/svg+xml":                        true,
		"IMAGE/SVG+XML; charset=utf-8":         true,
		"text/xml":                             true,
		"application/xml":                      true,
		"text/html; charset=utf-8":             true,
		"application/xhtml+xml":                true,
		"text/javascript":                      true,
		"application/javascript":               true,
		"application/ecmascript":               true,
		"application/pdf":                      true,
		"text/plain":                           true,
		"text/vtt":                             true,
		"application/x-unheard-of":             true,
		"application/zip":                      true,
		"":                                     true,
		"garbage":                              true,
		"image/jpeg":                           false,
		"image/png":                            false,
		"image/avif":                           false,
		"video/mp4":                            false,
		"audio/mpeg":                           false,
		"font/woff2":                           false,
		"application/octet-stream":             false,
	} {
		if got := activeContent(mime); got != want {
			t.Errorf("activeContent(%q) = %v, want %v", mime, got, want)
		}
	}
}
