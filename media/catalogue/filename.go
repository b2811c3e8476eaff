package catalogue

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/mediagraph/mediagraph/media/access"
)

// maxFilenameLength bounds a filename as given by a client, in characters.
const maxFilenameLength = 255

// fallbackBasename names a file whose name normalizes to nothing.
const fallbackBasename = "file"

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

// NormalizeFilename applies the filename rules: accents are stripped, every character other than ASCII
// letters, digits and _ becomes -, leading and trailing - and _ are trimmed, and the extension becomes
// ext (the sniffed type's, without the dot) when one is known, else the name's own, cleaned the same way.
// It returns the basename and the full filename.
func NormalizeFilename(name, ext string) (basename, filename string) {
	base, own := name, ""
	if e := path.Ext(name); e != "" && e != name {
		base, own = strings.TrimSuffix(name, e), e[1:]
	}
	basename = cleanSegment(base)
	if basename == "" {
		basename = fallbackBasename
	}
	if ext == "" {
		ext = strings.ToLower(cleanSegment(own))
	}
	if ext == "" {
		return basename, basename
	}
	return basename, basename + "." + ext
}

// cleanSegment strips accents (decomposing, then dropping combining marks) and maps every remaining
// character outside [A-Za-z0-9_] to -.
func cleanSegment(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < utf8.RuneSelf && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-_")
}
