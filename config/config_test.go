package config_test

import (
	"bufio"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
)

// clearEnv unsets every setting's variable for the test, so that the machine's environment does not
// leak into what Load reads.
func clearEnv(t *testing.T) {
	for _, s := range config.Settings() {
		if _, ok := os.LookupEnv(s.Name); ok {
			t.Setenv(s.Name, "")
			os.Unsetenv(s.Name)
		}
	}
}

func TestConfigDefaults(t *testing.T) {
	c := config.Defaults()
	if c.Addr != ":8080" || c.PublicURL != "http://localhost:8080" || c.DatabaseURL != filepath.Join("data", "mediagraph.db") {
		t.Errorf("addresses: %q %q %q", c.Addr, c.PublicURL, c.DatabaseURL)
	}
	if !reflect.DeepEqual(c.Locales, []string{"en"}) || len(c.LocaleFallbacks) != 0 || c.DefaultLocale() != "en" {
		t.Errorf("locales: %v %v", c.Locales, c.LocaleFallbacks)
	}
	if c.MaxUploadBytes != 100<<20 || c.MaxFilesPerUpload != 10 || c.MaxSignedUploadBytes != 5<<30 || c.MaxSinglePutBytes != 4<<20 ||
		c.MaxImagePixels != 100_000_000 || c.MaxTransformSide != 4096 || c.DeliveryCacheBytes != 64<<20 || c.BodyMinRate != 16384 {
		t.Errorf("limits: %+v", c)
	}
	if c.UploadTicketTTL != 120*time.Second || c.UploadSweepInterval != time.Minute || c.OrphanSweepInterval != time.Hour ||
		c.OrphanGrace != time.Hour || c.TransformTimeout != 30*time.Second || c.EventDrainInterval != time.Second || c.BodyGrace != 20*time.Second {
		t.Errorf("durations: %+v", c)
	}
	if c.S3 != (config.S3{Region: "us-east-1"}) || c.S3Delivery != "proxy" || len(c.UploadTypes) != 4 || c.FetchAllow != nil {
		t.Errorf("S3 and types: %+v %q %v", c.S3, c.S3Delivery, c.UploadTypes)
	}
}

