package photometa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf16"
)

// TIFF 6 field types.
const (
	typeByte      = 1
	typeASCII     = 2
	typeShort     = 3
	typeLong      = 4
	typeRational  = 5
	typeSByte     = 6
	typeUndefined = 7
	typeSShort    = 8
	typeSLong     = 9
	typeSRational = 10
	typeFloat     = 11
	typeDouble    = 12
	typeIFD       = 13
)

// typeSize is the byte size of one value of each field type; zero marks
// types TIFF 6 tells readers to skip.
var typeSize = [...]uint64{
	typeByte: 1, typeASCII: 1, typeShort: 2, typeLong: 4, typeRational: 8,
	typeSByte: 1, typeUndefined: 1, typeSShort: 2, typeSLong: 4, typeSRational: 8,
	typeFloat: 4, typeDouble: 8, typeIFD: 4,
}

const (
	// maxIFDEntries bounds the work one IFD can ask for; real IFDs hold a
	// few dozen entries, hostile ones claim 65535.
	maxIFDEntries = 1000
	// maxRawBinary is the largest non-text value kept in Raw: longer ones
	// are tables and thumbnails nobody searches by.
	maxRawBinary = 64
)

// Tags read into Exif and Credits.
const (
	tagMake               = 0x010F
	tagModel              = 0x0110
	tagOrientation        = 0x0112
	tagDateTime           = 0x0132
	tagArtist             = 0x013B
	tagCopyright          = 0x8298
	tagExifIFD            = 0x8769
	tagGPSIFD             = 0x8825
	tagExposureTime       = 0x829A
	tagFNumber            = 0x829D
	tagISO                = 0x8827
	tagDateTimeOriginal   = 0x9003
	tagOffsetTime         = 0x9010
	tagOffsetTimeOriginal = 0x9011
	tagFocalLength        = 0x920A
	tagMakerNote          = 0x927C
	tagInteropIFD         = 0xA005
	tagLensModel          = 0xA434

	tagGPSLatitudeRef  = 1
	tagGPSLatitude     = 2
	tagGPSLongitudeRef = 3
	tagGPSLongitude    = 4
	tagGPSAltitudeRef  = 5
	tagGPSAltitude     = 6
)

// field is one IFD entry, its value bytes already bounds-checked.
type field struct {
	typ   uint16
	count int
	data  []byte
}

type ifd map[uint16]field

type tiff struct {
	b     []byte
	order binary.ByteOrder
}

func parseExif(blob []byte) (Exif, Credits, map[string]any, error) {
	t, ifd0Offset, err := readTIFFHeader(bytes.TrimPrefix(blob, []byte("Exif\x00\x00")))
	if err != nil {
		return Exif{}, Credits{}, nil, err
	}
	raw := map[string]any{}
	var errs []error
	visited := map[uint32]bool{}
	read := func(name string, offset uint32, names map[uint16]string, unknownPrefix string) ifd {
		if visited[offset] {
			errs = append(errs, fmt.Errorf("%s at offset %d points back at an IFD already read", name, offset))
			return nil
		}
		visited[offset] = true
		fields, err := t.readIFD(offset)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s at offset %d: %w", name, offset, err))
		}
		t.addRaw(raw, fields, names, unknownPrefix)
		return fields
	}
	ifd0 := read("IFD0", ifd0Offset, tiffTagNames, "")
	var sub, gps ifd
	if off, ok := t.unsigned(ifd0[tagExifIFD], 0); ok {
		sub = read("Exif IFD", off, tiffTagNames, "")
	}
	if off, ok := t.unsigned(ifd0[tagGPSIFD], 0); ok {
		gps = read("GPS IFD", off, gpsTagNames, "GPS")
	}
	credits := Credits{
		Creator:   nonEmpty(t.ascii(ifd0[tagArtist])),
		Copyright: nonEmpty(t.ascii(ifd0[tagCopyright])),
	}
	return t.exif(ifd0, sub, gps), credits, raw, errors.Join(errs...)
}

