package av

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The HLS ladder: these heights, none above the source's (a source smaller than the lowest gets one
// rendition at its own size), H.264 and AAC in fMP4 segments of SegmentSeconds.
//
// fMP4 rather than MPEG-TS: every player that matters (hls.js through MSE, Safari and iOS natively
// since iOS 10, ExoPlayer) plays it; hls.js appends fMP4 as it comes instead of transmuxing TS in
// JavaScript; its segments are smaller (no 188-byte packet overhead); and one rendition's init and
// segments concatenated are a playable fragmented MP4, so mp4Url needs no second encode.
var ladder = []Rung{{Height: 360, VideoKbps: 800}, {Height: 720, VideoKbps: 2800}, {Height: 1080, VideoKbps: 5000}}

// SegmentSeconds is the length of an HLS segment.
const SegmentSeconds = 6

// audioKbps is the AAC bitrate of every rendition.
const audioKbps = 128

// Rung is one rendition of the ladder.
type Rung struct {
	Width, Height int
	VideoKbps     int
}

// Ladder is the renditions of a width×height video: the ladder's heights up to its own, widths kept
// even and in proportion.
func Ladder(width, height int) []Rung {
	var out []Rung
	for _, r := range ladder {
		if r.Height <= height {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		out = []Rung{{Height: height, VideoKbps: ladder[0].VideoKbps}}
	}
	for i := range out {
		out[i].Height -= out[i].Height % 2
		out[i].Width = max(2, int(float64(width)*float64(out[i].Height)/float64(height))/2*2)
	}
	return out
}

// MasterPlaylist is the file name of the master playlist in an encode's directory; rendition i's
// playlist, init segment and segments are under "v<i>/".
const MasterPlaylist = "master.m3u8"

// HLS encodes the video at url, of duration seconds, into dir as the renditions rungs, with sound
// when it has some. progress hears the fraction done, from 0 to 1, as ffmpeg reports it. Its
// deadline is ctx's: an encode takes as long as the video, or more.
func (f FFmpeg) HLS(ctx context.Context, url, dir string, rungs []Rung, duration float64, withAudio bool, progress func(float64)) error {
	for i := range rungs {
		if err := os.MkdirAll(filepath.Join(dir, "v"+strconv.Itoa(i)), 0o750); err != nil {
			return fmt.Errorf("hls: %w", err)
		}
	}
	args := append([]string{"-i", url, "-progress", "pipe:1", "-nostats"}, hlsArgs(rungs, withAudio)...)
	args = append(args, "v%v/index.m3u8")
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() { defer close(done); readProgress(pr, duration, progress) }()
	err := f.runIn(ctx, dir, pw, args...) // the playlists name their files relative to dir
	pw.Close()
	<-done
	if err != nil {
		return fmt.Errorf("hls: %w", err)
	}
	return nil
}

// hlsArgs are the encoding arguments of a ladder: one decode split into every size, each encoded
// with keyframes every segment so that segments cut exactly and each starts independently.
func hlsArgs(rungs []Rung, withAudio bool) []string {
	var filter, outs, streams []string
	split := fmt.Sprintf("[0:v]split=%d", len(rungs))
	for i := range rungs {
		split += fmt.Sprintf("[s%d]", i)
	}
	filter = append(filter, split)
	args := []string{}
	for i, r := range rungs {
		filter = append(filter, fmt.Sprintf("[s%d]scale=%d:%d,setsar=1[v%d]", i, r.Width, r.Height, i))
		outs = append(outs, "-map", fmt.Sprintf("[v%d]", i))
		args = append(args, fmt.Sprintf("-b:v:%d", i), fmt.Sprintf("%dk", r.VideoKbps),
			fmt.Sprintf("-maxrate:v:%d", i), fmt.Sprintf("%dk", r.VideoKbps*3/2), fmt.Sprintf("-bufsize:v:%d", i), fmt.Sprintf("%dk", r.VideoKbps*2))
		stream := fmt.Sprintf("v:%d", i)
		if withAudio {
			outs = append(outs, "-map", "0:a:0")
			stream += fmt.Sprintf(",a:%d", i)
		}
		streams = append(streams, stream)
	}
	all := []string{"-filter_complex", strings.Join(filter, ";")}
	all = append(all, outs...)
	all = append(all, "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
		"-force_key_frames", fmt.Sprintf("expr:gte(t,n_forced*%d)", SegmentSeconds), "-sc_threshold", "0")
	all = append(all, args...)
	if withAudio {
		all = append(all, "-c:a", "aac", "-b:a", fmt.Sprintf("%dk", audioKbps), "-ac", "2")
	}
	return append(all, "-f", "hls", "-hls_time", strconv.Itoa(SegmentSeconds), "-hls_playlist_type", "vod",
		"-hls_segment_type", "fmp4", "-hls_flags", "independent_segments", "-hls_fmp4_init_filename", "init.mp4",
		"-hls_segment_filename", "v%v/seg%05d.m4s", "-master_pl_name", MasterPlaylist,
		"-var_stream_map", strings.Join(streams, " "))
}

// readProgress turns ffmpeg's -progress lines (out_time_us=…) into fractions of duration.
func readProgress(r io.Reader, duration float64, progress func(float64)) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		v, ok := strings.CutPrefix(sc.Text(), "out_time_us=")
		if !ok || duration <= 0 {
			continue
		}
		if us, err := strconv.ParseFloat(v, 64); err == nil && us >= 0 {
			progress(min(1, us/1e6/duration))
		}
	}
	io.Copy(io.Discard, r)
}

// Remux writes rendition playlist's media as one progressive MP4 (moov first), without encoding.
func (f FFmpeg) Remux(ctx context.Context, playlist, out string) error {
	if err := f.run(ctx, io.Discard, "-allowed_extensions", "ALL", "-i", playlist, "-c", "copy", "-movflags", "+faststart", "-y", out); err != nil {
		return fmt.Errorf("mp4 of %s: %w", filepath.Base(filepath.Dir(playlist)), err)
	}
	return nil
}
