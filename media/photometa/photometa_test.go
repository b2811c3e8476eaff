package photometa

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/internal/fixtures"
)

const xmpNamespace = "http://ns.adobe.com/xap/1.0/\x00"

// jpegBlobs walks the markers of a JPEG up to its scan and returns the
// metadata segment payloads, the way libvips hands them over.
func jpegBlobs(tb testing.TB, name string) (exif, iptc, xmp []byte) {
	tb.Helper()
	return jpegBlobsOf(tb, name, fixtures.Read(tb, name))
}

func jpegBlobsOf(tb testing.TB, name string, data []byte) (exif, iptc, xmp []byte) {
	tb.Helper()
	if !bytes.HasPrefix(data, []byte{0xFF, 0xD8}) {
		tb.Fatalf("%s is not a JPEG", name)
	}
	for pos := 2; ; {
		if pos+4 > len(data) || data[pos] != 0xFF {
			tb.Fatalf("%s: no marker at offset %d", name, pos)
		}
		marker := data[pos+1]
		if marker == 0xFF { // fill byte
			pos++
			continue
		}
		if marker == 0xDA { // start of scan: no metadata after this
			return exif, iptc, xmp
		}
		size := int(binary.BigEndian.Uint16(data[pos+2:]))
		if size < 2 || pos+2+size > len(data) {
			tb.Fatalf("%s: marker 0x%02X at offset %d has a bad length %d", name, marker, pos, size)
		}
		payload := data[pos+4 : pos+2+size]
		switch {
		case marker == 0xE1 && bytes.HasPrefix(payload, []byte("Exif\x00\x00")):
			exif = payload
		case marker == 0xE1 && bytes.HasPrefix(payload, []byte(xmpNamespace)):
			xmp = payload
		case marker == 0xED && bytes.HasPrefix(payload, []byte("Photoshop 3.0\x00")):
			iptc = payload
		}
		pos += 2 + size
	}
}

func wantString(t *testing.T, name string, got *string, want string) {
	t.Helper()
	if got == nil || *got != want {
		t.Errorf("%s = %s, want %q", name, show(got), want)
	}
}

func wantFloat(t *testing.T, name string, got *float64, want float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > 1e-6 {
		t.Errorf("%s = %s, want %v", name, show(got), want)
	}
}

func wantInt(t *testing.T, name string, got *int, want int) {
	t.Helper()
	if got == nil || *got != want {
		t.Errorf("%s = %s, want %d", name, show(got), want)
	}
}

func show[T any](p *T) string {
	if p == nil {
		return "nil"
	}
	b, _ := json.Marshal(*p)
	return string(b)
}

func wantRaw(t *testing.T, md Metadata, section, key string, want any) {
	t.Helper()
	tags, _ := md.Raw[section].(map[string]any)
	if got := tags[key]; !reflect.DeepEqual(got, want) {
		t.Errorf("Raw[%q][%q] = %#v, want %#v", section, key, got, want)
	}
}

