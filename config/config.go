// Package config reads Mediagraph's configuration from the environment and command-line flags (a
// flag wins over its variable). Every subcommand reads the same settings, all listed in one table
// (settings.go) that parses them, documents them in --help and is checked against the README.
package config

import (
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Config is the whole configuration.
type Config struct {
	Addr        string
	DataDir     string
	DatabaseURL string
	SigningKey  string
	// CORSOrigins are the origins browsers may call from ("*" opens /media to every origin).
	CORSOrigins []string
	// MemoryHeadroom is what the soft memory limit allows beyond what the memory budgets hold, in bytes.
	MemoryHeadroom int64
	// DeliveryCacheBytes bounds the memory of cached delivery responses; 0 turns the cache off.
	DeliveryCacheBytes int
	// S3 locates the bucket holding the bytes; an empty Bucket keeps them on local disk.
	S3 S3
	// S3Delivery is how original bytes in a bucket reach browsers: "proxy" or "redirect".
	S3Delivery string
	// UploadSweepInterval is how often expired uploads are swept.
	UploadSweepInterval time.Duration
	// OrphanSweepInterval is how often crash leftovers are swept.
	OrphanSweepInterval time.Duration
	// EventDrainInterval is how often the event outbox is drained besides after each commit.
	EventDrainInterval time.Duration
	// BodyGrace and BodyMinRate: a request body must keep arriving at BodyMinRate bytes a second
	// once BodyGrace has passed (and may bank at most BodyGrace of credit by arriving faster).
	BodyGrace   time.Duration
	BodyMinRate int64
	// ScanRetryBase is the wait before a failed scan's second attempt, doubled for each later one.
	ScanRetryBase time.Duration
	// MetricsAddr, when set, serves /metrics on a listener of its own; MetricsToken, when set, is the
	// bearer token /metrics requires.
	MetricsAddr  string
	MetricsToken string
	// LogFormat ("text" or "json") and LogLevel ("debug" … "error") shape the log.
	LogFormat string
	LogLevel  string
	// Library is what the media library reads; media.New receives it whole.
	Library
}

// Library holds the settings of the media library, the rules its packages apply.
type Library struct {
	// PublicURL is the address clients reach this service at; asset URLs start with it.
	PublicURL string
	// Locales lists the content locales; the first is the default.
	Locales []string
	// LocaleFallbacks lists, per locale, where its missing values are looked for before the default.
	LocaleFallbacks map[string][]string
	// MaxUploadBytes caps the size of one uploaded file; MaxFilesPerUpload the files of one call.
	MaxUploadBytes    int64
	MaxFilesPerUpload int
	// FetchAllow lists private networks createAssetFromUrl may reach nonetheless.
	FetchAllow []netip.Prefix
	// FetchTimeout bounds one createAssetFromUrl download, from the request to the last byte.
	FetchTimeout time.Duration
	// Signed uploads (createUploads): the types they may carry ("image/*" names a family), the largest
	// file one PUT may carry (larger ones go in parts), the largest file, and how long a ticket lasts.
	UploadTypes          []string
	MaxSinglePutBytes    int64
	MaxSignedUploadBytes int64
	UploadTicketTTL      time.Duration
	// MaxImagePixels refuses images whose frames hold more pixels, before they are decoded.
	MaxImagePixels int64
	// MaxTransformSide caps both sides of a transform's output.
	MaxTransformSide int
	// OrphanGrace is how old a crash leftover must be before the sweep deletes it.
	OrphanGrace time.Duration
	// TransformTimeout is the deadline of one transform, from the moment it has a core.
	TransformTimeout time.Duration
	// UnsignedWidths and UnsignedQualities are the w and q a transform URL may carry without a
	// signature when transforms must be signed, so that loaders in browsers can build them.
	UnsignedWidths    []int
	UnsignedQualities []int
	// StripGPSOnUpload removes where a photo was taken from JPEG originals before they are stored.
	StripGPSOnUpload bool
	// ClamdAddr is the clamd that scans new bytes (tcp:// or unix://); empty: none, nothing is scanned.
	ClamdAddr           string
	ClamdConnectTimeout time.Duration
	ClamdReadTimeout    time.Duration
	// ScanMaxBytes is the largest version scanned; larger ones are SKIPPED.
	ScanMaxBytes int64
	// ServeUnscanned delivers bytes whose scan is PENDING or FAILED.
	ServeUnscanned bool
	// Moderation is "off" or "manual" (new bytes wait for a moderator before they are published).
	Moderation string
	// HLS is "on" when videos are encoded for HLS streaming in the background, "off" otherwise.
	HLS string
	// WebhookRetryBase is the wait after a webhook delivery's first failed attempt (it doubles after
	// each next one); WebhookTimeout bounds one attempt; WebhookLogRetention keeps finished deliveries.
	WebhookRetryBase    time.Duration
	WebhookTimeout      time.Duration
	WebhookLogRetention time.Duration
	// AuditRetention is how long the events of the audit log are kept.
	AuditRetention time.Duration
	// TrashRetention is how long a trashed asset stays restorable before it is purged.
	TrashRetention time.Duration
	// SubscriptionPoll is how often subscriptions look for events committed by any instance.
	SubscriptionPoll time.Duration
	// Vision ("on" or "off") looks at new images' pixels; FaceCascade and Tesseract are the detector's
	// cascade file and the OCR command; OCRAllBelowPixels reads every smaller image for text, and
	// OCRTimeout bounds one reading.
	Vision            string
	FaceCascade       string
	Tesseract         string
	OCRAllBelowPixels int64
	OCRTimeout        time.Duration
	// LoginMaxFailures failed sign-ins of one address or email lock it out for LoginBackoff.
	LoginMaxFailures int
	LoginBackoff     time.Duration
	// SessionTTL is how long a browser session lasts after sign-in.
	SessionTTL time.Duration
	// ZipMaxFiles is the most files one ZIP download may hold.
	ZipMaxFiles int
}

// DefaultLocale is the locale every fallback chain ends in.
func (l Library) DefaultLocale() string { return l.Locales[0] }

// S3 is the configuration of an S3-compatible bucket. Credentials come from the standard AWS chain
// (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role…).
type S3 struct {
	Bucket         string
	Region         string
	Endpoint       string
	ForcePathStyle bool
}

// Load reads the configuration of a subcommand from the environment and args; extra adds the
// subcommand's own flags. It returns the arguments left after the flags.
func Load(name string, args []string, extra ...func(*flag.FlagSet)) (Config, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	for _, add := range extra {
		add(fs)
	}
	var c Config
	table := settings(&c)
	texts := make([]*string, len(table))
	for i, s := range table {
		def := s.Default
		if env, ok := os.LookupEnv(s.Name); ok {
			def = env
		}
		texts[i] = fs.String(s.Flag, def, s.Description+" ($"+s.Name+")")
	}
	if err := fs.Parse(args); err != nil {
		return Config{}, nil, err
	}
	if err := c.read(table, func(i int) string { return *texts[i] }); err != nil {
		return Config{}, nil, err
	}
	return c, fs.Args(), nil
}

// Defaults is the configuration when nothing is set, whatever the environment says: what tests start
// from before they change what they need.
func Defaults() Config {
	var c Config
	table := settings(&c)
	if err := c.read(table, func(i int) string { return table[i].Default }); err != nil {
		panic(fmt.Sprintf("config: the default of a setting does not parse: %v", err))
	}
	return c
}

// read parses the text of every setting of table, which is bound to c, then fills in what defaults
// to other settings.
func (c *Config) read(table []Setting, text func(i int) string) error {
	for i, s := range table {
		if err := s.parse(strings.TrimSpace(text(i)), s.Default); err != nil {
			return fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = filepath.Join(c.DataDir, "mediagraph.db")
	}
	if c.PublicURL == "" {
		_, port, err := net.SplitHostPort(c.Addr)
		if err != nil {
			return fmt.Errorf("MEDIAGRAPH_ADDR %q: %w", c.Addr, err)
		}
		c.PublicURL = "http://localhost:" + port
	}
	return nil
}