func readTIFFHeader(b []byte) (tiff, uint32, error) {
	if len(b) < 8 {
		return tiff{}, 0, fmt.Errorf("%d bytes is too short for a TIFF header", len(b))
	}
	var t tiff
	switch string(b[:4]) {
	case "II*\x00":
		t = tiff{b: b, order: binary.LittleEndian}
	case "MM\x00*":
		t = tiff{b: b, order: binary.BigEndian}
	default:
		return tiff{}, 0, fmt.Errorf("no TIFF header: starts with %q", b[:4])
	}
	return t, t.order.Uint32(b[4:]), nil
}

// readIFD reads the entries of the IFD at offset. Entries whose values fall
// outside the data are skipped and counted in the error, so one bad entry
// does not hide the rest.
func (t tiff) readIFD(offset uint32) (ifd, error) {
	if uint64(offset)+2 > uint64(len(t.b)) {
		return nil, fmt.Errorf("outside the %d bytes of TIFF data", len(t.b))
	}
	start := int(offset) + 2
	n := int(t.order.Uint16(t.b[offset:]))
	var errs []error
	if fit := (len(t.b) - start) / 12; n > fit {
		errs = append(errs, fmt.Errorf("truncated after %d of %d entries", fit, n))
		n = fit
	}
	if n > maxIFDEntries {
		errs = append(errs, fmt.Errorf("%d entries, reading only the first %d", n, maxIFDEntries))
		n = maxIFDEntries
	}
	fields := make(ifd, n)
	outside := 0
	for i := range n {
		e := t.b[start+12*i : start+12*i+12]
		tag, typ, count := t.order.Uint16(e), t.order.Uint16(e[2:]), t.order.Uint32(e[4:])
		if int(typ) >= len(typeSize) || typeSize[typ] == 0 {
			continue
		}
		size := uint64(count) * typeSize[typ]
		data := e[8:]
		if size > 4 {
			at := uint64(t.order.Uint32(e[8:]))
			if at+size > uint64(len(t.b)) {
				outside++
				continue
			}
			data = t.b[at : at+size]
		}
		if _, dup := fields[tag]; !dup {
			fields[tag] = field{typ: typ, count: int(count), data: data[:size]}
		}
	}
	if outside > 0 {
		errs = append(errs, fmt.Errorf("%d entries point outside the data", outside))
	}
	return fields, errors.Join(errs...)
}

func (t tiff) exif(ifd0, sub, gps ifd) Exif {
	e := Exif{
		Make:        nonEmpty(t.ascii(ifd0[tagMake])),
		Model:       nonEmpty(t.ascii(ifd0[tagModel])),
		LensModel:   nonEmpty(t.ascii(sub[tagLensModel])),
		FNumber:     t.float(sub[tagFNumber]),
		FocalLength: t.float(sub[tagFocalLength]),
		DateTaken:   exifTime(t.ascii(sub[tagDateTimeOriginal]), t.ascii(sub[tagOffsetTimeOriginal])),
		Latitude:    t.coordinate(gps[tagGPSLatitude], t.ascii(gps[tagGPSLatitudeRef]), 'S', 90),
		Longitude:   t.coordinate(gps[tagGPSLongitude], t.ascii(gps[tagGPSLongitudeRef]), 'W', 180),
		Altitude:    t.float(gps[tagGPSAltitude]),
	}
	if e.DateTaken == nil {
		e.DateTaken = exifTime(t.ascii(ifd0[tagDateTime]), t.ascii(sub[tagOffsetTime]))
	}
	if v, ok := t.unsigned(sub[tagISO], 0); ok {
		e.ISO = ptr(int(v))
	}
	if v, ok := t.unsigned(ifd0[tagOrientation], 0); ok && v >= 1 && v <= 8 {
		e.Orientation = ptr(int(v))
	}
	if v, ok := t.num(sub[tagExposureTime], 0); ok && v >= 0 {
		e.ExposureTime = ptr(formatExposure(v))
	}
	if ref, ok := t.unsigned(gps[tagGPSAltitudeRef], 0); ok && ref == 1 && e.Altitude != nil {
		*e.Altitude = -math.Abs(*e.Altitude)
	}
	return e
}

