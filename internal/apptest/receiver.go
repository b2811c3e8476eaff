package apptest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
)

// Received is a request a Receiver got.
type Received struct {
	Header http.Header
	Body   []byte
}

// Receiver is a webhook receiver on a loopback port: it keeps every request and answers the status
// its answer function gives for the n-th one (from 0).
type Receiver struct {
	URL    string
	mu     sync.Mutex
	got    []Received
	answer func(n int) int
	more   chan struct{}
}

// NewReceiver starts a receiver; nil answer is always 200.
func NewReceiver(tb testing.TB, answer func(n int) int) *Receiver {
	if answer == nil {
		answer = func(int) int { return http.StatusOK }
	}
	r := &Receiver{answer: answer, more: make(chan struct{}, 1)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		n := len(r.got)
		r.got = append(r.got, Received{Header: req.Header.Clone(), Body: body})
		r.mu.Unlock()
		select {
		case r.more <- struct{}{}:
		default:
		}
		w.WriteHeader(r.answer(n))
	}))
	tb.Cleanup(srv.Close)
	r.URL = srv.URL + "/hook"
	return r
}

// All returns the requests received so far.
func (r *Receiver) All() []Received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

// Wait returns the requests once at least n arrived, failing the test after two minutes.
func (r *Receiver) Wait(tb testing.TB, n int) []Received {
	tb.Helper()
	deadline := time.After(2 * time.Minute)
	for {
		if got := r.All(); len(got) >= n {
			return got
		}
		select {
		case <-r.more:
		case <-time.After(100 * time.Millisecond):
		case <-deadline:
			tb.Fatalf("receiver: %d requests after two minutes, want %d", len(r.All()), n)
		}
	}
}

// Webhooks lets webhooks reach loopback receivers and retries their deliveries after retryBase.
func Webhooks(retryBase time.Duration) func(*config.Config) {
	return func(c *config.Config) {
		c.FetchAllow = append(c.FetchAllow, netip.MustParsePrefix("127.0.0.0/8"))
		c.WebhookRetryBase = retryBase
	}
}