func TestPhotoFixture(t *testing.T) {
	exif, iptc, xmp := jpegBlobs(t, "photo-12mp.jpg")
	if exif == nil || iptc == nil || xmp == nil {
		t.Fatalf("fixture blobs missing: exif %d, iptc %d, xmp %d bytes", len(exif), len(iptc), len(xmp))
	}
	md, err := Parse(exif, iptc, xmp)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	e := md.Exif
	wantString(t, "Make", e.Make, "Canon")
	wantString(t, "Model", e.Model, "Canon EOS R6")
	wantString(t, "LensModel", e.LensModel, "RF24-105mm F4 L IS USM")
	wantString(t, "ExposureTime", e.ExposureTime, "1/250")
	wantFloat(t, "FNumber", e.FNumber, 8)
	wantInt(t, "ISO", e.ISO, 200)
	wantFloat(t, "FocalLength", e.FocalLength, 35)
	wantInt(t, "Orientation", e.Orientation, 1)
	wantFloat(t, "Latitude", e.Latitude, 45.4642)
	wantFloat(t, "Longitude", e.Longitude, 9.19)
	wantFloat(t, "Altitude", e.Altitude, 122)
	if want := time.Date(2024, 6, 1, 10, 15, 30, 0, time.UTC); e.DateTaken == nil || !e.DateTaken.Equal(want) || e.DateTaken.Location() != time.UTC {
		t.Errorf("DateTaken = %v, want %v", e.DateTaken, want)
	}

	c := md.Credits
	wantString(t, "Title", c.Title, "Duomo at dawn")
	wantString(t, "Creator", c.Creator, "Ada Lovelace")
	wantString(t, "Copyright", c.Copyright, "(c) 2024 Example Photo")
	if c.Description != nil {
		t.Errorf("Description = %q, want none", *c.Description)
	}
	if want := []string{"cathedral", "milan"}; !slices.Equal(c.Keywords, want) {
		t.Errorf("Keywords = %q, want %q", c.Keywords, want)
	}

	wantRaw(t, md, "exif", "Make", "Canon")
	wantRaw(t, md, "exif", "ExposureTime", "1/250")
	wantRaw(t, md, "exif", "ISOSpeedRatings", 200)
	wantRaw(t, md, "exif", "ExifVersion", "0232")
	wantRaw(t, md, "exif", "ComponentsConfiguration", []any{1, 2, 3, 0})
	wantRaw(t, md, "exif", "GPSLatitude", []any{45.0, 27.0, 51.12})
	wantRaw(t, md, "exif", "GPSLatitudeRef", "N")
	wantRaw(t, md, "exif", "GPSAltitudeRef", 0)
	wantRaw(t, md, "exif", "0x8769", nil) // an offset, meaningless outside the file
	wantRaw(t, md, "iptc", "ObjectName", "Duomo at dawn")
	wantRaw(t, md, "iptc", "Keywords", []string{"cathedral", "milan"})
	wantRaw(t, md, "iptc", "By-line", []string{"Ada Lovelace"})
	wantRaw(t, md, "iptc", "RecordVersion", 4)
	wantRaw(t, md, "xmp", "dc:title", "Duomo at dawn")
	wantRaw(t, md, "xmp", "dc:creator", []string{"Ada Lovelace"})
	wantRaw(t, md, "xmp", "dc:rights", "(c) 2024 Example Photo")
	if _, err := json.Marshal(md.Raw); err != nil {
		t.Errorf("Raw does not marshal to JSON: %v", err)
	}

	// libvips may hand the EXIF over without its APP1 prefix, XMP without
	// its namespace and IPTC as bare IIM.
	bare, err := Parse(exif[len("Exif\x00\x00"):], iptc[bytes.IndexByte(iptc, 0x1C):], xmp[len(xmpNamespace):])
	if err != nil {
		t.Fatalf("Parse of bare blobs: %v", err)
	}
	if !reflect.DeepEqual(bare, md) {
		t.Errorf("bare blobs read differently:\n%+v\nwant\n%+v", bare, md)
	}
}

func TestRotatedFixture(t *testing.T) {
	exif, iptc, xmp := jpegBlobs(t, "rotated-orientation-6.jpg")
	md, err := Parse(exif, iptc, xmp)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	wantInt(t, "Orientation", md.Exif.Orientation, 6)
	if md.Exif.Make != nil || md.Credits.Title != nil || md.Credits.Keywords != nil {
		t.Errorf("read facts the file does not have: %+v", md)
	}
	if _, ok := md.Raw["iptc"]; ok {
		t.Errorf("Raw has an iptc section without IPTC data: %v", md.Raw)
	}
}

func TestParseNothing(t *testing.T) {
	md, err := Parse(nil, nil, nil)
	if err != nil || len(md.Raw) != 0 || md.Raw == nil || !reflect.DeepEqual(md.Exif, Exif{}) {
		t.Errorf("Parse(nil, nil, nil) = %+v, %v; want empty metadata and no error", md, err)
	}
}

// A tiny TIFF writer, so tests can state IFDs field by field.

type tiffTag struct {
	id  uint16
	val any
}

type rat [2]uint32

// ifdRef is the offset of the n-th IFD given to buildTIFF.
type ifdRef int

