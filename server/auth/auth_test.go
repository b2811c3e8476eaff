package auth

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/mediagraph/mediagraph/media/access"
)

func TestCookieSecureOverHTTPS(t *testing.T) {
	for url, secure := range map[string]bool{"https://media.example": true, "http://localhost:8080": false} {
		c := (&Auth{PublicURL: url}).cookie("s", 60)
		if c.Secure != secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
			t.Errorf("%s: cookie %+v, want Secure %v, HttpOnly, SameSite=Lax, Path=/", url, c, secure)
		}
	}
}

func TestCheckOrigin(t *testing.T) {
	a := &Auth{PublicURL: "https://media.example"}
	cases := []struct {
		name, method, origin string
		csrf, upgrade, ok    bool
	}{
		{"the UI's POST", "POST", "https://media.example", true, false, true},
		{"by Host", "POST", "http://internal:8080", true, false, true},
		{"no header", "POST", "https://media.example", false, false, false},
		{"no origin", "POST", "", true, false, false},
		{"another site", "POST", "https://evil.example", true, false, false},
		{"a GET", "GET", "", false, false, true},
		{"a GET from another site", "GET", "https://evil.example", false, false, false},
		{"websocket from the UI", "GET", "https://media.example", false, true, true},
		{"websocket without origin", "GET", "", false, true, false},
		{"websocket from another site", "GET", "https://evil.example", false, true, false},
	}
	for _, c := range cases {
		r := httptest.NewRequest(c.method, "http://internal:8080/graphql", nil)
		if c.origin != "" {
			r.Header.Set("Origin", c.origin)
		}
		if c.csrf {
			r.Header.Set(CSRFHeader, "1")
		}
		if c.upgrade {
			r.Header.Set("Upgrade", "websocket")
		}
		err := a.checkOrigin(r, true)
		if e, _ := access.AsError(err); (err == nil) != c.ok || (err != nil && e.Code != access.CodeCSRFRejected) {
			t.Errorf("%s: %v, want allowed %v", c.name, err, c.ok)
		}
	}
}
