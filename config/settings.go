package config

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Setting is one setting: its environment variable, its flag, its default, what it means (for --help
// and the README), and how its text is read into its field of Config.
type Setting struct {
	Name, Flag, Default, Description string
	parse                            parser
}

// A parser reads a setting's text into the field of Config it is bound to, or says what it wants
// instead; def is the setting's default, an example for that message.
type parser func(text, def string) error

// Settings lists every setting in the order --help and the README show them.
func Settings() []Setting { return settings(new(Config)) }

// settings is THE table of settings, each row bound to its field of c and validated by its parser, in
// order (a parser may read a field of an earlier row). Adding a setting takes a row here, its field in
// Config (in Library when the media library reads it) and its row in the README's configuration
// table, which a test compares with this one; then the code that reads the field.
func settings(c *Config) []Setting {
	return []Setting{
		{"MEDIAGRAPH_ADDR", "addr", ":8080", "address to listen on", text(&c.Addr)},
		{"MEDIAGRAPH_DATA_DIR", "data-dir", "./data", "directory of the SQLite database and the local blob store", text(&c.DataDir)},
		{"DATABASE_URL", "database-url", "", "postgres:// URL for PostgreSQL; empty: SQLite at $MEDIAGRAPH_DATA_DIR/mediagraph.db", text(&c.DatabaseURL)},
		{"MEDIAGRAPH_PUBLIC_URL", "public-url", "", "URL clients reach the service at; empty: http://localhost:<port>", baseURL(&c.PublicURL)},
		{"MEDIAGRAPH_CORS_ORIGINS", "cors-origins", "", "origins browsers may call from, comma-separated (https://site.example); * opens /media to every origin, never /graphql or uploads", origins(&c.CORSOrigins)},
		{"MEDIAGRAPH_LOCALES", "locales", "en", "content locales, comma-separated; the first is the default", locales(&c.Locales)},
		{"MEDIAGRAPH_LOCALE_FALLBACKS", "locale-fallbacks", "", "fallbacks such as it:en,de:en (a locale may list several: pt-BR:pt|en)", fallbacks(&c.LocaleFallbacks, &c.Locales)},
		{"MEDIAGRAPH_MAX_UPLOAD_BYTES", "max-upload-bytes", "104857600", "largest file uploadAssets accepts, in bytes", positive(&c.MaxUploadBytes, "a positive number of bytes")},
		{"MEDIAGRAPH_MAX_FILES_PER_UPLOAD", "max-files-per-upload", "10", "most files one uploadAssets call accepts", positive(&c.MaxFilesPerUpload, "a positive number")},
		{"MEDIAGRAPH_MAX_IMAGE_PIXELS", "max-image-pixels", "100000000", "largest image (pixels of one frame) accepted; larger ones are refused before decoding", positive(&c.MaxImagePixels, "a positive number")},
		{"MEDIAGRAPH_MAX_TRANSFORM_SIDE", "max-transform-side", "4096", "largest width or height of a transformed image, in pixels", integer(&c.MaxTransformSide, 16, 16384, "a number of pixels from 16 to 16384")},
		{"MEDIAGRAPH_SIGNING_KEY", "signing-key", "", "key signing URLs; when set, transform URLs must be signed (s=); empty: a random key kept in the database", text(&c.SigningKey)},
		{"S3_BUCKET", "s3-bucket", "", "S3 bucket for the bytes; empty: local disk under $MEDIAGRAPH_DATA_DIR/blobs", text(&c.S3.Bucket)},
		{"S3_REGION", "s3-region", "us-east-1", "the bucket's region", text(&c.S3.Region)},
		{"S3_ENDPOINT", "s3-endpoint", "", "endpoint of an S3-compatible server (MinIO, R2, …); empty: AWS", text(&c.S3.Endpoint)},
		{"S3_FORCE_PATH_STYLE", "s3-force-path-style", "false", "address the bucket in the path (most S3-compatible servers need true)", boolean(&c.S3.ForcePathStyle)},
		{"S3_DELIVERY", "s3-delivery", "proxy", "how original bytes in the bucket reach browsers: proxy (streamed by the service) or redirect (to a presigned URL)", oneOf(&c.S3Delivery, "proxy", "redirect")},
		{"MEDIAGRAPH_UPLOAD_TYPES", "upload-types", "image/*,video/*,audio/*,application/pdf", "types every way in accepts (uploadAssets, createUploads, createAssetFromUrl, replaceAsset), comma-separated; type/* or */* for a family, which never admits HTML, JavaScript, executables or an SVG with script: list those by their own type", list(&c.UploadTypes)},
		{"MEDIAGRAPH_MAX_SINGLE_PUT_BYTES", "max-single-put-bytes", "4194304", "largest file a signed upload sends in one PUT; larger ones go in 8 MiB parts", positive(&c.MaxSinglePutBytes, "a positive number")},
		{"MEDIAGRAPH_MAX_SIGNED_UPLOAD_BYTES", "max-signed-upload-bytes", "5368709120", "largest file createUploads accepts, in bytes", positive(&c.MaxSignedUploadBytes, "a positive number")},
		{"MEDIAGRAPH_UPLOAD_TICKET_TTL", "upload-ticket-ttl", "120s", "how long a signed upload ticket stays valid", duration(&c.UploadTicketTTL)},
		{"MEDIAGRAPH_UPLOAD_SWEEP_INTERVAL", "upload-sweep-interval", "1m", "how often uploads whose tickets ran out are expired and their bytes deleted", duration(&c.UploadSweepInterval)},
		{"MEDIAGRAPH_ORPHAN_SWEEP_INTERVAL", "orphan-sweep-interval", "1h", "how often crash leftovers (spool and temporary files, objects no row points to, stale multipart uploads) are deleted", duration(&c.OrphanSweepInterval)},
		{"MEDIAGRAPH_ORPHAN_GRACE", "orphan-grace", "1h", "how old a crash leftover must be before it is deleted; anything younger may belong to an upload still running", durationOrNone(&c.OrphanGrace)},
		{"MEDIAGRAPH_BODY_GRACE", "body-grace", "20s", "time a request body may take before it must keep up the minimum rate (and the most credit a fast start earns)", duration(&c.BodyGrace)},
		{"MEDIAGRAPH_BODY_MIN_RATE", "body-min-rate", "16384", "slowest a request body may arrive after the grace, in bytes a second; slower clients are cut off", positive(&c.BodyMinRate, "a positive number of bytes a second")},
		{"MEDIAGRAPH_FETCH_ALLOW_NETWORKS", "fetch-allow-networks", "", "private networks createAssetFromUrl may fetch from nonetheless, as CIDRs (10.1.0.0/16,…)", cidrs(&c.FetchAllow)},
		{"MEDIAGRAPH_FETCH_TIMEOUT", "fetch-timeout", "2m", "longest a createAssetFromUrl download may take, from the request to the last byte", duration(&c.FetchTimeout)},
		{"MEDIAGRAPH_TRANSFORM_TIMEOUT", "transform-timeout", "30s", "deadline of one image transform; one that takes longer is stopped and answers 400", duration(&c.TransformTimeout)},
		{"MEDIAGRAPH_EVENT_DRAIN_INTERVAL", "event-drain-interval", "1s", "how often recorded events are delivered to their subscribers, besides right after each change", duration(&c.EventDrainInterval)},
		{"MEDIAGRAPH_UNSIGNED_WIDTHS", "unsigned-widths", "16,32,48,64,96,128,256,384,640,750,828,1080,1200,1920,2048,3840", "with a signing key, the widths (w) a transform URL may ask for without s= (Next.js's deviceSizes and imageSizes)", integers(&c.UnsignedWidths, 1, 8192, "widths from 1 to 8192, comma-separated")},
		{"MEDIAGRAPH_UNSIGNED_QUALITIES", "unsigned-qualities", "75", "with a signing key, the qualities (q) a transform URL may ask for without s=", integers(&c.UnsignedQualities, 1, 100, "qualities from 1 to 100, comma-separated")},
		{"MEDIAGRAPH_STRIP_GPS_ON_UPLOAD", "strip-gps-on-upload", "false", "remove GPS from JPEG originals as they are stored (uploadAssets, createAssetFromUrl, replaceAsset), losslessly; otherwise originals are served as uploaded", boolean(&c.StripGPSOnUpload)},
		{"MEDIAGRAPH_CLAMD_ADDR", "clamd-addr", "", "clamd to scan new files with: tcp://host:port or unix:///path/to/clamd.ctl; empty: scanning is off (files are SKIPPED)", clamdAddr(&c.ClamdAddr)},
		{"MEDIAGRAPH_CLAMD_CONNECT_TIMEOUT", "clamd-connect-timeout", "5s", "how long a connection to clamd may take", duration(&c.ClamdConnectTimeout)},
		{"MEDIAGRAPH_CLAMD_READ_TIMEOUT", "clamd-read-timeout", "60s", "how long clamd may take to accept each chunk of a file and to give its verdict", duration(&c.ClamdReadTimeout)},
		{"MEDIAGRAPH_SCAN_MAX_BYTES", "scan-max-bytes", "26214400", "largest file scanned, in bytes (keep it at most clamd's StreamMaxLength); larger ones are SKIPPED", positive(&c.ScanMaxBytes, "a positive number of bytes")},
		{"MEDIAGRAPH_SCAN_RETRY_BASE", "scan-retry-base", "10s", "wait before a failed scan is tried again, doubled after each failure; the sixth failure is final (FAILED)", duration(&c.ScanRetryBase)},
		{"MEDIAGRAPH_SERVE_UNSCANNED", "serve-unscanned", "true", "deliver files whose scan is PENDING or FAILED; false: only CLEAN and SKIPPED files are delivered (INFECTED never are)", boolean(&c.ServeUnscanned)},
		{"MEDIAGRAPH_MODERATION", "moderation", "off", "off, or manual: new assets and versions wait for a moderator's APPROVED before they may be published", oneOf(&c.Moderation, "off", "manual")},
		{"MEDIAGRAPH_HLS", "hls", "off", "on: each new video and each replacement is encoded in the background into an HLS ladder (360p/720p/1080p up to its own size, H.264 and AAC in 6 s fMP4 segments); off: videos are served as uploaded", oneOf(&c.HLS, "off", "on")},
		{"MEDIAGRAPH_METRICS_ADDR", "metrics-addr", "", "address of a separate listener for /metrics; empty: /metrics on the main address", text(&c.MetricsAddr)},
		{"MEDIAGRAPH_METRICS_TOKEN", "metrics-token", "", "bearer token /metrics requires; empty: none", text(&c.MetricsToken)},
		{"MEDIAGRAPH_LOG_FORMAT", "log-format", "text", "log format: text or json", oneOf(&c.LogFormat, "text", "json")},
		{"MEDIAGRAPH_LOG_LEVEL", "log-level", "info", "least severe log level written: debug, info, warn or error", oneOf(&c.LogLevel, "debug", "info", "warn", "error")},
		{"MEDIAGRAPH_LOGIN_MAX_FAILURES", "login-max-failures", "5", "failed sign-ins of one address or one email after which it is locked out for the back-off", positive(&c.LoginMaxFailures, "a positive number")},
		{"MEDIAGRAPH_LOGIN_BACKOFF", "login-backoff", "15m", "how long an address or email stays locked out after too many failed sign-ins", duration(&c.LoginBackoff)},
		{"MEDIAGRAPH_SESSION_TTL", "session-ttl", "720h", "how long a browser session lasts after sign-in", duration(&c.SessionTTL)},
		{"MEDIAGRAPH_WEBHOOK_RETRY_BASE", "webhook-retry-base", "1m", "wait after a webhook delivery's first failed attempt; it doubles after each next one (12 attempts, about a day)", duration(&c.WebhookRetryBase)},
		{"MEDIAGRAPH_WEBHOOK_TIMEOUT", "webhook-timeout", "10s", "how long a webhook receiver may take to answer one delivery", duration(&c.WebhookTimeout)},
		{"MEDIAGRAPH_WEBHOOK_LOG_RETENTION", "webhook-log-retention", "336h", "how long finished webhook deliveries stay in the delivery log (14 days)", duration(&c.WebhookLogRetention)},
		{"MEDIAGRAPH_TRASH_RETENTION", "trash-retention", "720h", "how long a trashed asset stays restorable before its bytes, versions, transforms and rows are purged (30 days; looked for as often as MEDIAGRAPH_UPLOAD_SWEEP_INTERVAL)", duration(&c.TrashRetention)},
		{"MEDIAGRAPH_AUDIT_RETENTION", "audit-retention", "8760h", "how long the audit log keeps events (365 days)", duration(&c.AuditRetention)},
		{"MEDIAGRAPH_SUBSCRIPTION_POLL", "subscription-poll", "250ms", "how often GraphQL subscriptions look for events committed by any instance", duration(&c.SubscriptionPoll)},
		{"MEDIAGRAPH_MEMORY_HEADROOM", "memory-headroom", "41943040", "bytes of Go heap allowed beyond what the memory budgets of analysis, transforms and upload spooling hold at the moment before the collector works harder (Go's soft memory limit); GOMEMLIMIT, when set, wins", positive(&c.MemoryHeadroom, "a positive number of bytes")},
		{"MEDIAGRAPH_DELIVERY_CACHE_BYTES", "delivery-cache-bytes", "67108864", "memory for delivery tokens' cached query responses, in bytes; 0 turns the cache off", integer(&c.DeliveryCacheBytes, 0, math.MaxInt64, "a number of bytes (0 for no cache)")},
		{"MEDIAGRAPH_VISION", "vision", "on", "on, or off: a background job looks at each new image's pixels for faces, text and smart tags", oneOf(&c.Vision, "on", "off")},
		{"MEDIAGRAPH_FACE_CASCADE", "face-cascade", "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml", "OpenCV cascade file faces are detected with (Debian's opencv-data); when it is missing faces are null and visionAnalysis says why", text(&c.FaceCascade)},
		{"MEDIAGRAPH_TESSERACT", "tesseract", "tesseract", "Tesseract command images are read for text with (Debian's tesseract-ocr, tesseract-ocr-eng); when it is missing ocrText is null and visionAnalysis says why", text(&c.Tesseract)},
		{"MEDIAGRAPH_OCR_ALL_BELOW_PIXELS", "ocr-all-below-pixels", "0", "images of fewer pixels than this are all read for text; larger ones only when they look like a document or a screenshot", integer(&c.OCRAllBelowPixels, 0, math.MaxInt64, "a number of pixels (0: only documents and screenshots)")},
		{"MEDIAGRAPH_OCR_TIMEOUT", "ocr-timeout", "20s", "longest Tesseract may take to read one image; one that takes longer is stopped and the image has no text", duration(&c.OCRTimeout)},
		{"MEDIAGRAPH_ZIP_MAX_FILES", "zip-max-files", "10000", "most files one createZipDownload archive may hold; a larger selection is refused", positive(&c.ZipMaxFiles, "a positive number")},
	}
}

// clamdAddr is empty or a tcp:// or unix:// address.
func clamdAddr(into *string) parser {
	return func(s, _ string) error {
		if s != "" && !strings.HasPrefix(s, "tcp://") && !strings.HasPrefix(s, "unix://") {
			return fmt.Errorf("want tcp://host:port or unix:///path, got %q", s)
		}
		*into = s
		return nil
	}
}

func text(into *string) parser {
	return func(s, _ string) error { *into = s; return nil }
}

// baseURL is a URL that paths are appended to, so without its trailing slash.
func baseURL(into *string) parser {
	return func(s, _ string) error { *into = strings.TrimSuffix(s, "/"); return nil }
}

// list is comma-separated; empty items are dropped.
func list(into *[]string) parser {
	return func(s, _ string) error { *into = splitList(s, ","); return nil }
}

var localePattern = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// locales is a list of at least one language tag.
func locales(into *[]string) parser {
	return func(s, _ string) error {
		l := splitList(s, ",")
		if len(l) == 0 {
			return errors.New("at least one locale is required")
		}
		for _, x := range l {
			if !localePattern.MatchString(x) {
				return fmt.Errorf("locale %q is not a language tag such as en or pt-BR", x)
			}
		}
		*into = l
		return nil
	}
}

// fallbacks reads "it:en,de:en,pt-BR:pt|en", naming only locales of the list it is checked against
// (a field of an earlier row).
func fallbacks(into *map[string][]string, locales *[]string) parser {
	return func(s, _ string) error {
		out := map[string][]string{}
		for _, item := range splitList(s, ",") {
			locale, chain, ok := strings.Cut(item, ":")
			locale = strings.TrimSpace(locale)
			if !ok || locale == "" || len(splitList(chain, "|")) == 0 {
				return fmt.Errorf("%q is not locale:fallback", item)
			}
			out[locale] = splitList(chain, "|")
			for _, x := range append([]string{locale}, out[locale]...) {
				if !slices.Contains(*locales, x) {
					return fmt.Errorf("fallback names locale %q, which is not among the locales %v", x, *locales)
				}
			}
		}
		*into = out
		return nil
	}
}

// integer is a whole number from lowest to highest; want says so in words.
func integer[T int | int64](into *T, lowest, highest int64, want string) parser {
	return func(s, _ string) error {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < lowest || v > highest || int64(T(v)) != v {
			return fmt.Errorf("want %s, got %q", want, s)
		}
		*into = T(v)
		return nil
	}
}

// integers is a list of whole numbers from lowest to highest, separated by commas or spaces.
func integers(into *[]int, lowest, highest int64, want string) parser {
	return func(s, _ string) error {
		var out []int
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
			var v int
			if err := integer(&v, lowest, highest, want)(f, ""); err != nil {
				return err
			}
			out = append(out, v)
		}
		*into = out
		return nil
	}
}