type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// buildTIFF lays out a TIFF header, the IFDs one after the other (the first
// is IFD0), then the values too long to sit in their entries.
func buildTIFF(bo byteOrder, ifds ...[]tiffTag) []byte {
	var offsets []uint32
	end := uint32(8)
	for _, ifd := range ifds {
		offsets = append(offsets, end)
		end += uint32(2 + 12*len(ifd) + 4)
	}
	out := make([]byte, end)
	if bo == binary.LittleEndian {
		copy(out, "II*\x00")
	} else {
		copy(out, "MM\x00*")
	}
	bo.PutUint32(out[4:], 8)
	for i, ifd := range ifds {
		at := offsets[i]
		bo.PutUint16(out[at:], uint16(len(ifd)))
		for j, tag := range ifd {
			typ, count, data := encodeTag(bo, tag.val, offsets)
			e := out[at+2+12*uint32(j):]
			bo.PutUint16(e, tag.id)
			bo.PutUint16(e[2:], typ)
			bo.PutUint32(e[4:], count)
			if len(data) <= 4 {
				copy(e[8:12], data)
				continue
			}
			bo.PutUint32(e[8:], uint32(len(out)))
			out = append(out, data...)
		}
	}
	return out
}

func encodeTag(bo byteOrder, v any, offsets []uint32) (typ uint16, count uint32, data []byte) {
	switch v := v.(type) {
	case string:
		return typeASCII, uint32(len(v) + 1), append([]byte(v), 0)
	case byte:
		return typeByte, 1, []byte{v}
	case []byte:
		return typeUndefined, uint32(len(v)), v
	case uint16:
		return typeShort, 1, bo.AppendUint16(nil, v)
	case ifdRef:
		return typeLong, 1, bo.AppendUint32(nil, offsets[v])
	case rat:
		return typeRational, 1, bo.AppendUint32(bo.AppendUint32(nil, v[0]), v[1])
	case []rat:
		for _, r := range v {
			data = bo.AppendUint32(bo.AppendUint32(data, r[0]), r[1])
		}
		return typeRational, uint32(len(v)), data
	}
	panic("buildTIFF cannot encode " + reflect.TypeOf(v).String())
}

func TestSyntheticTIFF(t *testing.T) {
	for _, bo := range []byteOrder{binary.LittleEndian, binary.BigEndian} {
		t.Run(bo.String(), func(t *testing.T) {
			blob := buildTIFF(bo,
				[]tiffTag{
					{tagMake, "Nikon"},
					{tagModel, "Z 8 "},
					{tagOrientation, uint16(8)},
					{tagDateTime, "2020:01:01 00:00:00"},
					{tagArtist, "Exif Artist"},
					{tagCopyright, "Photographer\x00Editor"},
					{tagExifIFD, ifdRef(1)},
					{tagGPSIFD, ifdRef(2)},
				},
				[]tiffTag{
					{tagExposureTime, rat{5, 10}},
					{tagFNumber, rat{28, 10}},
					{tagISO, uint16(6400)},
					{tagDateTimeOriginal, "2023:12:31 23:59:59"},
					{tagOffsetTimeOriginal, "-05:00"},
					{tagFocalLength, rat{50, 1}},
					{tagLensModel, "NIKKOR Z 50mm f/1.8 S"},
					{0x9286, []byte("ASCII\x00\x00\x00a comment\x00")},
					{0xC7B5, uint16(7)},
					{tagMakerNote, []byte("Nikon\x00\x02")},
					{0xA40B, bytes.Repeat([]byte{1}, 65)},
				},
				[]tiffTag{
					{tagGPSLatitudeRef, "S"},
					{tagGPSLatitude, []rat{{33, 1}, {51, 1}, {2151, 100}}},
					{tagGPSLongitudeRef, "W"},
					{tagGPSLongitude, []rat{{70, 1}, {30, 1}, {0, 1}}},
					{tagGPSAltitudeRef, byte(1)},
					{tagGPSAltitude, rat{15, 2}},
				},
			)
			md, err := Parse(blob, nil, nil)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			e := md.Exif
			wantString(t, "Make", e.Make, "Nikon")
			wantString(t, "Model", e.Model, "Z 8")
			wantString(t, "LensModel", e.LensModel, "NIKKOR Z 50mm f/1.8 S")
			wantString(t, "ExposureTime", e.ExposureTime, "0.5")
			wantFloat(t, "FNumber", e.FNumber, 2.8)
			wantInt(t, "ISO", e.ISO, 6400)
			wantFloat(t, "FocalLength", e.FocalLength, 50)
			wantInt(t, "Orientation", e.Orientation, 8)
			wantFloat(t, "Latitude", e.Latitude, -(33 + 51.0/60 + 21.51/3600))
			wantFloat(t, "Longitude", e.Longitude, -70.5)
			wantFloat(t, "Altitude", e.Altitude, -7.5)
			want := time.Date(2024, 1, 1, 4, 59, 59, 0, time.UTC)
			if e.DateTaken == nil || !e.DateTaken.Equal(want) {
				t.Fatalf("DateTaken = %v, want %v", e.DateTaken, want)
			}
			if _, offset := e.DateTaken.Zone(); offset != -5*3600 {
				t.Errorf("DateTaken zone offset = %ds, want the -05:00 of OffsetTimeOriginal", offset)
			}
			// Without IPTC or XMP credits, EXIF's stand in.
			wantString(t, "Creator", md.Credits.Creator, "Exif Artist")
			wantString(t, "Copyright", md.Credits.Copyright, "Photographer; Editor")

			wantRaw(t, md, "exif", "ExposureTime", "0.5")
			wantRaw(t, md, "exif", "UserComment", "a comment")
			wantRaw(t, md, "exif", "0xC7B5", 7)
			wantRaw(t, md, "exif", "GPSAltitudeRef", 1)
			wantRaw(t, md, "exif", "MakerNote", nil)
			wantRaw(t, md, "exif", "DeviceSettingDescription", nil)
		})
	}
}

