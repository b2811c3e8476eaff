package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"

	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testclamd"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/models"
)

// `mediagraph scan` rescans what it is asked for, and reports the versions that could not be scanned.
func TestScanCommand(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		c := newCLI(t)
		if strings.HasPrefix(url, "postgres") {
			t.Setenv("DATABASE_URL", url)
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		t.Setenv("MEDIAGRAPH_CLAMD_ADDR", "tcp://"+l.Addr().String())
		l.Close()
		t.Setenv("MEDIAGRAPH_SCAN_RETRY_BASE", "1ms")
		t.Setenv("MEDIAGRAPH_UPLOAD_TYPES", "*/*") // the EICAR test file is text/plain
		ctx := access.WithPrincipal(context.Background(), access.Operator)
		app := c.open()
		var ids []string
		for name, body := range map[string][]byte{"eicar.com.txt": testclamd.EICAR(t), "clean.jpg": fixtures.Read(t, "rotated-orientation-6.jpg")} {
			up, err := app.Media.Intake.UploadAssets(ctx, []intake.UploadFile{{Name: name, Size: -1, Body: bytes.NewReader(body)}}, intake.UploadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, up[0].ID)
		}
		app.Close()

		// clamd unreachable: six attempts each, then FAILED.
		if _, err := c.run("scan", "--status", "PENDING"); err == nil || !strings.Contains(err.Error(), "2 versions could not be scanned") {
			t.Errorf("scan with clamd down: %v", err)
		}
		d := testclamd.Start(t, testclamd.Options{})
		t.Setenv("MEDIAGRAPH_CLAMD_ADDR", d.Socket)
		if out := c.must("scan", "--status", "FAILED"); out != "scanned 2 of 2 versions, 0 failed\n" {
			t.Errorf("scan --status FAILED printed %q", out)
		}
		app = c.open()
		statuses := map[models.ScanStatus]int{}
		for _, id := range ids {
			v, err := app.DB.VersionByNumber(ctx, id, 1)
			if err != nil {
				t.Fatal(err)
			}
			statuses[v.Antivirus.Status]++
		}
		app.Close()
		if statuses[models.ScanInfected] != 1 || statuses[models.ScanClean] != 1 {
			t.Errorf("after the rescan: %v", statuses)
		}
		// The INFECTED verdict is final: --all scans the clean one only.
		if out := c.must("scan", "--all"); out != "scanned 1 of 1 versions, 0 failed\n" {
			t.Errorf("scan --all printed %q", out)
		}
		for _, args := range [][]string{{"scan"}, {"scan", "--all", ids[0]}, {"scan", "--status", "INFECTED"}, {"scan", "--status", "nope"}, {"scan", "ast_01hzzzzzzzzzzzzzzzzzzzzzzz"}} {
			if _, err := c.run(args...); err == nil {
				t.Errorf("mediagraph %v succeeded", args)
			}
		}
	})
}
