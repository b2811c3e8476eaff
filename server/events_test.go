package server_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/jobs"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/server"
)

// subscriber is the test subscriber: it keeps what it accepted, and refuses its first refuse calls.
type subscriber struct {
	mu       sync.Mutex
	accepted []models.Event
	refuse   int
	refused  int
}

// background tells the events of work that follows new bytes on its own time.
func background(kind models.EventKind) bool {
	return kind == models.EventAssetAntivirusChanged || kind == models.EventAssetAnalyzed
}

func (s *subscriber) receive(_ context.Context, events []models.Event) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused < s.refuse {
		s.refused++
		return errors.New("subscriber down")
	}
	for _, e := range events {
		// Scans and analyses of new bytes record their results in the background, between the
		// changes a test makes; the antivirus and analysis tests check those.
		if !background(e.Kind) {
			s.accepted = append(s.accepted, e)
		}
	}
	return nil
}

func (s *subscriber) events() []models.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.accepted)
}

// event is what a test expects of one event: its kind and the ids it concerns, each list sorted.
type event struct {
	Kind                  models.EventKind
	Assets, Tags, Collect []string
	Upload                string
}

func (e event) String() string {
	return fmt.Sprintf("%s assets=%v tags=%v collections=%v upload=%q", e.Kind, e.Assets, e.Tags, e.Collect, e.Upload)
}

func sorted(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	return slices.Sorted(slices.Values(ids))
}

func described(list []models.Event) []string {
	out := make([]string, len(list))
	for i, e := range list {
		x := event{Kind: e.Kind, Assets: sorted(e.AssetIDs), Tags: sorted(e.TagIDs), Collect: sorted(e.CollectionIDs)}
		if e.UploadID != nil {
			x.Upload = *e.UploadID
		}
		out[i] = x.String()
	}
	return out
}

// delivered waits until the outbox holds nothing undelivered: every subscriber has accepted every
// event recorded so far.
func delivered(t *testing.T, db *models.DB) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		pending, err := db.PendingEvents(t.Context(), 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(pending) == 0 {
			return
		}
	}
	t.Fatal("events still undelivered after a minute")
}

func wantEvents(t *testing.T, got []models.Event, want ...event) {
	t.Helper()
	w := make([]string, len(want))
	for i, e := range want {
		e.Assets, e.Tags, e.Collect = sorted(e.Assets), sorted(e.Tags), sorted(e.Collect)
		w[i] = e.String()
	}
	if g := described(got); !slices.Equal(g, w) {
		t.Errorf("events:\n got  %s\n want %s", strings.Join(g, "\n      "), strings.Join(w, "\n      "))
	}
	ids := map[string]bool{}
	for i, e := range got {
		if ids[e.ID] || models.IDPrefix(e.ID) != models.EventPrefix {
			t.Errorf("event %d: id %q is repeated or not an event id", i, e.ID)
		}
		ids[e.ID] = true
		if i > 0 && e.Seq <= got[i-1].Seq {
			t.Errorf("event %d (%s) delivered out of order", i, e.Kind)
		}
	}
}

