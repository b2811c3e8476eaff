// Package access is who may do what: the coded errors every operation of the domain answers with,
// the principal a request carries, the one permission check (Authorize) and the API tokens.
package access

import (
	"errors"
	"fmt"
)

// Code is a machine-readable error code: the closed list clients switch on, carried in GraphQL errors
// as extensions.code and in HTTP delivery errors as the code of the JSON body.
type Code string

const (
	CodeUnauthenticated    Code = "UNAUTHENTICATED"
	CodeForbidden          Code = "FORBIDDEN"
	CodeNotFound           Code = "NOT_FOUND"
	CodeValidationFailed   Code = "VALIDATION_FAILED"
	CodeFileTooLarge       Code = "FILE_TOO_LARGE"
	CodeMimeTypeNotAllowed Code = "MIME_TYPE_NOT_ALLOWED"
	CodeTooManyFiles       Code = "TOO_MANY_FILES"
	CodeContentMismatch    Code = "CONTENT_MISMATCH"
	CodeUploadExpired      Code = "UPLOAD_EXPIRED"
	CodeUploadIncomplete   Code = "UPLOAD_INCOMPLETE"
	CodeAssetInUse         Code = "ASSET_IN_USE"
	CodeFolderHasContent   Code = "FOLDER_HAS_CONTENT"
	CodeAssetAccessDenied  Code = "ASSET_ACCESS_DENIED"
	CodeAssetQuarantined   Code = "ASSET_QUARANTINED"
	CodeAssetNotApproved   Code = "ASSET_NOT_APPROVED"
	CodeConflict           Code = "CONFLICT"
	CodeRateLimited        Code = "RATE_LIMITED"
	CodeInternal           Code = "INTERNAL"
)

// Error is an error the client caused or may act on. Its message is safe to show; anything that is
// not an *Error is internal and is never shown.
type Error struct {
	Code    Code
	Message string
	// Field is the input path at fault, for VALIDATION_FAILED.
	Field string
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// NewError is an error of the given code.
func NewError(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid is a VALIDATION_FAILED error about the input at field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: CodeValidationFailed, Message: fmt.Sprintf(format, args...), Field: field}
}

// NotFound says that the what of id does not exist, or is not the caller's to see.
func NotFound(what, id string) *Error {
	return NewError(CodeNotFound, "%s %q not found", what, id)
}

// AsError returns the *Error in err's chain, if any.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
