package catalogue

import (
	"context"
	"fmt"
)

// PageInfo is Relay's page information.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// pager is what every paginated list shares. Cursors cost an HMAC each and totals a query, so both
// are computed only when a client selects them.
type pager struct {
	n                int
	cursor           func(i int) (string, error)
	hasNext, hasPrev bool
	count            func(context.Context) (int64, error)
}

// PageInfo tells whether more pages exist and where this one starts and ends.
func (p pager) PageInfo() (PageInfo, error) {
	info := PageInfo{HasNextPage: p.hasNext, HasPreviousPage: p.hasPrev}
	if p.n == 0 {
		return info, nil
	}
	start, err := p.cursor(0)
	if err != nil {
		return info, fmt.Errorf("encode cursor: %w", err)
	}
	end, err := p.cursor(p.n - 1)
	if err != nil {
		return info, fmt.Errorf("encode cursor: %w", err)
	}
	info.StartCursor, info.EndCursor = &start, &end
	return info, nil
}

// TotalCount counts every item the list's filter selects, across all pages.
func (p pager) TotalCount(ctx context.Context) (int64, error) { return p.count(ctx) }

func (p pager) edge(i int) edge { return edge{cursor: func() (string, error) { return p.cursor(i) }} }

// edge is the cursor half of a list's edge.
type edge struct{ cursor func() (string, error) }

// Cursor is the position of the edge's node in its list.
func (e edge) Cursor() (string, error) { return e.cursor() }
