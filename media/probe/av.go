package probe

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mediagraph/mediagraph/models"
)

// Prober reads durations, dimensions and codecs of sound and video with ffprobe (from FFmpeg).
type Prober struct {
	// Path is ffprobe's path, "" when it is not installed.
	Path string
	// Timeout bounds one probe.
	Timeout time.Duration
}

// NewProber finds ffprobe on PATH.
func NewProber() Prober {
	path, _ := exec.LookPath("ffprobe")
	return Prober{Path: path, Timeout: 30 * time.Second}
}

// MissingProber is the processing error of media read without ffprobe.
const MissingProber = "ffprobe is not installed on the server (install FFmpeg), so the duration, size and codecs of sound and video are not read"

// Media reads a sound or video file. ffprobe reads it over HTTP from a server on loopback that
// lives for this call only: it fetches only the ranges it needs, however large the file is and
// wherever it is stored, and it never needs a temporary copy.
func (p Prober) Media(ctx context.Context, src io.ReadSeeker, size int64) Result {
	if p.Path == "" {
		return Result{Error: MissingProber}
	}
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	url, stop, err := ServeOnce(src, size)
	if err != nil {
		return Result{Error: "the file could not be handed to ffprobe: " + err.Error()}
	}
	defer stop()
	cmd := exec.CommandContext(ctx, p.Path, "-v", "error", "-protocol_whitelist", "http,tcp",
		"-print_format", "json", "-show_format", "-show_streams", url)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &limitedBuffer{&out, 1 << 20}, &limitedBuffer{&stderr, 4 << 10}
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return Result{Error: fmt.Sprintf("reading the file took longer than %s", p.Timeout)}
		}
		msg := strings.TrimSpace(strings.ReplaceAll(stderr.String(), url, "input"))
		if msg == "" {
			msg = err.Error()
		}
		return Result{Error: "the file is damaged or not a format ffprobe reads: " + firstLine(errors.New(msg))}
	}
	var probe probeOutput
	if err := json.Unmarshal(out.Bytes(), &probe); err != nil {
		return Result{Error: "ffprobe's answer could not be read: " + err.Error()}
	}
	return probe.result()
}

// ServeOnce serves src on a random loopback port under an unguessable path until stop is called: how
// FFmpeg reads a stored file in ranges, wherever it is stored, without a temporary copy.
func ServeOnce(src io.ReadSeeker, size int64) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("listen on loopback: %w", err)
	}
	secret := make([]byte, 16)
	_, _ = rand.Read(secret)
	path := "/" + hex.EncodeToString(secret)
	var mu sync.Mutex // one reader, however many requests ffprobe makes
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		http.ServeContent(w, r, "", time.Time{}, &sizedSeeker{src, size})
	})}
	go func() { _ = srv.Serve(ln) }()
	stop := func() {
		_ = srv.Close()
		mu.Lock() // a handler still inside ServeContent finishes before src is closed
		defer mu.Unlock()
	}
	return "http://" + ln.Addr().String() + path, stop, nil
}

// sizedSeeker answers SeekEnd from the known size, so that ServeContent never reads to the end.
type sizedSeeker struct {
	io.ReadSeeker
	size int64
}

func (s *sizedSeeker) Seek(offset int64, whence int) (int64, error) {
	if whence == io.SeekEnd {
		return s.ReadSeeker.Seek(s.size+offset, io.SeekStart)
	}
	return s.ReadSeeker.Seek(offset, whence)
}

// limitedBuffer keeps at most max bytes and drops the rest, so a misbehaving tool cannot fill memory.
type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		l.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

type probeOutput struct {
	Format struct {
		Duration string            `json:"duration"`
		BitRate  string            `json:"bit_rate"`
		Tags     map[string]string `json:"tags"`
	} `json:"format"`
	Streams []struct {
		CodecType    string            `json:"codec_type"`
		CodecName    string            `json:"codec_name"`
		Width        int               `json:"width"`
		Height       int               `json:"height"`
		AvgFrameRate string            `json:"avg_frame_rate"`
		Disposition  map[string]int    `json:"disposition"`
		Tags         map[string]string `json:"tags"`
		SideData     []struct {
			Rotation float64 `json:"rotation"`
		} `json:"side_data_list"`
	} `json:"streams"`
}

func (p probeOutput) result() Result {
	var r Result
	if d, err := strconv.ParseFloat(p.Format.Duration, 64); err == nil && d > 0 && !math.IsInf(d, 0) {
		r.Duration = &d
	}
	if b, err := strconv.ParseInt(p.Format.BitRate, 10, 64); err == nil && b > 0 {
		r.Analysis.Bitrate = b
	}
	for _, s := range p.Streams {
		switch {
		case s.CodecType == "video" && s.Disposition["attached_pic"] == 0 && r.Analysis.VideoCodec == "":
			r.Analysis.VideoCodec = s.CodecName
			w, h := s.Width, s.Height
			if quarterTurn(s.Tags["rotate"], s.SideData) {
				w, h = h, w
			}
			if w > 0 && h > 0 {
				r.Width, r.Height = &w, &h
			}
			r.Analysis.FrameRate = parseRate(s.AvgFrameRate)
		case s.CodecType == "audio" && r.Analysis.AudioCodec == "":
			r.Analysis.AudioCodec = s.CodecName
		}
	}
	tags := lowerKeys(p.Format.Tags)
	r.Credits.Title = nonEmpty(tags["title"])
	r.Credits.Creator = nonEmpty(firstOf(tags["artist"], tags["album_artist"], tags["composer"]))
	r.Credits.Copyright = nonEmpty(tags["copyright"])
	if len(tags) > 0 {
		raw := make(models.JSONObject, len(tags))
		for k, v := range tags {
			raw[k] = v
		}
		r.Embedded = models.JSONObject{"tags": raw}
	}
	return r
}

// quarterTurn reports whether a phone recorded the video on its side, so that width and height
// as displayed are swapped.
func quarterTurn(tag string, side []struct {
	Rotation float64 `json:"rotation"`
}) bool {
	deg, _ := strconv.ParseFloat(tag, 64)
	for _, s := range side {
		if s.Rotation != 0 {
			deg = s.Rotation
		}
	}
	return int(math.Abs(deg))%180 == 90
}

// parseRate reads ffprobe's "num/den" frame rates.
func parseRate(s string) float64 {
	num, den, ok := strings.Cut(s, "/")
	n, err1 := strconv.ParseFloat(num, 64)
	d, err2 := strconv.ParseFloat(den, 64)
	if !ok || err1 != nil || err2 != nil || d == 0 {
		return 0
	}
	return math.Round(n/d*1000) / 1000
}

func lowerKeys(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

func firstOf(list ...string) string {
	for _, s := range list {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func nonEmpty(s string) *string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return &s
}
