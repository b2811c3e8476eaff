package imaging

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestEstimate(t *testing.T) {
	photo := Header{Width: 4000, Height: 3000, Frames: 1, Orientation: 1, plainJPEG: true}
	png := Header{Width: 4000, Height: 3000, Frames: 1, Orientation: 1}
	anim := Header{Width: 200, Height: 200, Frames: 10, Orientation: 1, FrameDelays: make([]int, 10)}
	cases := []struct {
		name  string
		h     Header
		s     Spec
		field string // of the largest term
		under time.Duration
		over  time.Duration
	}{
		{"12 MP JPEG to 2000 px WebP", photo, Spec{Width: 2000, Format: WebP, Quality: 75}, "w", time.Second, 0},
		{"12 MP JPEG to 300 px JPEG", photo, Spec{Width: 300, Format: JPEG, Quality: 75}, "w", 100 * time.Millisecond, 0},
		{"12 MP JPEG blurred at full size", photo, Spec{Format: JPEG, Quality: 75, Blur: 50, MaxSide: 4096}, "blur", 0, 10 * time.Second},
		{"12 MP PNG to AVIF", png, Spec{Format: AVIF, Quality: 75, MaxSide: 4096}, "fm", 0, 5 * time.Second},
		{"animation enlarged and blurred", anim, Spec{Width: 4096, Height: 4096, Fit: FitScale, Format: GIF, Blur: 50, Animated: true, MaxSide: 4096}, "blur", 0, time.Minute},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := newPlan(c.h, c.s)
			if err != nil {
				t.Fatal(err)
			}
			got := estimate(c.h, p)
			if got.Field != c.field {
				t.Errorf("field %q, want %q (%+v)", got.Field, c.field, got)
			}
			if c.under > 0 && got.Work > c.under {
				t.Errorf("work %s, want under %s", got.Work, c.under)
			}
			if got.Work < c.over {
				t.Errorf("work %s, want over %s", got.Work, c.over)
			}
		})
	}
}

func TestEstimateShrinkOnLoad(t *testing.T) {
	photo := Header{Width: 4000, Height: 3000, Frames: 1, Orientation: 1, plainJPEG: true}
	asPNG := photo
	asPNG.plainJPEG = false
	s := Spec{Width: 500, Format: WebP, Quality: 75}
	pj, _ := newPlan(photo, s)
	pp, _ := newPlan(asPNG, s)
	if j, p := estimate(photo, pj), estimate(asPNG, pp); j.Work >= p.Work || j.Memory >= p.Memory {
		t.Errorf("a JPEG decoded at 1/8 should cost less than a PNG decoded whole: %+v against %+v", j, p)
	}
}

// The entropy crop is priced: it reads the loaded image over and over.
func TestEstimateEntropy(t *testing.T) {
	png := Header{Width: 4000, Height: 3000, Frames: 1, Orientation: 1}
	s := Spec{Width: 4000, Height: 100, Fit: FitCrop, Format: JPEG, Quality: 75}
	centre, _ := newPlan(png, s)
	s.Crop = CropEntropy
	entropy, _ := newPlan(png, s)
	c, e := estimate(png, centre), estimate(png, entropy)
	if want := time.Duration(4000 * 3000 * nsPerEntropyPixel); e.Work-c.Work != want {
		t.Errorf("entropy crop costs %s more than the centre's, want %s", e.Work-c.Work, want)
	}
	if err := e.Check(c.Work+time.Millisecond, 0); err == nil {
		t.Error("Check let the entropy crop through a budget that only the centre crop fits")
	}
}

func TestEstimateFrames(t *testing.T) {
	anim := Header{Width: 200, Height: 200, Frames: 10, Orientation: 1, FrameDelays: make([]int, 10)}
	s := Spec{Width: 400, Format: GIF}
	still, _ := newPlan(anim, s)
	s.Animated = true
	moving, _ := newPlan(anim, s)
	if a, b := estimate(anim, still), estimate(anim, moving); b.Work < 9*a.Work {
		t.Errorf("ten frames cost %s, one %s", b.Work, a.Work)
	}
}

func TestCostCheck(t *testing.T) {
	c := Cost{Work: 20 * time.Second, Memory: 1 << 30, Field: "blur"}
	err := c.Check(5*time.Second, 0)
	var over *OverBudgetError
	if !errors.As(err, &over) || over.Field != "blur" || !errors.Is(err, ErrTooCostly) {
		t.Fatalf("Check = %v, want an OverBudgetError naming blur", err)
	}
	if err := c.Check(time.Minute, 512<<20); !errors.As(err, &over) || over.Field != "blur" {
		t.Fatalf("memory check = %v", err)
	}
	if err := (Cost{Work: time.Second, Memory: 1 << 20, Field: "fm"}).Check(5*time.Second, 512<<20); err != nil {
		t.Fatal(err)
	}
	if err := (Cost{Memory: 1 << 30, Field: "fm"}).Check(0, 512<<20); !errors.As(err, &over) || over.Field != "w" {
		t.Fatalf("memory over budget should name w, not fm: %v", err)
	}
}

// A blur that takes tens of seconds stops at the deadline: libvips' kill flag ends the encode.
func TestRunDeadline(t *testing.T) {
	j, err := Prepare(fixture(t, "photo-12mp.jpg"), Spec{Format: JPEG, Quality: 75, Blur: 50})
	if err != nil {
		t.Fatal(err)
	}
	if j.Cost.Work < 10*time.Second {
		t.Fatalf("estimate %s: the test needs a transform far longer than its deadline", j.Cost.Work)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := j.Run(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Run = %v, want the deadline", err)
	}
	// libvips is left usable.
	if _, err := Transform(fixture(t, "alpha.png"), Spec{Width: 100, Format: PNG}); err != nil {
		t.Fatal(err)
	}
}

func TestRunCancelledBeforeStart(t *testing.T) {
	j, err := Prepare(fixture(t, "alpha.png"), Spec{Width: 100, Format: PNG, Blur: 2})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := j.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
}

// The bound reserved from an image's stored facts, before its bytes are read, is never below the
// estimate its header gives.
func TestMemoryBound(t *testing.T) {
	for _, c := range []struct {
		name string
		s    Spec
	}{
		{"photo-12mp.jpg", Spec{Width: 500, Format: WebP, Quality: 75}},
		{"photo-12mp.jpg", Spec{Width: 3000, Height: 1000, Fit: FitCrop, Crop: CropEntropy, Format: JPEG, Quality: 75, Blur: 5}},
		{"anim.gif", Spec{Width: 400, Format: GIF, Animated: true}},
		{"alpha.png", Spec{Width: 800, Height: 800, Fit: FitFill, Format: PNG}},
	} {
		j, err := Prepare(fixture(t, c.name), c.s)
		if err != nil {
			t.Fatal(err)
		}
		bound, err := MemoryBound(j.h.Width, j.h.Height, j.h.Frames, c.s)
		if err != nil || bound < j.Cost.Memory {
			t.Errorf("%s %+v: bound %d (%v), estimate %d", c.name, c.s, bound, err, j.Cost.Memory)
		}
	}
}
