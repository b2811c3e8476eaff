package intake

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
)

// The upload policy: what may come in, decided here for every way in — uploadAssets,
// createUploads (on the declared type, then on the bytes), createAssetFromUrl and replaceAsset —
// from the same settings (MEDIAGRAPH_UPLOAD_TYPES, the size and count limits, the pixel limit).

// activeTypes are the types a browser may run as a page or a program. A family pattern (image/*,
// text/*, */*) never admits them: each must be listed as itself.
var activeTypes = map[string]bool{
	"text/html": true, "application/xhtml+xml": true,
	"text/javascript": true, "application/javascript": true, "application/x-javascript": true,
	"application/x-executable": true, "application/x-elf": true, "application/x-sharedlib": true,
	"application/x-msdownload": true, "application/vnd.microsoft.portable-executable": true,
	"application/x-mach-binary": true, "application/x-dosexec": true,
}

const svgType = "image/svg+xml"

// way is how a file comes in; each has its own size limit.
type way int

const (
	// direct is a file streamed through the service: uploadAssets, createAssetFromUrl, replaceAsset.
	direct way = iota
	// signed is a file sent straight to the store after createUploads.
	signed
)

// admitType decides whether files of type mime may come in; scripted says an SVG carries script,
// which only an explicit image/svg+xml admits.
func (s *Service) admitType(field, mime string, scripted bool) error {
	patterns := s.settings.UploadTypes
	allowed := false
	for _, p := range patterns {
		switch family, isFamily := strings.CutSuffix(p, "/*"); {
		case p == mime:
			allowed = true
		case isFamily && !activeTypes[mime] && !(scripted && mime == svgType):
			allowed = allowed || family == "*" || strings.HasPrefix(mime, family+"/")
		}
	}
	if allowed {
		return nil
	}
	why := fmt.Sprintf("%q is not among the accepted types %s", mime, strings.Join(patterns, ", "))
	switch {
	case scripted && mime == svgType:
		why = "the SVG carries script (a script element, an event handler or a javascript: link); SVGs with script are accepted only when MEDIAGRAPH_UPLOAD_TYPES lists image/svg+xml itself"
	case activeTypes[mime]:
		why += fmt.Sprintf("; %s runs in a browser, so it is accepted only when MEDIAGRAPH_UPLOAD_TYPES lists it itself", mime)
	}
	return &access.Error{Code: access.CodeMimeTypeNotAllowed, Field: field, Message: why}
}

// admitSize decides whether a file of size bytes (-1: unknown yet) may come in by way w.
func (s *Service) admitSize(field string, size int64, w way) error {
	if size == 0 {
		return access.Invalid(field, "the file is empty")
	}
	if limit := s.sizeLimit(w); size > limit {
		return tooLarge(field, limit)
	}
	return nil
}

func (s *Service) sizeLimit(w way) int64 {
	if w == signed {
		return s.settings.MaxSignedUploadBytes
	}
	return s.settings.MaxUploadBytes
}

func tooLarge(field string, limit int64) error {
	return &access.Error{Code: access.CodeFileTooLarge, Field: field, Message: fmt.Sprintf("the file is larger than the limit of %d bytes", limit)}
}

// admitCount decides whether one call may bring n files.
func (s *Service) admitCount(field string, n int, noun string) error {
	if n == 0 {
		return access.Invalid(field, "send at least one file")
	}
	if max := s.settings.MaxFilesPerUpload; n > max {
		return &access.Error{Code: access.CodeTooManyFiles, Field: field, Message: fmt.Sprintf("%d %s in one call; at most %d per call", n, noun, max)}
	}
	return nil
}

// svgScript finds what makes an SVG run script: a script element, an on… event handler attribute,
// a javascript: URL.
var svgScript = regexp.MustCompile(`(?i)<script|\son[a-z]+\s*=|javascript:`)

// scriptWatch looks for script in an SVG as its bytes stream past, keeping a tail of each chunk so
// that a match split across two reads is still found.
type scriptWatch struct {
	tail  []byte
	found bool
}

const scriptWatchTail = 64

func (w *scriptWatch) Write(p []byte) (int, error) {
	if w.found {
		return len(p), nil
	}
	buf := append(w.tail, p...)
	w.found = svgScript.Match(buf)
	w.tail = bytes.Clone(buf[max(0, len(buf)-scriptWatchTail):])
	return len(p), nil
}

// admitPreset applies an upload preset's limits on top of the settings' (which admitType and
// admitSize apply whatever the preset says): a file of type mime ("" when not known yet) and size
// bytes (below 1 when not known yet) must also be of one of its types and within its size.
func admitPreset(p *UploadPreset, field, mime string, size int64) error {
	if p == nil {
		return nil
	}
	if mime != "" && len(p.AllowedTypes) > 0 && !slices.ContainsFunc(p.AllowedTypes, func(t string) bool { return typeMatches(t, mime) }) {
		return &access.Error{Code: access.CodeMimeTypeNotAllowed, Field: field,
			Message: fmt.Sprintf("%q is not among the types of upload preset %q: %s", mime, p.Name, strings.Join(p.AllowedTypes, ", "))}
	}
	if p.MaxBytes != nil && size > *p.MaxBytes {
		return &access.Error{Code: access.CodeFileTooLarge, Field: field,
			Message: fmt.Sprintf("the file is larger than the limit of %d bytes of upload preset %q", *p.MaxBytes, p.Name)}
	}
	return nil
}

// typeMatches reports whether a type pattern (image/png, image/*, */*) covers mime.
func typeMatches(pattern, mime string) bool {
	family, isFamily := strings.CutSuffix(pattern, "/*")
	return pattern == mime || (isFamily && (family == "*" || strings.HasPrefix(mime, family+"/")))
}
