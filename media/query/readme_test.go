package query

import (
	"os"
	"strings"
	"testing"
)

// The README's table of search expression fields lists every field the parser knows, as it
// describes itself.
func TestReadmeListsEveryField(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Fields {
		row := "| `" + f.name + "` | " + f.about + " |"
		if !strings.Contains(string(readme), row) {
			t.Errorf("README has no row %q", row)
		}
	}
}
