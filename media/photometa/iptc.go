package photometa

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// iptcResource is the Photoshop image resource that carries IPTC-IIM.
const iptcResource = 0x0404

// utf8Marker is the ISO 2022 escape a 1:90 CodedCharacterSet dataset uses to
// declare UTF-8; without it IIM text is Latin-1.
const utf8Marker = "\x1b%G"

// Datasets read into Credits, keyed record<<8 | dataset.
const (
	iimObjectName      = 0x0205
	iimKeywords        = 0x0219
	iimByline          = 0x0250
	iimCopyrightNotice = 0x0274
	iimCaption         = 0x0278
)

// dataset is one IIM record:dataset and its value bytes.
type dataset struct {
	record, number byte
	data           []byte
}

// iimName names an IIM dataset; list marks the repeatable ones, kept in Raw
// as lists even when they occur once.
type iimName struct {
	name string
	list bool
}

func parseIPTC(blob []byte) (Credits, map[string]any, error) {
	iim, findErr := findIIM(blob)
	sets, readErr := readIIM(iim)
	err := errors.Join(findErr, readErr)

	isUTF8 := false
	for _, s := range sets {
		if s.record == 1 && s.number == 90 && string(s.data) == utf8Marker {
			isUTF8 = true
		}
	}
	decode := func(b []byte) string {
		if isUTF8 && utf8.Valid(b) {
			return cleanText(string(b))
		}
		return cleanText(latin1(b))
	}

	var c Credits
	raw := map[string]any{}
	for _, s := range sets {
		key := uint16(s.record)<<8 | uint16(s.number)
		name, known := iimNames[key]
		if s.record > 2 || !known && len(s.data) > maxRawBinary {
			// Records 3 and up, and previews, hold image data, not text.
			continue
		}
		if !known {
			name.name = fmt.Sprintf("%d:%03d", s.record, s.number)
		}
		if s.number == 0 && len(s.data) == 2 {
			// Record versions are the only binary datasets worth keeping.
			raw[name.name] = int(binary.BigEndian.Uint16(s.data))
			continue
		}
		v := decode(s.data)
		if v == "" {
			continue
		}
		switch key {
		case iimObjectName:
			c.Title = first(c.Title, &v)
		case iimByline:
			c.Creator = first(c.Creator, &v)
		case iimCopyrightNotice:
			c.Copyright = first(c.Copyright, &v)
		case iimCaption:
			c.Description = first(c.Description, &v)
		case iimKeywords:
			c.Keywords = append(c.Keywords, v)
		}
		switch prev := raw[name.name].(type) {
		case nil:
			if name.list {
				raw[name.name] = []string{v}
			} else {
				raw[name.name] = v
			}
		case []string:
			raw[name.name] = append(prev, v)
		}
	}
	return c, raw, err
}

// findIIM returns the IIM stream inside Photoshop image resources, or the
// blob itself when it already is one (it starts with the 0x1C tag marker).
func findIIM(b []byte) ([]byte, error) {
	if len(b) > 0 && b[0] == 0x1C {
		return b, nil
	}
	header := len(b)
	b = bytes.TrimPrefix(b, []byte("Photoshop 3.0\x00"))
	header -= len(b)
	for pos := 0; pos < len(b); {
		// A block is "8BIM", a 2-byte id, a Pascal name padded to even
		// length, a 4-byte size and the data padded to even length.
		if len(b)-pos < 8 || string(b[pos:pos+4]) != "8BIM" {
			return nil, fmt.Errorf("no image resource block at offset %d", header+pos)
		}
		id := binary.BigEndian.Uint16(b[pos+4:])
		nameLen := int(b[pos+6]) + 1
		dataAt := pos + 6 + nameLen + nameLen%2 + 4
		if dataAt > len(b) {
			return nil, fmt.Errorf("image resource 0x%04X at offset %d is truncated", id, header+pos)
		}
		size := uint64(binary.BigEndian.Uint32(b[dataAt-4:]))
		if size > uint64(len(b)-dataAt) {
			err := fmt.Errorf("image resource 0x%04X at offset %d claims %d bytes, %d remain", id, header+pos, size, len(b)-dataAt)
			if id == iptcResource {
				return b[dataAt:], err
			}
			return nil, err
		}
		if id == iptcResource {
			return b[dataAt : dataAt+int(size)], nil
		}
		pos = dataAt + int(size) + int(size%2)
	}
	return nil, nil
}

