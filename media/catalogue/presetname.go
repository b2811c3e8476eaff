package catalogue

import (
	"regexp"

	"github.com/mediagraph/mediagraph/media/access"
)

// presetName is what a transform or upload preset may be called: a slug, so that it needs no
// escaping in a URL and reads the same in a template and in a query string.
var presetName = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?$`)

// CheckPresetName checks the name of a preset.
func CheckPresetName(field, name string) error {
	if !presetName.MatchString(name) {
		return access.Invalid(field, "a preset's name is 1 to 64 lower-case letters, digits, - and _, starting and ending with a letter or digit; %q is not", name)
	}
	return nil
}
