// Package apptest starts a whole Mediagraph on a loopback port and talks to it over real HTTP, the way
// clients do: GraphQL requests with bearer tokens and multipart uploads.
package apptest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/tests3"
	"github.com/mediagraph/mediagraph/jobs"
	"github.com/mediagraph/mediagraph/server"
)

// Server is a running Mediagraph.
type Server struct {
	URL string
	App *server.App
	// Admin is the first ADMIN token, created as on a first start.
	Admin string
	tb    testing.TB
}

// Start runs Mediagraph on the database at dbURL. configure may adjust the configuration, which starts
// from the zero-config defaults plus locales en, it, de with it→en and de→en fallbacks, and vision off.
func Start(tb testing.TB, dbURL string, configure ...func(*config.Config)) *Server {
	tb.Helper()
	return StartSubscribed(tb, dbURL, nil, configure...)
}

// StartSubscribed is Start with subscribers to the catalogue's events, attached before the jobs
// start so that they see every event, those left undelivered in the database included.
func StartSubscribed(tb testing.TB, dbURL string, subscribers []jobs.Subscriber, configure ...func(*config.Config)) *Server {
	tb.Helper()
	cfg := config.Defaults()
	cfg.DataDir = tb.TempDir()
	cfg.DatabaseURL = dbURL
	cfg.Locales = []string{"en", "it", "de"}
	cfg.LocaleFallbacks = map[string][]string{"it": {"en"}, "de": {"en"}}
	// The pixel analysis is a background job whose tags would land in other tests' lists at any
	// moment: the tests of vision turn it on.
	cfg.Vision = "off"
	for _, f := range configure {
		f(&cfg)
	}
	hs := httptest.NewUnstartedServer(nil)
	cfg.PublicURL = "http://" + hs.Listener.Addr().String()
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(testWriter{tb}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	app, err := server.Open(ctx, cfg, log)
	if err != nil {
		hs.Close()
		tb.Fatal(err)
	}
	for _, sub := range subscribers {
		app.Subscribe(sub)
	}
	if err := app.StartJobs(ctx); err != nil {
		app.Close()
		hs.Close()
		tb.Fatal(err)
	}
	admin, err := app.Media.Tokens.EnsureFirstToken(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	hs.Config.Handler = app.Handler()
	hs.Start()
	tb.Cleanup(func() {
		hs.Close()
		app.Close()
	})
	return &Server{URL: hs.URL, App: app, Admin: admin, tb: tb}
}

// Client talks to a Mediagraph that runs elsewhere, such as in another process; it has no App.
func Client(tb testing.TB, url string) *Server { return &Server{URL: url, tb: tb} }

// Setup starts a server on one of the supported setups, with optional extra configuration.
type Setup func(tb testing.TB, configure ...func(*config.Config)) *Server

// Each runs f on every supported setup: SQLite with the local disk, PostgreSQL with the local disk,
// and PostgreSQL with S3, each with an empty database and store.
func Each(t *testing.T, f func(t *testing.T, start Setup)) {
	t.Run("sqlite+disk", func(t *testing.T) {
		f(t, func(tb testing.TB, configure ...func(*config.Config)) *Server {
			return Start(tb, testdb.SQLite(tb), configure...)
		})
	})
	t.Run("postgres+disk", func(t *testing.T) {
		f(t, func(tb testing.TB, configure ...func(*config.Config)) *Server {
			return Start(tb, testdb.Postgres(tb), configure...)
		})
	})
	t.Run("postgres+s3", func(t *testing.T) {
		f(t, func(tb testing.TB, configure ...func(*config.Config)) *Server {
			return Start(tb, testdb.Postgres(tb), append([]func(*config.Config){S3(tb)}, configure...)...)
		})
	})
}

// S3 configures the server to keep its bytes in a fresh bucket of the test S3 server.
func S3(tb testing.TB) func(*config.Config) {
	b := tests3.Bucket(tb)
	tb.Setenv("AWS_ACCESS_KEY_ID", b.AccessKeyID)
	tb.Setenv("AWS_SECRET_ACCESS_KEY", b.SecretAccessKey)
	return func(c *config.Config) {
		c.S3 = config.S3{Bucket: b.Bucket, Region: b.Region, Endpoint: b.Endpoint, ForcePathStyle: b.ForcePathStyle}
	}
}

// testWriter sends the server's log to the test's log, so failures show what the server said.
type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// Response is a GraphQL response.
type Response struct {
	Status int
	Data   json.RawMessage
	Errors []Error
}

// Error is one GraphQL error.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code is the extensions.code of the first error, or "" when there was none.
func (r Response) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	code, _ := r.Errors[0].Extensions["code"].(string)
	return code
}

// Decode unmarshals data into v (unless nil), failing the test when the response carries errors.
func (r Response) Decode(tb testing.TB, v any) {
	tb.Helper()
	if len(r.Errors) > 0 {
		tb.Fatalf("unexpected errors: %+v", r.Errors)
	}
	if v == nil {
		return
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		tb.Fatalf("decode %s: %v", r.Data, err)
	}
}

// Query posts a GraphQL request with token as bearer ("" sends none).
func (s *Server) Query(token, query string, vars map[string]any) Response {
	s.tb.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		s.tb.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		s.tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return s.Do(token, req)
}

// Must runs Query and decodes the data into v, failing on any error.
func (s *Server) Must(token, query string, vars map[string]any, v any) {
	s.tb.Helper()
	s.Query(token, query, vars).Decode(s.tb, v)
}

// Do sends a prepared request with token as bearer and reads a GraphQL response.
func (s *Server) Do(token string, req *http.Request) Response {
	s.tb.Helper()
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		s.tb.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		s.tb.Fatal(err)
	}
	out := Response{Status: res.StatusCode}
	if err := json.Unmarshal(raw, &out); err != nil {
		s.tb.Fatalf("status %d, body not JSON: %q", res.StatusCode, raw)
	}
	return out
}

