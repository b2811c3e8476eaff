package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/server"
)

const assetsPage50 = `{ assets(first: 50) { totalCount nodes { id filename width height tags { id name } collection { id name } } } }`

// BenchmarkAssetsPermission is the cost of the permission check on assets(first: 50) over 10,000
// assets: an EDITOR token (no scope), a member of the Editor role by session cookie (the session and
// role lookup), and a member of a role that reads OWN (the scope's subquery on every list, count
// and relation), half of the assets being their role's.
//
//	go test ./server -run '^$' -bench AssetsPermission -benchtime 200x
func BenchmarkAssetsPermission(b *testing.B) {
	server.TuneRuntime()
	for _, backend := range testdb.Backends() {
		b.Run(backend.Name, func(b *testing.B) {
			s := apptest.Start(b, backend.New(b))
			s.Seed(10_000)
			editor, _ := signedIn(b, s, "ed@example.com", editorRoleID)
			own, ownID := signedIn(b, s, "own@example.com", ownRole(b, s, "Own"))
			if err := s.App.DB.Gorm().Exec("UPDATE assets SET created_by_id = ? WHERE id IN (SELECT id FROM assets ORDER BY id LIMIT 5000)", ownID).Error; err != nil {
				b.Fatal(err)
			}
			// Statistics as the database keeps them for a live table, not as a bulk load leaves them.
			if err := s.App.DB.Gorm().Exec("ANALYZE").Error; err != nil {
				b.Fatal(err)
			}
			token := s.Token("EDITOR")
			b.Run("token", func(b *testing.B) {
				benchmarkPage(b, s, func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) })
			})
			b.Run("member-all", func(b *testing.B) { benchmarkPage(b, s, editor.sign) })
			b.Run("member-own", func(b *testing.B) { benchmarkPage(b, s, own.sign) })
		})
	}
}

// sign makes a request the browser's: its cookie, origin and CSRF header.
func (b *signedBrowser) sign(r *http.Request) {
	r.Header.Set("Origin", b.origin)
	r.Header.Set("X-Mediagraph-CSRF", "1")
	r.AddCookie(b.cookie)
}

func benchmarkPage(b *testing.B, s *apptest.Server, sign func(*http.Request)) {
	body, _ := json.Marshal(map[string]string{"query": assetsPage50})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	fetch := func() (int, error) {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		sign(req)
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		var out struct {
			Data struct {
				Assets struct{ Nodes []json.RawMessage }
			}
		}
		raw, _ := io.ReadAll(res.Body)
		json.Unmarshal(raw, &out)
		return len(out.Data.Assets.Nodes), nil
	}
	if n, err := fetch(); err != nil || n != 50 {
		b.Fatalf("page has %d assets (%v)", n, err)
	}
	cpuBefore := processCPU(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := fetch(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((processCPU(b)-cpuBefore).Microseconds())/float64(b.N), "cpu-µs/req")
}
