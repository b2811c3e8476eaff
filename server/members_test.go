package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// signedBrowser is a person's browser: it keeps the session cookie and sends what the web UI sends.
type signedBrowser struct {
	t      testing.TB
	s      *apptest.Server
	cookie *http.Cookie
	// origin is sent as Origin; csrf says whether the CSRF header goes along.
	origin string
	csrf   bool
}

func newBrowser(t testing.TB, s *apptest.Server) *signedBrowser {
	return &signedBrowser{t: t, s: s, origin: s.URL, csrf: true}
}

type httpAnswer struct {
	status int
	header http.Header
	body   map[string]any
}

func (a httpAnswer) code() string { c, _ := a.body["code"].(string); return c }

func (b *signedBrowser) post(path string, body any) httpAnswer {
	b.t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		b.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, b.s.URL+path, bytes.NewReader(raw))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return b.send(req)
}

func (b *signedBrowser) send(req *http.Request) httpAnswer {
	b.t.Helper()
	if b.origin != "" {
		req.Header.Set("Origin", b.origin)
	}
	if b.csrf {
		req.Header.Set("X-Mediagraph-CSRF", "1")
	}
	if b.cookie != nil {
		req.AddCookie(b.cookie)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := httpAnswer{status: res.StatusCode, header: res.Header}
	json.Unmarshal(raw, &out.body)
	for _, c := range res.Cookies() {
		if c.Name == "mediagraph_session" {
			if c.MaxAge < 0 {
				b.cookie = nil
			} else {
				b.cookie = c
			}
		}
	}
	return out
}

// gql posts a GraphQL request with the cookie, as the web UI does.
func (b *signedBrowser) gql(query string, vars map[string]any) apptest.Response {
	b.t.Helper()
	raw, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, b.s.URL+"/graphql", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if b.origin != "" {
		req.Header.Set("Origin", b.origin)
	}
	if b.csrf {
		req.Header.Set("X-Mediagraph-CSRF", "1")
	}
	if b.cookie != nil {
		req.AddCookie(b.cookie)
	}
	return b.s.Do("", req)
}

func (b *signedBrowser) get(path string) int {
	b.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.s.URL+path, nil)
	if b.cookie != nil {
		req.AddCookie(b.cookie)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// invite creates a member of role through the admin token and returns their id and invitation token.
func invite(t testing.TB, s *apptest.Server, email, roleID string) (id, token string) {
	t.Helper()
	var out struct {
		CreateMember struct {
			Member        struct{ ID string }
			InvitationURL string
		}
	}
	s.Must(s.Admin, `mutation($in: CreateMemberInput!) { createMember(input: $in) { member { id } invitationUrl } }`,
		map[string]any{"in": map[string]any{"email": email, "name": email, "roleId": roleID}}, &out)
	link := out.CreateMember.InvitationURL
	if !strings.HasPrefix(link, s.URL+"/invite/") {
		t.Fatalf("invitation link %q, want one under %s/invite/", link, s.URL)
	}
	return out.CreateMember.Member.ID, strings.TrimPrefix(link, s.URL+"/invite/")
}

const editorRoleID = "rol_00000000000000000000000002"

// signedIn invites a member, sets their password and signs them in.
func signedIn(t testing.TB, s *apptest.Server, email, roleID string) (*signedBrowser, string) {
	t.Helper()
	id, token := invite(t, s, email, roleID)
	b := newBrowser(t, s)
	if a := b.post("/auth/invitation", map[string]string{"token": token, "password": "a long passphrase"}); a.status != http.StatusOK {
		t.Fatalf("accept invitation: %d %v", a.status, a.body)
	}
	if a := b.post("/auth/login", map[string]string{"email": email, "password": "a long passphrase"}); a.status != http.StatusOK || b.cookie == nil {
		t.Fatalf("login: %d %v", a.status, a.body)
	}
	return b, id
}

// TestMemberSession walks a person's way in: invitation, password, sign-in, GraphQL through the
// cookie, sign-out after which the cookie no longer works, and deactivation that ends sessions at once.
func TestMemberSession(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url)
		id, token := invite(t, s, "Ann@Example.com", editorRoleID)
		b := newBrowser(t, s)
		if st := b.get("/invite/" + token); st != http.StatusOK {
			t.Errorf("invitation page: %d", st)
		}
		for pw, why := range map[string]string{"nine char": "9 characters", "password123": "a common password"} {
			a := b.post("/auth/invitation", map[string]string{"token": token, "password": pw})
			if a.status != http.StatusBadRequest || a.code() != "VALIDATION_FAILED" || a.body["field"] != "password" {
				t.Errorf("%s: %d %v, want 400 VALIDATION_FAILED on password", why, a.status, a.body)
			}
		}
		if a := b.post("/auth/invitation", map[string]string{"token": token, "password": "correct horse staple"}); a.status != http.StatusOK {
			t.Fatalf("accept invitation: %d %v", a.status, a.body)
		}
		if a := b.post("/auth/invitation", map[string]string{"token": token, "password": "another long one"}); a.code() != "INVITATION_USED" {
			t.Errorf("reused invitation: %d %v, want INVITATION_USED", a.status, a.body)
		}
		if a := b.post("/auth/login", map[string]string{"email": "ann@example.com", "password": "wrong password!"}); a.status != http.StatusUnauthorized || a.code() != "INVALID_CREDENTIALS" || b.cookie != nil {
			t.Errorf("wrong password: %d %v", a.status, a.body)
		}
		a := b.post("/auth/login", map[string]string{"email": "ann@example.com", "password": "correct horse staple"})
		if a.status != http.StatusOK || b.cookie == nil {
			t.Fatalf("login: %d %v", a.status, a.body)
		}
		if m, _ := a.body["member"].(map[string]any); m["id"] != id || m["email"] != "ann@example.com" {
			t.Errorf("login answered %v, want member %s", a.body, id)
		}
		setCookie := a.header.Get("Set-Cookie")
		for _, attr := range []string{"HttpOnly", "SameSite=Lax", "Path=/"} {
			if !strings.Contains(setCookie, attr) {
				t.Errorf("Set-Cookie %q lacks %s", setCookie, attr)
			}
		}
		if strings.Contains(setCookie, "Secure") {
			t.Errorf("Set-Cookie %q is Secure over http", setCookie)
		}

		const meQuery = `{ me { id email name role { id name permissions { readMedia writeMedia } } } mySessions { id } }`
		var me struct {
			Me struct {
				ID, Email string
				Role      struct{ ID, Name string }
			}
			MySessions []struct{ ID string }
		}
		b.gql(meQuery, nil).Decode(t, &me)
		if me.Me.ID != id || me.Me.Role.Name != "Editor" || len(me.MySessions) != 1 {
			t.Errorf("me: %+v", me)
		}
		var tokenMe struct{ Me *struct{ ID string } }
		s.Must(s.Admin, `{ me { id } }`, nil, &tokenMe)
		if tokenMe.Me != nil {
			t.Errorf("me for a token: %+v, want null", tokenMe.Me)
		}
		up := s.MustUpload(s.Admin, nil, apptest.Fixture(t, "alpha.png"))
		if r := b.gql(`mutation($id: ID!) { updateAsset(id: $id, input: { author: "Ann" }) { id createdBy { id } updatedBy { id name ... on Member { email } } } }`,
			map[string]any{"id": up[0].ID}); len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"email":"ann@example.com"`) {
			t.Errorf("update as the member: %s %+v, want updatedBy the member", r.Data, r.Errors)
		}

		// The cross-site cases: without the header, and from another origin.
		b.csrf = false
		if r := b.gql(`{ me { id } }`, nil); r.Status != http.StatusForbidden || r.Code() != "CSRF_REJECTED" {
			t.Errorf("without the CSRF header: %d %s, want 403 CSRF_REJECTED", r.Status, r.Code())
		}
		b.csrf, b.origin = true, "https://evil.example"
		if r := b.gql(`{ me { id } }`, nil); r.Status != http.StatusForbidden || r.Code() != "CSRF_REJECTED" {
			t.Errorf("from another origin: %d %s, want 403 CSRF_REJECTED", r.Status, r.Code())
		}
		b.origin = s.URL

		kept := b.cookie
		if a := b.post("/auth/logout", nil); a.status != http.StatusNoContent || b.cookie != nil {
			t.Errorf("logout: %d, cookie %v", a.status, b.cookie)
		}
		b.cookie = kept
		if r := b.gql(`{ me { id } }`, nil); r.Code() != "UNAUTHENTICATED" {
			t.Errorf("cookie after logout: %d %s, want UNAUTHENTICATED", r.Status, r.Code())
		}

		b.post("/auth/login", map[string]string{"email": "ann@example.com", "password": "correct horse staple"})
		b.gql(`{ me { id } }`, nil).Decode(t, nil)
		s.Must(s.Admin, `mutation($id: ID!) { deactivateMember(id: $id) { id deactivatedAt } }`, map[string]any{"id": id}, nil)
		if r := b.gql(`{ me { id } }`, nil); r.Code() != "MEMBER_DEACTIVATED" {
			t.Errorf("cookie of a deactivated member: %d %s, want MEMBER_DEACTIVATED", r.Status, r.Code())
		}
		if a := b.post("/auth/login", map[string]string{"email": "ann@example.com", "password": "correct horse staple"}); a.code() != "INVALID_CREDENTIALS" {
			t.Errorf("login of a deactivated member: %d %v", a.status, a.body)
		}
		var audit auditPage
		s.Must(s.Admin, auditQuery, map[string]any{"f": map[string]any{"events": []string{"member.signed_in", "member.sign_in_failed", "member.created", "member.deactivated"}}}, &audit)
		kinds := map[string]int{}
		for _, n := range audit.AuditLog.Nodes {
			kinds[n.Event]++
			if n.Event == "member.created" && !slices.ContainsFunc(n.Changes, func(c struct{ AssetID, Field, Before, After string }) bool {
				return c.AssetID == id && c.Field == "email" && c.Before == "null" && c.After == `"ann@example.com"`
			}) {
				t.Errorf("member.created changes %+v, want the email set", n.Changes)
			}
		}
		if kinds["member.signed_in"] != 2 || kinds["member.sign_in_failed"] != 2 || kinds["member.created"] != 1 || kinds["member.deactivated"] != 1 {
			t.Errorf("audit entries %v", kinds)
		}
	})
}

// TestInvitationExpires refuses an invitation past its 7 days.
func TestInvitationExpires(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	_, token := invite(t, s, "late@example.com", editorRoleID)
	if err := s.App.DB.Gorm().Exec("UPDATE invitations SET expires_at = ?", time.Now().Add(-time.Minute).UTC()).Error; err != nil {
		t.Fatal(err)
	}
	if a := newBrowser(t, s).post("/auth/invitation", map[string]string{"token": token, "password": "a long passphrase"}); a.status != http.StatusGone || a.code() != "INVITATION_EXPIRED" {
		t.Errorf("expired invitation: %d %v, want 410 INVITATION_EXPIRED", a.status, a.body)
	}
}

// TestLoginBackoff locks an email out after 5 failures: the 6th attempt is refused even with the
// right password until the back-off ends, and the answer is the same for an unknown email.
func TestLoginBackoff(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		s := apptest.Start(t, url, func(c *config.Config) { c.LoginBackoff = time.Hour })
		b, _ := signedIn(t, s, "bo@example.com", editorRoleID)
		b.cookie = nil
		for i := 0; i < 5; i++ {
			if a := b.post("/auth/login", map[string]string{"email": "bo@example.com", "password": "not the password"}); a.code() != "INVALID_CREDENTIALS" {
				t.Fatalf("failure %d: %d %v", i+1, a.status, a.body)
			}
		}
		for _, email := range []string{"bo@example.com", "nobody@example.com"} {
			if a := b.post("/auth/login", map[string]string{"email": email, "password": "a long passphrase"}); a.status != http.StatusTooManyRequests || a.code() != "RATE_LIMITED" {
				t.Errorf("6th attempt as %s: %d %v, want 429 RATE_LIMITED", email, a.status, a.body)
			}
		}
		if err := s.App.DB.Gorm().Exec("UPDATE login_failures SET locked_until = ?", time.Now().Add(-time.Second).UTC()).Error; err != nil {
			t.Fatal(err)
		}
		if a := b.post("/auth/login", map[string]string{"email": "bo@example.com", "password": "a long passphrase"}); a.status != http.StatusOK {
			t.Errorf("after the back-off: %d %v", a.status, a.body)
		}
	})
}

// TestRoleBadInput: a role needs a name; built-in roles are neither deleted nor changed.
func TestRoleBadInput(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	r := s.Query(s.Admin, `mutation { createRole(input: { name: "  ", permissions: { readMedia: ALL } }) { id } }`, nil)
	if r.Code() != "VALIDATION_FAILED" || r.Errors[0].Extensions["field"] != "input.name" {
		t.Errorf("role without a name: %+v", r.Errors)
	}
	if r := s.Query(s.Admin, `mutation { deleteRole(id: "rol_00000000000000000000000001") }`, nil); r.Code() != "FORBIDDEN" {
		t.Errorf("delete the Admin role: %+v", r.Errors)
	}
	if r := s.Query(s.Admin, `mutation { updateRole(id: "rol_00000000000000000000000002", input: { name: "Boss" }) { id } }`, nil); r.Code() != "FORBIDDEN" {
		t.Errorf("rename the Editor role: %+v", r.Errors)
	}
	if r := s.Query(s.Token("EDITOR"), `mutation { createRole(input: { name: "X", permissions: {} }) { id } }`, nil); r.Code() != "FORBIDDEN" {
		t.Errorf("an EDITOR creates a role: %+v", r.Errors)
	}
	var roles struct {
		Roles []struct {
			Name    string
			BuiltIn bool
		}
	}
	s.Must(s.Admin, `{ roles { name builtIn } }`, nil, &roles)
	if len(roles.Roles) != 3 || roles.Roles[0].Name != "Admin" {
		t.Errorf("roles %+v, want the three built in", roles.Roles)
	}
}
