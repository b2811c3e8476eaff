package deliver

import (
	"context"
	"errors"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/models"
)

// damageError is a transform's failure found to come from damaged bytes; reason says how.
type damageError struct{ reason string }

func (e *damageError) Error() string { return e.reason }

// checkDamage tells damaged bytes from a failure of the server once job has failed with err,
// answering a *damageError for the first. libvips reports damage and its own failures alike, so
// unless err already says damage, the input is decoded once more under imaging.Verify, whose answer
// is typed: under the transform's ctx (its deadline, libvips' kill flag) and the memory it holds,
// and only when that decode is within the work a transform may cost.
func checkDamage(ctx context.Context, job *imaging.Job, err error) error {
	if stopped(err) {
		return err // the bytes may be whole, and deciding would cost a decode
	}
	if !errors.Is(err, imaging.ErrDamaged) {
		if job.VerifyCost().Check(transformWorkBudget, 0) != nil {
			return err
		}
		verr := job.Verify(ctx)
		if stopped(verr) {
			return verr
		}
		if !errors.Is(verr, imaging.ErrDamaged) {
			return err
		}
		err = verr
	}
	return &damageError{reason: damageReason(err)}
}

func stopped(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// damageReason is what err, which wraps imaging.ErrDamaged, says from that phrase on: libvips'
// reason without the steps that led to it.
func damageReason(err error) string {
	phrase := imaging.ErrDamaged.Error()
	if _, reason, ok := strings.Cut(err.Error(), phrase); ok {
		return phrase + reason
	}
	return phrase
}

// damaged records the damage a transform of asset a found as that version's processing error, in
// the catalogue, so that every instance refuses the next transform before reading the bytes, and
// answers the client's 400. Damage is found here in files stored before ingest looked for it, or
// that only a transform reaches. The record outlives the request: the client hanging up must not
// cost the next one a decode.
func (s *Service) damaged(ctx context.Context, a *models.Asset, reason string) error {
	if err := s.registry.RecordDamage(context.WithoutCancel(ctx), a.ID, a.Version, reason); err != nil {
		s.log.ErrorContext(ctx, "record damaged image", "asset", a.ID, "version", a.Version, "error", err)
	}
	return access.Invalid("params", "%s, so it is not transformed", reason)
}