// File is one file of an upload.
type File struct {
	Name    string
	Content io.Reader
}

// Fixture opens a file of the shared fixtures directory.
func Fixture(tb testing.TB, name string) File {
	tb.Helper()
	f, err := os.Open(fixtures.Path(name))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return File{Name: name, Content: f}
}

// uploadQuery uploads files through uploadAssets and returns the ids of the new assets.
const uploadQuery = `mutation($files: [Upload!]!, $input: UploadAssetsInput) {
  uploadAssets(files: $files, input: $input) { id filename kind width height status }
}`

// Upload sends an uploadAssets request following the GraphQL multipart request spec.
func (s *Server) Upload(token string, input map[string]any, files ...File) Response {
	s.tb.Helper()
	vars := map[string]any{"files": make([]any, len(files)), "input": input}
	paths := make([]string, len(files))
	for i := range files {
		paths[i] = fmt.Sprintf("variables.files.%d", i)
	}
	return s.Multipart(token, uploadQuery, vars, paths, files...)
}

// Multipart sends a GraphQL multipart request: files[i] fills the variable at paths[i] (such as
// "variables.file"), whose value in vars should be null.
func (s *Server) Multipart(token, query string, vars map[string]any, paths []string, files ...File) Response {
	s.tb.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	w.WriteField("operations", string(ops))
	fileMap := map[string][]string{}
	for i := range files {
		fileMap[fmt.Sprint(i)] = []string{paths[i]}
	}
	m, _ := json.Marshal(fileMap)
	w.WriteField("map", string(m))
	for i, f := range files {
		part, err := w.CreateFormFile(fmt.Sprint(i), f.Name)
		if err != nil {
			s.tb.Fatal(err)
		}
		if _, err := io.Copy(part, f.Content); err != nil {
			s.tb.Fatal(err)
		}
	}
	w.Close()
	req, err := http.NewRequest(http.MethodPost, s.URL+"/graphql", &body)
	if err != nil {
		s.tb.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return s.Do(token, req)
}

// UploadedAsset is what uploadQuery selects.
type UploadedAsset struct {
	ID       string
	Filename string
	Kind     string
	Width    *int
	Height   *int
	Status   string
}

// MustUpload uploads files and returns the new assets, failing on any error.
func (s *Server) MustUpload(token string, input map[string]any, files ...File) []UploadedAsset {
	s.tb.Helper()
	var out struct{ UploadAssets []UploadedAsset }
	s.Upload(token, input, files...).Decode(s.tb, &out)
	return out.UploadAssets
}

// Token creates an API token of role through the admin token and returns its secret.
func (s *Server) Token(role string) string {
	s.tb.Helper()
	var out struct {
		CreateAPIToken struct{ Secret string } `json:"createApiToken"`
	}
	s.Must(s.Admin, `mutation($in: CreateApiTokenInput!) { createApiToken(input: $in) { secret } }`,
		map[string]any{"in": map[string]any{"role": role, "name": "test " + strings.ToLower(role)}}, &out)
	return out.CreateAPIToken.Secret
}

// Rows counts the rows of a table, for checks that a failed request wrote nothing.
func (s *Server) Rows(table string) int64 {
	s.tb.Helper()
	var n int64
	if err := s.App.DB.Gorm().Table(table).Count(&n).Error; err != nil {
		s.tb.Fatal(err)
	}
	return n
}

// Files lists every file under the data directory (blobs and temporary files), for checks that a
// failed request left nothing behind.
func (s *Server) Files() []string {
	s.tb.Helper()
	var files []string
	err := filepath.WalkDir(s.App.Config.DataDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasPrefix(d.Name(), "mediagraph.db") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		s.tb.Fatal(err)
	}
	return files
}

// AnyType configures the server to accept files of every type, those a browser runs included, for
// tests of what happens to them once stored.
func AnyType(c *config.Config) {
	c.UploadTypes = []string{"*/*", "text/html", "application/xhtml+xml", "image/svg+xml", "text/javascript", "application/javascript"}
}

// Settle waits until the background analysis of every upload so far has ended, for tests that read
// the facts it adds (colors, placeholders, damage) or count the events it records: the outbox has
// queued the jobs of every event, and no analysis job is left to run.
func (s *Server) Settle() {
	s.tb.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(settleWithin)
	for {
		events, err := s.App.DB.PendingEvents(ctx, 1)
		if err != nil {
			s.tb.Fatal(err)
		}
		counts, err := jobs.Counts(ctx, s.App.DB)
		if err != nil {
			s.tb.Fatal(err)
		}
		var running int64
		for _, c := range counts {
			if c.Kind == jobs.AnalysisKind && c.State != "completed" && c.State != "cancelled" && c.State != "discarded" {
				running += c.N
			}
		}
		if len(events) == 0 && running == 0 {
			return
		}
		if time.Now().After(deadline) {
			s.tb.Fatalf("%d analyses still to run (and %d events undelivered) after %s", running, len(events), settleWithin)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// settleWithin bounds Settle: analyses on a loaded test machine take well under a second each.
const settleWithin = time.Minute
