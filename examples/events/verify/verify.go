// Package verify is the README's Go snippet that checks a Mediagraph webhook's signature; the tests of
// server/ run it on real deliveries, so the README's copy is known to work.
package verify

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Verify tells whether a webhook's raw body carries a valid Mediagraph-Signature header.
func Verify(body []byte, header, secret string, tolerance time.Duration) bool {
	fields := strings.Split(header, ",")
	ts, ok := strings.CutPrefix(fields[0], "t=")
	unix, err := strconv.ParseInt(ts, 10, 64)
	if !ok || err != nil || time.Since(time.Unix(unix, 0)).Abs() > tolerance {
		return false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "%s.%s", ts, body)
	want := "v1=" + hex.EncodeToString(mac.Sum(nil))
	return slices.ContainsFunc(fields[1:], func(f string) bool { return hmac.Equal([]byte(f), []byte(want)) })
}
