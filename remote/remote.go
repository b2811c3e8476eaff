// Package remote fetches files from URLs that users name, without letting them reach what the server
// can reach: every address the client connects to — after DNS resolution, on every redirect hop — is
// checked, and loopback, private, link-local (cloud metadata), multicast and unspecified addresses are
// refused unless an operator allowed their network.
package remote

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Limits of one fetch.
const (
	maxRedirects   = 5
	connectTimeout = 5 * time.Second
	headerTimeout  = 15 * time.Second
)

// Refusal is the error for a URL or address the fetcher may not reach.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return "refused: " + r.Reason }

func refuse(format string, args ...any) error { return &Refusal{Reason: fmt.Sprintf(format, args...)} }

// Fetcher gets remote files.
type Fetcher struct {
	client *http.Client
}

// reserved are networks that are neither private nor loopback by netip's reckoning but are not the
// public internet either.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),   // NAT64 can reach IPv4 private space
	netip.MustParsePrefix("64:ff9b:1::/48"), // local-use NAT64
	netip.MustParsePrefix("::/96"),          // IPv4-compatible
	netip.MustParsePrefix("2002::/16"),      // 6to4, which embeds an IPv4 address
	netip.MustParsePrefix("2001::/32"),      // Teredo
	netip.MustParsePrefix("fec0::/10"),      // site-local
}

// blocked tells whether an address is off limits for fetches.
func blocked(addr netip.Addr) bool {
	addr = addr.Unmap()
	if addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() ||
		addr.IsInterfaceLocalMulticast() || addr.IsMulticast() || addr.IsUnspecified() {
		return true
	}
	for _, p := range reserved {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// New returns a fetcher; allow lists networks that may be reached although blocked says otherwise
// (an intranet media server, a test server).
func New(allow []netip.Prefix) *Fetcher {
	dialer := &net.Dialer{
		Timeout: connectTimeout,
		// Control runs with the resolved address about to be dialed, for every connection: a name that
		// resolves to a private address, or a redirect to one, is caught here.
		Control: func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return refuse("unparsable address %s", address)
			}
			for _, p := range allow {
				if p.Contains(ap.Addr().Unmap()) {
					return nil
				}
			}
			if blocked(ap.Addr()) {
				// Not the address itself: it would let users resolve internal names through us.
				return refuse("the host is not on the public internet (private, loopback or link-local address)")
			}
			return nil
		},
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past the address check
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   connectTimeout,
		ResponseHeaderTimeout: headerTimeout,
		MaxIdleConns:          10,
		IdleConnTimeout:       30 * time.Second,
	}
	return &Fetcher{client: &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return refuse("more than %d redirects", maxRedirects)
			}
			return checkURL(req.URL)
		},
	}}
}

// checkURL refuses URLs other than plain http(s) ones with a host.
func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return refuse("only http and https URLs can be fetched")
	}
	if u.Hostname() == "" || u.User != nil {
		return refuse("the URL needs a host and no credentials")
	}
	return checkNumericHost(u.Hostname())
}

// checkNumericHost refuses an IPv4 address written in a short or numeric form (127.1, 2130706433,
// 0x7f.1): browsers and curl read them as addresses, Go's resolver as names it cannot find. Either
// way they hide what they reach, so they are refused, saying what they mean.
func checkNumericHost(host string) error {
	if _, err := netip.ParseAddr(host); err == nil {
		return nil // written out: the dialer checks it
	}
	addr, ok := shorthandIPv4(host)
	if !ok {
		return nil // a name
	}
	if blocked(addr) {
		return refuse("the host %s means %s, which is not on the public internet (private, loopback or link-local address)", host, addr)
	}
	return refuse("the host %s is an address in a short form; write it out as %s", host, addr)
}

// shorthandIPv4 reads host as inet_aton does: one to four parts, decimal, octal (leading 0) or hex
// (0x), the last filling the bytes the others leave.
func shorthandIPv4(host string) (netip.Addr, bool) {
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var nums []uint64
	for _, p := range parts {
		n, err := strconv.ParseUint(p, 0, 32)
		if err != nil || p == "" {
			return netip.Addr{}, false
		}
		nums = append(nums, n)
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false
		}
		v |= n << (24 - 8*i)
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false
	}
	v |= last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// StatusError is the error for an answer other than 200 OK.
type StatusError struct{ Status string }

func (e *StatusError) Error() string { return "the server answered " + e.Status }

// ReadError is an error reading a response body: the download broke off, the server being the cause.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return "reading the download: " + e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// body marks the errors of reading a download, so that callers can tell them from their own.
type body struct{ io.ReadCloser }

func (b body) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = &ReadError{err}
	}
	return n, err
}

// Response is a fetched file being read.
type Response struct {
	Body io.ReadCloser
	// Size is the announced length, or -1.
	Size int64
	// Filename is the last segment of the final URL's path.
	Filename    string
	ContentType string
}

// Get starts fetching rawURL. The caller closes the body; ctx bounds the whole transfer.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, refuse("not a URL")
	}
	if err := checkURL(u); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, refuse("%v", err)
	}
	req.Header.Set("User-Agent", "Mediagraph")
	res, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		res.Body.Close()
		return nil, &StatusError{Status: res.Status}
	}
	name := path.Base(res.Request.URL.Path) // Path is already unescaped
	if name == "/" || name == "." {
		name = ""
	}
	return &Response{Body: body{res.Body}, Size: res.ContentLength, Filename: name, ContentType: res.Header.Get("Content-Type")}, nil
}
