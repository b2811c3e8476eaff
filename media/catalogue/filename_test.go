package catalogue

import (
	"regexp"
	"strings"
	"testing"
)

// testAssetID names the asset of the names normalized here; its short form is 74y0m6jabc.
const testAssetID = "ast_01m8t16461x3d3ndn74y0m6jabc"

func TestNormalizeFilename(t *testing.T) {
	cases := []struct {
		name, ext, base, file string
	}{
		{"Crème brûlée.JPG", "jpg", "Creme-brulee", "Creme-brulee.jpg"},
		{"misnamed-jpeg.png", "jpg", "misnamed-jpeg", "misnamed-jpeg.jpg"},
		{"__my photo (1)__.jpeg", "jpg", "my-photo-1", "my-photo-1.jpg"},
		{"Über Photo (1).JPEG", "jpg", "Uber-Photo-1", "Uber-Photo-1.jpg"},
		{"no-extension", "png", "no-extension", "no-extension.png"},
		{"data.tar.gz", "", "data-tar", "data-tar.gz"},
		{"???.png", "png", "74y0m6jabc", "74y0m6jabc.png"},
		{"😀🎉.gif", "gif", "74y0m6jabc", "74y0m6jabc.gif"},
		{".hidden", "", "hidden", "hidden"},
		{"日本.png", "png", "Ri-Ben", "Ri-Ben.png"},
		{"日本語.pdf", "pdf", "Ri-Ben-Yu", "Ri-Ben-Yu.pdf"},
		{"Крем для лица.jpg", "jpg", "Krem-dlia-litsa", "Krem-dlia-litsa.jpg"},
		{"Ελληνικά.png", "png", "Ellenika", "Ellenika.png"},
		{"한국어 사진.webp", "webp", "hangugeo-sajin", "hangugeo-sajin.webp"},
		{"Ärger über Öl.txt", "txt", "Arger-uber-Ol", "Arger-uber-Ol.txt"},
		{"a - - b.png", "png", "a-b", "a-b.png"},
		{"unknown.B!N", "", "unknown", "unknown.b-n"},
		{"e\u0301te\u0301.png", "png", "ete", "ete.png"},
	}
	for _, c := range cases {
		base, file := NormalizeFilename(c.name, c.ext, testAssetID)
		if base != c.base || file != c.file {
			t.Errorf("NormalizeFilename(%q, %q) = %q, %q; want %q, %q", c.name, c.ext, base, file, c.base, c.file)
		}
	}
	// Transliteration lengthens some scripts several times over: the name still fits a filename.
	if _, file := NormalizeFilename(strings.Repeat("日", 255)+".png", "png", testAssetID); len(file) > 255 {
		t.Errorf("255 CJK characters normalize to %d bytes", len(file))
	}
}

func TestCheckFilename(t *testing.T) {
	for _, bad := range []string{"", "   ", "../etc/passwd", `a\b.jpg`, "a\x00b", "tab\there", strings.Repeat("a", 256)} {
		if err := CheckFilename("f", bad); err == nil {
			t.Errorf("CheckFilename(%q) accepted a bad name", bad)
		}
	}
	for _, good := range []string{"a.jpg", strings.Repeat("é", 255), "my photo (1).jpeg"} {
		if err := CheckFilename("f", good); err != nil {
			t.Errorf("CheckFilename(%q) = %v", good, err)
		}
	}
}

var (
	safeName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?(\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)?$`)
	sniffExt = regexp.MustCompile(`^[a-z0-9]+$`)
)

func FuzzNormalizeFilename(f *testing.F) {
	for _, seed := range []string{"photo.jpg", "Crème brûlée.JPG", "../../etc/passwd", "a..b", ".", "", "日本語", "x.\u0301",
		"日本.png", "Über Photo (1).JPEG", "a - - b", "--__--", "😀.png", "Ελληνικά", "한국어.webp", "مرحبا.jpg", "x.日本",
		strings.Repeat("日", 255)} {
		f.Add(seed, "jpg")
		f.Add(seed, "")
	}
	f.Fuzz(func(t *testing.T, name, ext string) {
		if ext != "" && (!sniffExt.MatchString(ext) || len(ext) > maxExtensionLength) {
			t.Skip() // sniffed extensions are always short lower-case words
		}
		base, file := NormalizeFilename(name, ext, testAssetID)
		if base == "" || !strings.HasPrefix(file, base) {
			t.Fatalf("NormalizeFilename(%q, %q) = %q, %q", name, ext, base, file)
		}
		if !safeName.MatchString(file) {
			t.Fatalf("NormalizeFilename(%q, %q) = %q: not a safe name", name, ext, file)
		}
		if ext != "" && !strings.HasSuffix(file, "."+ext) {
			t.Fatalf("NormalizeFilename(%q, %q) = %q: extension not applied", name, ext, file)
		}
		if strings.Contains(file, "--") || len(file) > 255 {
			t.Fatalf("NormalizeFilename(%q, %q) = %q: a run of dashes, or too long", name, ext, file)
		}
		if b2, f2 := NormalizeFilename(file, ext, testAssetID); b2 != base || f2 != file {
			t.Fatalf("not idempotent: %q -> %q -> %q", name, file, f2)
		}
	})
}
