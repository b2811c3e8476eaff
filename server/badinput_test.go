package server_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// catalogueTables are every table a request may write to.
var catalogueTables = []string{"assets", "asset_versions", "asset_metadata", "tags", "asset_tags", "collections", "usages"}

// unchanged fails when a request changed any row count or left a file behind.
func unchanged(t *testing.T, s *apptest.Server, what string, do func()) {
	t.Helper()
	before := map[string]int64{}
	for _, table := range catalogueTables {
		before[table] = s.Rows(table)
	}
	files := len(s.Files())
	do()
	for _, table := range catalogueTables {
		if n := s.Rows(table); n != before[table] {
			t.Errorf("%s: %s went from %d to %d rows", what, table, before[table], n)
		}
	}
	if after := s.Files(); len(after) != files {
		t.Errorf("%s: %d files before, now %v", what, files, after)
	}
}

func wantCode(t *testing.T, what string, r apptest.Response, code, field string) {
	t.Helper()
	if r.Code() != code {
		t.Errorf("%s: got %+v, want code %s", what, r.Errors, code)
		return
	}
	if field != "" && r.Errors[0].Extensions["field"] != field {
		t.Errorf("%s: field %v, want %s", what, r.Errors[0].Extensions["field"], field)
	}
	if msg := r.Errors[0].Message; strings.Contains(msg, "SELECT") || strings.Contains(msg, "sql") {
		t.Errorf("%s: message leaks internals: %q", what, msg)
	}
}