// TestEventsRecordedOncePerChange makes every kind of catalogue change through the GraphQL API and
// checks the subscriber received one event for each committed change, and none for one rolled back.
func TestEventsRecordedOncePerChange(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		sub := &subscriber{}
		s := apptest.StartSubscribed(t, url, []jobs.Subscriber{sub.receive})
		editor := s.Token("EDITOR")
		var w []event

		up := s.MustUpload(editor, map[string]any{"tags": []string{"sunset"}}, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "anim.gif"))
		a1, a2 := up[0].ID, up[1].ID
		// Analyzed before the changes below: an earlier version analyzed only after its replacement
		// is an update of its own (TestUploadAnswersBeforePixelsAreDecoded checks the analyses).
		s.Settle()
		tags := func() map[string]namedTag { return allTags(t, s, editor) }
		sunset := tags()["sunset"].ID
		w = append(w, event{Kind: models.EventAssetCreated, Assets: []string{a1, a2}}, event{Kind: models.EventTagCreated, Tags: []string{sunset}})

		s.Must(editor, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { author: "Ann" }) { id } }`, map[string]any{"ids": []string{a1}}, nil)
		w = append(w, event{Kind: models.EventAssetUpdated, Assets: []string{a1}})
		s.Must(editor, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["sea", "Sunset"]) { id } }`, map[string]any{"ids": []string{a2}}, nil)
		sea := tags()["sea"].ID
		w = append(w, event{Kind: models.EventTagCreated, Tags: []string{sea}}, event{Kind: models.EventAssetUpdated, Assets: []string{a2}})
		s.Must(editor, `mutation($id: ID!) { renameTag(id: $id, name: "dusk") { id } }`, map[string]any{"id": sunset}, nil)
		w = append(w, event{Kind: models.EventTagUpdated, Tags: []string{sunset}, Assets: []string{a1, a2}})
		s.Must(editor, `mutation($from: [ID!]!, $to: ID!) { mergeTags(sourceIds: $from, targetId: $to) { id } }`, map[string]any{"from": []string{sea}, "to": sunset}, nil)
		w = append(w, event{Kind: models.EventTagMerged, Tags: []string{sea, sunset}, Assets: []string{a1, a2}})

		collection := func(name string, parent any) string {
			var out struct{ CreateCollection struct{ ID string } }
			s.Must(editor, `mutation($in: CreateCollectionInput!) { createCollection(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"name": name, "parentId": parent}}, &out)
			w = append(w, event{Kind: models.EventCollectionCreated, Collect: []string{out.CreateCollection.ID}})
			return out.CreateCollection.ID
		}
		trips, year, empty := collection("Trips", nil), collection("2024", nil), collection("Empty", nil)
		s.Must(editor, `mutation($id: ID!, $p: ID) { moveCollection(id: $id, parentId: $p) { id } }`, map[string]any{"id": year, "p": trips}, nil)
		s.Must(editor, `mutation($id: ID!) { updateCollection(id: $id, input: { name: "Summer 2024" }) { id } }`, map[string]any{"id": year}, nil)
		s.Must(editor, `mutation($id: ID!) { deleteCollection(id: $id) }`, map[string]any{"id": empty}, nil)
		s.Must(editor, `mutation($ids: [ID!]!, $c: ID) { moveAssets(ids: $ids, collectionId: $c) { id } }`, map[string]any{"ids": []string{a1}, "c": year}, nil)
		w = append(w, event{Kind: models.EventCollectionMoved, Collect: []string{year}}, event{Kind: models.EventCollectionUpdated, Collect: []string{year}},
			event{Kind: models.EventCollectionDeleted, Collect: []string{empty}}, event{Kind: models.EventAssetUpdated, Assets: []string{a1}})

		ids := map[string]any{"ids": []string{a2}}
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, ids, nil)
		s.Must(editor, `mutation($ids: [ID!]!) { restoreAssets(ids: $ids) { id } }`, ids, nil)
		s.Must(editor, `mutation($ids: [ID!]!) { deleteAssets(ids: $ids) }`, ids, nil)
		s.Must(editor, `mutation($ids: [ID!]!) { purgeAssets(ids: $ids) }`, ids, nil)
		w = append(w, event{Kind: models.EventAssetDeleted, Assets: []string{a2}}, event{Kind: models.EventAssetRestored, Assets: []string{a2}},
			event{Kind: models.EventAssetDeleted, Assets: []string{a2}}, event{Kind: models.EventAssetPurged, Assets: []string{a2}})

		s.Multipart(editor, `mutation($id: ID!, $file: Upload!) { replaceAsset(id: $id, file: $file) { id } }`,
			map[string]any{"id": a1, "file": nil}, []string{"variables.file"}, apptest.Fixture(t, "focal-red-square.png")).Decode(t, nil)
		w = append(w, event{Kind: models.EventAssetReplaced, Assets: []string{a1}})
		s.Must(editor, `mutation($ids: [ID!]!) { syncEntryReferences(entry: { type: "post", id: "1" }, assetIds: $ids, live: true) { id } }`,
			map[string]any{"ids": []string{a1}}, nil)
		// it was PRIVATE; the live entry published it
		w = append(w, event{Kind: models.EventAssetUpdated, Assets: []string{a1}}, event{Kind: models.EventAssetPublished, Assets: []string{a1}})

		// Rolled back half-way: the author is written, then the live usage refuses PRIVATE.
		r := s.Query(editor, `mutation($ids: [ID!]!) { updateAssets(ids: $ids, input: { author: "Bob", status: PRIVATE }) { id } }`, map[string]any{"ids": []string{a1}})
		wantCode(t, "make a used asset PRIVATE", r, "ASSET_IN_USE", "")
		var author struct{ Asset struct{ Author string } }
		if s.Must(editor, `query($id: ID!) { asset(id: $id) { author } }`, map[string]any{"id": a1}, &author); author.Asset.Author != "Ann" {
			t.Errorf("the rolled-back change left author %q", author.Asset.Author)
		}

		png := fixtures.Read(t, "alpha.png")
		tk := newTickets(t, s, editor, map[string]any{"filename": "signed.png", "mimeType": "image/png", "size": len(png)})[0]
		if status, _ := put(t, tk.URL, tk.Headers, png, nil); status >= 300 {
			t.Fatalf("PUT: HTTP %d", status)
		}
		var done completed
		s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}, &done)
		signed := done.CompleteUploads[0].ID
		w = append(w, event{Kind: models.EventAssetCreated, Assets: []string{signed}}, event{Kind: models.EventUploadCompleted, Assets: []string{signed}, Upload: tk.ID})

		delivered(t, s.App.DB)
		got := sub.events()
		wantEvents(t, got, w...)
		for _, e := range got {
			if e.TokenID == nil || *e.TokenID != *got[0].TokenID {
				t.Errorf("%s: caused by token %v, want the editor's", e.Kind, e.TokenID)
			}
		}
		var n int64
		s.App.DB.Gorm().Model(&models.Event{}).Where("kind NOT IN ?", []models.EventKind{models.EventAssetAntivirusChanged, models.EventAssetAnalyzed}).Count(&n)
		if n != int64(len(w)) {
			t.Errorf("%d events recorded, want %d", n, len(w))
		}
	})
}

// TestFailingSubscriberGetsEverythingInOrder refuses the first deliveries: River retries the drain,
// later events wait behind the refused ones, and a second subscriber that accepted meanwhile sees
// them again (at least once) but in the same order.
func TestFailingSubscriberGetsEverythingInOrder(t *testing.T) {
	testdb.Each(t, func(t *testing.T, url string) {
		failing, other := &subscriber{refuse: 2}, &subscriber{}
		s := apptest.StartSubscribed(t, url, []jobs.Subscriber{other.receive, failing.receive})
		editor := s.Token("EDITOR")
		var want []event
		for _, name := range []string{"one", "two", "three"} {
			var out struct{ CreateCollection struct{ ID string } }
			s.Must(editor, `mutation($in: CreateCollectionInput!) { createCollection(input: $in) { id } }`, map[string]any{"in": map[string]any{"name": name}}, &out)
			want = append(want, event{Kind: models.EventCollectionCreated, Collect: []string{out.CreateCollection.ID}})
		}
		delivered(t, s.App.DB)
		if failing.refused != 2 {
			t.Errorf("refused %d deliveries, want 2", failing.refused)
		}
		wantEvents(t, failing.events(), want...)
		var firstSeen []models.Event
		seen := map[string]bool{}
		for _, e := range other.events() {
			if !seen[e.ID] {
				seen[e.ID] = true
				firstSeen = append(firstSeen, e)
			}
		}
		wantEvents(t, firstSeen, want...)
	})
}

// childEnv names the database of the server that TestEventDeliveredAfterKill runs as a child process.
const childEnv = "MEDIAGRAPH_TEST_OUTBOX_CHILD_DB"

// TestEventDeliveredAfterKill commits a change in a server process that is then killed with SIGKILL
// before it delivers the change's event; a server started afterwards on the same database delivers it.
func TestEventDeliveredAfterKill(t *testing.T) {
	if url := os.Getenv(childEnv); url != "" {
		serveUndelivered(t, url)
		return
	}
	testdb.Each(t, func(t *testing.T, url string) {
		child := exec.Command(os.Args[0], "-test.run=^TestEventDeliveredAfterKill$")
		child.Env = append(os.Environ(), childEnv+"="+url, "MEDIAGRAPH_DATA_DIR="+t.TempDir())
		out, err := child.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		child.Stderr = os.Stderr
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		defer child.Process.Kill()
		lines := bufio.NewScanner(out)
		var addr, token string
		for addr == "" && lines.Scan() {
			if f := strings.Fields(lines.Text()); len(f) == 3 && f[0] == "serving" {
				addr, token = f[1], f[2]
			}
		}
		if addr == "" {
			t.Fatal("the child server did not start")
		}
		c := apptest.Client(t, "http://"+addr)
		var created struct{ CreateCollection struct{ ID string } }
		c.Must(token, `mutation { createCollection(input: { name: "Before the crash" }) { id } }`, nil, &created)
		if err := child.Process.Signal(os.Kill); err != nil {
			t.Fatal(err)
		}
		child.Wait()

		sub := &subscriber{}
		s := apptest.StartSubscribed(t, url, []jobs.Subscriber{sub.receive})
		delivered(t, s.App.DB)
		wantEvents(t, sub.events(), event{Kind: models.EventCollectionCreated, Collect: []string{created.CreateCollection.ID}})
	})
}

// serveUndelivered is the child of TestEventDeliveredAfterKill: the service's HTTP side without its
// jobs, so that nothing delivers the events its changes record until it is killed.
func serveUndelivered(t *testing.T, url string) {
	ctx := context.Background()
	cfg, _, err := config.Load("test", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.DatabaseURL = url
	app, err := server.Open(ctx, cfg, slog.New(slog.NewTextHandler(os.Stderr, nil)))
	if err != nil {
		t.Fatal(err)
	}
	token, err := app.Media.Tokens.EnsureFirstToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("serving", ln.Addr(), token)
	t.Fatal(app.Serve(ctx, ln)) // until killed
}
