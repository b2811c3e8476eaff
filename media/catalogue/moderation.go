package catalogue

import (
	"context"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// ModerationManual is the MEDIAGRAPH_MODERATION setting under which new bytes await a moderator.
const ModerationManual = "manual"

func (s *core) moderated() bool { return s.settings.Moderation == ModerationManual }

// newModeration is the review new bytes start with: PENDING when the library moderates, else
// APPROVED, as everything is while moderation is off.
func (s *core) newModeration() models.Moderation {
	if s.moderated() {
		return models.Moderation{Status: models.ModerationPending}
	}
	return models.Moderation{Status: models.ModerationApproved}
}

// ModerateAssets approves or rejects assets, with an optional note for the uploader; ADMIN tokens and
// EDITOR moderator tokens only. A REJECTED asset is never delivered.
func (s *Assets) ModerateAssets(ctx context.Context, ids []string, status models.ModerationStatus, note *string) ([]*models.Asset, error) {
	p, err := access.AuthorizeModeration(ctx)
	if err != nil {
		return nil, err
	}
	if status != models.ModerationApproved && status != models.ModerationRejected {
		return nil, access.Invalid("status", "a moderator decides APPROVED or REJECTED")
	}
	if err := checkText("note", note, maxNotesLength); err != nil {
		return nil, err
	}
	now := models.Now()
	m := models.Moderation{Status: status, Note: BlankToNil(note), At: &now}
	if actor := p.ActorID(); actor != "" {
		m.ByID = &actor
	}
	return s.changeAssets(ctx, ids, liveAssets, models.EventAssetModerationChanged, func(tx *models.DB, assets []*models.Asset) error {
		return tx.SaveModeration(ctx, assetIDs(assets), m)
	})
}

// unapproved returns those of ids that may not be published: not approved by a moderator, when the
// library moderates.
func (s *core) unapproved(ctx context.Context, tx *models.DB, ids []string) ([]string, error) {
	if !s.moderated() || len(ids) == 0 {
		return nil, nil
	}
	return tx.NotApproved(ctx, ids)
}

// refuseUnapproved refuses to publish assets a moderator has not approved.
func (s *core) refuseUnapproved(ctx context.Context, tx *models.DB, ids []string) error {
	pending, err := s.unapproved(ctx, tx, ids)
	if err != nil || len(pending) == 0 {
		return err
	}
	return notApproved(pending)
}

func notApproved(ids []string) error {
	return access.NewError(access.CodeAssetNotApproved, "not approved by a moderator, so not published: %s", strings.Join(ids, ", "))
}
