package server_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/examples/events/verify"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// eventsExamples is the folder of the README's event snippets, from the module root.
const eventsExamples = "../examples/events"

// TestReadmeSnippetsMatchExamples keeps the README's verification snippets the code the tests run.
func TestReadmeSnippetsMatchExamples(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	goSrc, err := os.ReadFile(filepath.Join(eventsExamples, "verify", "verify.go"))
	if err != nil {
		t.Fatal(err)
	}
	tsSrc, err := os.ReadFile(filepath.Join(eventsExamples, "verify.ts"))
	if err != nil {
		t.Fatal(err)
	}
	goFunc := string(goSrc[strings.Index(string(goSrc), "// Verify tells"):])
	for name, snippet := range map[string]string{"Go": goFunc, "TypeScript": string(tsSrc)} {
		if !strings.Contains(string(readme), snippet) {
			t.Errorf("the README's %s snippet differs from examples/events", name)
		}
	}
}

// nodeModules installs the pinned packages of examples/events (package-lock.json) unless they are.
func nodeModules(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed: the TypeScript snippet is not run (apt-get install nodejs npm)")
	}
	if _, err := os.Stat(filepath.Join(eventsExamples, "node_modules", "graphql-ws")); err == nil {
		return
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = eventsExamples
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in examples/events: %v\n%s", err, out)
	}
}

// TestWebhookSnippetsVerifyRealDelivery runs the README's Go and TypeScript snippets on a real ping:
// each accepts it with the webhook's secret, and refuses it with another secret or a changed body.
func TestWebhookSnippetsVerifyRealDelivery(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), apptest.Webhooks(time.Second))
	rec := apptest.NewReceiver(t, nil)
	hook, secret := newWebhook(t, s, rec.URL, nil)
	s.Must(s.Admin, `mutation($id: ID!) { testWebhook(id: $id) { id } }`, map[string]any{"id": hook}, nil)
	got := rec.Wait(t, 1)[0]
	header := got.Header.Get("Mediagraph-Signature")
	tampered := append([]byte(strings.TrimSuffix(string(got.Body), "}")), []byte(`,"x":1}`)...)
	cases := []struct {
		name   string
		body   []byte
		secret string
		valid  bool
	}{{"genuine", got.Body, secret, true}, {"another secret", got.Body, secret + "x", false}, {"changed body", tampered, secret, false}}

	for _, c := range cases {
		if ok := verify.Verify(c.body, header, c.secret, 5*time.Minute); ok != c.valid {
			t.Errorf("Go snippet, %s: %v, want %v", c.name, ok, c.valid)
		}
	}
	t.Run("typescript", func(t *testing.T) {
		nodeModules(t)
		for _, c := range cases {
			body := filepath.Join(t.TempDir(), "body.json")
			if err := os.WriteFile(body, c.body, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("node", filepath.Join(eventsExamples, "run-verify.mjs"), body, header, c.secret).CombinedOutput()
			if err != nil {
				t.Fatalf("node run-verify.mjs: %v\n%s", err, out)
			}
			if want := map[bool]string{true: "valid", false: "invalid"}[c.valid]; strings.TrimSpace(string(out)) != want {
				t.Errorf("TypeScript snippet, %s: %s, want %s", c.name, out, want)
			}
		}
	})
}
