package catalogue

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"

	"github.com/mediagraph/mediagraph/media/access"
)

// maxFilenameLength bounds a filename as given by a client, in characters.
const maxFilenameLength = 255

// Lengths of a normalized name's parts, in bytes: transliteration makes some scripts several times
// longer, and the whole must fit the 255 of a filename.
const (
	maxBasenameLength  = 200
	maxExtensionLength = 20
	// shortIDLength is how much of an asset id's random tail names a file whose name normalizes to
	// nothing.
	shortIDLength = 10
)

// CheckFilename refuses names that are not a plain file name.
func CheckFilename(field, name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return access.Invalid(field, "the filename is empty")
	case !utf8.ValidString(name):
		return access.Invalid(field, "the filename is not valid UTF-8")
	case utf8.RuneCountInString(name) > maxFilenameLength:
		return access.Invalid(field, "the filename is longer than %d characters", maxFilenameLength)
	case strings.ContainsAny(name, `/\`):
		return access.Invalid(field, "the filename must not contain a path (/ or \\)")
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return access.Invalid(field, "the filename must not contain control characters")
	}
	return nil
}

// NormalizeFilename applies the filename rules to the name a file was given: other scripts are
// transliterated to Latin letters and accents stripped, every character other than ASCII letters,
// digits and _ becomes -, runs of - collapse, leading and trailing - and _ are trimmed, and the
// extension becomes ext (the sniffed type's, without the dot) when one is known, else the name's own,
// cleaned the same way. A name left with nothing is named after the short form of its asset's id,
// which keeps names apart. It returns the basename and the full filename.
func NormalizeFilename(name, ext, assetID string) (basename, filename string) {
	base, own := name, ""
	if e := path.Ext(name); e != "" && e != name {
		base, own = strings.TrimSuffix(name, e), e[1:]
	}
	basename = cleanSegment(base, maxBasenameLength)
	if basename == "" {
		basename = ShortID(assetID)
	}
	if ext == "" {
		ext = strings.ToLower(cleanSegment(own, maxExtensionLength))
	}
	if ext == "" {
		return basename, basename
	}
	return basename, basename + "." + ext
}

// ShortID is the short form of a prefixed id: the end of its random part, in lower case.
func ShortID(id string) string {
	_, body, _ := strings.Cut(id, "_")
	return strings.ToLower(body[max(0, len(body)-shortIDLength):])
}

// cleanSegment drops combining marks, transliterates what is left to ASCII, and maps every character
// outside [A-Za-z0-9_] to -, one - for a run; the result is at most limit bytes.
func cleanSegment(s string, limit int) string {
	var marks strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			marks.WriteRune(r)
		}
	}
	var b strings.Builder
	dash := false
	for _, r := range unidecode.Unidecode(norm.NFC.String(marks.String())) {
		if r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-_")
	return strings.TrimRight(out[:min(len(out), limit)], "-_")
}
