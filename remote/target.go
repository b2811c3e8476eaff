package remote

import (
	"context"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
)

// CheckTarget refuses a URL the service would send requests to (a webhook's) that a fetch could not
// reach: not plain http(s), with credentials, or a host that is — or now resolves to — an address off
// limits. The check is repeated at every dial, since what a name resolves to may change.
func (f *Fetcher) CheckTarget(ctx context.Context, rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return refuse("not a URL")
	}
	if err := checkURL(u); err != nil {
		return err
	}
	addrs := []netip.Addr{}
	if a, err := netip.ParseAddr(u.Hostname()); err == nil {
		addrs = append(addrs, a)
	} else if addrs, err = resolver.LookupNetIP(ctx, "ip", u.Hostname()); err != nil {
		return refuse("the host %s does not resolve", u.Hostname())
	}
	for _, a := range addrs {
		if blocked(a) && !slices.ContainsFunc(f.allow, func(p netip.Prefix) bool { return p.Contains(a.Unmap()) }) {
			return refuse("the host is not on the public internet (private, loopback or link-local address)")
		}
	}
	return nil
}

// Sender returns a client for requests the service sends, with the same check of every address it
// dials. It follows no redirect: a receiver answers where it was registered.
func (f *Fetcher) Sender() *http.Client {
	return &http.Client{
		Transport:     f.transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
