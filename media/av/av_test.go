package av_test

import (
	"slices"
	"testing"

	"github.com/mediagraph/mediagraph/media/av"
)

func TestLadderIsCappedAtTheSource(t *testing.T) {
	for _, c := range []struct {
		w, h int
		want []av.Rung
	}{
		{1920, 1080, []av.Rung{{Width: 640, Height: 360, VideoKbps: 800}, {Width: 1280, Height: 720, VideoKbps: 2800}, {Width: 1920, Height: 1080, VideoKbps: 5000}}},
		{3840, 2160, []av.Rung{{Width: 640, Height: 360, VideoKbps: 800}, {Width: 1280, Height: 720, VideoKbps: 2800}, {Width: 1920, Height: 1080, VideoKbps: 5000}}},
		{1280, 720, []av.Rung{{Width: 640, Height: 360, VideoKbps: 800}, {Width: 1280, Height: 720, VideoKbps: 2800}}},
		{640, 360, []av.Rung{{Width: 640, Height: 360, VideoKbps: 800}}},
		{320, 240, []av.Rung{{Width: 320, Height: 240, VideoKbps: 800}}},
		{1080, 1920, []av.Rung{{Width: 202, Height: 360, VideoKbps: 800}, {Width: 404, Height: 720, VideoKbps: 2800}, {Width: 606, Height: 1080, VideoKbps: 5000}}},
		{301, 171, []av.Rung{{Width: 298, Height: 170, VideoKbps: 800}}},
	} {
		if got := av.Ladder(c.w, c.h); !slices.Equal(got, c.want) {
			t.Errorf("Ladder(%d, %d) = %v, want %v", c.w, c.h, got, c.want)
		}
	}
}

func TestBucketsKeepThePeaks(t *testing.T) {
	stored := []float64{0, 0.5, 0, 0, 1, 0, 0.2, 0.1}
	for _, c := range []struct {
		n    int
		want []float64
	}{{8, stored}, {4, []float64{0.5, 0, 1, 0.2}}, {2, []float64{0.5, 1}}, {1, []float64{1}}, {3, []float64{0.5, 1, 0.2}}} {
		got, err := av.Buckets(stored, c.n)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("Buckets(%d) = %v, %v; want %v", c.n, got, err, c.want)
		}
	}
	for _, n := range []int{0, 9} {
		if _, err := av.Buckets(stored, n); err == nil {
			t.Errorf("Buckets(%d) of 8: no error", n)
		}
	}
}
