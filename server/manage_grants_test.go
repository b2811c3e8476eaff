package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
)

// newToken creates a token of role and returns its secret and id.
func newToken(t *testing.T, s *apptest.Server, role, name string) (secret, id string) {
	t.Helper()
	var out struct {
		CreateAPIToken struct {
			Secret string
			Token  struct{ ID string }
		} `json:"createApiToken"`
	}
	s.Must(s.Admin, `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret token { id } } }`,
		map[string]any{"in": map[string]any{"role": role, "name": name}}, &out)
	return out.CreateAPIToken.Secret, out.CreateAPIToken.Token.ID
}

// signedURL asks for a signed URL of an asset, relative to the server.
func signedURL(t *testing.T, s *apptest.Server, token, id string) string {
	t.Helper()
	var out struct{ CreateSignedAssetURL string }
	s.Must(token, `mutation($id: ID!) { createSignedAssetUrl(id: $id, expiresIn: 3600) }`, map[string]any{"id": id}, &out)
	return strings.TrimPrefix(out.CreateSignedAssetURL, s.URL)
}

// Signed URLs stop opening a PRIVATE asset when the token that made them is revoked, and
// revokeSignedUrls voids every grant of the assets it names, whoever made it, and of no other.
func TestSignedURLsAreRevocable(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		alice, aliceID := newToken(t, s, "EDITOR", "alice")
		bob, _ := newToken(t, s, "EDITOR", "bob")
		x := upload(t, s, alice, "alpha.png", nil)
		y := upload(t, s, alice, "focal-red-square.png", nil)
		opens := func(what, path string, want int) {
			t.Helper()
			f := fetch(t, s, http.MethodGet, path, "", nil)
			if f.Status != want {
				t.Errorf("%s: HTTP %d %.200s, want %d", what, f.Status, f.Body, want)
			}
		}
		aliceX, aliceY, bobX, bobY := signedURL(t, s, alice, x), signedURL(t, s, alice, y), signedURL(t, s, bob, x), signedURL(t, s, bob, y)
		var field struct{ Asset struct{ URL string } }
		s.Must(alice, `query($id: ID!) { asset(id: $id) { url(signed: true) } }`, map[string]any{"id": y}, &field)
		aliceYField := strings.TrimPrefix(field.Asset.URL, s.URL)
		for what, u := range map[string]string{"alice's x": aliceX, "alice's y": aliceY, "bob's x": bobX, "bob's y": bobY, "alice's url(signed)": aliceYField} {
			opens(what+" before any revocation", u, http.StatusOK)
		}
		if len(aliceX) > len("/media/asset/"+x+"/alpha.png")+100 {
			t.Errorf("a signed URL is long: %d characters: %s", len(aliceX), aliceX)
		}

		s.Must(s.Admin, `mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, map[string]any{"id": aliceID}, nil)
		opens("alice's x after her token was revoked", aliceX, http.StatusForbidden)
		opens("alice's y after her token was revoked", aliceY, http.StatusForbidden)
		opens("alice's url(signed) after her token was revoked", aliceYField, http.StatusForbidden)
		opens("bob's x after alice's token was revoked", bobX, http.StatusOK)
		wantGateError(t, "a revoked grant", fetch(t, s, http.MethodGet, aliceX, "", nil), http.StatusForbidden, "ASSET_ACCESS_DENIED")

		var revoked struct {
			RevokeSignedUrls []struct{ ID string }
		}
		s.Must(bob, `mutation($ids: [ID!]!) { revokeSignedUrls(assetIds: $ids) { id } }`, map[string]any{"ids": []string{x}}, &revoked)
		if len(revoked.RevokeSignedUrls) != 1 || revoked.RevokeSignedUrls[0].ID != x {
			t.Errorf("revokeSignedUrls answered %+v", revoked.RevokeSignedUrls)
		}
		opens("bob's x after revokeSignedUrls(x)", bobX, http.StatusForbidden)
		opens("bob's y after revokeSignedUrls(x)", bobY, http.StatusOK)
		opens("a URL of x signed after revokeSignedUrls", signedURL(t, s, bob, x), http.StatusOK)

		delivery := s.Token("DELIVERY")
		wantCode(t, "a DELIVERY token revokes links", s.Query(delivery, `mutation($ids: [ID!]!) { revokeSignedUrls(assetIds: $ids) { id } }`,
			map[string]any{"ids": []string{y}}), "FORBIDDEN", "")
		wantCode(t, "revokeSignedUrls of an unknown asset", s.Query(bob, `mutation($ids: [ID!]!) { revokeSignedUrls(assetIds: $ids) { id } }`,
			map[string]any{"ids": []string{"ast_01m8t16461x3d3ndn6d74y0m6j"}}), "NOT_FOUND", "")
		opens("bob's y after refused revocations", bobY, http.StatusOK)

		// A forged issuer voids the signature.
		opens("a grant whose issuer was edited", strings.Replace(bobY, "g=0.", "g=1.", 1), http.StatusForbidden)
	})
}
