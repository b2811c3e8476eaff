package photometa

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"regexp"
)

// StripGPS passes a JPEG through with where it was taken removed, losslessly: the EXIF GPS IFD is
// emptied and its values zeroed, and the GPS properties of XMP are blanked, each in place, so every
// segment keeps its length and the picture's bytes are untouched (re-saving through libvips would
// re-encode the picture). It holds one metadata segment at a time (at most 64 KiB) and streams the
// rest; anything that is not a well-formed JPEG header passes through unchanged.
func StripGPS(r io.Reader) io.Reader {
	return &gpsStripper{r: bufio.NewReader(r), header: true}
}

const (
	markerSOI  = 0xD8
	markerSOS  = 0xDA
	markerAPP1 = 0xE1
)

var (
	exifHeader = []byte("Exif\x00\x00")
	xmpHeader  = []byte("http://ns.adobe.com/xap/1.0/\x00")
	// xmpGPS matches XMP's GPS properties, as attributes and as elements (exif:GPSLatitude…).
	xmpGPS = regexp.MustCompile(`exif:GPS[A-Za-z]+="[^"]*"|<exif:GPS[A-Za-z]+>[^<]*</exif:GPS[A-Za-z]+>`)
)

type gpsStripper struct {
	r *bufio.Reader
	// pending is output not yet read; header is true while segments before the picture are read.
	pending []byte
	header  bool
	started bool
}

func (s *gpsStripper) Read(p []byte) (int, error) {
	for len(s.pending) == 0 && s.header {
		s.next()
	}
	if len(s.pending) > 0 {
		n := copy(p, s.pending)
		s.pending = s.pending[n:]
		return n, nil
	}
	return s.r.Read(p)
}

// next reads the start of the file or one segment into pending, blanked, or ends the header.
func (s *gpsStripper) next() {
	if !s.started {
		s.started = true
		soi, _ := s.r.Peek(2)
		if len(soi) < 2 || soi[0] != 0xFF || soi[1] != markerSOI {
			s.header = false
			return
		}
		s.pending = make([]byte, 2)
		io.ReadFull(s.r, s.pending)
		return
	}
	head, err := s.r.Peek(4)
	if err != nil || head[0] != 0xFF || head[1] == markerSOS || head[1] < 0xC0 || binary.BigEndian.Uint16(head[2:]) < 2 {
		s.header = false // the picture, or something this reader does not follow: streamed as it is
		return
	}
	seg := make([]byte, 2+int(binary.BigEndian.Uint16(head[2:])))
	n, err := io.ReadFull(s.r, seg)
	if err != nil { // cut short: what there is, unchanged, then the reader's end
		s.pending, s.header = seg[:n], false
		return
	}
	if seg[1] == markerAPP1 {
		blankGPS(seg[4:])
	}
	s.pending = seg
}

// blankGPS removes the GPS data of one APP1 payload in place.
func blankGPS(payload []byte) {
	switch {
	case bytes.HasPrefix(payload, exifHeader):
		emptyGPSIFD(payload[len(exifHeader):])
	case bytes.HasPrefix(payload, xmpHeader):
		xmp := payload[len(xmpHeader):]
		for _, m := range xmpGPS.FindAllIndex(xmp, -1) {
			for i := m[0]; i < m[1]; i++ {
				xmp[i] = ' ' // XML whitespace: the packet stays well-formed and as long
			}
		}
	}
}

var errBadTIFF = errors.New("malformed TIFF")

// emptyGPSIFD zeroes every value of the GPS IFD of a TIFF structure and leaves it with no entries; a
// malformed structure is left as it is.
func emptyGPSIFD(tiff []byte) {
	order, err := tiffOrder(tiff)
	if err != nil {
		return
	}
	u16 := func(off uint64) (uint64, error) {
		if off+2 > uint64(len(tiff)) {
			return 0, errBadTIFF
		}
		return uint64(order.Uint16(tiff[off:])), nil
	}
	u32 := func(off uint64) (uint64, error) {
		if off+4 > uint64(len(tiff)) {
			return 0, errBadTIFF
		}
		return uint64(order.Uint32(tiff[off:])), nil
	}
	ifd0, err := u32(4)
	if err != nil {
		return
	}
	gps, err := entryValue(ifd0, tagGPSIFD, u16, u32)
	if err != nil {
		return
	}
	count, err := u16(gps)
	if err != nil || count > maxIFDEntries || gps+2+count*12 > uint64(len(tiff)) {
		return
	}
	for i := range count {
		e := gps + 2 + i*12
		typ, _ := u16(e + 2)
		n, _ := u32(e + 4)
		if typ < uint64(len(typeSize)) && n <= uint64(len(tiff)) {
			if size := typeSize[typ] * n; size > 4 {
				if off, _ := u32(e + 8); off+size <= uint64(len(tiff)) {
					clear(tiff[off : off+size])
				}
			}
		}
		clear(tiff[e : e+12])
	}
	order.PutUint16(tiff[gps:], 0)
}

func tiffOrder(tiff []byte) (binary.ByteOrder, error) {
	if len(tiff) < 8 {
		return nil, errBadTIFF
	}
	switch string(tiff[:2]) {
	case "II":
		return binary.LittleEndian, nil
	case "MM":
		return binary.BigEndian, nil
	}
	return nil, errBadTIFF
}

// entryValue is the LONG value of tag in the IFD at off.
func entryValue(off, tag uint64, u16, u32 func(uint64) (uint64, error)) (uint64, error) {
	count, err := u16(off)
	if err != nil || count > maxIFDEntries {
		return 0, errBadTIFF
	}
	for i := range count {
		e := off + 2 + i*12
		t, err := u16(e)
		if err != nil {
			return 0, err
		}
		if t == tag {
			return u32(e + 8)
		}
	}
	return 0, errBadTIFF
}