func TestDateTimeFallback(t *testing.T) {
	blob := buildTIFF(binary.LittleEndian,
		[]tiffTag{{tagDateTime, "2020:02:29 12:00:00"}, {tagExifIFD, ifdRef(1)}},
		[]tiffTag{{tagDateTimeOriginal, "0000:00:00 00:00:00"}, {tagExposureTime, rat{2, 1}}},
	)
	md, err := Parse(blob, nil, nil)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := time.Date(2020, 2, 29, 12, 0, 0, 0, time.UTC)
	if d := md.Exif.DateTaken; d == nil || !d.Equal(want) || d.Location() != time.UTC {
		t.Errorf("DateTaken = %v, want %v: an unset DateTimeOriginal falls back to DateTime, zone-less means UTC", d, want)
	}
	wantString(t, "ExposureTime", md.Exif.ExposureTime, "2")
}

func TestFormatExposure(t *testing.T) {
	for _, c := range []struct {
		secs float64
		want string
	}{
		{1.0 / 250, "1/250"}, {1.0 / 3, "0.3"}, {0.5, "0.5"}, {1, "1"}, {2, "2"},
		{2.5, "2.5"}, {30, "30"}, {0.25, "1/4"}, {1.0 / 8000, "1/8000"}, {0, "0"},
	} {
		secs, want := c.secs, c.want
		if got := formatExposure(secs); got != want {
			t.Errorf("formatExposure(%v) = %q, want %q", secs, got, want)
		}
	}
}

func TestIFDLoops(t *testing.T) {
	cases := map[string][]byte{
		// IFD0's Exif pointer names IFD0 itself.
		"self": buildTIFF(binary.BigEndian,
			[]tiffTag{{tagMake, "Loop"}, {tagExifIFD, ifdRef(0)}},
		),
		// The GPS pointer names the Exif IFD.
		"shared": buildTIFF(binary.LittleEndian,
			[]tiffTag{{tagMake, "Loop"}, {tagExifIFD, ifdRef(1)}, {tagGPSIFD, ifdRef(1)}},
			[]tiffTag{{tagISO, uint16(100)}},
		),
	}
	for name, blob := range cases {
		t.Run(name, func(t *testing.T) {
			md, err := Parse(blob, nil, nil)
			if err == nil || !strings.Contains(err.Error(), "points back at an IFD already read") {
				t.Errorf("err = %v, want the loop reported", err)
			}
			wantString(t, "Make", md.Exif.Make, "Loop")
		})
	}
}

