package httperr

import (
	"context"
	"errors"
	"io"
	"net/http"
	"syscall"
)

// ClientGone reports whether a request failed because its client went away — it cancelled, or
// its connection broke — rather than because of the service. Such a failure is logged at info: the
// service did nothing wrong and nobody is left to read an answer.
func ClientGone(r *http.Request, err error) bool {
	return errors.Is(r.Context().Err(), context.Canceled) || errors.Is(err, context.Canceled) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// Body is a request body that remembers its first read error other than io.EOF, so that a handler
// whose store failed while reading it can tell the client's failures (a body cut short, too slow,
// too large) from the store's own.
type Body struct {
	io.ReadCloser
	Err error
}

func (b *Body) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF && b.Err == nil {
		b.Err = err
	}
	return n, err
}
