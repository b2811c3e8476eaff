package server_test

import (
	"slices"
	"strings"
	"sync"
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

// Two admins revoking each other's tokens at once cannot both succeed: one ADMIN token stays.
func TestConcurrentRevocationsKeepAnAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		for range 3 {
			second, secondID := newToken(t, s, "ADMIN", "second admin")
			firstIDs := adminTokenIDs(t, s)
			var firstID string
			for _, id := range firstIDs {
				if id != secondID {
					firstID = id
				}
			}
			revoke := `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`
			var wg sync.WaitGroup
			codes := make([]string, 2)
			for i, c := range []struct{ token, target string }{{s.Admin, secondID}, {second, firstID}} {
				wg.Go(func() { codes[i] = s.Query(c.token, revoke, map[string]any{"id": c.target}).Code() })
			}
			wg.Wait()
			active := adminTokenIDsAs(t, s, []string{s.Admin, second})
			left := 0
			for _, id := range []string{firstID, secondID} {
				if slices.Contains(active, id) {
					left++
				}
			}
			if left != 1 {
				t.Fatalf("after two concurrent revocations (%v), %d of the two ADMIN tokens are active", codes, left)
			}
			if !slices.Contains(active, firstID) {
				s.Admin = second // the first was revoked: go on with the one that stayed
			}
		}
	})
}

// adminTokenIDsAs lists the active ADMIN tokens with the first of tokens that still works.
func adminTokenIDsAs(t *testing.T, s *apptest.Server, tokens []string) []string {
	t.Helper()
	for _, tok := range tokens {
		if s.Query(tok, `{ apiTokens { id } }`, nil).Code() == "" {
			keep := s.Admin
			s.Admin = tok
			ids := adminTokenIDs(t, s)
			s.Admin = keep
			return ids
		}
	}
	t.Fatal("no ADMIN token works any more")
	return nil
}
