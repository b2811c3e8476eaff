// Package av makes what sound, video and documents show of themselves: a video's poster and its
// frames, a document's pages, a sound's waveform, a video's HLS ladder. FFmpeg does the decoding, run
// as ffprobe is (media/probe): found on PATH, reading the stored file over loopback, with a timeout
// and bounded output; without it these are not made and Missing says why.
package av

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// Missing is the reason given for everything FFmpeg makes when it is not installed.
const Missing = "ffmpeg is not installed on the server (install FFmpeg), so posters, frames, waveforms and HLS streams are not made"

// ErrMissing is returned by every FFmpeg call when it is not installed.
var ErrMissing = errors.New(Missing)

// FFmpeg runs ffmpeg.
type FFmpeg struct {
	// Path is ffmpeg's path, "" when it is not installed.
	Path string
	// Timeout bounds one frame or one waveform; an HLS encode is bounded by its caller.
	Timeout time.Duration
}

// NewFFmpeg finds ffmpeg on PATH.
func NewFFmpeg() FFmpeg {
	path, _ := exec.LookPath("ffmpeg")
	return FFmpeg{Path: path, Timeout: 60 * time.Second}
}

// Available reports whether ffmpeg is installed.
func (f FFmpeg) Available() bool { return f.Path != "" }

// maxFrameBytes bounds the PNG of one frame: a 4K frame is about 25 MB at worst.
const maxFrameBytes = 64 << 20

// Frame decodes the frame shown at second at of the video at url (a loopback URL of ServeOnce) as a
// PNG, with square pixels: a video whose pixels are not square is shown at its display size.
func (f FFmpeg) Frame(ctx context.Context, url string, at float64) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	var out bytes.Buffer
	// -ss before -i seeks by the index to the keyframe before, then decodes up to the exact time.
	err := f.run(ctx, &limitedWriter{w: &out, n: maxFrameBytes}, "-ss", seconds(at), "-i", url,
		"-frames:v", "1", "-vf", "scale=trunc(iw*sar/2)*2:ih,setsar=1", "-f", "image2pipe", "-c:v", "png", "pipe:1")
	if err != nil {
		return nil, fmt.Errorf("frame at %ss: %w", seconds(at), err)
	}
	if out.Len() == 0 {
		return nil, fmt.Errorf("frame at %ss: %w", seconds(at), ErrNoFrame)
	}
	return out.Bytes(), nil
}

// ErrNoFrame is a frame asked for past the video's end, or in a file without pictures.
var ErrNoFrame = errors.New("the video has no frame at that time")

// run runs ffmpeg with args, its output to stdout; an error carries the first line ffmpeg wrote
// about it, with the loopback URL taken out.
func (f FFmpeg) run(ctx context.Context, stdout io.Writer, args ...string) error {
	return f.runIn(ctx, "", stdout, args...)
}

// runIn is run in directory dir, where relative output names land ("": the process's own).
func (f FFmpeg) runIn(ctx context.Context, dir string, stdout io.Writer, args ...string) error {
	if f.Path == "" {
		return ErrMissing
	}
	base := []string{"-nostdin", "-hide_banner", "-v", "error", "-protocol_whitelist", "http,tcp,file,crypto"}
	cmd := exec.CommandContext(ctx, f.Path, append(base, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &limitedWriter{w: &stderr, n: 4 << 10, drop: true}
	err := cmd.Run()
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return fmt.Errorf("ffmpeg stopped: %w", ctx.Err())
	}
	msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
	for _, a := range args {
		if strings.HasPrefix(a, "http://127.0.0.1:") {
			msg = strings.ReplaceAll(msg, a, "input")
		}
	}
	if msg == "" {
		msg = err.Error()
	}
	return fmt.Errorf("ffmpeg: %s", msg)
}

func seconds(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// limitedWriter keeps at most n bytes, so a misbehaving decode cannot fill memory: after them it
// fails, which stops ffmpeg, or with drop (for its messages) ignores the rest.
type limitedWriter struct {
	w    io.Writer
	n    int
	drop bool
}

// ErrTooMuchOutput is ffmpeg writing more than its caller bounded.
var ErrTooMuchOutput = errors.New("ffmpeg's output is larger than allowed")

func (l *limitedWriter) Write(p []byte) (int, error) {
	if len(p) > l.n {
		if l.drop {
			l.w.Write(p[:l.n])
			l.n = 0
			return len(p), nil
		}
		return 0, ErrTooMuchOutput
	}
	l.n -= len(p)
	return l.w.Write(p)
}
