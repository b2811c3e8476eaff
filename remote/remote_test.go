package remote

import (
	"errors"
	"net/netip"
	"strings"
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

func TestShorthandAddressesAreRefused(t *testing.T) {
	for host, means := range map[string]string{
		"127.1": "127.0.0.1", "2130706433": "127.0.0.1", "0x7f.1": "127.0.0.1", "0177.0.0.1": "127.0.0.1",
		"10.1.2": "10.1.0.2", "134744072": "8.8.8.8",
	} {
		err := checkNumericHost(host)
		var r *Refusal
		if !errors.As(err, &r) || !strings.Contains(r.Reason, means) {
			t.Errorf("checkNumericHost(%q) = %v, want a refusal saying it means %s", host, err, means)
		}
	}
	for _, host := range []string{"example.com", "1.2.3.4", "::1", "0b1.example", "256.1.1.1.1", "cdn1"} {
		if err := checkNumericHost(host); err != nil {
			t.Errorf("checkNumericHost(%q) = %v", host, err)
		}
	}
}