func TestHostileIFDCounts(t *testing.T) {
	var many []tiffTag
	for i := range 1200 {
		many = append(many, tiffTag{uint16(0xC000 + i), uint16(i)})
	}
	md, err := Parse(buildTIFF(binary.LittleEndian, many), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "reading only the first 1000") {
		t.Errorf("err = %v, want the entry limit reported", err)
	}
	if n := len(md.Raw["exif"].(map[string]any)); n != maxIFDEntries {
		t.Errorf("read %d entries, want %d", n, maxIFDEntries)
	}

	// An IFD claiming 65535 entries in a 40-byte blob.
	blob := buildTIFF(binary.BigEndian, []tiffTag{{tagMake, "Big"}})
	binary.BigEndian.PutUint16(blob[8:], 0xFFFF)
	md, err = Parse(blob, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "truncated after 1 of 65535 entries") {
		t.Errorf("err = %v, want the truncation reported", err)
	}
	wantString(t, "Make", md.Exif.Make, "Big")
}

func TestTruncatedBlobs(t *testing.T) {
	exif, iptc, xmp := jpegBlobs(t, "photo-12mp.jpg")
	full, err := Parse(exif, iptc, xmp)
	if err != nil {
		t.Fatal(err)
	}
	// Every byte of the fixture's EXIF is read, so every cut damages
	// something; IPTC runs to its last byte but one (padding).
	for n := 1; n < len(exif); n++ {
		if _, err := Parse(exif[:n], nil, nil); err == nil {
			t.Errorf("EXIF cut to %d bytes: no error", n)
		}
	}
	for n := 1; n < len(iptc)-1; n++ {
		if n == len("Photoshop 3.0\x00") {
			continue // a header with no resources is empty, not damaged
		}
		if _, err := Parse(nil, iptc[:n], nil); err == nil {
			t.Errorf("IPTC cut to %d bytes: no error", n)
		}
	}
	for n := len(xmpNamespace) + 1; n < len(xmp); n++ {
		md, err := Parse(nil, nil, xmp[:n])
		whole := bytes.Contains(xmp[:n], []byte("</rdf:RDF>"))
		if whole && (err != nil || md.Credits.Title == nil) {
			t.Errorf("XMP cut to %d bytes after </rdf:RDF>: %v, title %v", n, err, md.Credits.Title)
		}
		if !whole && err == nil {
			t.Errorf("XMP cut to %d bytes before </rdf:RDF>: no error", n)
		}
	}

	// Cut at the first GPS value: the IFDs survive, the GPS values do not.
	gpsData := len("Exif\x00\x00") + 0x1BA
	md, err := Parse(exif[:gpsData], nil, nil)
	if err == nil || !strings.Contains(err.Error(), "GPS IFD") {
		t.Errorf("err = %v, want the GPS IFD damage reported", err)
	}
	wantString(t, "Make", md.Exif.Make, "Canon")
	wantInt(t, "ISO", md.Exif.ISO, 200)
	if md.Exif.Latitude != nil {
		t.Errorf("Latitude = %v from values cut off", *md.Exif.Latitude)
	}

	// Cut inside the By-line dataset: the datasets before it survive.
	md, err = Parse(nil, iptc[:bytes.Index(iptc, []byte("Lovelace"))], nil)
	if err == nil {
		t.Error("IPTC cut inside a dataset: no error")
	}
	wantString(t, "Title", md.Credits.Title, "Duomo at dawn")
	if !slices.Equal(md.Credits.Keywords, full.Credits.Keywords) || md.Credits.Creator != nil {
		t.Errorf("Credits = %+v, want the title and keywords only", md.Credits)
	}

	// Cut after dc:creator: it survives, the title after it does not.
	md, err = Parse(nil, nil, xmp[:bytes.Index(xmp, []byte("</dc:creator>"))+len("</dc:creator>")])
	if err == nil {
		t.Error("XMP cut in the middle: no error")
	}
	wantString(t, "Creator", md.Credits.Creator, "Ada Lovelace")
	if md.Credits.Title != nil {
		t.Errorf("Title = %q from a packet cut before it", *md.Credits.Title)
	}
}

func TestGarbage(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		junk := make([]byte, r.IntN(400)+1)
		for j := range junk {
			junk[j] = byte(r.Uint32())
		}
		junk[0] = 0xAA // not a raw IIM marker either
		for name, blobs := range map[string][3][]byte{
			"exif": {junk, nil, nil},
			"iptc": {nil, junk, nil},
			"xmp":  {nil, nil, junk},
		} {
			if _, err := Parse(blobs[0], blobs[1], blobs[2]); err == nil {
				t.Errorf("%s garbage #%d: no error", name, i)
			}
		}
	}
	// Damage in one blob keeps the others.
	exif, iptc, _ := jpegBlobs(t, "photo-12mp.jpg")
	md, err := Parse(exif, iptc, []byte("<x:xmpmeta><rdf:RDF"))
	if err == nil || !strings.HasPrefix(err.Error(), "xmp: ") {
		t.Errorf("err = %v, want an xmp error", err)
	}
	wantString(t, "Make", md.Exif.Make, "Canon")
	wantString(t, "Title", md.Credits.Title, "Duomo at dawn")
}

