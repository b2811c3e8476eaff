package auth

import (
	_ "embed"
	"net/http"
)

// invitePage is where an invitation link lands until the web UI serves that path: a form that sets
// the password through POST /auth/invitation. The UI replaces this file.
//
//go:embed invite.html
var invitePage []byte

func invitationPage(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'")
	w.Write(invitePage)
}
