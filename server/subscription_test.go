package server_test

import (
	"bufio"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/notify"
)

// subscriberProcess runs examples/events/subscribe.mjs (the graphql-ws client) against server, one
// subscription per token, and waits until the server counts them all.
type subscriberProcess struct {
	lines chan string
}

func subscribe(t *testing.T, server *apptest.Server, tokens ...string) *subscriberProcess {
	t.Helper()
	nodeModules(t)
	url := "ws" + strings.TrimPrefix(server.URL, "http") + "/graphql"
	cmd := exec.Command("node", append([]string{filepath.Join(eventsExamples, "subscribe.mjs"), url}, tokens...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	p := &subscriberProcess{lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
		close(p.lines)
	}()
	for deadline := time.Now().Add(time.Minute); server.App.Media.Subscriptions.Active() < len(tokens); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d subscriptions after a minute", server.App.Media.Subscriptions.Active(), len(tokens))
		}
	}
	return p
}

// next returns the next line, failing after a minute.
func (p *subscriberProcess) next(t *testing.T) (who int, event, asset string, at time.Time) {
	t.Helper()
	select {
	case line, ok := <-p.lines:
		f := strings.Fields(line)
		if !ok || len(f) != 4 {
			t.Fatalf("subscriber said %q", line)
		}
		who, _ = strconv.Atoi(f[0])
		ms, _ := strconv.ParseInt(f[3], 10, 64)
		return who, f[1], f[2], time.UnixMilli(ms)
	case <-time.After(time.Minute):
		t.Fatal("no event after a minute")
	}
	return 0, "", "", time.Time{}
}

// TestSubscriptionsWithGraphqlWs subscribes with the graphql-ws npm client as an editor and as a
// DELIVERY token: the editor hears of a PRIVATE upload and a PUBLIC one, DELIVERY only of the PUBLIC.
func TestSubscriptionsWithGraphqlWs(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	sub := subscribe(t, s, editor, s.Token("DELIVERY"))
	private := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"))[0].ID
	public := s.MustUpload(editor, map[string]any{"status": "PUBLIC"}, apptest.Fixture(t, "anim.gif"))[0].ID
	got := map[string]bool{}
	for len(got) < 3 {
		who, event, asset, _ := sub.next(t)
		got[fmt.Sprint(who, event, asset)] = true
		if who == 1 && asset == private {
			t.Errorf("the DELIVERY token heard of the PRIVATE asset")
		}
	}
	for _, want := range []string{fmt.Sprint(0, "asset.created", private), fmt.Sprint(0, "asset.created", public), fmt.Sprint(1, "asset.created", public)} {
		if !got[want] {
			t.Errorf("missing %q among %v", want, got)
		}
	}
}

// TestTwoInstancesOnePostgres runs two servers on one database: a subscriber on B hears of uploads
// made on A (the delay is logged), and a webhook gets each event once although both instances work
// the queue.
func TestTwoInstancesOnePostgres(t *testing.T) {
	url := testdb.Postgres(t)
	a := apptest.Start(t, url, apptest.Webhooks(time.Second))
	b := apptest.Start(t, url, apptest.Webhooks(time.Second))
	rec := apptest.NewReceiver(t, nil)
	newWebhook(t, a, rec.URL, map[string]any{"events": []string{"asset.created"}})
	editor := a.Token("EDITOR")
	sub := subscribe(t, b, editor)
	var delays []time.Duration
	fixtures := []string{"alpha.png", "anim.gif", "cmyk.jpg", "photo.webp", "focal-red-square.png"}
	for _, f := range fixtures {
		id := a.MustUpload(editor, nil, apptest.Fixture(t, f))[0].ID
		committed := time.Now()
		_, event, asset, at := sub.next(t)
		if event != "asset.created" || asset != id {
			t.Fatalf("instance B heard %s %s, want asset.created %s", event, asset, id)
		}
		delays = append(delays, at.Sub(committed))
	}
	t.Logf("from the commit on A to the subscriber on B: %v (poll interval %v)", delays, b.App.Config.SubscriptionPoll)
	rec.Wait(t, len(fixtures))
	time.Sleep(2 * time.Second) // a second delivery of any event would come about now
	if n := len(rec.All()); n != len(fixtures) {
		t.Errorf("the receiver got %d deliveries for %d events", n, len(fixtures))
	}
}

// TestSubscriptionLimits: a token holds at most 20 subscriptions at once, and may open one again once
// another ends; no token, or an unknown event, is refused.
func TestSubscriptionLimits(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	p, err := s.App.Media.Tokens.Authenticate(t.Context(), s.Token("DELIVERY"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(access.WithPrincipal(t.Context(), p))
	for i := range notify.MaxSubscriptionsPerToken {
		if _, err := s.App.Media.Subscriptions.Subscribe(ctx, nil, nil); err != nil {
			t.Fatalf("subscription %d: %v", i, err)
		}
	}
	second, cancelSecond := context.WithCancel(access.WithPrincipal(t.Context(), p))
	defer cancelSecond()
	_, err = s.App.Media.Subscriptions.Subscribe(second, nil, nil)
	if e, ok := access.AsError(err); !ok || e.Code != access.CodeRateLimited {
		t.Errorf("subscription 21: %v, want RATE_LIMITED", err)
	}
	cancel()
	for deadline := time.Now().Add(time.Minute); s.App.Media.Subscriptions.Active() > 0 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
	}
	if _, err := s.App.Media.Subscriptions.Subscribe(second, nil, nil); err != nil {
		t.Errorf("after the others ended: %v", err)
	}
	if _, err := s.App.Media.Subscriptions.Subscribe(t.Context(), nil, nil); err == nil {
		t.Error("a subscription without a token was accepted")
	}
	_, err = s.App.Media.Subscriptions.Subscribe(second, nil, []string{"asset.exploded"})
	if e, ok := access.AsError(err); !ok || e.Code != access.CodeValidationFailed {
		t.Errorf("unknown event: %v, want VALIDATION_FAILED", err)
	}
}
