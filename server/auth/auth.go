// Package auth is the browser's way in: sign-in and sign-out with a session cookie, the invitation
// page where a new member sets a password, and the middleware that authenticates the cookie and
// refuses cross-site requests carrying it.
package auth

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/server/gate"
)

// CookieName is the session cookie.
const CookieName = "mediagraph_session"

// CSRFHeader must accompany every cookie-authenticated request other than GET or HEAD: a form on
// another site cannot send a custom header, and a script there cannot without a CORS preflight
// that the service never grants for it.
const CSRFHeader = "X-Mediagraph-CSRF"

// maxBody caps the JSON of a sign-in or an invitation.
const maxBody = 16 << 10

// Auth serves /auth and authenticates session cookies.
type Auth struct {
	Members *access.Members
	// PublicURL decides the Secure flag of the cookie and the origin requests must come from.
	PublicURL  string
	SessionTTL time.Duration
	// Refuse answers an error in the format of the endpoint asked for.
	Refuse func(w http.ResponseWriter, r *http.Request, err error)
}

// Register adds the routes of sign-in to mux.
func (a *Auth) Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /auth/login", a.login)
	mux.HandleFunc("POST /auth/logout", a.logout)
	mux.HandleFunc("POST /auth/invitation", a.acceptInvitation)
}

type memberJSON struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

func writeMember(w http.ResponseWriter, m *models.Member) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]memberJSON{"member": {ID: m.ID, Email: m.Email, Name: m.Name}})
}

func readJSON(r *http.Request, into any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return access.Invalid("body", "the body could not be read")
	}
	if len(body) > maxBody {
		return access.Invalid("body", "the body is larger than %d bytes", maxBody)
	}
	if err := json.Unmarshal(body, into); err != nil {
		return access.Invalid("body", "send a JSON object")
	}
	return nil
}

func (a *Auth) login(w http.ResponseWriter, r *http.Request) {
	if err := a.checkOrigin(r, false); err != nil {
		a.Refuse(w, r, err)
		return
	}
	var in struct{ Email, Password string }
	if err := readJSON(r, &in); err != nil {
		a.Refuse(w, r, err)
		return
	}
	m, secret, err := a.Members.Login(r.Context(), in.Email, in.Password, r.RemoteAddr, r.UserAgent())
	if err != nil {
		a.Refuse(w, r, err)
		return
	}
	http.SetCookie(w, a.cookie(secret, int(a.SessionTTL.Seconds())))
	writeMember(w, m)
}

func (a *Auth) logout(w http.ResponseWriter, r *http.Request) {
	if err := a.Members.Logout(r.Context()); err != nil {
		a.Refuse(w, r, err)
		return
	}
	http.SetCookie(w, a.cookie("", -1))
	w.WriteHeader(http.StatusNoContent)
}

func (a *Auth) acceptInvitation(w http.ResponseWriter, r *http.Request) {
	if err := a.checkOrigin(r, false); err != nil {
		a.Refuse(w, r, err)
		return
	}
	var in struct{ Token, Password string }
	if err := readJSON(r, &in); err != nil {
		a.Refuse(w, r, err)
		return
	}
	m, err := a.Members.AcceptInvitation(r.Context(), in.Token, in.Password)
	if err != nil {
		a.Refuse(w, r, err)
		return
	}
	writeMember(w, m)
}

func (a *Auth) cookie(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: CookieName, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: strings.HasPrefix(a.PublicURL, "https://")}
}

var errCSRF = access.NewError(access.CodeCSRFRejected, "a request signed in by cookie must come from this service's own pages: send "+CSRFHeader+": 1 from the service's origin")

// Middleware authenticates a request by its session cookie, when it carries no bearer token, and
// refuses cookie-authenticated requests that could come from another site. A bearer token is
// authenticated further down and never needs these checks.
func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(CookieName)
		if r.Header.Get("Authorization") != "" || err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		p, err := a.Members.AuthenticateSession(r.Context(), c.Value)
		if err != nil {
			a.refuseSession(w, r, next, err)
			return
		}
		if err := a.checkOrigin(r, true); err != nil {
			a.Refuse(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(access.WithPrincipal(r.Context(), p)))
	})
}

// refuseSession answers a cookie that no longer signs in: GraphQL says why (the UI then asks to sign
// in again), sign-out clears it; elsewhere (a sign-in, an <img> of a public asset) the request goes
// on anonymous.
func (a *Auth) refuseSession(w http.ResponseWriter, r *http.Request, next http.Handler, err error) {
	_, coded := access.AsError(err)
	switch {
	case coded && r.URL.Path == "/auth/logout":
		http.SetCookie(w, a.cookie("", -1))
		w.WriteHeader(http.StatusNoContent)
	case coded && r.URL.Path != "/graphql":
		next.ServeHTTP(w, r)
	default:
		a.Refuse(w, r, err)
	}
}

// checkOrigin refuses a request from another origin than the service's. A cookie-authenticated
// request other than GET and HEAD must also name its origin and carry the CSRF header; a WebSocket
// upgrade (a GET a page on any site may open) must name the service's origin.
func (a *Auth) checkOrigin(r *http.Request, withCookie bool) error {
	origin := r.Header.Get("Origin")
	safe := r.Method == http.MethodGet || r.Method == http.MethodHead
	upgrade := safe && strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
	switch {
	case origin != "" && !a.sameOrigin(r, origin):
		return errCSRF
	case !withCookie || (safe && !upgrade):
		return nil
	case origin == "":
		return errCSRF
	case !upgrade && r.Header.Get(CSRFHeader) != "1":
		return errCSRF
	}
	return nil
}

func (a *Auth) sameOrigin(r *http.Request, origin string) bool {
	o, err := url.Parse(origin)
	if err != nil || o.Host == "" {
		return false
	}
	if pub, err := url.Parse(a.PublicURL); err == nil && strings.EqualFold(pub.Scheme, o.Scheme) && strings.EqualFold(pub.Host, o.Host) {
		return true
	}
	return strings.EqualFold(o.Host, r.Host)
}

// WriteError answers err as the HTTP error body of the service.
func WriteError(w http.ResponseWriter, err error) {
	e, ok := access.AsError(err)
	if !ok {
		e = access.NewError(access.CodeInternal, "internal error")
	}
	gate.WriteError(w, e)
}
