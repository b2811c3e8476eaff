// Package httperr is the one table from error code to HTTP status. The GraphQL transports, the
// delivery gate and the signed uploads all answer a refused request with the status it gives, so a
// client sees the same status for the same code whichever endpoint it called.
package httperr

import (
	"net/http"

	"github.com/mediagraph/mediagraph/media/access"
)

// CodeHeader carries a refused request's error code, for clients that cannot read its body (an
// <img>, a page on another origin reading a failed upload, an S3 library that expects XML).
const CodeHeader = "Mediagraph-Error-Code"

var statuses = map[access.Code]int{
	access.CodeUnauthenticated:    http.StatusUnauthorized,
	access.CodeForbidden:          http.StatusForbidden,
	access.CodeAssetAccessDenied:  http.StatusForbidden,
	access.CodeAssetQuarantined:   http.StatusForbidden,
	access.CodeUploadExpired:      http.StatusForbidden, // as S3 answers an expired presigned URL
	access.CodeNotFound:           http.StatusNotFound,
	access.CodeValidationFailed:   http.StatusBadRequest,
	access.CodeTooManyFiles:       http.StatusBadRequest,
	access.CodeContentMismatch:    http.StatusBadRequest,
	access.CodeUploadIncomplete:   http.StatusBadRequest,
	access.CodeMimeTypeNotAllowed: http.StatusUnsupportedMediaType,
	access.CodeFileTooLarge:       http.StatusRequestEntityTooLarge,
	access.CodeConflict:           http.StatusConflict,
	access.CodeAssetInUse:         http.StatusConflict,
	access.CodeFolderHasContent:   http.StatusConflict,
	access.CodeAssetNotApproved:   http.StatusConflict,
	access.CodeRateLimited:        http.StatusTooManyRequests,
	access.CodeInternal:           http.StatusInternalServerError,
	access.CodeInvalidCredentials: http.StatusUnauthorized,
	access.CodeMemberDeactivated:  http.StatusUnauthorized,
	access.CodeCSRFRejected:       http.StatusForbidden,
	access.CodeInvitationExpired:  http.StatusGone,
	access.CodeInvitationUsed:     http.StatusConflict,
}

// Status is the HTTP status a request refused with code answers. A code the table does not know is
// the client's fault (400): only INTERNAL is ever a 5xx.
func Status(code access.Code) int {
	if s, ok := statuses[code]; ok {
		return s
	}
	return http.StatusBadRequest
}
