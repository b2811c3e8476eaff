package main

import (
	"context"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/media/access"
)

// TestMemberCreate prints an invitation link alone on stdout, for the role named; its link sets the
// member's password once.
func TestMemberCreate(t *testing.T) {
	c := newCLI(t)
	t.Setenv("MEDIAGRAPH_PUBLIC_URL", "https://media.example")
	out := c.must("member", "create", "--email", "ops@example.com", "--role", "ADMIN")
	link, rest, _ := strings.Cut(out, "\n")
	if rest != "" || !strings.HasPrefix(link, "https://media.example/invite/") {
		t.Fatalf("member create printed %q, want the invitation link alone", out)
	}
	app := c.open()
	ctx := context.Background()
	m, err := app.Media.Members.AcceptInvitation(ctx, strings.TrimPrefix(link, "https://media.example/invite/"), "a long passphrase")
	if err != nil || m.Email != "ops@example.com" || m.RoleID != "rol_00000000000000000000000001" {
		t.Fatalf("accept the printed invitation: %+v, %v", m, err)
	}
	if _, _, err := app.Media.Members.Login(ctx, "ops@example.com", "a long passphrase", "127.0.0.1:1", "test"); err != nil {
		t.Errorf("sign in with the password set: %v", err)
	}
	for _, args := range [][]string{
		{"member", "create", "--email", "x@example.com", "--role", "Nobody"},
		{"member", "create", "--email", "not an email", "--role", "Editor"},
		{"member", "create", "--email", "ops@example.com", "--role", "Editor"},
		{"member", "create", "--role", "Editor"},
	} {
		if out, err := c.run(args...); err == nil || out != "" {
			t.Errorf("mediagraph %s: %q, %v; want an error and nothing on stdout", strings.Join(args, " "), out, err)
		} else if _, coded := access.AsError(err); !coded && !strings.Contains(err.Error(), "usage") {
			t.Errorf("mediagraph %s: %v, want a clear error", strings.Join(args, " "), err)
		}
	}
}
