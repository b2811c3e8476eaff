// Package photometa reads the EXIF, IPTC and XMP metadata blobs libvips hands
// over after reading an image's header, into the facts editors search and
// credit by, plus a JSON-friendly dump of every readable tag.
package photometa

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/models"
)

// Exif is what editors search and credit by, in the shape the catalogue stores it: ExposureTime as
// photographers write it ("1/250"), FocalLength in millimetres, DateTaken from DateTimeOriginal
// (else DateTime) in the zone its offset tag names (UTC without one), signed decimal degrees (south
// and west negative), altitude in metres (negative below sea level).
type Exif = models.Exif

// Credits are the descriptive fields of IPTC and XMP.
type Credits struct {
	Title, Creator, Copyright, Description *string
	// Keywords are trimmed, without empties, and deduplicated
	// case-insensitively keeping the first spelling and the order.
	Keywords []string
}

// Metadata is everything read from one image.
type Metadata struct {
	Exif    Exif
	Credits Credits
	// Raw holds every readable tag, JSON-friendly, under "exif", "iptc" and
	// "xmp". EXIF tags are keyed by name, or as "0xA432" when unknown; IPTC
	// datasets by IIM name; XMP properties as prefix:name. Binary values
	// longer than 64 bytes and the MakerNote are left out.
	Raw map[string]any
}

// Parse reads the three blobs libvips exposes as exif-data, iptc-data and
// xmp-data; any may be nil. EXIF may come with or without its "Exif\0\0"
// prefix, IPTC as Photoshop image resources or bare IIM, XMP with or without
// the JPEG APP1 namespace.
//
// Blobs come from uploaded files, so Parse trusts no offset or count: it
// reads at most three IFDs of at most 1000 entries each, refuses IFD loops,
// and allocates in proportion to its input. A damaged blob yields what could
// be read from it together with an error describing the damage, so callers
// can keep the partial result.
func Parse(exif, iptc, xmp []byte) (Metadata, error) {
	md := Metadata{Raw: map[string]any{}}
	var errs []error
	var fromIPTC, fromXMP, fromExif Credits
	if len(exif) > 0 {
		var raw map[string]any
		var err error
		md.Exif, fromExif, raw, err = parseExif(exif)
		keep(md.Raw, "exif", raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("exif: %w", err))
		}
	}
	if len(iptc) > 0 {
		c, raw, err := parseIPTC(iptc)
		fromIPTC = c
		keep(md.Raw, "iptc", raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("iptc: %w", err))
		}
	}
	if len(xmp) > 0 {
		c, raw, err := parseXMP(xmp)
		fromXMP = c
		keep(md.Raw, "xmp", raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("xmp: %w", err))
		}
	}
	md.Credits = Credits{
		Title:       first(fromXMP.Title, fromIPTC.Title),
		Creator:     first(fromXMP.Creator, fromIPTC.Creator, fromExif.Creator),
		Copyright:   first(fromXMP.Copyright, fromIPTC.Copyright, fromExif.Copyright),
		Description: first(fromXMP.Description, fromIPTC.Description),
		Keywords:    dedupKeywords(append(fromXMP.Keywords, fromIPTC.Keywords...)),
	}
	return md, errors.Join(errs...)
}

// keep leaves empty sections out so Raw only names the blobs that said something.
func keep(raw map[string]any, section string, tags map[string]any) {
	if len(tags) > 0 {
		raw[section] = tags
	}
}

func first(vals ...*string) *string {
	for _, v := range vals {
		if v != nil {
			return v
		}
	}
	return nil
}

func dedupKeywords(words []string) []string {
	var out []string
	seen := make(map[string]bool, len(words))
	for _, w := range words {
		w = strings.TrimSpace(w)
		key := strings.ToLower(w)
		if w == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, w)
	}
	return out
}

// cleanText trims the NUL padding and terminators writers leave in text
// fields. NULs inside the text separate several strings (TIFF ASCII allows
// that, EXIF Copyright uses it for photographer and editor), so they become
// "; ".
func cleanText(s string) string {
	s = strings.TrimSpace(strings.Trim(s, "\x00"))
	if !strings.Contains(s, "\x00") {
		return s
	}
	var parts []string
	for p := range strings.SplitSeq(s, "\x00") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// latin1 decodes ISO 8859-1, whose bytes are the first 256 code points.
func latin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// text decodes bytes that should be UTF-8 but, from older writers, are often
// Latin-1; anything that is not valid UTF-8 is taken as Latin-1.
func text(b []byte) string {
	if utf8.Valid(b) {
		return cleanText(string(b))
	}
	return cleanText(latin1(b))
}

func ptr[T any](v T) *T { return &v }

// nonEmpty is a pointer to s, or nil when s says nothing.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