func positive[T int | int64](into *T, want string) parser {
	return integer(into, 1, math.MaxInt64, want)
}

func boolean(into *bool) parser {
	return func(s, _ string) error {
		v, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("want true or false, got %q", s)
		}
		*into = v
		return nil
	}
}

// oneOf is one of the words allowed.
func oneOf(into *string, allowed ...string) parser {
	return func(s, _ string) error {
		if !slices.Contains(allowed, s) {
			last := len(allowed) - 1
			return fmt.Errorf("want %s or %s, got %q", strings.Join(allowed[:last], ", "), allowed[last], s)
		}
		*into = s
		return nil
	}
}

// duration is a positive duration; durationOrNone allows 0s too.
func duration(into *time.Duration) parser { return durationFrom(into, time.Nanosecond, "") }

func durationOrNone(into *time.Duration) parser { return durationFrom(into, 0, " (0s for none)") }

func durationFrom(into *time.Duration, lowest time.Duration, note string) parser {
	return func(s, def string) error {
		v, err := time.ParseDuration(s)
		if err != nil || v < lowest {
			return fmt.Errorf("want a duration such as %s%s, got %q", def, note, s)
		}
		*into = v
		return nil
	}
}

// cidrs is a comma-separated list of networks, kept masked (10.1.2.3/16 is 10.1.0.0/16).
func cidrs(into *[]netip.Prefix) parser {
	return func(s, _ string) error {
		var out []netip.Prefix
		for _, cidr := range splitList(s, ",") {
			p, err := netip.ParsePrefix(cidr)
			if err != nil {
				return fmt.Errorf("%q is not a CIDR such as 10.1.0.0/16", cidr)
			}
			out = append(out, p.Masked())
		}
		*into = out
		return nil
	}
}

// origins is a list of browser origins (scheme://host[:port], as a browser sends them) or "*".
func origins(into *[]string) parser {
	return func(s, _ string) error {
		var out []string
		for _, o := range splitList(s, ",") {
			if o != "*" {
				u, err := url.Parse(o)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
					strings.TrimSuffix(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" {
					return fmt.Errorf("%q is not an origin such as https://site.example or http://localhost:3000", o)
				}
				o = strings.ToLower(u.Scheme + "://" + u.Host)
			}
			out = append(out, o)
		}
		*into = out
		return nil
	}
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
