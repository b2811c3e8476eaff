package imaging

import (
	"bytes"
	"encoding/binary"
)

// transformHeader is what a transform plans with: ReadHeader's facts, read in Go for a still WebP.
// libvips 8.14's WebP loader allocates and clears a canvas of the full picture just to read the
// header (20 MB and 2.5 to 5 ms of a core for a 3000×2250 photo, 3 to 6% of a transform to 300 px),
// and the thumbnail load that follows reads the header again anyway. The metadata blocks ReadHeader
// also returns are not read here: a transform does not use them.
func transformHeader(buf []byte) (Header, error) {
	if h, ok := stillWebPHeader(buf); ok {
		return h, nil
	}
	return ReadHeader(buf)
}

// stillWebPHeader reads the size, alpha and EXIF orientation of a still WebP from its chunks; ok is
// false for an animation or anything it does not follow, which libvips then reads.
func stillWebPHeader(buf []byte) (h Header, ok bool) {
	if len(buf) < 12 || string(buf[:4]) != "RIFF" || string(buf[8:12]) != "WEBP" {
		return Header{}, false
	}
	h = Header{Orientation: 1, Frames: 1, ColorSpace: "srgb"}
	sized, extended := false, false
	for rest := buf[12:]; len(rest) >= 8; {
		n := int(binary.LittleEndian.Uint32(rest[4:8]))
		if n < 0 || 8+n > len(rest) {
			return Header{}, false
		}
		data := rest[8 : 8+n]
		switch string(rest[:4]) {
		case "VP8X":
			const animation, alpha = 0x02, 0x10
			if n < 10 || data[0]&animation != 0 {
				return Header{}, false
			}
			h.HasAlpha = data[0]&alpha != 0
			h.Width = 1 + (int(data[4]) | int(data[5])<<8 | int(data[6])<<16)
			h.Height = 1 + (int(data[7]) | int(data[8])<<8 | int(data[9])<<16)
			sized, extended = true, true
		case "VP8 ":
			// A key frame: 3 bytes of frame tag, the start code, then 14-bit width and height.
			if n < 10 || data[3] != 0x9d || data[4] != 0x01 || data[5] != 0x2a {
				return Header{}, false
			}
			if !extended {
				h.Width = int(binary.LittleEndian.Uint16(data[6:8]) & 0x3fff)
				h.Height = int(binary.LittleEndian.Uint16(data[8:10]) & 0x3fff)
				sized = true
			}
		case "VP8L":
			if n < 5 || data[0] != 0x2f {
				return Header{}, false
			}
			bits := binary.LittleEndian.Uint32(data[1:5])
			if !extended {
				h.Width = 1 + int(bits&0x3fff)
				h.Height = 1 + int(bits>>14&0x3fff)
				h.HasAlpha = bits>>28&1 != 0
				sized = true
			}
		case "EXIF":
			o, found := exifOrientation(data)
			if !found {
				return Header{}, false
			}
			h.Orientation = o
		case "ANIM", "ANMF":
			return Header{}, false
		}
		rest = rest[min(8+n+n%2, len(rest)):] // chunks are padded to even sizes
	}
	if !sized || h.Width < 1 || h.Height < 1 {
		return Header{}, false
	}
	if h.Orientation >= 5 { // as ReadHeader: the size as displayed
		h.Width, h.Height = h.Height, h.Width
	}
	return h, true
}

// exifOrientation is the Orientation (tag 0x0112) of IFD0 of an EXIF block, 1 when it has none;
// found is false for a block it cannot follow.
func exifOrientation(b []byte) (orientation int, found bool) {
	b = bytes.TrimPrefix(b, []byte("Exif\x00\x00")) // some writers keep JPEG's APP1 prefix
	if len(b) < 8 {
		return 0, false
	}
	var order binary.ByteOrder
	switch string(b[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 0, false
	}
	ifd := int(order.Uint32(b[4:8]))
	if ifd < 8 || ifd+2 > len(b) {
		return 0, false
	}
	count := int(order.Uint16(b[ifd:]))
	for i := range count {
		e := ifd + 2 + 12*i
		if e+12 > len(b) {
			return 0, false
		}
		const orientationTag, short = 0x0112, 3
		if order.Uint16(b[e:]) != orientationTag {
			continue
		}
		if order.Uint16(b[e+2:]) != short {
			return 0, false
		}
		if o := int(order.Uint16(b[e+8:])); o >= 1 && o <= 8 {
			return o, true
		}
		return 1, true // as ReadHeader: an orientation out of range is none
	}
	return 1, true
}
