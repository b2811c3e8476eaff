package catalogue

import (
	"regexp"
	"strings"
	"testing"
)

func TestNormalizeFilename(t *testing.T) {
	cases := []struct {
		name, ext, base, file string
	}{
		{"Crème brûlée.JPG", "jpg", "Creme-brulee", "Creme-brulee.jpg"},
		{"misnamed-jpeg.png", "jpg", "misnamed-jpeg", "misnamed-jpeg.jpg"},
		{"__my photo (1)__.jpeg", "jpg", "my-photo--1", "my-photo--1.jpg"},
		{"no-extension", "png", "no-extension", "no-extension.png"},
		{"data.tar.gz", "", "data-tar", "data-tar.gz"},
		{"???.png", "png", "file", "file.png"},
		{".hidden", "", "hidden", "hidden"},
		{"日本語.pdf", "pdf", "file", "file.pdf"},
		{"Ärger über Öl.txt", "txt", "Arger-uber-Ol", "Arger-uber-Ol.txt"},
		{"unknown.B!N", "", "unknown", "unknown.b-n"},
	}
	for _, c := range cases {
		base, file := NormalizeFilename(c.name, c.ext)
		if base != c.base || file != c.file {
			t.Errorf("NormalizeFilename(%q, %q) = %q, %q; want %q, %q", c.name, c.ext, base, file, c.base, c.file)
		}
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
	for _, seed := range []string{"photo.jpg", "Crème brûlée.JPG", "../../etc/passwd", "a..b", ".", "", "日本語", "x.\u0301"} {
		f.Add(seed, "jpg")
		f.Add(seed, "")
	}
	f.Fuzz(func(t *testing.T, name, ext string) {
		if ext != "" && !sniffExt.MatchString(ext) {
			t.Skip() // sniffed extensions are always short lower-case words
		}
		base, file := NormalizeFilename(name, ext)
		if base == "" || !strings.HasPrefix(file, base) {
			t.Fatalf("NormalizeFilename(%q, %q) = %q, %q", name, ext, base, file)
		}
		if !safeName.MatchString(file) {
			t.Fatalf("NormalizeFilename(%q, %q) = %q: not a safe name", name, ext, file)
		}
		if ext != "" && !strings.HasSuffix(file, "."+ext) {
			t.Fatalf("NormalizeFilename(%q, %q) = %q: extension not applied", name, ext, file)
		}
		if b2, f2 := NormalizeFilename(file, ext); b2 != base || f2 != file {
			t.Fatalf("not idempotent: %q -> %q -> %q", name, file, f2)
		}
	})
}
