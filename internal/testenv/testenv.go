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
func Main(m *testing.M) {
	code := m.Run()
	testdb.Stop()
	tests3.Stop()
	os.Exit(code)
}
