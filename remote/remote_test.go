package remote

import (
	"net/netip"
	"testing"
)

func TestBlocked(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1":        true,
		"127.8.9.10":       true,
		"10.1.2.3":         true,
		"172.16.0.1":       true,
		"192.168.1.1":      true,
		"169.254.169.254":  true, // cloud metadata
		"100.64.0.1":       true,
		"0.0.0.0":          true,
		"224.0.0.1":        true,
		"::1":              true,
		"::":               true,
		"fe80::1":          true,
		"fd00::1":          true,
		"::ffff:127.0.0.1": true,
		"::ffff:10.0.0.1":  true,
		"64:ff9b::a00:1":   true,
		"::7f00:1":         true,
		"2002:a00:1::1":    true,
		"2001:0:a00:1::1":  true,
		"8.8.8.8":          false,
		"93.184.216.34":    false,
		"2606:4700::1111":  false,
	} {
		if got := blocked(netip.MustParseAddr(addr)); got != want {
			t.Errorf("blocked(%s) = %v, want %v", addr, got, want)
		}
	}
}
