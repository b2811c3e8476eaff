package gqlhttp

import (
	"encoding/json"
	"math"
	"net/http"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/mediagraph/mediagraph/media/access"
)

// TestMultipartRefusalIsTheJSONTransports: an operation refused before it runs answers the status
// of its code from the one table (400 for VALIDATION_FAILED), as over JSON, not a status of its own.
func TestMultipartRefusalIsTheJSONTransports(t *testing.T) {
	ops := `{"query":"mutation($f:[Upload!]!){noSuchField(files:$f){id}}","variables":{"f":[null]}}`
	rec := serveMultipart(t, ops, `{"0":["variables.f.0"]}`, []string{"0"}, []byte("hello"))
	var resp graphql.Response
	json.Unmarshal(rec.Body.Bytes(), &resp)
	if rec.Code != http.StatusBadRequest || len(resp.Errors) == 0 {
		t.Fatalf("HTTP %d: %s", rec.Code, rec.Body)
	}
	if code := resp.Errors[0].Extensions["code"]; code != string(access.CodeValidationFailed) {
		t.Errorf("code %v, want %s", code, access.CodeValidationFailed)
	}
}

// TestMultipartBodyLimitSaturates: limits whose product overflows int64 leave the body unbounded
// (the per-file limits still hold) rather than wrapping to a negative limit that refuses everything.
func TestMultipartBodyLimitSaturates(t *testing.T) {
	for _, c := range []struct {
		fileBytes int64
		files     int
		want      int64
	}{
		{1 << 10, 3, 3<<10 + 2*metaLimit},
		{math.MaxInt64 / 2, 3, math.MaxInt64},
		{math.MaxInt64, 1, math.MaxInt64},
		{1 << 62, 2, math.MaxInt64},
	} {
		f := multipartForm{maxFileBytes: c.fileBytes, maxFiles: c.files}
		if got := f.bodyLimit(); got != c.want {
			t.Errorf("%d files of %d bytes: limit %d, want %d", c.files, c.fileBytes, got, c.want)
		}
	}
}
