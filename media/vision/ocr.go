package vision

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mediagraph/mediagraph/media/imaging"
)

// Reader reads the text in images with the Tesseract command, one process per image.
type Reader struct {
	command string
	timeout time.Duration
}

// NewReader reads with command (a name on PATH or a path), each image within timeout.
func NewReader(command string, timeout time.Duration) *Reader {
	return &Reader{command: command, timeout: timeout}
}

// Text is what Tesseract read in an image.
type Text struct {
	// Content is the words, a line of the image a line, paragraphs apart by a blank line.
	Content string
	// Words are the words read with their confidence (0 to 1).
	Words []Word
}

// Word is one word read, with Tesseract's confidence in it from 0 to 1.
type Word struct {
	Text       string
	Confidence float64
}

// Limits of one reading: the text kept (the column search indexes) and the output taken from the
// process (TSV says much more than the text).
const (
	maxTextBytes   = 64 << 10
	maxOutputBytes = 4 << 20
)

// ErrNoReader says the Tesseract command is not installed; the error wrapping it says which.
var ErrNoReader = errors.New("tesseract is not installed (Debian's tesseract-ocr and tesseract-ocr-eng)")

// Available says whether the command can be run, or why not.
func (r *Reader) Available() error {
	if _, err := exec.LookPath(r.command); err != nil {
		return fmt.Errorf("%w: %s not found", ErrNoReader, r.command)
	}
	return nil
}

// Read reads the English text in t.
func (r *Reader) Read(ctx context.Context, t imaging.Thumbnail) (Text, error) {
	if err := r.Available(); err != nil {
		return Text{}, err
	}
	var in bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	g := &image.Gray{Pix: grey(t), Stride: t.Width, Rect: image.Rect(0, 0, t.Width, t.Height)}
	if err := enc.Encode(&in, g); err != nil {
		return Text{}, fmt.Errorf("encode for tesseract: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	// stdin and stdout stand for the image and the result; tsv gives each word its confidence.
	cmd := exec.CommandContext(ctx, r.command, "stdin", "stdout", "-l", "eng", "--psm", "3", "tsv")
	// Tesseract's OpenMP threads would fight the other analyses for the cores: one is as fast per core.
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	cmd.Stdin = &in
	out := &capped{max: maxOutputBytes}
	var stderr capped
	stderr.max = 4 << 10
	cmd.Stdout, cmd.Stderr = out, &stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return Text{}, fmt.Errorf("tesseract took longer than %s", r.timeout)
		}
		return Text{}, fmt.Errorf("tesseract: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	if out.over {
		return Text{}, errors.New("tesseract wrote more than the output read")
	}
	return parseTSV(out.String()), nil
}

// capped keeps at most max bytes written to it, and says whether more came.
type capped struct {
	bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); len(p) > room {
		c.over = true
		c.Buffer.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return c.Buffer.Write(p)
}

// parseTSV reads Tesseract's TSV: a row per page, block, paragraph, line and word (level 5), the
// word's confidence (0-100, -1 for no word) in column 11 and its text in column 12.
func parseTSV(tsv string) Text {
	var b strings.Builder
	var words []Word
	lastLine, lastPar := "", ""
	for _, row := range strings.Split(tsv, "\n") {
		f := strings.Split(row, "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		text := strings.TrimSpace(f[11])
		conf, err := strconv.ParseFloat(f[10], 64)
		if text == "" || err != nil || conf < 0 {
			continue
		}
		par, line := strings.Join(f[1:4], "."), strings.Join(f[1:5], ".")
		switch {
		case b.Len() == 0:
		case par != lastPar:
			b.WriteString("\n\n")
		case line != lastLine:
			b.WriteString("\n")
		default:
			b.WriteString(" ")
		}
		lastPar, lastLine = par, line
		b.WriteString(text)
		words = append(words, Word{Text: text, Confidence: conf / 100})
	}
	return Text{Content: truncate(b.String(), maxTextBytes), Words: words}
}

// truncate cuts s to at most n bytes, at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
