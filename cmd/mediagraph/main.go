// Command mediagraph runs the Mediagraph media library: `serve`, `migrate`, `token`, `reprocess`,
// `scan`, `check`, `backup`, `import` and `export` subcommands.
// Configuration comes from the environment and flags (see config.Settings).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/server"
)

const usage = `Usage: mediagraph <command> [flags]

Commands:
  serve                                   start the service (applies migrations first)
  migrate                                 apply database migrations and exit
  token create --role ROLE --name NAME    create an API token (ADMIN, EDITOR or DELIVERY); prints it alone;
                                          --moderator lets an EDITOR token moderate assets
  token list                              list API tokens
  token revoke ID                         revoke an API token
  member create --email E --role ROLE     invite a member (role: a role's name or id, e.g. Admin,
                                          Editor, Viewer); prints the invitation link alone
  reprocess --all | reprocess ID...       analyze assets' bytes again, as background jobs (shows progress)
  scan --all | --status S | ID...         scan versions with clamd again, as background jobs (shows progress)
  check [--repair]                        report crash leftovers older than --orphan-grace (exit 1 when
                                          there are any); --repair deletes them
  backup [flags] FILE                     write a consistent copy of the SQLite database while serve runs
  import [flags] DIR                      bring a folder tree in: folders become collections, files
                                          already present (by sha256) are skipped; run again to resume
  import --from-url-list FILE             … or fetch the URLs listed one a line
  import --manifest DIR                   restore an export: ids, metadata, tags, collections, usages
  export [--filter JSON] [--versions] DIR write every asset's bytes in the collection tree, a JSON
                                          sidecar each and a manifest (--versions: earlier ones too)
  bench seed --assets N                   write N synthetic assets in bulk (tags, collections, text) to
                                          measure with; only into a database made for it
  bench measure [--runs R] [--explain]    time the list queries (p50, p95 over R runs) over a seeded library
  derivatives prune --older-than 90d      delete stored transforms neither made nor served in that long

Every command takes the flags below; each flag defaults to its environment variable.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := newLog()
	if err := run(ctx, os.Args[1:], os.Stdout, log); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "mediagraph:", err)
		}
		if errors.Is(err, errLeftovers) {
			os.Exit(1)
		}
		os.Exit(2)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	if len(args) == 0 {
		printUsage(os.Stderr)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], log)
	case "migrate":
		app, _, err := open(ctx, "migrate", args[1:], log)
		if err != nil {
			return err
		}
		defer app.Close()
		log.Info("database is up to date")
		return nil
	case "token":
		if len(args) < 2 {
			return errors.New("token needs a subcommand: create, list or revoke")
		}
		return token(ctx, args[1], args[2:], stdout, log)
	case "member":
		if len(args) < 2 || args[1] != "create" {
			return errors.New("member needs a subcommand: create")
		}
		return memberCreate(ctx, args[2:], stdout, log)
	case "reprocess":
		return reprocess(ctx, args[1:], stdout, os.Stderr, log)
	case "scan":
		return scan(ctx, args[1:], stdout, os.Stderr, log)
	case "check":
		return check(ctx, args[1:], stdout, log)
	case "backup":
		return backup(ctx, args[1:], stdout, log)
	case "import":
		return importCmd(ctx, args[1:], stdout, os.Stderr, log)
	case "export":
		return export(ctx, args[1:], stdout, log)
	case "bench":
		return bench(ctx, args[1:], stdout, os.Stderr, log)
	case "derivatives":
		return derivatives(ctx, args[1:], stdout, log)
	case "help", "-h", "--help":
		printUsage(os.Stderr)
		return nil
	}
	return fmt.Errorf("unknown command %q (try mediagraph help)", args[0])
}

func open(ctx context.Context, name string, args []string, log *slog.Logger, extra ...func(*flag.FlagSet)) (*server.App, []string, error) {
	cfg, rest, err := config.Load(name, args, extra...)
	if err != nil {
		return nil, nil, err
	}
	if err := configureLog(log, cfg); err != nil {
		return nil, nil, err
	}
	app, err := server.Open(ctx, cfg, log)
	return app, rest, err
}

func serve(ctx context.Context, args []string, log *slog.Logger) error {
	server.TuneRuntime()
	app, _, err := open(ctx, "serve", args, log)
	if err != nil {
		return err
	}
	defer app.Close()
	app.LimitMemory()
	ln, err := net.Listen("tcp", app.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	if err := app.StartJobs(ctx); err != nil {
		return err
	}
	token, err := app.Media.Tokens.EnsureFirstToken(ctx)
	if err != nil {
		return fmt.Errorf("create the first admin token: %w", err)
	}
	if token != "" {
		fmt.Fprintf(os.Stderr, "\n  First start: created an ADMIN API token. It is shown only this once:\n\n    %s\n\n"+
			"  Use it as  Authorization: Bearer <token>  (GraphiQL: %s/graphiql, Headers tab).\n\n", token, app.Config.PublicURL)
		if err := printFirstMember(ctx, app); err != nil {
			return err
		}
	}
	if app.Config.ClamdAddr == "" {
		log.Warn("antivirus scanning is off: MEDIAGRAPH_CLAMD_ADDR is not set, so new files are marked SKIPPED (no scanner configured)")
	} else if err := app.Media.Antivirus.Ping(ctx); err != nil {
		log.Warn("clamd does not answer; scans are retried until it does", "addr", app.Config.ClamdAddr, "err", err)
	} else {
		log.Info("antivirus scanning with clamd", "addr", app.Config.ClamdAddr)
	}
	log.Info("mediagraph listening", "addr", ln.Addr().String(), "graphiql", app.Config.PublicURL+"/graphiql")
	return app.Serve(ctx, ln)
}

func token(ctx context.Context, sub string, args []string, stdout io.Writer, log *slog.Logger) error {
	var role, name string
	var moderator bool
	flags := func(fs *flag.FlagSet) {
		if sub == "create" {
			fs.StringVar(&role, "role", "", "ADMIN, EDITOR or DELIVERY")
			fs.StringVar(&name, "name", "", "who or what uses the token")
			fs.BoolVar(&moderator, "moderator", false, "let an EDITOR token moderate assets (moderateAssets)")
		}
	}
	app, rest, err := open(ctx, "token "+sub, args, log, flags)
	if err != nil {
		return err
	}
	defer app.Close()
	ctx = access.WithPrincipal(ctx, access.Operator)
	switch sub {
	case "create":
		_, secret, err := app.Media.Tokens.CreateModeratorToken(ctx, name, models.Role(role), moderator)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, secret)
		return nil
	case "list":
		tokens, err := app.Media.Tokens.ListTokens(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tROLE\tNAME\tCREATED\tLAST USED\tREVOKED")
		for _, t := range tokens {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, t.Name, t.CreatedAt.Format(time.RFC3339), when(t.LastUsedAt), when(t.RevokedAt))
		}
		return tw.Flush()
	case "revoke":
		if len(rest) != 1 {
			return errors.New("usage: mediagraph token revoke ID")
		}
		_, err := app.Media.Tokens.RevokeToken(ctx, rest[0])
		return err
	}
	return fmt.Errorf("unknown token subcommand %q: use create, list or revoke", sub)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, usage)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, s := range config.Settings() {
		def := s.Default
		if def == "" {
			def = "-"
		}
		fmt.Fprintf(tw, "  --%s\t$%s\t(default %s)\t%s\n", s.Flag, s.Name, def, s.Description)
	}
	tw.Flush()
}

func when(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.RFC3339)
}
