package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/server"
)

// memberCreate invites a member and prints the invitation link alone, for scripts.
func memberCreate(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	var email, role, name string
	app, rest, err := open(ctx, "member create", args, log, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "the member's email")
		fs.StringVar(&role, "role", "", "the role's name (Admin, Editor, Viewer or one created with createRole) or id")
		fs.StringVar(&name, "name", "", "the member's name (default: the email)")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	if len(rest) > 0 || email == "" || role == "" {
		return errors.New("usage: mediagraph member create --email E --role ROLE [--name NAME]")
	}
	ctx = access.WithPrincipal(ctx, access.Operator)
	r, err := app.Media.Members.RoleByName(ctx, role)
	if err != nil {
		return err
	}
	in := access.MemberInput{Email: &email, RoleID: &r.ID}
	if name != "" {
		in.Name = &name
	}
	_, link, err := app.Media.Members.CreateMember(ctx, in)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, link)
	return nil
}

// printFirstMember invites a first ADMIN member on the first start against an empty database.
func printFirstMember(ctx context.Context, app *server.App) error {
	link, err := app.Media.Members.EnsureFirstMember(ctx)
	if err != nil {
		return fmt.Errorf("invite the first admin member: %w", err)
	}
	if link != "" {
		fmt.Fprintf(os.Stderr, "  First start: invited an ADMIN member (admin@localhost; change the email in the UI or with updateMember).\n"+
			"  Set their password within 7 days at:\n\n    %s\n\n", link)
	}
	return nil
}
