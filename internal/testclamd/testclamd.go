// Package testclamd gives tests a real clamd: the machine's (Debian's clamav-daemon), started on a
// temporary Unix socket and a loopback TCP port with a tiny signature database written here, that
// knows the EICAR test file as Mediagraph.EICAR.HDB (by its MD5) and Mediagraph.EICAR.NDB (by its
// text). The stock database comes from the internet; this one needs nothing.
package testclamd

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/fixtures"
)

// eicarText is what the NDB signature looks for, so that the file matches even inside others.
const eicarText = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"

// Daemon is a running clamd.
type Daemon struct {
	// Socket is the unix:// address, TCP the tcp:// one; both reach the same daemon.
	Socket, TCP string
	dir, port   string
	cmd         *exec.Cmd
	exited      chan struct{}
}

// Options change the daemon's configuration.
type Options struct {
	// StreamMaxLength is clamd's limit of an INSTREAM (such as "1M"); empty: clamd's default, 25M.
	StreamMaxLength string
	// NoImageFuzzyHash turns off clamd's fuzzy hash of images (ScanImageFuzzyHash no), which decodes
	// every image it scans and costs seconds for a large photo.
	NoImageFuzzyHash bool
}

// EICAR is the EICAR test file, decoded from the shared fixture (it is stored encoded so that no
// scanner on the way quarantines the checkout).
func EICAR(tb testing.TB) []byte {
	tb.Helper()
	raw := fixtures.Read(tb, "eicar.com.txt.b64")
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(raw)))
	if err != nil {
		tb.Fatalf("testclamd: decode the EICAR fixture: %v", err)
	}
	return b
}

// Start starts a clamd for the test and stops it when the test ends.
func Start(tb testing.TB, opts Options) *Daemon {
	tb.Helper()
	bin, err := find()
	if err != nil {
		tb.Fatalf("testclamd: %v", err)
	}
	dir, err := os.MkdirTemp("", "mgclamd-") // short: a socket path has a length limit
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	d := &Daemon{dir: dir, port: freePort(tb)}
	d.Socket, d.TCP = "unix://"+filepath.Join(dir, "clamd.sock"), "tcp://127.0.0.1:"+d.port
	if err := d.writeConfig(tb, opts); err != nil {
		tb.Fatalf("testclamd: %v", err)
	}
	d.start(tb, bin)
	tb.Cleanup(d.Stop)
	return d
}

func (d *Daemon) writeConfig(tb testing.TB, opts Options) error {
	db := filepath.Join(d.dir, "db")
	if err := os.Mkdir(db, 0o755); err != nil {
		return err
	}
	eicar := EICAR(tb)
	sum := md5Hex(eicar)
	hdb := fmt.Sprintf("%s:%d:Mediagraph.EICAR.HDB\n", sum, len(eicar))
	ndb := "Mediagraph.EICAR.NDB:0:*:" + hex.EncodeToString([]byte(eicarText)) + "\n"
	conf := fmt.Sprintf("DatabaseDirectory %s\nLocalSocket %s\nTCPSocket %s\nTCPAddr 127.0.0.1\nForeground yes\nPidFile %s\n",
		db, filepath.Join(d.dir, "clamd.sock"), d.port, filepath.Join(d.dir, "clamd.pid"))
	if opts.StreamMaxLength != "" {
		conf += "StreamMaxLength " + opts.StreamMaxLength + "\n"
	}
	if opts.NoImageFuzzyHash {
		conf += "ScanImageFuzzyHash no\n"
	}
	for name, body := range map[string]string{"db/test.hdb": hdb, "db/test.ndb": ndb, "clamd.conf": conf} {
		if err := os.WriteFile(filepath.Join(d.dir, name), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (d *Daemon) start(tb testing.TB, bin string) {
	tb.Helper()
	d.cmd = exec.Command(bin, "-c", filepath.Join(d.dir, "clamd.conf"))
	d.cmd.Stdout, d.cmd.Stderr = io.Discard, io.Discard
	if err := d.cmd.Start(); err != nil {
		tb.Fatalf("testclamd: start %s: %v", bin, err)
	}
	d.exited = make(chan struct{})
	go func(cmd *exec.Cmd, exited chan struct{}) { cmd.Wait(); close(exited) }(d.cmd, d.exited)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if conn, err := net.Dial("tcp", "127.0.0.1:"+d.port); err == nil {
			conn.Close()
			return
		}
		select {
		case <-d.exited:
			tb.Fatalf("testclamd: clamd exited at start (configuration in %s)", d.dir)
		default:
		}
	}
	tb.Fatalf("testclamd: clamd did not listen on port %s within 30 s", d.port)
}

// Stop stops the daemon (a test may then Restart it); stopping a stopped daemon does nothing.
func (d *Daemon) Stop() {
	if d.cmd == nil {
		return
	}
	d.cmd.Process.Kill()
	<-d.exited
	d.cmd = nil
	os.Remove(filepath.Join(d.dir, "clamd.sock"))
}

// Restart starts the daemon again on the same socket and port.
func (d *Daemon) Restart(tb testing.TB) {
	tb.Helper()
	d.Stop()
	bin, err := find()
	if err != nil {
		tb.Fatalf("testclamd: %v", err)
	}
	d.start(tb, bin)
}

// find locates clamd on PATH or where Debian puts it.
func find() (string, error) {
	if p, err := exec.LookPath("clamd"); err == nil {
		return p, nil
	}
	if _, err := os.Stat("/usr/sbin/clamd"); err == nil {
		return "/usr/sbin/clamd", nil
	}
	return "", errors.New("clamd not found on PATH or at /usr/sbin/clamd: apt-get install clamav-daemon clamav")
}

func freePort(tb testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

func md5Hex(b []byte) string {
	sum := md5.Sum(b)
	return hex.EncodeToString(sum[:])
}