// formatExposure follows the photographers' convention: fractions of a
// second as 1/N, anything longer than about a quarter second in decimals.
func formatExposure(secs float64) string {
	if secs > 0 && secs < 0.25001 {
		return "1/" + strconv.FormatFloat(math.Round(1/secs), 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(secs*10)/10, 'f', -1, 64)
}

// exifTime reads an EXIF "2006:01:02 15:04:05" timestamp in the zone of an
// "+02:00"-style offset, or in UTC when the offset is missing or blank.
func exifTime(value, offset string) *time.Time {
	zone := time.UTC
	if o, err := time.Parse("-07:00", offset); err == nil {
		_, secs := o.Zone()
		zone = time.FixedZone("", secs)
	}
	v, err := time.ParseInLocation("2006:01:02 15:04:05", value, zone)
	if err != nil {
		return nil
	}
	return &v
}

// coordinate reads degrees, minutes and seconds; some writers store fewer
// parts (decimal degrees alone), which the sum handles too.
func (t tiff) coordinate(f field, ref string, negative byte, limit float64) *float64 {
	if f.count == 0 {
		return nil
	}
	deg := 0.0
	for i, scale := range []float64{1, 60, 3600}[:min(f.count, 3)] {
		v, ok := t.num(f, i)
		if !ok {
			return nil
		}
		deg += v / scale
	}
	if deg > limit || deg < -limit {
		return nil
	}
	if ref != "" && (ref[0]|0x20) == negative|0x20 {
		deg = -math.Abs(deg)
	}
	return &deg
}

// ascii reads an ASCII field, which cameras fill with Latin-1 as often as UTF-8.
func (t tiff) ascii(f field) string {
	if f.typ != typeASCII {
		return ""
	}
	return text(f.data)
}

func (t tiff) float(f field) *float64 {
	if v, ok := t.num(f, 0); ok {
		return &v
	}
	return nil
}

// unsigned reads value i of an unsigned integer field.
func (t tiff) unsigned(f field, i int) (uint32, bool) {
	if i >= f.count {
		return 0, false
	}
	switch f.typ {
	case typeByte:
		return uint32(f.data[i]), true
	case typeShort:
		return uint32(t.order.Uint16(f.data[2*i:])), true
	case typeLong, typeIFD:
		return t.order.Uint32(f.data[4*i:]), true
	}
	return 0, false
}

// num reads value i of a numeric field as a float; x/0 has no value.
func (t tiff) num(f field, i int) (float64, bool) {
	if i >= f.count {
		return 0, false
	}
	var v float64
	switch f.typ {
	case typeRational:
		num, den := t.order.Uint32(f.data[8*i:]), t.order.Uint32(f.data[8*i+4:])
		if den == 0 {
			return 0, false
		}
		v = float64(num) / float64(den)
	case typeSRational:
		num, den := int32(t.order.Uint32(f.data[8*i:])), int32(t.order.Uint32(f.data[8*i+4:]))
		if den == 0 {
			return 0, false
		}
		v = float64(num) / float64(den)
	case typeFloat:
		v = float64(math.Float32frombits(t.order.Uint32(f.data[4*i:])))
	case typeDouble:
		v = math.Float64frombits(t.order.Uint64(f.data[8*i:]))
	default:
		u, ok := t.unsigned(f, i)
		return float64(u), ok
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// addRaw adds the fields to raw by name, keeping a name the first IFD to
// give it.
func (t tiff) addRaw(raw map[string]any, fields ifd, names map[uint16]string, unknownPrefix string) {
	for tag, f := range fields {
		switch tag {
		case tagMakerNote, tagExifIFD, tagGPSIFD, tagInteropIFD:
			// Offsets and vendor blobs mean nothing outside the file.
			continue
		}
		name, ok := names[tag]
		if !ok {
			name = fmt.Sprintf("%s0x%04X", unknownPrefix, tag)
		}
		if _, dup := raw[name]; dup {
			continue
		}
		if tag == tagExposureTime {
			if v, ok := t.num(f, 0); ok {
				raw[name] = formatExposure(v)
			}
			continue
		}
		if v := t.rawValue(f); v != nil {
			raw[name] = v
		}
	}
}

// rawValue is a JSON-friendly form of the field: a string, a number, or a
// list of numbers (null for x/0), or nil when it is left out.
func (t tiff) rawValue(f field) any {
	switch f.typ {
	case typeASCII:
		if s := t.ascii(f); s != "" {
			return s
		}
		return nil
	case typeUndefined:
		if s, ok := t.charsetText(f.data); ok {
			if s == "" {
				return nil
			}
			return s
		}
		if s := cleanText(string(f.data)); s != "" && len(f.data) <= maxRawBinary && isPrintable(s) {
			return s
		}
	}
	if len(f.data) > maxRawBinary || f.count == 0 {
		return nil
	}
	if f.count == 1 {
		return t.rawNumber(f, 0)
	}
	vals := make([]any, f.count)
	for i := range vals {
		vals[i] = t.rawNumber(f, i)
	}
	return vals
}

// rawNumber is value i as an int for integer types, a float otherwise, and
// nil when it has no value.
func (t tiff) rawNumber(f field, i int) any {
	switch f.typ {
	case typeSByte:
		return int(int8(f.data[i]))
	case typeUndefined:
		return int(f.data[i])
	case typeSShort:
		return int(int16(t.order.Uint16(f.data[2*i:])))
	case typeSLong:
		return int(int32(t.order.Uint32(f.data[4*i:])))
	case typeRational, typeSRational, typeFloat, typeDouble:
		if v, ok := t.num(f, i); ok {
			return v
		}
		return nil
	}
	if v, ok := t.unsigned(f, i); ok {
		return int(v)
	}
	return nil
}

// charsetText decodes the UNDEFINED text fields (UserComment,
// GPSProcessingMethod) that open with an 8-byte character code.
func (t tiff) charsetText(d []byte) (string, bool) {
	if len(d) < 8 {
		return "", false
	}
	switch string(d[:8]) {
	case "ASCII\x00\x00\x00":
		return text(d[8:]), true
	case "UNICODE\x00":
		u := make([]uint16, (len(d)-8)/2)
		for i := range u {
			u[i] = t.order.Uint16(d[8+2*i:])
		}
		return cleanText(string(utf16.Decode(u))), true
	}
	return "", false
}

func isPrintable(s string) bool {
	for i := range len(s) {
		if s[i] < 0x20 || s[i] > 0x7E {
			return false
		}
	}
	return true
}

// tiffTagNames names the IFD0 and Exif IFD tags, after TIFF 6 and EXIF 2.3.
var tiffTagNames = map[uint16]string{
	0x00FE: "NewSubfileType", 0x0100: "ImageWidth", 0x0101: "ImageLength",
	0x0102: "BitsPerSample", 0x0103: "Compression", 0x0106: "PhotometricInterpretation",
	0x010E: "ImageDescription", 0x010F: "Make", 0x0110: "Model", 0x0111: "StripOffsets",
	0x0112: "Orientation", 0x0115: "SamplesPerPixel", 0x0116: "RowsPerStrip",
	0x0117: "StripByteCounts", 0x011A: "XResolution", 0x011B: "YResolution",
	0x011C: "PlanarConfiguration", 0x0128: "ResolutionUnit", 0x012D: "TransferFunction",
	0x0131: "Software", 0x0132: "DateTime", 0x013B: "Artist", 0x013E: "WhitePoint",
	0x013F: "PrimaryChromaticities", 0x0201: "JPEGInterchangeFormat",
	0x0202: "JPEGInterchangeFormatLength", 0x0211: "YCbCrCoefficients",
	0x0212: "YCbCrSubSampling", 0x0213: "YCbCrPositioning", 0x0214: "ReferenceBlackWhite",
	0x8298: "Copyright",

	0x829A: "ExposureTime", 0x829D: "FNumber", 0x8822: "ExposureProgram",
	0x8824: "SpectralSensitivity", 0x8827: "ISOSpeedRatings", 0x8828: "OECF",
	0x8830: "SensitivityType", 0x8831: "StandardOutputSensitivity",
	0x8832: "RecommendedExposureIndex", 0x8833: "ISOSpeed", 0x9000: "ExifVersion",
	0x9003: "DateTimeOriginal", 0x9004: "DateTimeDigitized", 0x9010: "OffsetTime",
	0x9011: "OffsetTimeOriginal", 0x9012: "OffsetTimeDigitized",
	0x9101: "ComponentsConfiguration", 0x9102: "CompressedBitsPerPixel",
	0x9201: "ShutterSpeedValue", 0x9202: "ApertureValue", 0x9203: "BrightnessValue",
	0x9204: "ExposureBiasValue", 0x9205: "MaxApertureValue", 0x9206: "SubjectDistance",
	0x9207: "MeteringMode", 0x9208: "LightSource", 0x9209: "Flash", 0x920A: "FocalLength",
	0x9214: "SubjectArea", 0x9286: "UserComment", 0x9290: "SubSecTime",
	0x9291: "SubSecTimeOriginal", 0x9292: "SubSecTimeDigitized", 0xA000: "FlashpixVersion",
	0xA001: "ColorSpace", 0xA002: "PixelXDimension", 0xA003: "PixelYDimension",
	0xA004: "RelatedSoundFile", 0xA20B: "FlashEnergy", 0xA20E: "FocalPlaneXResolution",
	0xA20F: "FocalPlaneYResolution", 0xA210: "FocalPlaneResolutionUnit",
	0xA214: "SubjectLocation", 0xA215: "ExposureIndex", 0xA217: "SensingMethod",
	0xA300: "FileSource", 0xA301: "SceneType", 0xA302: "CFAPattern",
	0xA401: "CustomRendered", 0xA402: "ExposureMode", 0xA403: "WhiteBalance",
	0xA404: "DigitalZoomRatio", 0xA405: "FocalLengthIn35mmFilm", 0xA406: "SceneCaptureType",
	0xA407: "GainControl", 0xA408: "Contrast", 0xA409: "Saturation", 0xA40A: "Sharpness",
	0xA40B: "DeviceSettingDescription", 0xA40C: "SubjectDistanceRange",
	0xA420: "ImageUniqueID", 0xA430: "CameraOwnerName", 0xA431: "BodySerialNumber",
	0xA432: "LensSpecification", 0xA433: "LensMake", 0xA434: "LensModel",
	0xA435: "LensSerialNumber", 0xA500: "Gamma",
}

// gpsTagNames names the GPS IFD tags, after EXIF 2.3.
var gpsTagNames = map[uint16]string{
	0: "GPSVersionID", 1: "GPSLatitudeRef", 2: "GPSLatitude", 3: "GPSLongitudeRef",
	4: "GPSLongitude", 5: "GPSAltitudeRef", 6: "GPSAltitude", 7: "GPSTimeStamp",
	8: "GPSSatellites", 9: "GPSStatus", 10: "GPSMeasureMode", 11: "GPSDOP",
	12: "GPSSpeedRef", 13: "GPSSpeed", 14: "GPSTrackRef", 15: "GPSTrack",
	16: "GPSImgDirectionRef", 17: "GPSImgDirection", 18: "GPSMapDatum",
	19: "GPSDestLatitudeRef", 20: "GPSDestLatitude", 21: "GPSDestLongitudeRef",
	22: "GPSDestLongitude", 23: "GPSDestBearingRef", 24: "GPSDestBearing",
	25: "GPSDestDistanceRef", 26: "GPSDestDistance", 27: "GPSProcessingMethod",
	28: "GPSAreaInformation", 29: "GPSDateStamp", 30: "GPSDifferential",
	31: "GPSHPositioningError",
}
