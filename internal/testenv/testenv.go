// Package testenv is the TestMain of every package whose tests start real services: it runs the
// tests, then stops the throwaway PostgreSQL cluster and S3 server they started, if any.
package testenv

import (
	"os"
	"testing"

	"github.com/mediagraph/mediagraph/internal/testdb"
	"github.com/mediagraph/mediagraph/internal/tests3"
)

// Main runs m's tests, stops the services they started, and exits with the tests' status.
// The pixel analysis is off unless the environment says otherwise: it adds smart tags in the
// background, at any moment of another test; the tests of vision turn it on in their configuration.
func Main(m *testing.M) {
	if _, set := os.LookupEnv("MEDIAGRAPH_VISION"); !set {
		os.Setenv("MEDIAGRAPH_VISION", "off")
	}
	code := m.Run()
	testdb.Stop()
	tests3.Stop()
	os.Exit(code)
}