// iim encodes one IIM dataset.
func iim(record, number byte, value string) []byte {
	return append([]byte{0x1C, record, number, byte(len(value) >> 8), byte(len(value))}, value...)
}

func TestIIMCharacterSets(t *testing.T) {
	latin := slices.Concat(iim(2, 5, "Caf\xe9"), iim(2, 25, "Z\xfcrich"), iim(2, 80, "Ren\xe9e "))
	md, err := Parse(nil, latin, nil)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	wantString(t, "Title", md.Credits.Title, "Café")
	wantString(t, "Creator", md.Credits.Creator, "Renée")
	if want := []string{"Zürich"}; !slices.Equal(md.Credits.Keywords, want) {
		t.Errorf("Keywords = %q, want %q", md.Credits.Keywords, want)
	}

	marked := slices.Concat(iim(1, 90, "\x1b%G"), iim(2, 5, "Café"))
	md, err = Parse(nil, marked, nil)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	wantString(t, "Title with ESC % G", md.Credits.Title, "Café")

	// Without the marker the same bytes are Latin-1, as IIM says.
	md, _ = Parse(nil, iim(2, 5, "Café"), nil)
	wantString(t, "Title without ESC % G", md.Credits.Title, "CafÃ©")

	// An extended dataset, whose size takes the next 4 bytes.
	extended := slices.Concat([]byte{0x1C, 2, 120, 0x80, 4, 0, 0, 0, 5}, []byte("Hello"))
	md, err = Parse(nil, extended, nil)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	wantString(t, "Description", md.Credits.Description, "Hello")
}

const attributeXMP = `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    xmp:Rating="3" photoshop:City="Milano">
   <dc:title><rdf:Alt>
    <rdf:li xml:lang="it">Duomo all'alba</rdf:li>
    <rdf:li xml:lang="x-default">Duomo at dawn</rdf:li>
   </rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>Ada</rdf:li><rdf:li>Bob</rdf:li></rdf:Seq></dc:creator>
   <dc:subject><rdf:Bag><rdf:li>Milan</rdf:li><rdf:li> duomo </rdf:li><rdf:li/></rdf:Bag></dc:subject>
   <xmpMM:History><rdf:Seq>
    <rdf:li rdf:parseType="Resource"><stEvt:action>saved</stEvt:action></rdf:li>
   </rdf:Seq></xmpMM:History>
   <Iptc4xmpCore:CreatorContactInfo Iptc4xmpCore:CiEmailWork="ada@example.com"/>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:ns0="http://purl.org/dc/elements/1.1/">
   <ns0:description><rdf:Alt><rdf:li xml:lang="en">A cathedral.</rdf:li></rdf:Alt></ns0:description>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>` + "\x00\x00"

