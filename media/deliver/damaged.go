package deliver

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/models"
)

// transformFailed tells damaged bytes from a failure of the server once a transform of asset a has
// failed with err. Damage found here — in files stored before ingest looked for it, or that only a
// transform reaches — is recorded as that version's processing error in the database, so that
// every instance refuses the next transform before reading the bytes, and it is the client's 400.
// Anything else stays an internal error.
func (s *Service) transformFailed(ctx context.Context, a *models.Asset, derived string, buf []byte, err error) error {
	internal := fmt.Errorf("transform %s: %w", derived, err)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return internal // the transform was stopped: the bytes may be whole, and deciding would cost a decode
	}
	reason, ok := damageOf(buf, err)
	if !ok {
		return internal
	}
	if err := s.db.RecordProcessingError(ctx, a.ID, a.Version, reason); err != nil {
		s.log.ErrorContext(ctx, "record damaged image", "asset", a.ID, "version", a.Version, "error", err)
	}
	return access.Invalid("params", "%s, so it is not transformed", reason)
}

// damageOf says whether a transform's failure err comes from damaged bytes in buf, and how. libvips
// reports damage and its own failures alike, so unless err already says damage, the bytes are
// decoded once more under imaging.Verify, whose answer is typed.
func damageOf(buf []byte, err error) (string, bool) {
	if !errors.Is(err, imaging.ErrDamaged) {
		h, herr := imaging.ReadHeader(buf)
		if herr != nil {
			return "", false
		}
		if err = imaging.Verify(buf, h); !errors.Is(err, imaging.ErrDamaged) {
			return "", false
		}
	}
	msg := err.Error()
	return msg[strings.Index(msg, imaging.ErrDamaged.Error()):], true
}