func TestConfigLoadWithoutEnvironmentIsDefaults(t *testing.T) {
	clearEnv(t)
	c, rest, err := config.Load("test", []string{"extra"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, config.Defaults()) || !reflect.DeepEqual(rest, []string{"extra"}) {
		t.Errorf("Load = %+v %v, want the defaults and the argument left", c, rest)
	}
}

func TestConfigFlagWinsOverVariable(t *testing.T) {
	clearEnv(t)
	t.Setenv("MEDIAGRAPH_MAX_UPLOAD_BYTES", "2000")
	t.Setenv("MEDIAGRAPH_LOCALES", "en,it")
	t.Setenv("MEDIAGRAPH_LOCALE_FALLBACKS", "it:en")
	t.Setenv("MEDIAGRAPH_FETCH_ALLOW_NETWORKS", "10.1.2.3/16, fd00::/8")
	t.Setenv("MEDIAGRAPH_CORS_ORIGINS", "HTTPS://Site.Example/, http://localhost:3000,*")
	c, _, err := config.Load("test", []string{"--max-upload-bytes", "3000", "--public-url", "https://cdn.example/", "--orphan-grace", "0s"})
	if err != nil {
		t.Fatal(err)
	}
	if c.MaxUploadBytes != 3000 || c.PublicURL != "https://cdn.example" || c.OrphanGrace != 0 {
		t.Errorf("flags: %d %q %s", c.MaxUploadBytes, c.PublicURL, c.OrphanGrace)
	}
	want := []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16"), netip.MustParsePrefix("fd00::/8")}
	if !reflect.DeepEqual(c.Locales, []string{"en", "it"}) || !reflect.DeepEqual(c.LocaleFallbacks["it"], []string{"en"}) || !reflect.DeepEqual(c.FetchAllow, want) {
		t.Errorf("variables: %v %v %v", c.Locales, c.LocaleFallbacks, c.FetchAllow)
	}
	if !reflect.DeepEqual(c.CORSOrigins, []string{"https://site.example", "http://localhost:3000", "*"}) {
		t.Errorf("CORS origins: %q", c.CORSOrigins)
	}
}

// Every refusal names the variable and says what it wants.
func TestConfigLoadRefusals(t *testing.T) {
	for _, tc := range []struct{ name, value, want string }{
		{"MEDIAGRAPH_MAX_UPLOAD_BYTES", "0", `MEDIAGRAPH_MAX_UPLOAD_BYTES: want a positive number of bytes, got "0"`},
		{"MEDIAGRAPH_MAX_FILES_PER_UPLOAD", "many", `MEDIAGRAPH_MAX_FILES_PER_UPLOAD: want a positive number, got "many"`},
		{"MEDIAGRAPH_MAX_IMAGE_PIXELS", "-1", `MEDIAGRAPH_MAX_IMAGE_PIXELS: want a positive number, got "-1"`},
		{"MEDIAGRAPH_DELIVERY_CACHE_BYTES", "-1", `MEDIAGRAPH_DELIVERY_CACHE_BYTES: want a number of bytes (0 for no cache), got "-1"`},
		{"MEDIAGRAPH_MAX_TRANSFORM_SIDE", "16385", `MEDIAGRAPH_MAX_TRANSFORM_SIDE: want a number of pixels from 16 to 16384, got "16385"`},
		{"S3_DELIVERY", "push", `S3_DELIVERY: want proxy or redirect, got "push"`},
		{"S3_FORCE_PATH_STYLE", "yes", `S3_FORCE_PATH_STYLE: want true or false, got "yes"`},
		{"MEDIAGRAPH_UPLOAD_TICKET_TTL", "0s", `MEDIAGRAPH_UPLOAD_TICKET_TTL: want a duration such as 120s, got "0s"`},
		{"MEDIAGRAPH_TRANSFORM_TIMEOUT", "soon", `MEDIAGRAPH_TRANSFORM_TIMEOUT: want a duration such as 30s, got "soon"`},
		{"MEDIAGRAPH_ORPHAN_GRACE", "-1h", `MEDIAGRAPH_ORPHAN_GRACE: want a duration such as 1h (0s for none), got "-1h"`},
		{"MEDIAGRAPH_BODY_MIN_RATE", "0", `MEDIAGRAPH_BODY_MIN_RATE: want a positive number of bytes a second, got "0"`},
		{"MEDIAGRAPH_FETCH_ALLOW_NETWORKS", "10.1.0.0", `MEDIAGRAPH_FETCH_ALLOW_NETWORKS: "10.1.0.0" is not a CIDR such as 10.1.0.0/16`},
		{"MEDIAGRAPH_CORS_ORIGINS", "https://site.example/path", `MEDIAGRAPH_CORS_ORIGINS: "https://site.example/path" is not an origin such as https://site.example or http://localhost:3000`},
		{"MEDIAGRAPH_CORS_ORIGINS", "site.example", `MEDIAGRAPH_CORS_ORIGINS: "site.example" is not an origin such as https://site.example or http://localhost:3000`},
		{"MEDIAGRAPH_LOCALES", " , ", `MEDIAGRAPH_LOCALES: at least one locale is required`},
		{"MEDIAGRAPH_LOCALES", "en,english", `MEDIAGRAPH_LOCALES: locale "english" is not a language tag such as en or pt-BR`},
		{"MEDIAGRAPH_LOCALE_FALLBACKS", "it", `MEDIAGRAPH_LOCALE_FALLBACKS: "it" is not locale:fallback`},
		{"MEDIAGRAPH_LOCALE_FALLBACKS", "en:it", `MEDIAGRAPH_LOCALE_FALLBACKS: fallback names locale "it", which is not among the locales [en]`},
		{"MEDIAGRAPH_ADDR", "8080", `MEDIAGRAPH_ADDR "8080": address 8080: missing port in address`},
	} {
		t.Run(tc.name+"="+tc.value, func(t *testing.T) {
			clearEnv(t)
			t.Setenv(tc.name, tc.value)
			_, _, err := config.Load("test", nil)
			if err == nil || err.Error() != tc.want {
				t.Errorf("Load: %v, want %s", err, tc.want)
			}
		})
	}
}

func TestConfigSettingsAreDistinct(t *testing.T) {
	names, flags := map[string]bool{}, map[string]bool{}
	for _, s := range config.Settings() {
		if names[s.Name] || flags[s.Flag] || s.Description == "" {
			t.Errorf("setting %s (--%s): repeated or undescribed", s.Name, s.Flag)
		}
		names[s.Name], flags[s.Flag] = true, true
	}
}

// The README's configuration table is the settings table, row for row; it may only add markup
// (code spans, and the escaped | a table cell needs).
func TestConfigReadmeTable(t *testing.T) {
	rows := readmeRows(t)
	settings := config.Settings()
	for i := range max(len(rows), len(settings)) {
		var got, want [4]string
		if i < len(rows) {
			got = rows[i]
		}
		if i < len(settings) {
			s := settings[i]
			want = [4]string{s.Name, "--" + s.Flag, s.Default, s.Description}
		}
		if got != want {
			t.Errorf("README configuration row %d:\n  %q\nwant (config/settings.go):\n  %q", i+1, got, want)
		}
	}
}

// readmeRows reads the table of the README's Configuration section, without its markup.
func readmeRows(t *testing.T) [][4]string {
	_, here, _, _ := runtime.Caller(0) // config/config_test.go in the module
	f, err := os.Open(filepath.Join(filepath.Dir(here), "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][4]string
	section, table := false, false
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			section = line == "## Configuration"
		case section && strings.HasPrefix(line, "| Variable |"):
			table = true
		case section && table && strings.HasPrefix(line, "|---"):
		case section && table && strings.HasPrefix(line, "|"):
			rows = append(rows, readmeRow(t, line))
		case table:
			return rows
		}
	}
	if len(rows) == 0 {
		t.Fatal("README.md has no configuration table under ## Configuration")
	}
	return rows
}

func readmeRow(t *testing.T, line string) [4]string {
	const bar = "\x00"
	cells := strings.Split(strings.ReplaceAll(line, `\|`, bar), "|")
	if len(cells) != 6 || strings.TrimSpace(cells[0]) != "" || strings.TrimSpace(cells[5]) != "" {
		t.Fatalf("README configuration row %q: want 4 cells", line)
	}
	var row [4]string
	for i := range row {
		row[i] = strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(cells[i+1]), "`", ""), bar, "|")
	}
	return row
}