func TestBadInputIsRefusedCleanly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL, func(c *config.Config) { c.MaxUploadBytes = 200_000 })
		editor := s.Token("EDITOR")

		unchanged(t, s, "over-size upload", func() {
			// The small file goes first: all or nothing means it is not kept either.
			r := s.Upload(editor, nil, apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "photo-12mp.jpg"))
			wantCode(t, "over-size upload", r, "FILE_TOO_LARGE", "")
		})

		unchanged(t, s, "upload into a missing collection", func() {
			// Fails after the bytes are stored: they must be removed again.
			r := s.Upload(editor, map[string]any{"collectionId": "col_01m8413wm8ejyczvd5a5kcm13t"}, apptest.Fixture(t, "alpha.png"))
			wantCode(t, "upload into a missing collection", r, "NOT_FOUND", "input.collectionId")
		})

		unchanged(t, s, "malformed multipart", func() {
			for name, body := range map[string]string{
				"no boundary end": "--b\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{",
				"bad map":         multipartBody(`{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[null]}}`, `{"0":["variables.nope.0"]}`),
				"operations json": multipartBody(`{not json`, `{}`),
			} {
				req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(body))
				req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
				r := s.Do(editor, req)
				wantCode(t, "malformed multipart: "+name, r, "VALIDATION_FAILED", "")
				if r.Status != http.StatusBadRequest {
					t.Errorf("malformed multipart %s: HTTP %d", name, r.Status)
				}
			}
		})

		long := strings.Repeat("x", 300)
		unchanged(t, s, "bad names", func() {
			for _, name := range []string{"", "   ", long} {
				r := s.Query(editor, `mutation($n: String!) { createCollection(input: { name: $n }) { id } }`, map[string]any{"n": name})
				wantCode(t, "collection name "+name[:min(len(name), 5)], r, "VALIDATION_FAILED", "name")
				r = s.Query(editor, `mutation($t: [String!]!) { tagAssets(ids: [], tags: $t) { id } }`, map[string]any{"t": []string{name}})
				wantCode(t, "tag name", r, "VALIDATION_FAILED", "tags[0]")
			}
		})

		// A collection cannot move under its own descendant.
		var a, b struct{ CreateCollection idOnly }
		s.Must(editor, `mutation { createCollection(input: { name: "a" }) { id } }`, nil, &a)
		s.Must(editor, `mutation($p: ID) { createCollection(input: { name: "b", parentId: $p }) { id } }`,
			map[string]any{"p": a.CreateCollection.ID}, &b)
		unchanged(t, s, "cycle", func() {
			r := s.Query(editor, `mutation($id: ID!, $p: ID) { moveCollection(id: $id, parentId: $p) { id } }`,
				map[string]any{"id": a.CreateCollection.ID, "p": b.CreateCollection.ID})
			wantCode(t, "move under descendant", r, "VALIDATION_FAILED", "parentId")
		})
		var parent struct {
			Collection struct{ Parent *idOnly }
		}
		s.Must(editor, `query($id: ID!) { collection(id: $id) { parent { id } } }`, map[string]any{"id": a.CreateCollection.ID}, &parent)
		if parent.Collection.Parent != nil {
			t.Errorf("refused move still moved: parent %v", parent.Collection.Parent)
		}

		// Tag names differing only in case are one tag.
		photo := s.MustUpload(editor, nil, apptest.Fixture(t, "alpha.png"))[0]
		s.Must(editor, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["Hero", "HERO", "hero "]) { id } }`,
			map[string]any{"ids": []string{photo.ID}}, nil)
		s.Must(editor, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["hErO"]) { id } }`,
			map[string]any{"ids": []string{photo.ID}}, nil)
		if n := s.Rows("tags"); n != 1 {
			t.Errorf("case variants of one name made %d tags", n)
		}
		s.Must(editor, `mutation($ids: [ID!]!) { tagAssets(ids: $ids, tags: ["villain"]) { id } }`,
			map[string]any{"ids": []string{photo.ID}}, nil)
		var tags struct {
			Tags struct{ Nodes []struct{ ID, Name string } }
		}
		s.Must(editor, `{ tags { nodes { id name } } }`, nil, &tags)
		villain := ""
		for _, tag := range tags.Tags.Nodes {
			if tag.Name == "villain" {
				villain = tag.ID
			}
		}
		unchanged(t, s, "rename to a case variant", func() {
			r := s.Query(editor, `mutation($id: ID!) { renameTag(id: $id, name: "HERO") { id } }`, map[string]any{"id": villain})
			wantCode(t, "rename to a case variant", r, "CONFLICT", "name")
		})

		wantCode(t, "unknown locale", s.Query(editor, `{ assets(locale: "xx") { nodes { alt } } }`, nil), "VALIDATION_FAILED", "locale")
		wantCode(t, "unknown field locale", s.Query(editor, `{ assets { nodes { alt(locale: "fr") } } }`, nil), "VALIDATION_FAILED", "locale")

		// A cursor whose payload is edited, or that was made for another order, is refused.
		var page struct {
			Assets struct{ PageInfo struct{ EndCursor string } }
		}
		s.Must(editor, `{ assets(first: 1) { pageInfo { endCursor } } }`, nil, &page)
		payload, sig, _ := strings.Cut(page.Assets.PageInfo.EndCursor, ".")
		raw, err := base64.RawURLEncoding.DecodeString(payload)
		if err != nil {
			t.Fatalf("cursor %q: %v", page.Assets.PageInfo.EndCursor, err)
		}
		forged := strings.Replace(string(raw), `"i":"ast_0`, `"i":"ast_1`, 1)
		if forged == string(raw) {
			t.Fatalf("cursor payload %s does not hold the asset id", raw)
		}
		for name, cursor := range map[string]string{
			"edited":      base64.RawURLEncoding.EncodeToString([]byte(forged)) + "." + sig,
			"garbage":     "not-a-cursor",
			"other order": page.Assets.PageInfo.EndCursor,
		} {
			query := `query($c: String) { assets(first: 1, after: $c) { nodes { id } } }`
			if name == "other order" {
				query = `query($c: String) { assets(first: 1, after: $c, orderBy: FILENAME_ASC) { nodes { id } } }`
			}
			wantCode(t, "cursor "+name, s.Query(editor, query, map[string]any{"c": cursor}), "VALIDATION_FAILED", "after")
		}

		deep := "{ assets { nodes { collection { " + strings.Repeat("parent { ", 12) + "id" + strings.Repeat(" }", 12) + " } } } }"
		wantCode(t, "deep query", s.Query(editor, deep, nil), "VALIDATION_FAILED", "")
		wantCode(t, "expensive query", s.Query(editor, `{ assets(first: 500) { nodes { versions { id } tags { id } usages { id } collection { children { id } } } } }`, nil), "VALIDATION_FAILED", "")
		wantCode(t, "page too large", s.Query(editor, `{ assets(first: 501) { nodes { id } } }`, nil), "VALIDATION_FAILED", "first")
		wantCode(t, "bad variable type", s.Query(editor, `query($n: Int64) { assets(filter: { size: { gt: $n } }) { nodes { id } } }`,
			map[string]any{"n": "lots"}), "VALIDATION_FAILED", "")
		wantCode(t, "syntax", s.Query(editor, `{ assets { `, nil), "VALIDATION_FAILED", "")
		wantCode(t, "bad token", s.Query("mg_AAAAAAAAAAAAAAAA_nope", `{ assets { totalCount } }`, nil), "UNAUTHENTICATED", "")
	})
}

func multipartBody(operations, fileMap string) string {
	var b bytes.Buffer
	b.WriteString("--b\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" + operations + "\r\n")
	b.WriteString("--b\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n" + fileMap + "\r\n")
	b.WriteString("--b\r\nContent-Disposition: form-data; name=\"0\"; filename=\"a.txt\"\r\n\r\nhello\r\n--b--\r\n")
	return b.String()
}

