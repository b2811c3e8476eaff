package server

import (
	"io"
	"net/http"
	"time"
)

// minRate cuts off a request body that arrives slower than rate bytes a second once grace has
// passed. It replaces a fixed read timeout, which either cuts off large uploads on slow links or
// lets a slow-loris client hold a connection for its whole length: here the deadline moves on with
// every byte that arrives, and a client that stops sending loses its connection within grace.
func minRate(next http.Handler, grace time.Duration, rate int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		rc := http.NewResponseController(w)
		deadline := time.Now().Add(grace)
		if rc.SetReadDeadline(deadline) == nil { // else not a real connection: nothing to protect
			r.Body = &rateBody{ReadCloser: r.Body, rc: rc, deadline: deadline, grace: grace, rate: rate}
		}
		next.ServeHTTP(w, r)
	})
}

// rateBody moves the connection's read deadline on by the time its bytes earn at the minimum rate,
// banking at most grace ahead of now, so a fast start does not buy a long stall.
type rateBody struct {
	io.ReadCloser
	rc       *http.ResponseController
	deadline time.Time
	grace    time.Duration
	rate     int64
}

func (b *rateBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		// Once the body is in, the server watches the idle connection to notice a client leaving;
		// a deadline left behind would cancel the request when it passed.
		b.rc.SetReadDeadline(time.Time{})
		return n, err
	}
	if n > 0 {
		earned := b.deadline.Add(time.Duration(n) * time.Second / time.Duration(b.rate))
		if limit := time.Now().Add(b.grace); earned.After(limit) {
			earned = limit
		}
		if earned.After(b.deadline) {
			b.deadline = earned
			b.rc.SetReadDeadline(earned)
		}
	}
	return n, err
}
