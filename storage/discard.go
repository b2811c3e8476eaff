package storage

import (
	"context"
	"log/slog"
)

// Discard deletes stored objects whose rows are gone. A failure is logged, not returned: the rows are
// already deleted and the caller's operation succeeded.
func Discard(ctx context.Context, s Store, keys []string, log *slog.Logger) {
	for _, k := range keys {
		if err := s.Delete(context.WithoutCancel(ctx), k); err != nil {
			log.Error("delete stored object", "key", k, "err", err)
		}
	}
}