// Twenty editors uploading at once on the SQLite default all succeed: writers queue, none sees
// "database is locked".
func TestConcurrentUploadsOnSQLite(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	editor := s.Token("EDITOR")
	var wg sync.WaitGroup
	errs := make(chan string, 20)
	for range 20 {
		file := apptest.Fixture(t, "alpha.png")
		wg.Go(func() {
			r := s.Upload(editor, map[string]any{"tags": []string{"concurrent"}}, file)
			if len(r.Errors) > 0 {
				errs <- r.Errors[0].Message
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("upload failed: %s", e)
	}
	if n := s.Rows("assets"); n != 20 {
		t.Errorf("%d assets after 20 uploads", n)
	}
}

// Only media writers may send files; the server refuses the others before it stores a byte, and one
// file cannot be fanned out to more uses than the per-call limit.
func TestUploadsRefusedBeforeSpooling(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	for who, c := range map[string]struct{ token, code string }{
		"anonymous": {"", "UNAUTHENTICATED"},
		"delivery":  {s.Token("DELIVERY"), "FORBIDDEN"},
	} {
		unchanged(t, s, who+" upload", func() {
			wantCode(t, who+" upload", s.Upload(c.token, nil, apptest.Fixture(t, "photo-12mp.jpg")), c.code, "")
		})
	}
	paths := make([]string, 11)
	for i := range paths {
		paths[i] = fmt.Sprintf("variables.f.%d", i)
	}
	fanout, _ := json.Marshal(map[string][]string{"0": paths})
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql",
		strings.NewReader(multipartBody(`{"query":"mutation($f:[Upload!]!){uploadAssets(files:$f){id}}","variables":{"f":[]}}`, string(fanout))))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
	unchanged(t, s, "fan-out", func() {
		wantCode(t, "one file used 11 times", s.Do(s.Token("EDITOR"), req), "TOO_MANY_FILES", "files")
	})
}

// Fragments that spread each other twice per level expand to 2^26 fields from a 1 KB query: refused
// on their shape, before anything expands them.
func TestFragmentBombRefused(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	var q strings.Builder
	q.WriteString("query { ...F0 }\n")
	for i := range 26 {
		fmt.Fprintf(&q, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	q.WriteString("fragment F26 on Query { mediaSettings { defaultLocale } }\n")
	wantCode(t, "fragment bomb", s.Query(s.Token("DELIVERY"), q.String(), nil), "VALIDATION_FAILED", "")
}

// Filters are bounded as a whole: values, branches and nesting.
func TestOversizedFiltersRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		delivery := s.Token("DELIVERY")
		kinds := make([]string, 3000)
		for i := range kinds {
			kinds[i] = "IMAGE"
		}
		nested := map[string]any{"kind": map[string]any{"eq": "IMAGE"}}
		for range 7 {
			nested = map[string]any{"AND": []any{nested}}
		}
		branches := make([]any, 60)
		for i := range branches {
			branches[i] = map[string]any{"kind": map[string]any{"eq": "IMAGE"}}
		}
		for name, f := range map[string]map[string]any{
			"3000 kinds":  {"kind": map[string]any{"in": kinds}},
			"nested AND":  nested,
			"60 OR":       {"OR": branches},
			"many in ORs": {"OR": []any{map[string]any{"kind": map[string]any{"in": kinds[:450]}}, map[string]any{"status": map[string]any{"in": []string{"PUBLIC"}}}, map[string]any{"mimeType": map[string]any{"in": kinds[:450]}}, map[string]any{"format": map[string]any{"in": kinds[:450]}}, map[string]any{"md5": map[string]any{"in": kinds[:450]}}, map[string]any{"ids": map[string]any{"in": kinds[:450]}}}},
		} {
			r := s.Query(delivery, `query($f: AssetFilter) { assets(filter: $f) { totalCount } }`, map[string]any{"f": f})
			if r.Code() != "VALIDATION_FAILED" {
				t.Errorf("%s: %+v, want VALIDATION_FAILED", name, r.Errors)
			}
		}
	})
}

// GET carries queries only: a mutation sent by GET is refused and changes nothing.
func TestGETRefusesMutations(t *testing.T) {
	s := apptest.Start(t, testdb.SQLite(t))
	q := url.QueryEscape(`mutation { createCollection(input: { name: "via-get" }) { id } }`)
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/graphql?query="+q, nil)
	unchanged(t, s, "mutation by GET", func() {
		r := s.Do(s.Token("EDITOR"), req)
		if len(r.Errors) == 0 || r.Code() != "VALIDATION_FAILED" {
			t.Errorf("mutation by GET: HTTP %d %+v, want VALIDATION_FAILED", r.Status, r.Errors)
		}
	})
}
