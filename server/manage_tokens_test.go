package server_test

import (
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// adminTokenIDs lists the ids of the active ADMIN tokens.
func adminTokenIDs(t *testing.T, s *apptest.Server) []string {
	t.Helper()
	var out struct {
		APITokens []struct {
			ID, Role  string
			RevokedAt *string
		} `json:"apiTokens"`
	}
	s.Must(s.Admin, `{ apiTokens { id role revokedAt } }`, nil, &out)
	var ids []string
	for _, tok := range out.APITokens {
		if tok.Role == "ADMIN" && tok.RevokedAt == nil {
			ids = append(ids, tok.ID)
		}
	}
	return ids
}

func TestLastAdminTokenCannotBeRevoked(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		revoke := `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`
		first := adminTokenIDs(t, s)
		if len(first) != 1 {
			t.Fatalf("active ADMIN tokens at start: %v", first)
		}
		r := s.Query(s.Admin, revoke, map[string]any{"id": first[0]})
		wantCode(t, "revoking the only ADMIN token", r, "CONFLICT", "")
		if r.Code() == "CONFLICT" && !strings.Contains(r.Errors[0].Message, "mediagraph token create") {
			t.Errorf("the refusal does not say how to get another ADMIN token: %q", r.Errors[0].Message)
		}
		if got := adminTokenIDs(t, s); len(got) != 1 {
			t.Fatalf("a refused revocation changed the ADMIN tokens: %v", got)
		}

		// With a second ADMIN token the first may go; then the second is the last one.
		second := s.Token("ADMIN")
		s.Must(s.Admin, revoke, map[string]any{"id": first[0]}, nil)
		s.Admin = second
		left := adminTokenIDs(t, s)
		if len(left) != 1 {
			t.Fatalf("active ADMIN tokens after revoking the first: %v", left)
		}
		wantCode(t, "revoking the second, now last, ADMIN token", s.Query(second, revoke, map[string]any{"id": left[0]}), "CONFLICT", "")

		// Other roles are revoked as before, even when no other token of theirs is left.
		s.Token("EDITOR")
		var tokens struct {
			APITokens []struct{ ID, Role string } `json:"apiTokens"`
		}
		s.Must(second, `{ apiTokens { id role } }`, nil, &tokens)
		for _, tok := range tokens.APITokens {
			if tok.Role == "EDITOR" {
				s.Must(second, revoke, map[string]any{"id": tok.ID}, nil)
			}
		}
	})
}
