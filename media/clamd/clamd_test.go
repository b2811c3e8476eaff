package clamd_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
	"github.com/mediagraph/mediagraph/media/clamd"
)

func client(t testing.TB, addr string) *clamd.Client {
	t.Helper()
	// clamd decodes images for their fuzzy hash: a 12 MP JPEG takes it seconds on a busy machine.
	c, err := clamd.New(addr, 2*time.Second, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Both transports reach the real daemon: EICAR is found by name, a photo is clean, PING answers.
func TestScanOverSocketAndTCP(t *testing.T) {
	d := testclamd.Start(t, testclamd.Options{})
	eicar := testclamd.EICAR(t)
	photo := fixtures.Read(t, "photo-12mp.jpg")
	for _, addr := range []string{d.Socket, d.TCP} {
		t.Run(strings.SplitN(addr, ":", 2)[0], func(t *testing.T) {
			c := client(t, addr)
			if err := c.Ping(context.Background()); err != nil {
				t.Fatalf("ping: %v", err)
			}
			v, err := c.Scan(context.Background(), bytes.NewReader(eicar))
			if err != nil || !v.Infected || !strings.HasPrefix(v.Threat, "Mediagraph.EICAR") {
				t.Fatalf("EICAR: %+v, %v", v, err)
			}
			v, err = c.Scan(context.Background(), bytes.NewReader(photo))
			if err != nil || v.Infected {
				t.Fatalf("photo: %+v, %v", v, err)
			}
		})
	}
}

// EICAR inside a larger file is found by the text signature, past the first chunk.
func TestScanFindsSignatureAfterFirstChunk(t *testing.T) {
	d := testclamd.Start(t, testclamd.Options{})
	body := append(bytes.Repeat([]byte{' '}, 200<<10), testclamd.EICAR(t)...)
	v, err := client(t, d.TCP).Scan(context.Background(), bytes.NewReader(body))
	if err != nil || !strings.HasPrefix(v.Threat, "Mediagraph.EICAR.NDB") {
		t.Fatalf("got %+v, %v", v, err)
	}
}

// A stream over clamd's StreamMaxLength is reported as too large, never as clean.
func TestScanOverStreamMaxLength(t *testing.T) {
	d := testclamd.Start(t, testclamd.Options{StreamMaxLength: "1M"})
	photo := fixtures.Read(t, "photo-12mp.jpg")
	if len(photo) <= 1<<20 {
		t.Fatalf("fixture of %d bytes is not over the limit", len(photo))
	}
	for _, addr := range []string{d.Socket, d.TCP} {
		_, err := client(t, addr).Scan(context.Background(), bytes.NewReader(photo))
		if !errors.Is(err, clamd.ErrTooLarge) {
			t.Fatalf("%s: want ErrTooLarge, got %v", addr, err)
		}
	}
}

// A daemon that is down is unavailable (worth a retry), on both transports.
func TestScanDaemonDown(t *testing.T) {
	d := testclamd.Start(t, testclamd.Options{})
	d.Stop()
	for _, addr := range []string{d.Socket, d.TCP} {
		_, err := client(t, addr).Scan(context.Background(), bytes.NewReader([]byte("hello")))
		if !errors.Is(err, clamd.ErrUnavailable) {
			t.Fatalf("%s: want ErrUnavailable, got %v", addr, err)
		}
		if err := client(t, addr).Ping(context.Background()); !errors.Is(err, clamd.ErrUnavailable) {
			t.Fatalf("%s: ping: want ErrUnavailable, got %v", addr, err)
		}
	}
}

// A source that fails is reported as its own error, not as clamd's.
func TestScanSourceError(t *testing.T) {
	d := testclamd.Start(t, testclamd.Options{})
	_, err := client(t, d.TCP).Scan(context.Background(), failingReader{})
	if !errors.Is(err, os.ErrClosed) || errors.Is(err, clamd.ErrUnavailable) {
		t.Fatalf("got %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, os.ErrClosed }

func TestNewRefusesBadAddresses(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:3310", "tcp://nohost", "unix://", "http://x:1", "::"} {
		if _, err := clamd.New(addr, time.Second, time.Second); err == nil {
			t.Errorf("%q accepted", addr)
		}
	}
}

// fakeClamd accepts connections on loopback and answers each as reply says (nil: never answers).
func fakeClamd(t *testing.T, reply func(net.Conn)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				go io.Copy(io.Discard, conn) // take the stream, as clamd does
				if reply != nil {
					reply(conn)
				}
				time.Sleep(2 * time.Second) // hold the connection: the client must give up by itself
			}()
		}
	}()
	return "tcp://" + l.Addr().String()
}

// A daemon that stalls, talks nonsense or floods is unavailable — the scan is retried — never clean.
func TestScanHostileDaemon(t *testing.T) {
	for name, reply := range map[string]func(net.Conn){
		"silent":   nil,
		"nonsense": func(c net.Conn) { c.Write([]byte("stream: maybe\x00")) },
		"flood":    func(c net.Conn) { c.Write(bytes.Repeat([]byte("A"), 1<<20)) },
		"hang-up":  func(c net.Conn) { c.Close() },
	} {
		t.Run(name, func(t *testing.T) {
			c, err := clamd.New(fakeClamd(t, reply), time.Second, 200*time.Millisecond)
			if err != nil {
				t.Fatal(err)
			}
			v, err := c.Scan(context.Background(), bytes.NewReader([]byte("hello")))
			if !errors.Is(err, clamd.ErrUnavailable) || v.Infected {
				t.Errorf("got %+v, %v; want ErrUnavailable", v, err)
			}
		})
	}
}

// A scan whose context ends stops at once, with the context's error.
func TestScanCancelled(t *testing.T) {
	c, err := clamd.New(fakeClamd(t, nil), time.Second, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	if _, err := c.Scan(ctx, bytes.NewReader([]byte("hello"))); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
