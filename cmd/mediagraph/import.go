package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/media/observe"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/server"
)

// importOptions are import's own flags.
type importOptions struct {
	collection  string
	tags        string
	public      bool
	concurrency int
	urlList     string
	manifest    bool
}

func (o *importOptions) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.collection, "collection", "", "put everything in this collection (created at the root if missing); the folders become collections inside it")
	fs.StringVar(&o.tags, "tags", "", "tags for every imported asset, comma-separated")
	fs.BoolVar(&o.public, "public", false, "make the imported assets PUBLIC (else PRIVATE)")
	fs.IntVar(&o.concurrency, "concurrency", 4, "files imported at once")
	fs.StringVar(&o.urlList, "from-url-list", "", "import the URLs listed in this file, one a line, instead of a folder")
	fs.BoolVar(&o.manifest, "manifest", false, "DIR is an export: restore its ids, metadata, tags, collections and usages")
}

// importCmd brings files in: a folder tree, a list of URLs, or an export. Flags go before DIR, as
// the standard flag package reads them: a flag after DIR would be silently ignored, so it is refused.
func importCmd(ctx context.Context, args []string, stdout, stderr io.Writer, log *slog.Logger) error {
	var o importOptions
	app, rest, err := open(ctx, "import", args, log, o.flags)
	if err != nil {
		return err
	}
	defer app.Close()
	ctx = observe.WithWay(access.WithPrincipal(ctx, access.Operator), observe.WayImport)
	switch {
	case o.concurrency < 1 || o.concurrency > 64:
		return errors.New("--concurrency: give 1 to 64")
	case o.urlList != "" && len(rest) == 0:
		return importURLs(ctx, app, o, stdout, stderr)
	case len(rest) != 1:
		return errors.New("usage: mediagraph import [flags] DIR, or mediagraph import [flags] --from-url-list FILE (flags go before DIR)")
	case o.manifest:
		return restore(ctx, app, rest[0], stdout)
	}
	return importTree(ctx, app, rest[0], o, stdout, stderr)
}

// sourceFile is one file of the tree to import.
type sourceFile struct {
	path string
	// dir is the folder it is in, relative to the root, "." for the root itself.
	dir  string
	size int64
}

// tally is what an import did, updated by its workers.
type tally struct {
	mu                sync.Mutex
	imported, skipped int
	bytes             int64
	refused           []string
}

func (t *tally) add(f sourceFile, outcome string, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch outcome {
	case "imported":
		t.imported++
	case "skipped":
		t.skipped++
	default:
		t.refused = append(t.refused, fmt.Sprintf("%s: %v", f.path, err))
	}
	t.bytes += f.size
}

func (t *tally) done() (files int, bytes int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.imported + t.skipped + len(t.refused), t.bytes
}

func importTree(ctx context.Context, app *server.App, root string, o importOptions, stdout, stderr io.Writer) error {
	files, err := walkTree(root)
	if err != nil {
		return err
	}
	collections, err := ensureCollections(ctx, app, o.collection, files)
	if err != nil {
		return err
	}
	var total int64
	for _, f := range files {
		total += f.size
	}
	t := &tally{}
	bar := newTransferProgress(stderr, len(files), total)
	claims := &claims{taken: map[string]bool{}}
	inParallel(ctx, o.concurrency, files, func(f sourceFile) {
		outcome, err := importFile(ctx, app, f, o, collections[f.dir], claims)
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return // interrupted: not refused, the next run takes it
		}
		if err != nil && outcome == "" {
			outcome = "refused"
		}
		t.add(f, outcome, err)
		bar.show(t.done())
	})
	bar.finish(t.done())
	return summarize(ctx, t, stdout)
}

