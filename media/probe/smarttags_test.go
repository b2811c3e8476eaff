package probe

import (
	"strings"
	"testing"
)

func TestSmartTagsAreBounded(t *testing.T) {
	keywords := []string{" milan ", "", strings.Repeat("x", 101), strings.Repeat("é", 100)}
	for range 200 {
		keywords = append(keywords, "k")
	}
	got := smartTags(keywords)
	if len(got) != maxSmartTags || got[0] != "milan" || got[1] != strings.Repeat("é", 100) {
		t.Errorf("%d tags, first %q, second %.10q", len(got), got[0], got[1])
	}
}
