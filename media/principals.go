package media

import (
	"context"
	"strings"

	"github.com/mediagraph/mediagraph/models"
)

// PrincipalsByID returns the members and API tokens among ids, for showing who created or changed
// what: one query for the members, one for the tokens.
func (s *Library) PrincipalsByID(ctx context.Context, ids []string) (map[string]models.Principal, error) {
	var members, tokens []string
	for _, id := range ids {
		if strings.HasPrefix(id, models.MemberPrefix+"_") {
			members = append(members, id)
		} else {
			tokens = append(tokens, id)
		}
	}
	out := make(map[string]models.Principal, len(ids))
	if len(members) > 0 {
		found, err := s.Members.MembersByID(ctx, members)
		if err != nil {
			return nil, err
		}
		for id, m := range found {
			out[id] = m
		}
	}
	if len(tokens) > 0 {
		found, err := s.Tokens.TokensByID(ctx, tokens)
		if err != nil {
			return nil, err
		}
		for id, t := range found {
			out[id] = t
		}
	}
	return out, nil
}
