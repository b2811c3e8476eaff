package clamd_test

import (
	"bytes"
	"context"
	"errors"
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
	c, err := clamd.New(addr, 2*time.Second, 10*time.Second)
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
