// Package clamd is a client of the ClamAV daemon: it streams bytes to clamd with INSTREAM, over TCP
// or a Unix socket, and reads its verdict. Nothing here knows about assets; the library decides what
// a verdict means for a version.
package clamd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"time"
)

// chunkSize is the most bytes one INSTREAM chunk carries; clamd takes any size up to its
// StreamMaxLength, so this only bounds the buffer held here.
const chunkSize = 64 << 10

// maxReply bounds what is read of clamd's answer, a single short line.
const maxReply = 4 << 10

// ErrTooLarge reports that the stream is longer than clamd's StreamMaxLength: clamd scanned nothing.
var ErrTooLarge = errors.New("clamd: the file is larger than its StreamMaxLength")

// ErrUnavailable wraps every failure to reach clamd or to hear its answer in time (down, restarting,
// too slow): trying again later may succeed.
var ErrUnavailable = errors.New("clamd unavailable")

// Verdict is what clamd found in a stream.
type Verdict struct {
	// Infected is set when a signature matched; Threat names it (such as "Win.Test.EICAR_HDB-1").
	Infected bool
	Threat   string
}

// Client talks to one clamd.
type Client struct {
	network, address string
	// ConnectTimeout bounds a connection; ReadTimeout bounds each write and the wait for the verdict,
	// which clamd sends once it has scanned everything.
	ConnectTimeout time.Duration
	ReadTimeout    time.Duration
}

// New parses an address such as tcp://127.0.0.1:3310 or unix:///run/clamav/clamd.ctl.
func New(addr string, connectTimeout, readTimeout time.Duration) (*Client, error) {
	u, err := url.Parse(addr)
	if err != nil {
		return nil, fmt.Errorf("clamd address %q: %w", addr, err)
	}
	c := &Client{ConnectTimeout: connectTimeout, ReadTimeout: readTimeout}
	switch u.Scheme {
	case "tcp":
		if _, _, err := net.SplitHostPort(u.Host); err != nil {
			return nil, fmt.Errorf("clamd address %q: want tcp://host:port", addr)
		}
		c.network, c.address = "tcp", u.Host
	case "unix":
		if u.Path == "" {
			return nil, fmt.Errorf("clamd address %q: want unix:///path/to/clamd.sock", addr)
		}
		c.network, c.address = "unix", u.Path
	default:
		return nil, fmt.Errorf("clamd address %q: want tcp://host:port or unix:///path", addr)
	}
	return c, nil
}

// String is the address, for logs.
func (c *Client) String() string { return c.network + "://" + c.address }

// Ping checks that clamd answers.
func (c *Client) Ping(ctx context.Context) error {
	conn, err := c.dial(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := c.send(conn, []byte("zPING\x00")); err != nil {
		return err
	}
	reply, err := c.reply(conn)
	if err != nil {
		return err
	}
	if reply != "PONG" {
		return fmt.Errorf("%w: PING answered %q", ErrUnavailable, reply)
	}
	return nil
}

// Scan streams r to clamd, a chunk at a time (never the whole file in memory), and returns its
// verdict. A read error of r is returned as it is; a stream above clamd's limit is ErrTooLarge.
func (c *Client) Scan(ctx context.Context, r io.Reader) (Verdict, error) {
	conn, err := c.dial(ctx)
	if err != nil {
		return Verdict{}, err
	}
	defer conn.Close()
	// Closing the connection is what interrupts a blocked write or read when ctx ends.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if err := c.stream(conn, r); err != nil {
		// clamd answers a stream over its limit and hangs up while we still write: its reply says so.
		var src *sourceError
		if errors.As(err, &src) {
			return Verdict{}, src.err
		}
		if reply, rerr := c.reply(conn); rerr == nil && strings.Contains(reply, "size limit exceeded") {
			return Verdict{}, ErrTooLarge
		}
		return Verdict{}, c.interrupted(ctx, err)
	}
	reply, err := c.reply(conn)
	if err != nil {
		return Verdict{}, c.interrupted(ctx, err)
	}
	return parseVerdict(reply)
}

// stream sends the INSTREAM command, r in length-prefixed chunks, then the empty chunk that ends it.
func (c *Client) stream(conn net.Conn, r io.Reader) error {
	if err := c.send(conn, []byte("zINSTREAM\x00")); err != nil {
		return err
	}
	buf := make([]byte, 4+chunkSize)
	for {
		n, err := io.ReadFull(r, buf[4:])
		if n > 0 {
			binary.BigEndian.PutUint32(buf[:4], uint32(n))
			if werr := c.send(conn, buf[:4+n]); werr != nil {
				return werr
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return &sourceError{err}
		}
	}
	return c.send(conn, []byte{0, 0, 0, 0})
}

// sourceError is a failure to read the bytes being scanned, not one of clamd's.
type sourceError struct{ err error }

func (e *sourceError) Error() string { return "read the bytes to scan: " + e.err.Error() }
func (e *sourceError) Unwrap() error { return e.err }

// interrupted names why a scan stopped half-way: the caller's context ending, or clamd.
func (c *Client) interrupted(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("%w: scan over %s: %w", ErrUnavailable, c, err)
}

func (c *Client) dial(ctx context.Context) (net.Conn, error) {
	d := net.Dialer{Timeout: c.ConnectTimeout}
	conn, err := d.DialContext(ctx, c.network, c.address)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%w: connect to %s: %w", ErrUnavailable, c, err)
	}
	return conn, nil
}

func (c *Client) send(conn net.Conn, b []byte) error {
	if err := conn.SetWriteDeadline(time.Now().Add(c.ReadTimeout)); err != nil {
		return err
	}
	_, err := conn.Write(b)
	return err
}

// reply reads clamd's answer: one line ended by NUL (the z- commands), without it.
func (c *Client) reply(conn net.Conn) (string, error) {
	if err := conn.SetReadDeadline(time.Now().Add(c.ReadTimeout)); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(io.LimitReader(conn, maxReply)).ReadBytes(0)
	if err != nil && !(errors.Is(err, io.EOF) && len(line) > 0) {
		return "", fmt.Errorf("%w: read the answer of %s: %w", ErrUnavailable, c, err)
	}
	return string(bytes.TrimRight(line, "\x00\n")), nil
}

// parseVerdict reads "stream: OK", "stream: <name> FOUND" or "<reason> ERROR".
func parseVerdict(reply string) (Verdict, error) {
	body := strings.TrimPrefix(reply, "stream: ")
	switch {
	case body == "OK":
		return Verdict{}, nil
	case strings.HasSuffix(body, " FOUND"):
		return Verdict{Infected: true, Threat: strings.TrimSuffix(body, " FOUND")}, nil
	case strings.Contains(body, "size limit exceeded"):
		return Verdict{}, ErrTooLarge
	}
	// Any other answer is clamd failing (out of memory, reloading its database): it may pass.
	return Verdict{}, fmt.Errorf("%w: clamd answered %q", ErrUnavailable, reply)
}
