package main

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/mediagraph/mediagraph/config"
)

// help lists every setting with its flag, variable, default and meaning, one line each.
func TestUsageListsEverySetting(t *testing.T) {
	var out bytes.Buffer
	printUsage(&out)
	for _, s := range config.Settings() {
		def := s.Default
		if def == "" {
			def = "-"
		}
		line := `(?m)^  --` + regexp.QuoteMeta(s.Flag) + ` +\$` + regexp.QuoteMeta(s.Name) + ` +\(default ` + regexp.QuoteMeta(def) + `\) +` + regexp.QuoteMeta(s.Description) + `$`
		if !regexp.MustCompile(line).Match(out.Bytes()) {
			t.Errorf("help has no line for %s (--%s):\n%s", s.Name, s.Flag, out.String())
		}
	}
}
