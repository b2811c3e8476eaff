package av

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
)

// Waveform resolution: sound is decoded to mono at waveformRate samples a second, and its peaks are
// kept in at most MaxBuckets buckets, which any smaller count is taken from.
const (
	waveformRate = 8000
	// MaxBuckets is the most buckets a waveform has.
	MaxBuckets = 2000
)

// Waveform reads the peaks of the sound at url (a loopback URL of ServeOnce) of about duration
// seconds: at most MaxBuckets values from 0 (silence) to 1 (full scale), each the loudest sample of
// its stretch of time. The decode is streamed: memory stays small however long the sound. The
// buckets share out the samples decoded, not the stated duration, which an MP3's padding overstates.
func (f FFmpeg) Waveform(ctx context.Context, url string, duration float64) ([]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, f.Timeout)
	defer cancel()
	// Windows of a few samples, about windowsPerBucket of them per bucket of the largest waveform.
	window := max(1, int(duration*waveformRate)/(MaxBuckets*windowsPerBucket))
	peaks := &peakWriter{window: window}
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- peaks.read(pr) }()
	err := f.run(ctx, pw, "-i", url, "-vn", "-ac", "1", "-ar", fmt.Sprint(waveformRate), "-f", "s16le", "-c:a", "pcm_s16le", "pipe:1")
	pw.CloseWithError(err)
	if rerr := <-done; err == nil && rerr != nil && !errors.Is(rerr, io.EOF) {
		err = rerr
	}
	if err != nil {
		return nil, fmt.Errorf("waveform: %w", err)
	}
	if len(peaks.windows) == 0 {
		return nil, errors.New("waveform: the file has no sound")
	}
	out, err := Buckets(peaks.windows, min(MaxBuckets, len(peaks.windows)))
	if err != nil {
		return nil, err
	}
	for i, p := range out {
		out[i] = math.Round(p*1000) / 1000
	}
	return out, nil
}

// windowsPerBucket is how finely samples are kept before they are shared out into buckets.
const windowsPerBucket = 8

// peakWriter keeps the loudest sample of each window of a stream of 16-bit samples.
type peakWriter struct {
	window  int
	windows []float64
	sample  int
}

func (p *peakWriter) read(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var b [2]byte
	for {
		if _, err := io.ReadFull(br, b[:]); err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return io.EOF
			}
			return err
		}
		v := math.Abs(float64(int16(binary.LittleEndian.Uint16(b[:])))) / 32768
		if p.sample%p.window == 0 {
			p.windows = append(p.windows, 0)
		}
		last := len(p.windows) - 1
		p.windows[last] = max(p.windows[last], v)
		p.sample++
	}
}

// Buckets takes n buckets from stored peaks, each the loudest of the stored ones it covers.
func Buckets(stored []float64, n int) ([]float64, error) {
	if n < 1 || n > len(stored) {
		return nil, fmt.Errorf("buckets must be from 1 to %d for this sound", len(stored))
	}
	out := make([]float64, n)
	for i := range out {
		from, to := i*len(stored)/n, (i+1)*len(stored)/n
		for _, v := range stored[from:max(to, from+1)] {
			out[i] = max(out[i], v)
		}
	}
	return out, nil
}

// Waveform image: the source that transforms of a sound start from, one column a stored bucket.
const (
	waveformImageHeight = 400
	waveformColor       = 0x33
)

// WaveformPNG draws peaks as a mirrored bar per column, dark on transparent, as a PNG.
func WaveformPNG(peaks []float64) ([]byte, error) {
	w, h := max(len(peaks), 1), waveformImageHeight
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	mid := h / 2
	for x, p := range peaks {
		half := int(math.Round(p * float64(mid)))
		for y := mid - half; y < mid+half; y++ {
			img.SetNRGBA(x, y, color.NRGBA{R: waveformColor, G: waveformColor, B: waveformColor, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encode waveform: %w", err)
	}
	return buf.Bytes(), nil
}
