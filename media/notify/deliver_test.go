package notify

import (
	"testing"
	"time"
)

// TestBackoffSchedule checks the documented schedule: doubling from the base, capped at 480 times
// it, ±10 %, about 25 hours over the 11 waits of 12 attempts with a base of a minute.
func TestBackoffSchedule(t *testing.T) {
	w := &Webhooks{settings: Settings{RetryBase: time.Minute}}
	want := []time.Duration{1, 2, 4, 8, 16, 32, 64, 128, 256, 480, 480}
	var total time.Duration
	for i, m := range want {
		got, nominal := w.Backoff(i+1), m*time.Minute
		if got < nominal*9/10 || got > nominal*11/10 {
			t.Errorf("wait after attempt %d: %v, want %v ±10%%", i+1, got, nominal)
		}
		total += got
	}
	if total < 22*time.Hour || total > 28*time.Hour {
		t.Errorf("all waits: %v, want about a day", total)
	}
}

// TestSignature checks Sign against values computed apart
// (printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac <secret>).
func TestSignature(t *testing.T) {
	got := Sign(time.Unix(1700000000, 0), []byte(`{"a":1}`), "whsec_test", "old")
	want := "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789" +
		",v1=5bed6ff4fdaa1f7539be4b82f6c76ce254e00e815b22b0dc8132056e0392cbcf"
	if got != want {
		t.Errorf("Sign: %s, want %s", got, want)
	}
}
