package server_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/testdb"
)

// listedAsset is what the pagination tests need to know of an asset to order it themselves.
type listedAsset struct {
	ID        string
	Filename  string
	Size      int64
	Width     *int
	Height    *int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ascending compares two assets by one sort key; orderings add the id as a tie-breaker.
var ascending = map[string]func(a, b listedAsset) int{
	"CREATED_AT": func(a, b listedAsset) int { return a.CreatedAt.Compare(b.CreatedAt) },
	"UPDATED_AT": func(a, b listedAsset) int { return a.UpdatedAt.Compare(b.UpdatedAt) },
	"FILENAME":   func(a, b listedAsset) int { return strings.Compare(a.Filename, b.Filename) },
	"SIZE":       func(a, b listedAsset) int { return cmp.Compare(a.Size, b.Size) },
	// The schema: assets without a width (height) come first ascending, last descending.
	"WIDTH":  func(a, b listedAsset) int { return cmp.Compare(intOr(a.Width), intOr(b.Width)) },
	"HEIGHT": func(a, b listedAsset) int { return cmp.Compare(intOr(a.Height), intOr(b.Height)) },
}

func intOr(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// expectedOrder sorts assets as orderBy promises: the sort key, then the id, both in the same direction.
func expectedOrder(t *testing.T, assets []listedAsset, order string) []string {
	t.Helper()
	key, dir, _ := strings.Cut(order, "_")
	if strings.HasPrefix(dir, "AT_") { // CREATED_AT_ASC, UPDATED_AT_DESC
		key, dir = key+"_AT", strings.TrimPrefix(dir, "AT_")
	}
	by, ok := ascending[key]
	if !ok {
		t.Fatalf("no comparator for %s", order)
	}
	sorted := slices.Clone(assets)
	slices.SortFunc(sorted, func(a, b listedAsset) int {
		c := cmp.Or(by(a, b), strings.Compare(a.ID, b.ID))
		if dir == "DESC" {
			return -c
		}
		return c
	})
	out := make([]string, len(sorted))
	for i, a := range sorted {
		out[i] = a.ID
	}
	return out
}

const pageQuery = `query($o: AssetOrder, $f: AssetFilter, $first: Int, $after: String, $last: Int, $before: String) {
  assets(orderBy: $o, filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    nodes { id }
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

type assetPage struct {
	TotalCount int64
	Nodes      []idOnly
	Edges      []struct {
		Cursor string
		Node   idOnly
	}
	PageInfo struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
}

// page fetches one page and checks what every page must satisfy: nodes and edges agree, and the page's
// start and end cursors are those of its first and last edges.
func page(t *testing.T, s *apptest.Server, token string, vars map[string]any) assetPage {
	t.Helper()
	var out struct{ Assets assetPage }
	s.Must(token, pageQuery, vars, &out)
	p := out.Assets
	if len(p.Nodes) != len(p.Edges) {
		t.Fatalf("%v: %d nodes but %d edges", vars, len(p.Nodes), len(p.Edges))
	}
	for i := range p.Nodes {
		if p.Nodes[i].ID != p.Edges[i].Node.ID {
			t.Fatalf("%v: node %d is %s, edge %d is %s", vars, i, p.Nodes[i].ID, i, p.Edges[i].Node.ID)
		}
		if p.Edges[i].Cursor == "" {
			t.Fatalf("%v: edge %d has no cursor", vars, i)
		}
	}
	if len(p.Edges) == 0 {
		if p.PageInfo.StartCursor != nil || p.PageInfo.EndCursor != nil {
			t.Errorf("%v: empty page with cursors %v %v", vars, p.PageInfo.StartCursor, p.PageInfo.EndCursor)
		}
		return p
	}
	if deref(p.PageInfo.StartCursor) != p.Edges[0].Cursor || deref(p.PageInfo.EndCursor) != p.Edges[len(p.Edges)-1].Cursor {
		t.Errorf("%v: pageInfo cursors are not those of the first and last edges", vars)
	}
	return p
}

// walkForward pages through a list with first/after and returns every id in the order served.
func walkForward(t *testing.T, s *apptest.Server, token, order string, filter map[string]any, k int, total int) []string {
	t.Helper()
	var all []string
	var after *string
	for n := 0; ; n++ {
		if n > total+2 {
			t.Fatalf("%s first %d: still paging after %d pages", order, k, n)
		}
		vars := map[string]any{"o": order, "f": filter, "first": k}
		if after != nil {
			vars["after"] = *after
		}
		p := page(t, s, token, vars)
		if p.TotalCount != int64(total) {
			t.Errorf("%s first %d page %d: totalCount %d, want %d", order, k, n, p.TotalCount, total)
		}
		if p.PageInfo.HasPreviousPage != (after != nil) {
			t.Errorf("%s first %d page %d: hasPreviousPage %v", order, k, n, p.PageInfo.HasPreviousPage)
		}
		all = append(all, ids(p.Nodes)...)
		if !p.PageInfo.HasNextPage {
			return all
		}
		if len(p.Nodes) != k {
			t.Fatalf("%s first %d page %d: %d assets and hasNextPage", order, k, n, len(p.Nodes))
		}
		after = p.PageInfo.EndCursor
	}
}

// walkBackward pages from the end of a list with last/before and returns every id in list order.
func walkBackward(t *testing.T, s *apptest.Server, token, order string, filter map[string]any, k int, total int) []string {
	t.Helper()
	var all []string
	var before *string
	for n := 0; ; n++ {
		if n > total+2 {
			t.Fatalf("%s last %d: still paging after %d pages", order, k, n)
		}
		vars := map[string]any{"o": order, "f": filter, "last": k}
		if before != nil {
			vars["before"] = *before
		}
		p := page(t, s, token, vars)
		if p.TotalCount != int64(total) {
			t.Errorf("%s last %d page %d: totalCount %d, want %d", order, k, n, p.TotalCount, total)
		}
		if p.PageInfo.HasNextPage != (before != nil) {
			t.Errorf("%s last %d page %d: hasNextPage %v", order, k, n, p.PageInfo.HasNextPage)
		}
		all = append(ids(p.Nodes), all...)
		if !p.PageInfo.HasPreviousPage {
			return all
		}
		if len(p.Nodes) != k {
			t.Fatalf("%s last %d page %d: %d assets and hasPreviousPage", order, k, n, len(p.Nodes))
		}
		before = p.PageInfo.StartCursor
	}
}

// sameOrder reports the first difference between two id lists, naming duplicates and missing ids.
func sameOrder(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	seen := map[string]int{}
	for _, id := range got {
		seen[id]++
	}
	var dup, missing []string
	for id, n := range seen {
		if n > 1 {
			dup = append(dup, id)
		}
	}
	for _, id := range want {
		if seen[id] == 0 {
			missing = append(missing, id)
		}
	}
	first := -1
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			first = i
			break
		}
	}
	t.Errorf("%s: %d ids, want %d; duplicated %v, missing %v, first difference at %d", what, len(got), len(want), dup, missing, first)
}

func TestAssetPagination(t *testing.T) {
	testdb.Each(t, func(t *testing.T, dbURL string) {
		s := apptest.Start(t, dbURL)
		editor := s.Token("EDITOR")
		delivery := s.Token("DELIVERY")

		const seeded = 37 // PUBLIC, all 1200 wide: ties for WIDTH_ASC
		s.Seed(seeded)
		// PRIVATE uploads: two identical files (ties in size and filename), files without a width (a
		// sound and a PDF) and one more image 1200 wide.
		uploaded := s.MustUpload(editor, map[string]any{"tags": []string{"uploaded"}},
			apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "alpha.png"), apptest.Fixture(t, "tone.mp3"),
			apptest.Fixture(t, "focal-red-square.png"), apptest.Fixture(t, "anim.gif"), apptest.Fixture(t, "document-3-pages.pdf"))
		if len(uploaded) != 6 {
			t.Fatalf("uploaded %d assets, want 6", len(uploaded))
		}
		s.Settle() // the analyses' updates move updatedAt: the orders are checked on what stays
		total := seeded + len(uploaded)

		var all struct {
			Assets struct {
				TotalCount int64
				Nodes      []listedAsset
			}
		}
		s.Must(editor, `{ assets(first: 500) { totalCount nodes { id filename size width height createdAt updatedAt } } }`, nil, &all)
		assets := all.Assets.Nodes
		if len(assets) != total || all.Assets.TotalCount != int64(total) {
			t.Fatalf("listed %d assets (totalCount %d), want %d", len(assets), all.Assets.TotalCount, total)
		}
		noWidth := 0
		for _, a := range assets {
			if a.Width == nil {
				noWidth++
			}
		}
		if noWidth != 2 {
			t.Fatalf("%d assets without a width, want 2 (the sound and the PDF)", noWidth)
		}

		orders := []string{"CREATED_AT_ASC", "CREATED_AT_DESC", "UPDATED_AT_ASC", "UPDATED_AT_DESC", "FILENAME_ASC", "FILENAME_DESC",
			"SIZE_ASC", "SIZE_DESC", "WIDTH_ASC", "WIDTH_DESC", "HEIGHT_ASC", "HEIGHT_DESC"}
		for _, order := range orders {
			want := expectedOrder(t, assets, order)
			var one struct{ Assets assetPage }
			s.Must(editor, pageQuery, map[string]any{"o": order, "first": 500}, &one)
			sameOrder(t, order+" in one page", ids(one.Assets.Nodes), want)
			if one.Assets.PageInfo.HasNextPage || one.Assets.PageInfo.HasPreviousPage {
				t.Errorf("%s in one page: pageInfo %+v", order, one.Assets.PageInfo)
			}
		}

		// The orderings the brief names, walked with several page sizes, including one that divides
		// the total (the last page is full and must still say there is nothing after it).
		for _, order := range []string{"CREATED_AT_DESC", "FILENAME_ASC", "SIZE_DESC", "WIDTH_ASC", "HEIGHT_DESC"} {
			want := expectedOrder(t, assets, order)
			for _, k := range []int{1, 4, 7, total} {
				sameOrder(t, fmt.Sprintf("%s first %d", order, k), walkForward(t, s, editor, order, nil, k, total), want)
				sameOrder(t, fmt.Sprintf("%s last %d", order, k), walkBackward(t, s, editor, order, nil, k, total), want)
			}
		}

		// An edge's cursor works as after and as before, not only pageInfo's.
		for _, order := range []string{"CREATED_AT_DESC", "WIDTH_ASC", "FILENAME_ASC"} {
			want := expectedOrder(t, assets, order)
			first := page(t, s, editor, map[string]any{"o": order, "first": 6})
			mid := first.Edges[2].Cursor
			next := page(t, s, editor, map[string]any{"o": order, "first": 5, "after": mid})
			sameOrder(t, order+" after edge 2", ids(next.Nodes), want[3:8])
			prev := page(t, s, editor, map[string]any{"o": order, "last": 2, "before": mid})
			sameOrder(t, order+" before edge 2", ids(prev.Nodes), want[0:2])
			if !prev.PageInfo.HasNextPage || prev.PageInfo.HasPreviousPage {
				t.Errorf("%s last 2 before edge 2: pageInfo %+v, want a next page and no previous one", order, prev.PageInfo)
			}
			// The cursor of the very last asset: nothing after it.
			last := page(t, s, editor, map[string]any{"o": order, "last": 1})
			sameOrder(t, order+" last 1", ids(last.Nodes), want[len(want)-1:])
			end := page(t, s, editor, map[string]any{"o": order, "first": 3, "after": last.Edges[0].Cursor})
			if len(end.Nodes) != 0 || end.PageInfo.HasNextPage {
				t.Errorf("%s after the last asset: %v, hasNextPage %v", order, ids(end.Nodes), end.PageInfo.HasNextPage)
			}
		}

		// totalCount follows the filter, not the page; paging a filtered list keeps to the filter.
		seedTag1 := 0
		for i := range seeded {
			if i%10 == 1 || (i+3)%10 == 1 {
				seedTag1++
			}
		}
		width1200 := 0
		for _, a := range assets {
			if a.Width != nil && *a.Width == 1200 {
				width1200++
			}
		}
		if width1200 != seeded+1 {
			t.Fatalf("%d assets 1200 wide, want %d", width1200, seeded+1)
		}
		for _, c := range []struct {
			name   string
			filter map[string]any
			want   int
		}{
			{"tag seed-tag-1", map[string]any{"tags": map[string]any{"anyIn": []string{"seed-tag-1"}}}, seedTag1},
			{"PRIVATE", map[string]any{"status": map[string]any{"eq": "PRIVATE"}}, len(uploaded)},
			{"uploaded tag", map[string]any{"tags": map[string]any{"allIn": []string{"UPLOADED"}}}, len(uploaded)},
			{"1200 wide", map[string]any{"width": map[string]any{"eq": 1200}}, width1200},
			{"no width", map[string]any{"width": map[string]any{"exists": false}}, 2},
			{"nothing", map[string]any{"filename": map[string]any{"matches": "no such file"}}, 0},
		} {
			got := walkForward(t, s, editor, "WIDTH_ASC", c.filter, 3, c.want)
			if len(got) != c.want {
				t.Errorf("filter %s: walked %d assets, want %d", c.name, len(got), c.want)
			}
			back := walkBackward(t, s, editor, "WIDTH_ASC", c.filter, 3, c.want)
			sameOrder(t, "filter "+c.name+" backward", back, got)
		}
		// With every width tied, WIDTH_ASC is id order.
		var tied []listedAsset
		for _, a := range assets {
			if a.Width != nil && *a.Width == 1200 {
				tied = append(tied, a)
			}
		}
		wantTied := expectedOrder(t, tied, "WIDTH_ASC")
		if !slices.IsSorted(wantTied) {
			t.Fatalf("expected tie order is not id order: %v", wantTied)
		}
		sameOrder(t, "1200 wide by id", walkForward(t, s, editor, "WIDTH_ASC", map[string]any{"width": map[string]any{"eq": 1200}}, 5, width1200), wantTied)

		// A DELIVERY token pages through the PUBLIC assets only, and counts only them.
		var public []listedAsset
		private := map[string]bool{}
		for _, u := range uploaded {
			private[u.ID] = true
		}
		for _, a := range assets {
			if !private[a.ID] {
				public = append(public, a)
			}
		}
		for _, order := range []string{"SIZE_DESC", "WIDTH_ASC"} {
			want := expectedOrder(t, public, order)
			sameOrder(t, "DELIVERY "+order+" forward", walkForward(t, s, delivery, order, nil, 10, seeded), want)
			sameOrder(t, "DELIVERY "+order+" backward", walkBackward(t, s, delivery, order, nil, 10, seeded), want)
		}
	})
}
