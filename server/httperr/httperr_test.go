package httperr

import (
	"net/http"
	"testing"

	"github.com/mediagraph/mediagraph/media/access"
)

// TestStatus: the statuses that the two former tables disagreed on, and no code but INTERNAL is a
// server error.
func TestStatus(t *testing.T) {
	for code, want := range map[access.Code]int{
		access.CodeRateLimited:     http.StatusTooManyRequests,
		access.CodeFileTooLarge:    http.StatusRequestEntityTooLarge,
		access.CodeConflict:        http.StatusConflict,
		access.CodeNotFound:        http.StatusNotFound,
		access.CodeUploadExpired:   http.StatusForbidden,
		access.CodeInternal:        http.StatusInternalServerError,
		access.Code("NEVER_HEARD"): http.StatusBadRequest,
	} {
		if got := Status(code); got != want {
			t.Errorf("Status(%s) = %d, want %d", code, got, want)
		}
	}
	for code, status := range statuses {
		if status >= 500 && code != access.CodeInternal {
			t.Errorf("%s is a %d", code, status)
		}
	}
}
