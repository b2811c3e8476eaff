package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/tests3"
	"github.com/mediagraph/mediagraph/storage"
	"github.com/mediagraph/mediagraph/storage/disk"
	"github.com/mediagraph/mediagraph/storage/s3"
)

// bigFile is larger than the S3 store's part size, so that its Put goes in parts, and large enough
// that a copy and its fsync are long next to the test's polling.
const bigFile = 72 << 20

// runMainEnv makes the test binary run the command line instead of the tests: the subprocess server.
const runMainEnv = "MEDIAGRAPH_TEST_RUN_MAIN"

// crashSite is a data directory, a database and a store, seen from the test while a server
// subprocess works on them.
type crashSite struct {
	t      *testing.T
	c      *cli
	s3     bool
	store  storage.Store
	db     *gorm.DB
	token  string
	server *exec.Cmd
	url    string
	log    bytes.Buffer
	// old names the files an earlier crash left: the points are told by new ones.
	old map[string]bool
}

func newCrashSite(t *testing.T, postgres bool) *crashSite {
	site := &crashSite{t: t, c: newCLI(t), s3: postgres}
	t.Setenv("MEDIAGRAPH_MAX_UPLOAD_BYTES", strconv.Itoa(2*bigFile))
	t.Setenv("MEDIAGRAPH_UPLOAD_TYPES", "*/*") // the files are random bytes
	if postgres {
		t.Setenv("DATABASE_URL", testdb.Postgres(t))
		cfg := tests3.Bucket(t)
		for k, v := range map[string]string{"S3_BUCKET": cfg.Bucket, "S3_ENDPOINT": cfg.Endpoint, "S3_REGION": cfg.Region,
			"S3_FORCE_PATH_STYLE": "true", "AWS_ACCESS_KEY_ID": cfg.AccessKeyID, "AWS_SECRET_ACCESS_KEY": cfg.SecretAccessKey} {
			t.Setenv(k, v)
		}
		store, err := s3.New(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		site.store = store
	} else {
		store, err := disk.New(filepath.Join(site.c.dir, "blobs"), "", nil)
		if err != nil {
			t.Fatal(err)
		}
		site.store = store
	}
	site.token = strings.TrimSpace(site.c.must("token", "create", "--role", "EDITOR", "--name", "crash"))
	site.db = site.c.open().DB.Gorm()
	return site
}

// start runs `mediagraph serve` as a subprocess and waits until it answers.
func (s *crashSite) start(env ...string) {
	s.t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(os.Args[0], "serve")
	cmd.Env = append(os.Environ(), append(env, runMainEnv+"=1", "MEDIAGRAPH_ADDR="+addr)...)
	cmd.Stderr = &s.log
	// Its own process group: the kill reaches the tools it runs (ffprobe), which hold its stderr.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	s.server, s.url = cmd, "http://"+addr
	s.t.Cleanup(s.kill)
	for i := 0; i < 600; i++ {
		if res, err := http.Get(s.url + "/healthz"); err == nil {
			res.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("the server did not start: %s", s.log.String())
}

// kill ends the server with SIGKILL: no deferred cleanup runs.
func (s *crashSite) kill() {
	if s.server == nil {
		return
	}
	syscall.Kill(-s.server.Process.Pid, syscall.SIGKILL)
	s.server.Wait()
	s.server = nil
}

// upload is a GraphQL multipart request in flight: its body is written as the server reads it.
type upload struct {
	done chan []byte
	pw   *io.PipeWriter
}

var chunk = func() []byte {
	b := make([]byte, 1<<20)
	rand.Read(b)
	return b
}()

// send starts a request of query whose one file, of size bytes, fills the variable at path; only its
// first stopAfter bytes are sent until the request is dropped.
func (s *crashSite) send(query string, vars map[string]any, path string, size, stopAfter int) *upload {
	pr, pw := io.Pipe()
	w := multipart.NewWriter(pw)
	u := &upload{done: make(chan []byte, 1), pw: pw}
	go func() {
		ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		w.WriteField("operations", string(ops))
		w.WriteField("map", `{"0":["`+path+`"]}`)
		part, _ := w.CreateFormFile("0", "big.bin")
		for sent := 0; sent < min(size, stopAfter); sent += len(chunk) {
			if _, err := part.Write(chunk[:min(len(chunk), size-sent)]); err != nil {
				return
			}
		}
		if stopAfter < size {
			return // the rest never comes: the server waits for it until it is killed
		}
		pw.CloseWithError(w.Close())
	}()
	go func() {
		req, _ := http.NewRequest(http.MethodPost, s.url+"/graphql", pr)
		req.Header.Set("Content-Type", w.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+s.token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			u.done <- nil
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		u.done <- b
	}()
	return u
}

func (u *upload) drop() { u.pw.CloseWithError(errors.New("dropped")) }

const (
	uploadQuery  = `mutation($files: [Upload!]!) { uploadAssets(files: $files) { id } }`
	replaceQuery = `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { id } }`
)

// waitFor polls until cond holds, failing after a minute: the points the test kills at are reached
// within a second or two.
func (s *crashSite) waitFor(what string, cond func() bool) {
	s.t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if cond() {
			return
		}
	}
	s.t.Fatalf("never saw %s; server log: %s", what, s.log.String())
}

// newFiles lists the files of dir that no earlier crash left, with their sizes.
func (s *crashSite) newFiles(dir string) map[string]int64 {
	out := files(dir)
	for name := range out {
		if s.old[filepath.Join(dir, name)] {
			delete(out, name)
		}
	}
	return out
}

// tempDirs are where uploads and Puts keep their temporary files.
func (s *crashSite) tempDirs() []string {
	return []string{s.spoolDir(), filepath.Join(s.c.dir, "blobs", ".tmp"), filepath.Join(s.c.dir, "blobs", ".multipart")}
}

// files lists the regular files of dir with their sizes.
func files(dir string) map[string]int64 {
	out := map[string]int64{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			out[e.Name()] = info.Size()
		}
	}
	return out
}

func (s *crashSite) spoolDir() string { return filepath.Join(s.c.dir, "tmp") }

// spooled tells whether an upload's spool file holds more than the transport keeps in memory.
func (s *crashSite) spooled() bool {
	for name, size := range s.newFiles(s.spoolDir()) {
		if strings.HasPrefix(name, "upload-") && size > 9<<20 {
			return true
		}
	}
	return false
}

// storing tells whether the store is writing an object: a temporary file of the disk store, or the
// S3 store's spool file.
func (s *crashSite) storing() bool {
	dir, prefix := filepath.Join(s.c.dir, "blobs", ".tmp"), "put-"
	if s.s3 {
		dir, prefix = s.spoolDir(), "s3-put-"
	}
	for name := range s.newFiles(dir) {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// inParts tells whether a multipart upload is in progress: the disk store's temporary file on disk,
// the S3 store's parts on S3.
func (s *crashSite) inParts() bool {
	if !s.s3 {
		return s.storing()
	}
	list, _, err := s.store.ListMultipart(context.Background(), "", 10)
	return err == nil && len(list) > 0
}

func (s *crashSite) keys() map[string]bool {
	s.t.Helper()
	out := map[string]bool{}
	for after := ""; ; {
		page, next, err := s.store.List(context.Background(), "", after, 100)
		if err != nil {
			s.t.Fatal(err)
		}
		for _, o := range page {
			out[o.Key] = true
		}
		if next == "" {
			return out
		}
		after = next
	}
}

// rows lists the object keys the database points to.
func (s *crashSite) rows() map[string]bool {
	s.t.Helper()
	var keys []string
	err := s.db.Raw(`SELECT object_key FROM asset_versions UNION SELECT object_key FROM uploads WHERE status IN ('PENDING', 'FAILED')
		UNION SELECT object_key FROM derivatives`).Scan(&keys).Error
	if err != nil {
		s.t.Fatal(err)
	}
	out := map[string]bool{}
	for _, k := range keys {
		out[k] = true
	}
	return out
}

// crashAt runs one request and kills the server at a point of it, leaving the server stopped.
func (s *crashSite) crashAt(point, query string, vars map[string]any, path string) {
	s.t.Helper()
	s.start()
	before := s.keys()
	s.old = map[string]bool{}
	for _, dir := range s.tempDirs() {
		for name := range files(dir) {
			s.old[filepath.Join(dir, name)] = true
		}
	}
	switch point {
	case "mid-transfer":
		u := s.send(query, vars, path, bigFile, 16<<20)
		defer u.drop()
		s.waitFor("the spool file", s.spooled)
	case "mid-store":
		u := s.send(query, vars, path, bigFile, bigFile)
		defer u.drop()
		s.waitFor("the store writing", s.inParts)
	case "after the rename":
		u := s.send(query, vars, path, bigFile, bigFile)
		defer u.drop()
		s.waitFor("the store writing", s.storing)
		// Every catalogue transaction starts by updating this row: holding it holds the commit back
		// while the bytes are stored.
		tx := s.db.Begin()
		if err := tx.Exec("UPDATE catalogue_state SET generation = generation WHERE id = 1").Error; err != nil {
			s.t.Fatal(err)
		}
		defer tx.Rollback()
		var stored string
		s.waitFor("the object stored", func() bool {
			for k := range s.keys() {
				if !before[k] {
					stored = k
					return true
				}
			}
			return false
		})
		s.kill()
		if s.rows()[stored] {
			s.t.Fatalf("%s: a row points to %s: the kill came after the commit", point, stored)
		}
	}
	s.kill()
}

// check runs `mediagraph check` with no grace and returns its report by kind, and its error.
func (s *crashSite) check(args ...string) (map[string]int, error) {
	s.t.Helper()
	out, err := s.c.run(append([]string{"check", "--orphan-grace", "0s"}, args...)...)
	counts := map[string]int{}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) < 3 {
			s.t.Fatalf("check printed %q", out)
		}
		n, _ := strconv.Atoi(f[len(f)-2])
		counts[strings.Join(f[:len(f)-2], " ")] = n
	}
	if len(counts) != 4 {
		s.t.Fatalf("check printed %q, want four kinds", out)
	}
	return counts, err
}

// assertClean checks the store holds exactly what rows point to and no temporary file is left.
func (s *crashSite) assertClean() {
	s.t.Helper()
	got, want := sorted(s.keys()), sorted(s.rows())
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		s.t.Errorf("the store holds\n%s\nthe rows point to\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, dir := range s.tempDirs() {
		if left := files(dir); len(left) > 0 {
			s.t.Errorf("%s holds %v", dir, left)
		}
	}
	if list, _, err := s.store.ListMultipart(context.Background(), "", 10); err != nil || len(list) > 0 {
		s.t.Errorf("multipart uploads in progress: %+v %v", list, err)
	}
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var crashPoints = []string{"mid-transfer", "mid-store", "after the rename"}

// TestCrashLeftoversAreSwept kills the server (SIGKILL) at each point of a large uploadAssets and
// replaceAsset; `check --repair` after the first ones, the periodic sweep of a restarted server after
// the others, leave exactly the objects that rows point to.
func TestCrashLeftoversAreSwept(t *testing.T) {
	for _, b := range []struct {
		name     string
		postgres bool
	}{{"sqlite+disk", false}, {"postgres+s3", true}} {
		t.Run(b.name, func(t *testing.T) {
			s := newCrashSite(t, b.postgres)
			s.start()
			var seeded struct {
				Data struct{ UploadAssets []struct{ ID string } }
			}
			if err := json.Unmarshal(<-s.send(uploadQuery, map[string]any{"files": []any{nil}}, "variables.files.0", 4096, 4096).done, &seeded); err != nil || len(seeded.Data.UploadAssets) != 1 {
				t.Fatalf("seed upload: %v %+v; %s", err, seeded, s.log.String())
			}
			s.kill()
			kept := s.rows()

			for _, p := range crashPoints {
				s.crashAt(p, uploadQuery, map[string]any{"files": []any{nil}}, "variables.files.0")
			}
			found, err := s.check()
			if !errors.Is(err, errLeftovers) {
				t.Errorf("check after the crashes: %v, want %v", err, errLeftovers)
			}
			if found["spool files"] == 0 || found["orphaned objects"] == 0 || found["store temp files"]+found["stale multipart uploads"] == 0 {
				t.Errorf("check after the crashes found %v", found)
			}
			if _, err := s.check("--repair"); err != nil {
				t.Fatalf("check --repair: %v", err)
			}
			s.assertClean()

			id := seeded.Data.UploadAssets[0].ID
			for _, p := range crashPoints {
				s.crashAt(p, replaceQuery, map[string]any{"id": id, "file": nil}, "variables.file")
			}
			if found, err := s.check(); !errors.Is(err, errLeftovers) || found["orphaned objects"] == 0 {
				t.Errorf("check after the replacements' crashes: %v, %v", found, err)
			}
			// A restarted server sweeps on start; with no grace, everything left goes.
			s.start("MEDIAGRAPH_ORPHAN_GRACE=0s")
			s.waitFor("the periodic sweep", func() bool { _, err := s.check(); return err == nil })
			s.kill()
			s.assertClean()
			if got := s.rows(); len(got) != len(kept) {
				t.Errorf("rows point to %v after the crashes, want %v", got, kept)
			}
		})
	}
}