// readIIM splits an IIM stream into datasets. A truncated dataset is
// dropped rather than kept cut short.
func readIIM(b []byte) ([]dataset, error) {
	var sets []dataset
	for pos := 0; pos < len(b); {
		if b[pos] != 0x1C {
			if allZero(b[pos:]) {
				return sets, nil // padding to a block boundary
			}
			return sets, fmt.Errorf("IIM: stray byte 0x%02X at offset %d", b[pos], pos)
		}
		if len(b)-pos < 5 {
			return sets, fmt.Errorf("IIM: dataset at offset %d is truncated", pos)
		}
		s := dataset{record: b[pos+1], number: b[pos+2]}
		size := uint64(binary.BigEndian.Uint16(b[pos+3:]))
		at := pos + 5
		if size&0x8000 != 0 {
			// Extended dataset: the low bits give how many bytes hold the size.
			n := int(size & 0x7FFF)
			if n > 4 || n > len(b)-at {
				return sets, fmt.Errorf("IIM: dataset %d:%03d at offset %d has a bad extended size", s.record, s.number, pos)
			}
			size = 0
			for _, c := range b[at : at+n] {
				size = size<<8 | uint64(c)
			}
			at += n
		}
		if size > uint64(len(b)-at) {
			return sets, fmt.Errorf("IIM: dataset %d:%03d at offset %d claims %d bytes, %d remain", s.record, s.number, pos, size, len(b)-at)
		}
		s.data = b[at : at+int(size)]
		sets = append(sets, s)
		pos = at + int(size)
	}
	return sets, nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// iimNames names the IIM datasets, after IPTC-NAA IIM 4.2, keyed
// record<<8 | dataset.
var iimNames = map[uint16]iimName{
	0x0100: {name: "EnvelopeRecordVersion"}, 0x0105: {name: "Destination", list: true},
	0x0114: {name: "FileFormat"}, 0x0116: {name: "FileFormatVersion"},
	0x011E: {name: "ServiceIdentifier"}, 0x0128: {name: "EnvelopeNumber"},
	0x0132: {name: "ProductID", list: true}, 0x013C: {name: "EnvelopePriority"},
	0x0146: {name: "DateSent"}, 0x0150: {name: "TimeSent"},
	0x015A: {name: "CodedCharacterSet"}, 0x0164: {name: "UniqueObjectName"},

	0x0200: {name: "RecordVersion"}, 0x0203: {name: "ObjectTypeReference"},
	0x0204: {name: "ObjectAttributeReference", list: true}, 0x0205: {name: "ObjectName"},
	0x0207: {name: "EditStatus"}, 0x020A: {name: "Urgency"},
	0x020C: {name: "SubjectReference", list: true}, 0x020F: {name: "Category"},
	0x0214: {name: "SupplementalCategories", list: true}, 0x0216: {name: "FixtureIdentifier"},
	0x0219: {name: "Keywords", list: true}, 0x021A: {name: "ContentLocationCode", list: true},
	0x021B: {name: "ContentLocationName", list: true}, 0x021E: {name: "ReleaseDate"},
	0x0223: {name: "ReleaseTime"}, 0x0225: {name: "ExpirationDate"},
	0x0226: {name: "ExpirationTime"}, 0x0228: {name: "SpecialInstructions"},
	0x022A: {name: "ActionAdvised"}, 0x022D: {name: "ReferenceService", list: true},
	0x022F: {name: "ReferenceDate", list: true}, 0x0232: {name: "ReferenceNumber", list: true},
	0x0237: {name: "DateCreated"}, 0x023C: {name: "TimeCreated"},
	0x023E: {name: "DigitalCreationDate"}, 0x023F: {name: "DigitalCreationTime"},
	0x0241: {name: "OriginatingProgram"}, 0x0246: {name: "ProgramVersion"},
	0x024B: {name: "ObjectCycle"}, 0x0250: {name: "By-line", list: true},
	0x0255: {name: "By-lineTitle", list: true}, 0x025A: {name: "City"},
	0x025C: {name: "Sub-location"}, 0x025F: {name: "Province-State"},
	0x0264: {name: "Country-PrimaryLocationCode"}, 0x0265: {name: "Country-PrimaryLocationName"},
	0x0267: {name: "OriginalTransmissionReference"}, 0x0269: {name: "Headline"},
	0x026E: {name: "Credit"}, 0x0273: {name: "Source"}, 0x0274: {name: "CopyrightNotice"},
	0x0276: {name: "Contact", list: true}, 0x0278: {name: "Caption-Abstract"},
	0x027A: {name: "Writer-Editor", list: true}, 0x0282: {name: "ImageType"},
	0x0283: {name: "ImageOrientation"}, 0x0287: {name: "LanguageIdentifier"},
}
