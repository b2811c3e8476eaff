package intake

import (
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"github.com/mediagraph/mediagraph/models"
)

// sniffLen is how many leading bytes type detection looks at.
const sniffLen = 3072

// fileType is what the bytes of a file say it is; names and declared types are never trusted.
type fileType struct {
	mime   string
	ext    string // without the dot; "" when unknown
	kind   models.AssetKind
	format string
}

func sniff(head []byte) fileType {
	m := mimetype.Detect(head)
	mime, _, _ := strings.Cut(m.String(), ";")
	ext := strings.TrimPrefix(m.Extension(), ".")
	t := fileType{mime: mime, ext: ext, kind: models.KindOf(mime), format: ext}
	if t.format == "" {
		t.format = models.UnknownFormat
	}
	return t
}
