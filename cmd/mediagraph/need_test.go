package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The setup check finds what is missing from the one package list and, when it may not install,
// prints the one apt-get line and stops. libvips is hidden from pkg-config to play a machine without it.
func TestNeedPrintsTheInstallLine(t *testing.T) {
	cmd := exec.Command("sh", "../../scripts/need", "run")
	cmd.Env = append(os.Environ(), "MEDIAGRAPH_NO_INSTALL=1", "PKG_CONFIG_LIBDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
		t.Fatalf("scripts/need run without libvips: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "apt-get install --no-install-recommends libvips-dev\n") {
		t.Errorf("no apt-get line naming libvips-dev:\n%s", out)
	}
}

// CI installs through the same script and list as the two commands: no second package list.
func TestCIInstallsThroughNeed(t *testing.T) {
	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(ci), "apt-get") || !strings.Contains(string(ci), "scripts/need ci") {
		t.Errorf(".ci/run installs packages itself:\n%s", ci)
	}
}
