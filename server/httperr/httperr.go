// Package httperr is the one table from error code to HTTP status. The GraphQL transports, the
// delivery gate and the signed uploads all answer a refused request with the status it gives, so a
// client sees the same status for the same code whichever endpoint it called.
package httperr

import (
	"net/http"

	"github.com/mediagraph/mediagraph/media"
)

var statuses = map[media.Code]int{
	media.CodeUnauthenticated:    http.StatusUnauthorized,
	media.CodeForbidden:          http.StatusForbidden,
	media.CodeAssetAccessDenied:  http.StatusForbidden,
	media.CodeUploadExpired:      http.StatusForbidden, // as S3 answers an expired presigned URL
	media.CodeNotFound:           http.StatusNotFound,
	media.CodeValidationFailed:   http.StatusBadRequest,
	media.CodeTooManyFiles:       http.StatusBadRequest,
	media.CodeContentMismatch:    http.StatusBadRequest,
	media.CodeUploadIncomplete:   http.StatusBadRequest,
	media.CodeMimeTypeNotAllowed: http.StatusUnsupportedMediaType,
	media.CodeFileTooLarge:       http.StatusRequestEntityTooLarge,
	media.CodeConflict:           http.StatusConflict,
	media.CodeAssetInUse:         http.StatusConflict,
	media.CodeFolderHasContent:   http.StatusConflict,
	media.CodeRateLimited:        http.StatusTooManyRequests,
	media.CodeInternal:           http.StatusInternalServerError,
}

// Status is the HTTP status a request refused with code answers. A code the table does not know is
// the client's fault (400): only INTERNAL is ever a 5xx.
func Status(code media.Code) int {
	if s, ok := statuses[code]; ok {
		return s
	}
	return http.StatusBadRequest
}