// summarize prints what an import did and fails when a file was refused or it was interrupted.
func summarize(ctx context.Context, t *tally, stdout io.Writer) error {
	fmt.Fprintf(stdout, "imported %d, skipped %d (already present), refused %d\n", t.imported, t.skipped, len(t.refused))
	for _, r := range t.refused {
		fmt.Fprintf(stdout, "  refused %s\n", r)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted; run the same import again to continue: %w", ctx.Err())
	}
	if len(t.refused) > 0 {
		return fmt.Errorf("%d files refused (listed above)", len(t.refused))
	}
	return nil
}

// walkTree lists the regular files under root, hidden files and folders left out, in name order.
func walkTree(root string) ([]sourceFile, error) {
	var files []sourceFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		files = append(files, sourceFile{path: path, dir: rel, size: info.Size()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", root, err)
	}
	return files, nil
}

// ensureCollections finds or creates a collection for every folder of files (the root one being
// named, or the library's root when name is empty), parents first, and returns their ids by folder.
func ensureCollections(ctx context.Context, app *server.App, name string, files []sourceFile) (map[string]*string, error) {
	ids := map[string]*string{".": nil}
	if name != "" {
		id, err := childCollection(ctx, app, nil, name)
		if err != nil {
			return nil, err
		}
		ids["."] = id
	}
	var dirs []string
	for _, f := range files {
		dirs = append(dirs, f.dir)
	}
	slices.Sort(dirs)
	for _, dir := range slices.Compact(dirs) {
		if _, err := collectionOf(ctx, app, ids, dir); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// collectionOf is the collection of folder dir, made from its parent's.
func collectionOf(ctx context.Context, app *server.App, ids map[string]*string, dir string) (*string, error) {
	if id, ok := ids[dir]; ok {
		return id, nil
	}
	parent, err := collectionOf(ctx, app, ids, filepath.Dir(dir))
	if err != nil {
		return nil, err
	}
	id, err := childCollection(ctx, app, parent, filepath.Base(dir))
	if err != nil {
		return nil, fmt.Errorf("collection for folder %s: %w", dir, err)
	}
	ids[dir] = id
	return id, nil
}

// childCollection finds the collection named name under parent, or creates it.
func childCollection(ctx context.Context, app *server.App, parent *string, name string) (*string, error) {
	children, err := app.Media.Collections.Collections(ctx, parent)
	if err != nil {
		return nil, err
	}
	for _, c := range children {
		if c.Name == name {
			return &c.ID, nil
		}
	}
	c, err := app.Media.Collections.CreateCollection(ctx, name, parent)
	if err != nil {
		return nil, err
	}
	return &c.ID, nil
}

// claims keeps two workers from importing the same bytes (two copies of a file) at once.
type claims struct {
	mu    sync.Mutex
	taken map[string]bool
}

func (c *claims) take(sum string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.taken[sum] {
		return false
	}
	c.taken[sum] = true
	return true
}

// importFile imports one file unless its bytes are already in the library: "imported", "skipped",
// or an error saying why it was refused.
func importFile(ctx context.Context, app *server.App, f sourceFile, o importOptions, collection *string, c *claims) (string, error) {
	sum, err := fileSHA256(f.path)
	if err != nil {
		return "", err
	}
	if !c.take(sum) {
		return "skipped", nil
	}
	if _, err := app.DB.AssetBySHA256(ctx, sum); err == nil {
		return "skipped", nil
	} else if !errors.Is(err, models.ErrNotFound) {
		return "", err
	}
	in, err := os.Open(f.path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	_, err = app.Media.Intake.UploadAssets(ctx, []intake.UploadFile{{Name: filepath.Base(f.path), Size: f.size, Body: in}}, uploadOptions(o, collection))
	if err != nil {
		return "", err
	}
	return "imported", nil
}

func uploadOptions(o importOptions, collection *string) intake.UploadOptions {
	opts := intake.UploadOptions{CollectionID: collection}
	if o.public {
		status := models.StatusPublic
		opts.Status = &status
	}
	for _, tag := range strings.Split(o.tags, ",") {
		if tag = strings.TrimSpace(tag); tag != "" {
			opts.Tags = append(opts.Tags, tag)
		}
	}
	return opts
}

func fileSHA256(path string) (string, error) {
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	h := sha256.New()
	if _, err := io.Copy(h, in); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// importURLs fetches each URL of a list, one a line (blank lines and # comments skipped). The URLs
// done are appended to FILE.done, which a later run skips: a download's bytes are known only once
// fetched, so it cannot be skipped by its sha256 before.
func importURLs(ctx context.Context, app *server.App, o importOptions, stdout, stderr io.Writer) error {
	urls, err := readLines(o.urlList)
	if err != nil {
		return err
	}
	donePath := o.urlList + ".done"
	done, err := readLines(donePath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	journal, err := os.OpenFile(donePath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("open %s: %w", donePath, err)
	}
	defer journal.Close()
	collection, err := ensureCollections(ctx, app, o.collection, nil)
	if err != nil {
		return err
	}
	t := &tally{}
	bar := newTransferProgress(stderr, len(urls), 0)
	var mu sync.Mutex
	inParallel(ctx, o.concurrency, urls, func(u string) {
		f := sourceFile{path: u}
		if slices.Contains(done, u) {
			t.add(f, "skipped", nil)
		} else if _, err := app.Media.Intake.CreateAssetFromURL(ctx, u, nil, uploadOptions(o, collection["."])); err != nil {
			if ctx.Err() != nil {
				return
			}
			t.add(f, "refused", err)
		} else {
			mu.Lock()
			fmt.Fprintln(journal, u)
			mu.Unlock()
			t.add(f, "imported", nil)
		}
		bar.show(t.done())
	})
	bar.finish(t.done())
	return summarize(ctx, t, stdout)
}

// readLines reads the lines of a file that are neither blank nor # comments.
func readLines(path string) ([]string, error) {
	in, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	var lines []string
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines, sc.Err()
}

// transferProgress is import's bar: files and bytes done with their rates, redrawn on a terminal,
// a line per tenth elsewhere.
type transferProgress struct {
	w          io.Writer
	mu         sync.Mutex
	files      int
	bytes      int64
	started    time.Time
	terminal   bool
	lastTenth  int
	lastDrawn  time.Time
	drawPeriod time.Duration
}

func newTransferProgress(w io.Writer, files int, bytes int64) *transferProgress {
	return &transferProgress{w: w, files: files, bytes: bytes, started: time.Now(), terminal: isTerminal(w), lastTenth: -1, drawPeriod: 100 * time.Millisecond}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *transferProgress) show(files int, bytes int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.files == 0 {
		return
	}
	if p.terminal {
		if time.Since(p.lastDrawn) < p.drawPeriod && files < p.files {
			return
		}
		p.lastDrawn = time.Now()
		filled := barWidth * files / p.files
		fmt.Fprintf(p.w, "\r[%s%s] %s", strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), p.rates(files, bytes))
		return
	}
	if tenth := 10 * files / p.files; tenth > p.lastTenth {
		p.lastTenth = tenth
		fmt.Fprintf(p.w, "import: %d%% %s\n", 10*tenth, p.rates(files, bytes))
	}
}

func (p *transferProgress) rates(files int, bytes int64) string {
	secs := max(time.Since(p.started).Seconds(), 1e-3)
	return fmt.Sprintf("%d/%d files, %.1f files/s, %.2f MB/s", files, p.files, float64(files)/secs, float64(bytes)/1e6/secs)
}

func (p *transferProgress) finish(files int, bytes int64) {
	p.mu.Lock()
	terminal := p.terminal
	p.mu.Unlock()
	if terminal {
		fmt.Fprintf(p.w, "\r%s\n", p.rates(files, bytes))
	}
}

// inParallel runs do on each item with n workers, and stops handing items out once ctx is done.
func inParallel[T any](ctx context.Context, n int, items []T, do func(T)) {
	work := make(chan T)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for it := range work {
				do(it)
			}
		})
	}
feed:
	for _, it := range items {
		select {
		case work <- it:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
}
