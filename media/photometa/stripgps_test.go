package photometa

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
	"testing"
	"testing/iotest"

	"github.com/mediagraph/mediagraph/internal/fixtures"
)

func stripped(t *testing.T, data []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(iotest.OneByteReader(StripGPS(bytes.NewReader(data))))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The fixture's GPS is gone from its EXIF, everything else of it stays, and the file keeps its length
// and its picture byte for byte.
func TestStripGPSFromEXIF(t *testing.T) {
	data := fixtures.Read(t, "photo-12mp.jpg")
	out := stripped(t, data)
	if len(out) != len(data) {
		t.Fatalf("%d bytes out of %d", len(out), len(data))
	}
	sos := bytes.Index(data, []byte{0xFF, 0xDA})
	if !bytes.Equal(out[sos:], data[sos:]) || bytes.Equal(out, data) {
		t.Error("want the metadata changed and the picture untouched")
	}
	exif, iptc, xmp := jpegBlobsOf(t, "stripped", out)
	md, err := Parse(exif, iptc, xmp)
	if err != nil {
		t.Fatal(err)
	}
	if e := md.Exif; e.Latitude != nil || e.Longitude != nil || e.Altitude != nil {
		t.Errorf("GPS left: %s %s %s", show(e.Latitude), show(e.Longitude), show(e.Altitude))
	}
	wantString(t, "Make", md.Exif.Make, "Canon")
	wantString(t, "Title", md.Credits.Title, "Duomo at dawn")
	if raw, _ := json.Marshal(md.Raw); bytes.Contains(raw, []byte("GPSLatitude")) || !bytes.Contains(raw, []byte("Canon")) {
		t.Errorf("raw metadata: %s; want GPS gone, the rest kept", raw)
	}
}

func segment(marker byte, payload string) []byte {
	seg := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// XMP's GPS properties are blanked in place, attributes and elements alike; what is not a JPEG, and a
// JPEG cut inside a segment, pass unchanged.
func TestStripGPSFromXMPAndOddInput(t *testing.T) {
	xmp := xmpNamespace + `<x:xmpmeta><rdf:RDF><rdf:Description exif:GPSLatitude="45,27.85N" dc:format="image/jpeg">` +
		`<exif:GPSLongitude>9,11.4E</exif:GPSLongitude></rdf:Description></rdf:RDF></x:xmpmeta>`
	jpeg := append(append([]byte{0xFF, 0xD8}, segment(0xE1, xmp)...), 0xFF, 0xDA, 0, 2, 1, 2, 3, 0xFF, 0xD9)
	out := stripped(t, jpeg)
	if len(out) != len(jpeg) || bytes.Contains(out, []byte("GPS")) || bytes.Contains(out, []byte("45,27")) || !bytes.Contains(out, []byte(`dc:format="image/jpeg"`)) {
		t.Errorf("stripped XMP: %q", out)
	}
	for _, in := range [][]byte{[]byte("not a jpeg at all"), jpeg[:20], {0xFF}, {}} {
		if out := stripped(t, in); !bytes.Equal(out, in) {
			t.Errorf("%q came out as %q", in, out)
		}
	}
}
