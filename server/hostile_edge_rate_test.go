package server_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// serveOnLoopback runs the app's own Serve (whose connection limits the test server lacks) on a
// fresh loopback port, and returns a copy of s that talks to it.
func serveOnLoopback(t *testing.T, s *apptest.Server) *apptest.Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.App.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	served := *s
	served.URL = "http://" + ln.Addr().String()
	return &served
}

// TestSlowBodiesAreCutOff: a body sent a byte at a time loses its connection once the grace is over,
// long before it is all sent, while a large upload at loopback speed completes.
func TestSlowBodiesAreCutOff(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t), func(c *config.Config) {
		c.BodyGrace = 300 * time.Millisecond
		c.BodyMinRate = 1000
	})
	served := serveOnLoopback(t, s)
	editor := s.Token("EDITOR")

	if up := served.MustUpload(editor, nil, apptest.Fixture(t, "photo-12mp.jpg")); len(up) != 1 || up[0].Width == nil {
		t.Fatalf("a large upload at full speed: %+v", up)
	}

	conn, err := net.Dial("tcp", served.URL[len("http://"):])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const length = 600 // a byte every 100 ms: a minute to send it all
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", editor, length)
	sent := make(chan int, 1)
	stop := make(chan struct{})
	go func() {
		n := 0
		for ; n < length; n++ {
			select {
			case <-stop:
				sent <- n
				return
			case <-time.After(100 * time.Millisecond):
			}
			if _, err := conn.Write([]byte(" ")); err != nil {
				break
			}
		}
		sent <- n
	}()
	conn.SetReadDeadline(time.Now().Add(2 * time.Minute)) // only so a broken server cannot hang the test
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	close(stop)
	if err != nil {
		t.Fatalf("no answer to a slow body: %v", err)
	}
	res.Body.Close()
	if n := <-sent; n >= length || res.StatusCode != http.StatusBadRequest {
		t.Errorf("HTTP %d after %d of %d bytes; want a 400 before the body was all sent", res.StatusCode, n, length)
	}
}
