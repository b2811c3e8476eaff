package metrics

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Clients choose operation names: past the cap, new ones share one series, so no client can grow the
// registry without bound; names seen before keep theirs.
func TestOperationNamesAreCapped(t *testing.T) {
	m := New()
	for i := range maxOperationNames + 50 {
		m.Operation(fmt.Sprintf("Op%d", i), "query", time.Millisecond, 0)
	}
	m.Operation("Op0", "query", time.Millisecond, 0)
	m.Operation("", "mutation", time.Millisecond, 0)
	m.Operation(strings.Repeat("x", maxOperationName+1), "query", time.Millisecond, 0)

	rec := httptest.NewRecorder()
	m.Handler("").ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	if n := strings.Count(body, "mediagraph_graphql_operations_total{"); n != maxOperationNames+2 {
		t.Errorf("%d operation series, want %d named, other and anonymous", n, maxOperationNames+2)
	}
	for _, want := range []string{
		`mediagraph_graphql_operations_total{operation="Op0",type="query"} 2`,
		`mediagraph_graphql_operations_total{operation="other",type="query"} 51`,
		`mediagraph_graphql_operations_total{operation="anonymous",type="mutation"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("no %s", want)
		}
	}
}

// The token is compared whole, as a bearer token; nothing else opens the metrics.
func TestHandlerToken(t *testing.T) {
	h := New().Handler("s3cret")
	for header, want := range map[string]int{"": 401, "Bearer s3cre": 401, "Bearer s3cret2": 401, "bearer s3cret": 401, "Bearer s3cret": 200} {
		req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Authorization %q: %d, want %d", header, rec.Code, want)
		}
	}
}
