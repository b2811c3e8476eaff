package httperr

import (
	"net/http"
	"testing"

	"github.com/mediagraph/mediagraph/media"
)

// TestStatus: the statuses that the two former tables disagreed on, and no code but INTERNAL is a
// server error.
func TestStatus(t *testing.T) {
	for code, want := range map[media.Code]int{
		media.CodeRateLimited:     http.StatusTooManyRequests,
		media.CodeFileTooLarge:    http.StatusRequestEntityTooLarge,
		media.CodeConflict:        http.StatusConflict,
		media.CodeNotFound:        http.StatusNotFound,
		media.CodeUploadExpired:   http.StatusForbidden,
		media.CodeInternal:        http.StatusInternalServerError,
		media.Code("NEVER_HEARD"): http.StatusBadRequest,
	} {
		if got := Status(code); got != want {
			t.Errorf("Status(%s) = %d, want %d", code, got, want)
		}
	}
	for code, status := range statuses {
		if status >= 500 && code != media.CodeInternal {
			t.Errorf("%s is a %d", code, status)
		}
	}
}
