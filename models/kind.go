package models

import "strings"

// UnknownFormat is the format of bytes no detector recognises.
const UnknownFormat = "bin"

var documentTypes = map[string]bool{
	"application/pdf": true, "application/rtf": true, "application/epub+zip": true,
	"application/msword": true, "application/vnd.ms-excel": true, "application/vnd.ms-powerpoint": true,
}

var archiveTypes = map[string]bool{
	"application/zip": true, "application/x-tar": true, "application/gzip": true, "application/x-7z-compressed": true,
	"application/x-rar-compressed": true, "application/x-bzip2": true, "application/x-xz": true, "application/zstd": true,
}

// KindOf is the kind of asset a MIME type makes: the one rule for what intake sniffs and for what
// delivery serves of an old version.
func KindOf(mime string) AssetKind {
	switch {
	case strings.HasPrefix(mime, "image/"):
		return KindImage
	case strings.HasPrefix(mime, "video/"):
		return KindVideo
	case strings.HasPrefix(mime, "audio/"):
		return KindAudio
	case strings.HasPrefix(mime, "text/"), documentTypes[mime],
		strings.HasPrefix(mime, "application/vnd.openxmlformats-officedocument."),
		strings.HasPrefix(mime, "application/vnd.oasis.opendocument."):
		return KindDocument
	case archiveTypes[mime]:
		return KindArchive
	}
	return KindOther
}

// FocalPoint is the point of interest of an image, in fractions of its width and height from the
// top-left corner.
type FocalPoint struct {
	X float64
	Y float64
}
