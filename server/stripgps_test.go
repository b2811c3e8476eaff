package server_test

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// With MEDIAGRAPH_STRIP_GPS_ON_UPLOAD, a JPEG's original is stored without where it was taken, as
// long as it was and otherwise intact: the rest of its metadata is still read from it.
func TestStripGPSOnUpload(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) { c.StripGPSOnUpload = true })
	editor := s.Token("EDITOR")
	id := upload(t, s, editor, "photo-12mp.jpg", nil)
	var out struct {
		Asset struct {
			Size int64
			Exif struct {
				Make               string
				Latitude, Altitude *float64
			}
		}
	}
	s.Must(editor, `query($id: ID!) { asset(id: $id) { size exif { make latitude altitude } } }`, map[string]any{"id": id}, &out)
	original := fixtures.Read(t, "photo-12mp.jpg")
	if e := out.Asset.Exif; e.Latitude != nil || e.Altitude != nil || e.Make != "Canon" || out.Asset.Size != int64(len(original)) {
		t.Errorf("stored %d bytes with %+v; want %d bytes, the make, no GPS", out.Asset.Size, e, len(original))
	}
	f := fetch(t, s, http.MethodGet, fmt.Sprintf("/media/asset/%s", id), editor, nil)
	sos := bytes.Index(original, []byte{0xFF, 0xDA})
	if f.Status != http.StatusOK || len(f.Body) != len(original) || bytes.Equal(f.Body, original) || !bytes.Equal(f.Body[sos:], original[sos:]) {
		t.Errorf("the original served: HTTP %d, %d bytes; want the file with its metadata changed, its picture intact", f.Status, len(f.Body))
	}
}
