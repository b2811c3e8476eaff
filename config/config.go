// Package config reads Mediagraph's configuration from the environment and command-line flags (a
// flag wins over its variable). Every subcommand reads the same settings.
package config

import (
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is the whole configuration.
type Config struct {
	Addr              string
	DataDir           string
	DatabaseURL       string
	PublicURL         string
	Locales           []string
	LocaleFallbacks   map[string][]string
	MaxUploadBytes    int64
	MaxFilesPerUpload int
	SigningKey        string
	// DeliveryCacheBytes bounds the memory of cached delivery responses; 0 turns the cache off.
	DeliveryCacheBytes int
	// S3 locates the bucket holding the bytes; an empty Bucket keeps them on local disk.
	S3 S3
	// FetchAllow lists private networks createAssetFromUrl may reach nonetheless.
	FetchAllow []netip.Prefix
	// Signed uploads: allowed types, the largest single PUT, the largest file, a ticket's lifetime.
	UploadTypes          []string
	MaxSinglePutBytes    int64
	MaxSignedUploadBytes int64
	UploadTicketTTL      time.Duration
	// MaxImagePixels refuses larger images before they are decoded.
	MaxImagePixels int64
	// MaxTransformSide caps both sides of a transform's output.
	MaxTransformSide int
	// S3Delivery is how original bytes in a bucket reach browsers: "proxy" or "redirect".
	S3Delivery string
	// UploadSweepInterval is how often expired uploads are swept.
	UploadSweepInterval time.Duration
	// OrphanSweepInterval is how often crash leftovers are swept.
	OrphanSweepInterval time.Duration
	// OrphanGrace is how old a leftover must be before the sweep deletes it.
	OrphanGrace time.Duration
	// TransformTimeout is the deadline of one transform.
	TransformTimeout time.Duration
	// EventDrainInterval is how often the event outbox is drained besides after each commit.
	EventDrainInterval time.Duration
	// BodyGrace and BodyMinRate: a request body must keep arriving at BodyMinRate bytes a second
	// once BodyGrace has passed (and may bank at most BodyGrace of credit by arriving faster).
	BodyGrace   time.Duration
	BodyMinRate int64
}

// S3 is the configuration of an S3-compatible bucket. Credentials come from the standard AWS chain
// (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role…).
type S3 struct {
	Bucket         string
	Region         string
	Endpoint       string
	ForcePathStyle bool
}

// Variables lists every environment variable with its default and meaning, for flags and the README.
var Variables = []struct{ Name, Flag, Default, Help string }{
	{"MEDIAGRAPH_ADDR", "addr", ":8080", "address to listen on"},
	{"MEDIAGRAPH_DATA_DIR", "data-dir", "./data", "directory of the SQLite database and the local blob store"},
	{"DATABASE_URL", "database-url", "", "postgres:// URL for PostgreSQL; empty: SQLite at $MEDIAGRAPH_DATA_DIR/mediagraph.db"},
	{"MEDIAGRAPH_PUBLIC_URL", "public-url", "", "URL clients reach the service at; empty: http://localhost:<port>"},
	{"MEDIAGRAPH_LOCALES", "locales", "en", "content locales, comma-separated; the first is the default"},
	{"MEDIAGRAPH_LOCALE_FALLBACKS", "locale-fallbacks", "", "fallbacks such as it:en,de:en (a locale may list several: pt-BR:pt|en)"},
	{"MEDIAGRAPH_MAX_UPLOAD_BYTES", "max-upload-bytes", "104857600", "largest file uploadAssets accepts, in bytes"},
	{"MEDIAGRAPH_MAX_FILES_PER_UPLOAD", "max-files-per-upload", "10", "most files one uploadAssets call accepts"},
	{"MEDIAGRAPH_MAX_IMAGE_PIXELS", "max-image-pixels", "100000000", "largest image (pixels of one frame) accepted; larger ones are refused before decoding"},
	{"MEDIAGRAPH_MAX_TRANSFORM_SIDE", "max-transform-side", "4096", "largest width or height of a transformed image, in pixels"},
	{"MEDIAGRAPH_SIGNING_KEY", "signing-key", "", "key signing URLs; when set, transform URLs must be signed (s=); empty: a random key kept in the database"},
	{"S3_BUCKET", "s3-bucket", "", "S3 bucket for the bytes; empty: local disk under $MEDIAGRAPH_DATA_DIR/blobs"},
	{"S3_REGION", "s3-region", "us-east-1", "the bucket's region"},
	{"S3_ENDPOINT", "s3-endpoint", "", "endpoint of an S3-compatible server (MinIO, R2, …); empty: AWS"},
	{"S3_FORCE_PATH_STYLE", "s3-force-path-style", "false", "address the bucket in the path (most S3-compatible servers need true)"},
	{"S3_DELIVERY", "s3-delivery", "proxy", "how original bytes in the bucket reach browsers: proxy (streamed by the service) or redirect (to a presigned URL)"},
	{"MEDIAGRAPH_UPLOAD_TYPES", "upload-types", "image/*,video/*,audio/*,application/pdf", "types createUploads accepts, comma-separated (type/* for a family)"},
	{"MEDIAGRAPH_MAX_SINGLE_PUT_BYTES", "max-single-put-bytes", "4194304", "largest file a signed upload sends in one PUT; larger ones go in parts"},
	{"MEDIAGRAPH_MAX_SIGNED_UPLOAD_BYTES", "max-signed-upload-bytes", "5368709120", "largest file createUploads accepts, in bytes"},
	{"MEDIAGRAPH_UPLOAD_TICKET_TTL", "upload-ticket-ttl", "120s", "how long a signed upload ticket stays valid"},
	{"MEDIAGRAPH_UPLOAD_SWEEP_INTERVAL", "upload-sweep-interval", "1m", "how often uploads whose tickets ran out are expired and their bytes deleted"},
	{"MEDIAGRAPH_ORPHAN_SWEEP_INTERVAL", "orphan-sweep-interval", "1h", "how often crash leftovers (spool and temporary files, objects no row points to, stale multipart uploads) are deleted"},
	{"MEDIAGRAPH_ORPHAN_GRACE", "orphan-grace", "1h", "how old a crash leftover must be before it is deleted; anything younger may belong to an upload still running"},
	{"MEDIAGRAPH_BODY_GRACE", "body-grace", "20s", "time a request body may take before it must keep up the minimum rate (and the most credit a fast start earns)"},
	{"MEDIAGRAPH_BODY_MIN_RATE", "body-min-rate", "16384", "slowest a request body may arrive after the grace, in bytes a second; slower clients are cut off"},
	{"MEDIAGRAPH_FETCH_ALLOW_NETWORKS", "fetch-allow-networks", "", "private networks createAssetFromUrl may fetch from nonetheless, as CIDRs (10.1.0.0/16,…)"},
	{"MEDIAGRAPH_TRANSFORM_TIMEOUT", "transform-timeout", "30s", "deadline of one image transform; one that takes longer is stopped and answers 400"},
	{"MEDIAGRAPH_EVENT_DRAIN_INTERVAL", "event-drain-interval", "1s", "how often recorded events are delivered to their subscribers, besides right after each change"},
	{"MEDIAGRAPH_DELIVERY_CACHE_BYTES", "delivery-cache-bytes", "67108864", "memory for delivery tokens' cached query responses, in bytes; 0 turns the cache off"},
}

// Load reads the configuration of a subcommand from the environment and args; extra adds the
// subcommand's own flags. It returns the arguments left after the flags.
func Load(name string, args []string, extra ...func(*flag.FlagSet)) (Config, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	for _, add := range extra {
		add(fs)
	}
	values := map[string]*string{}
	for _, v := range Variables {
		def := v.Default
		if env, ok := os.LookupEnv(v.Name); ok {
			def = env
		}
		values[v.Name] = fs.String(v.Flag, def, v.Help+" ($"+v.Name+")")
	}
	if err := fs.Parse(args); err != nil {
		return Config{}, nil, err
	}
	get := func(name string) string { return strings.TrimSpace(*values[name]) }
	c := Config{
		Addr:        get("MEDIAGRAPH_ADDR"),
		DataDir:     get("MEDIAGRAPH_DATA_DIR"),
		DatabaseURL: get("DATABASE_URL"),
		PublicURL:   strings.TrimSuffix(get("MEDIAGRAPH_PUBLIC_URL"), "/"),
		SigningKey:  get("MEDIAGRAPH_SIGNING_KEY"),
	}
	var err error
	if c.MaxUploadBytes, err = strconv.ParseInt(get("MEDIAGRAPH_MAX_UPLOAD_BYTES"), 10, 64); err != nil || c.MaxUploadBytes <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_MAX_UPLOAD_BYTES: want a positive number of bytes, got %q", get("MEDIAGRAPH_MAX_UPLOAD_BYTES"))
	}
	if c.MaxFilesPerUpload, err = strconv.Atoi(get("MEDIAGRAPH_MAX_FILES_PER_UPLOAD")); err != nil || c.MaxFilesPerUpload <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_MAX_FILES_PER_UPLOAD: want a positive number, got %q", get("MEDIAGRAPH_MAX_FILES_PER_UPLOAD"))
	}
	if c.DeliveryCacheBytes, err = strconv.Atoi(get("MEDIAGRAPH_DELIVERY_CACHE_BYTES")); err != nil || c.DeliveryCacheBytes < 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_DELIVERY_CACHE_BYTES: want a number of bytes (0 for no cache), got %q", get("MEDIAGRAPH_DELIVERY_CACHE_BYTES"))
	}
	if c.MaxTransformSide, err = strconv.Atoi(get("MEDIAGRAPH_MAX_TRANSFORM_SIDE")); err != nil || c.MaxTransformSide < 16 || c.MaxTransformSide > 16384 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_MAX_TRANSFORM_SIDE: want a number of pixels from 16 to 16384, got %q", get("MEDIAGRAPH_MAX_TRANSFORM_SIDE"))
	}
	c.S3 = S3{Bucket: get("S3_BUCKET"), Region: get("S3_REGION"), Endpoint: get("S3_ENDPOINT")}
	if c.S3Delivery = get("S3_DELIVERY"); c.S3Delivery != "proxy" && c.S3Delivery != "redirect" {
		return Config{}, nil, fmt.Errorf("S3_DELIVERY: want proxy or redirect, got %q", c.S3Delivery)
	}
	if c.S3.ForcePathStyle, err = strconv.ParseBool(get("S3_FORCE_PATH_STYLE")); err != nil {
		return Config{}, nil, fmt.Errorf("S3_FORCE_PATH_STYLE: want true or false, got %q", get("S3_FORCE_PATH_STYLE"))
	}
	c.UploadTypes = splitList(get("MEDIAGRAPH_UPLOAD_TYPES"), ",")
	for _, n := range []struct {
		name string
		into *int64
	}{{"MEDIAGRAPH_MAX_SINGLE_PUT_BYTES", &c.MaxSinglePutBytes}, {"MEDIAGRAPH_MAX_SIGNED_UPLOAD_BYTES", &c.MaxSignedUploadBytes}, {"MEDIAGRAPH_MAX_IMAGE_PIXELS", &c.MaxImagePixels}} {
		if *n.into, err = strconv.ParseInt(get(n.name), 10, 64); err != nil || *n.into <= 0 {
			return Config{}, nil, fmt.Errorf("%s: want a positive number, got %q", n.name, get(n.name))
		}
	}
	if c.UploadTicketTTL, err = time.ParseDuration(get("MEDIAGRAPH_UPLOAD_TICKET_TTL")); err != nil || c.UploadTicketTTL <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_UPLOAD_TICKET_TTL: want a duration such as 120s, got %q", get("MEDIAGRAPH_UPLOAD_TICKET_TTL"))
	}
	if c.UploadSweepInterval, err = time.ParseDuration(get("MEDIAGRAPH_UPLOAD_SWEEP_INTERVAL")); err != nil || c.UploadSweepInterval <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_UPLOAD_SWEEP_INTERVAL: want a duration such as 1m, got %q", get("MEDIAGRAPH_UPLOAD_SWEEP_INTERVAL"))
	}
	if c.OrphanSweepInterval, err = time.ParseDuration(get("MEDIAGRAPH_ORPHAN_SWEEP_INTERVAL")); err != nil || c.OrphanSweepInterval <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_ORPHAN_SWEEP_INTERVAL: want a duration such as 1h, got %q", get("MEDIAGRAPH_ORPHAN_SWEEP_INTERVAL"))
	}
	if c.OrphanGrace, err = time.ParseDuration(get("MEDIAGRAPH_ORPHAN_GRACE")); err != nil || c.OrphanGrace < 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_ORPHAN_GRACE: want a duration such as 1h (0s for none), got %q", get("MEDIAGRAPH_ORPHAN_GRACE"))
	}
	if c.TransformTimeout, err = time.ParseDuration(get("MEDIAGRAPH_TRANSFORM_TIMEOUT")); err != nil || c.TransformTimeout <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_TRANSFORM_TIMEOUT: want a duration such as 30s, got %q", get("MEDIAGRAPH_TRANSFORM_TIMEOUT"))
	}
	if c.EventDrainInterval, err = time.ParseDuration(get("MEDIAGRAPH_EVENT_DRAIN_INTERVAL")); err != nil || c.EventDrainInterval <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_EVENT_DRAIN_INTERVAL: want a duration such as 1s, got %q", get("MEDIAGRAPH_EVENT_DRAIN_INTERVAL"))
	}
	if c.BodyGrace, err = time.ParseDuration(get("MEDIAGRAPH_BODY_GRACE")); err != nil || c.BodyGrace <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_BODY_GRACE: want a duration such as 20s, got %q", get("MEDIAGRAPH_BODY_GRACE"))
	}
	if c.BodyMinRate, err = strconv.ParseInt(get("MEDIAGRAPH_BODY_MIN_RATE"), 10, 64); err != nil || c.BodyMinRate <= 0 {
		return Config{}, nil, fmt.Errorf("MEDIAGRAPH_BODY_MIN_RATE: want a positive number of bytes a second, got %q", get("MEDIAGRAPH_BODY_MIN_RATE"))
	}
	for _, cidr := range splitList(get("MEDIAGRAPH_FETCH_ALLOW_NETWORKS"), ",") {
		p, err := netip.ParsePrefix(cidr)
		if err != nil {
			return Config{}, nil, fmt.Errorf("MEDIAGRAPH_FETCH_ALLOW_NETWORKS: %q is not a CIDR such as 10.1.0.0/16", cidr)
		}
		c.FetchAllow = append(c.FetchAllow, p.Masked())
	}
	c.Locales = splitList(get("MEDIAGRAPH_LOCALES"), ",")
	if c.LocaleFallbacks, err = parseFallbacks(get("MEDIAGRAPH_LOCALE_FALLBACKS")); err != nil {
		return Config{}, nil, err
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = filepath.Join(c.DataDir, "mediagraph.db")
	}
	if c.PublicURL == "" {
		_, port, err := net.SplitHostPort(c.Addr)
		if err != nil {
			return Config{}, nil, fmt.Errorf("MEDIAGRAPH_ADDR %q: %w", c.Addr, err)
		}
		c.PublicURL = "http://localhost:" + port
	}
	return c, fs.Args(), nil
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseFallbacks reads "it:en,de:en,pt-BR:pt|en".
func parseFallbacks(s string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, item := range splitList(s, ",") {
		locale, list, ok := strings.Cut(item, ":")
		if !ok || strings.TrimSpace(locale) == "" || len(splitList(list, "|")) == 0 {
			return nil, fmt.Errorf("MEDIAGRAPH_LOCALE_FALLBACKS: %q is not locale:fallback", item)
		}
		out[strings.TrimSpace(locale)] = splitList(list, "|")
	}
	return out, nil
}