func TestXMPForms(t *testing.T) {
	exif := buildTIFF(binary.LittleEndian, []tiffTag{{tagArtist, "Exif Artist"}, {tagCopyright, "Exif Copyright"}})
	iptc := slices.Concat(iim(2, 5, "IPTC title"), iim(2, 25, "milan"), iim(2, 25, "Cathedral"), iim(2, 80, "IPTC By-line"))
	md, err := Parse(exif, iptc, []byte(attributeXMP))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	c := md.Credits
	wantString(t, "Title", c.Title, "Duomo at dawn")
	wantString(t, "Creator", c.Creator, "Ada")
	wantString(t, "Description", c.Description, "A cathedral.")
	wantString(t, "Copyright", c.Copyright, "Exif Copyright")
	if want := []string{"Milan", "duomo", "Cathedral"}; !slices.Equal(c.Keywords, want) {
		t.Errorf("Keywords = %q, want %q", c.Keywords, want)
	}

	wantRaw(t, md, "xmp", "xmp:Rating", "3")
	wantRaw(t, md, "xmp", "photoshop:City", "Milano")
	wantRaw(t, md, "xmp", "dc:title", "Duomo at dawn")
	wantRaw(t, md, "xmp", "dc:creator", []string{"Ada", "Bob"})
	wantRaw(t, md, "xmp", "dc:subject", []string{"Milan", "duomo"})
	wantRaw(t, md, "xmp", "dc:description", "A cathedral.") // keyed by the first prefix dc got
	wantRaw(t, md, "xmp", "xmpMM:History", []any{map[string]any{"stEvt:action": "saved"}})
	wantRaw(t, md, "xmp", "Iptc4xmpCore:CreatorContactInfo", map[string]any{"Iptc4xmpCore:CiEmailWork": "ada@example.com"})
	wantRaw(t, md, "iptc", "Keywords", []string{"milan", "Cathedral"})

	// Credits follow the namespace, whatever its prefix.
	md, err = Parse(nil, nil, []byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
		<rdf:Description xmlns:ns0="http://purl.org/dc/elements/1.1/" ns0:title="Plain"/></rdf:RDF>`))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	wantString(t, "Title", md.Credits.Title, "Plain")
	wantRaw(t, md, "xmp", "ns0:title", "Plain")
}

func TestXMPDepthLimit(t *testing.T) {
	deep := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:a="urn:a"><rdf:Description>` +
		strings.Repeat("<a:b>", 10000) + "x" + strings.Repeat("</a:b>", 10000) + "</rdf:Description></rdf:RDF>"
	_, err := Parse(nil, nil, []byte(deep))
	if err == nil || !strings.Contains(err.Error(), "deeper than") {
		t.Errorf("err = %v, want the nesting limit reported", err)
	}
}

func TestDedupKeywords(t *testing.T) {
	got := dedupKeywords([]string{" Milan", "milan ", "", "  ", "Duomo", "MILAN", "duomo", "Italy"})
	if want := []string{"Milan", "Duomo", "Italy"}; !slices.Equal(got, want) {
		t.Errorf("dedupKeywords = %q, want %q", got, want)
	}
}

func FuzzParse(f *testing.F) {
	// The fixtures' blobs are in testdata/fuzz/FuzzParse; these add the
	// shapes they lack.
	f.Add(buildTIFF(binary.LittleEndian,
		[]tiffTag{{tagMake, "Seed"}, {tagExifIFD, ifdRef(1)}, {tagGPSIFD, ifdRef(2)}},
		[]tiffTag{{tagExposureTime, rat{1, 60}}, {0x9286, []byte("UNICODE\x00h\x00i\x00")}},
		[]tiffTag{{tagGPSLatitudeRef, "S"}, {tagGPSLatitude, []rat{{1, 1}, {2, 1}, {3, 1}}}},
	), slices.Concat(iim(1, 90, "\x1b%G"), iim(2, 25, "k")), []byte(attributeXMP))
	f.Fuzz(func(t *testing.T, exif, iptc, xmp []byte) {
		md, _ := Parse(exif, iptc, xmp)
		if _, err := json.Marshal(md.Raw); err != nil {
			t.Errorf("Raw does not marshal to JSON: %v", err)
		}
		if o := md.Exif.Orientation; o != nil && (*o < 1 || *o > 8) {
			t.Errorf("Orientation %d out of range", *o)
		}
		c := md.Credits
		for _, s := range []*string{c.Title, c.Creator, c.Copyright, c.Description, md.Exif.Make, md.Exif.Model} {
			if s != nil && (*s == "" || !utf8.ValidString(*s)) {
				t.Errorf("text field %q is empty or not UTF-8", *s)
			}
		}
		seen := map[string]bool{}
		for _, k := range c.Keywords {
			if k == "" || seen[strings.ToLower(k)] {
				t.Errorf("keywords %q hold an empty or repeated entry", c.Keywords)
			}
			seen[strings.ToLower(k)] = true
		}
	})
}

func BenchmarkParse(b *testing.B) {
	exif, iptc, xmp := jpegBlobs(b, "photo-12mp.jpg")
	b.SetBytes(int64(len(exif) + len(iptc) + len(xmp)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(exif, iptc, xmp); err != nil {
			b.Fatal(err)
		}
	}
}
