package media

import (
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"github.com/mediagraph/mediagraph/models"
)

// unknownFormat is the format of bytes no detector recognises.
const unknownFormat = "bin"

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
	t := fileType{mime: mime, ext: ext, kind: kindOf(mime), format: ext}
	if t.format == "" {
		t.format = unknownFormat
	}
	return t
}

var documentTypes = map[string]bool{
	"application/pdf": true, "application/rtf": true, "application/epub+zip": true,
	"application/msword": true, "application/vnd.ms-excel": true, "application/vnd.ms-powerpoint": true,
}

var archiveTypes = map[string]bool{
	"application/zip": true, "application/x-tar": true, "application/gzip": true, "application/x-7z-compressed": true,
	"application/x-rar-compressed": true, "application/x-bzip2": true, "application/x-xz": true, "application/zstd": true,
}

func kindOf(mime string) models.AssetKind {
	switch {
	case strings.HasPrefix(mime, "image/"):
		return models.KindImage
	case strings.HasPrefix(mime, "video/"):
		return models.KindVideo
	case strings.HasPrefix(mime, "audio/"):
		return models.KindAudio
	case strings.HasPrefix(mime, "text/"), documentTypes[mime],
		strings.HasPrefix(mime, "application/vnd.openxmlformats-officedocument."),
		strings.HasPrefix(mime, "application/vnd.oasis.opendocument."):
		return models.KindDocument
	case archiveTypes[mime]:
		return models.KindArchive
	}
	return models.KindOther
}
