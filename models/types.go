package models

import (
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"time"
)

// AssetKind classifies an asset by what its bytes are.
type AssetKind string

const (
	KindImage    AssetKind = "IMAGE"
	KindVideo    AssetKind = "VIDEO"
	KindAudio    AssetKind = "AUDIO"
	KindDocument AssetKind = "DOCUMENT"
	KindArchive  AssetKind = "ARCHIVE"
	KindOther    AssetKind = "OTHER"
)

// AssetStatus is who may see an asset: PUBLIC assets are visible to delivery clients.
type AssetStatus string

const (
	StatusPrivate AssetStatus = "PRIVATE"
	StatusPublic  AssetStatus = "PUBLIC"
)

// Role is what an API token may do.
type Role string

const (
	RoleAdmin    Role = "ADMIN"
	RoleEditor   Role = "EDITOR"
	RoleDelivery Role = "DELIVERY"
)

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool { return r == RoleAdmin || r == RoleEditor || r == RoleDelivery }

// JSONObject is a JSON object stored as text, so both dialects hold it the same way.
type JSONObject map[string]any

// GormDataType tells GORM the map is a column value, not a relation.
func (JSONObject) GormDataType() string { return "text" }

// Value implements driver.Valuer.
func (j JSONObject) Value() (driver.Value, error) {
	return jsonValue(map[string]any(j), j == nil, "json object")
}

// Scan implements sql.Scanner.
func (j *JSONObject) Scan(src any) error {
	*j = nil
	return scanJSON(src, (*map[string]any)(j))
}

// Asset is a file in the library: how editors name, file and describe it. What its bytes are belongs
// to its versions; Version is the number of the current one, which every read of an asset loads in
// the same query, so that a.Size or a.Analysis are the current version's.
type Asset struct {
	ID           string      `gorm:"primaryKey;size:40"`
	Status       AssetStatus `gorm:"size:16;not null"`
	Filename     string      `gorm:"size:255;not null"`
	Basename     string      `gorm:"size:255;not null"`
	Version      int         `gorm:"not null"`
	Author       *string
	Copyright    *string
	Notes        *string
	CollectionID *string `gorm:"size:40"`
	CreatedByID  *string `gorm:"size:40"`
	// UpdatedByID is the token of the latest change that recorded an event about the asset.
	UpdatedByID *string `gorm:"size:40"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
	DeletedAt   *time.Time

	// AvailableFrom and AvailableUntil bound when the gate delivers the asset to readers.
	AvailableFrom  *time.Time
	AvailableUntil *time.Time

	// GrantEpoch numbers the generation of the asset's signed links: a link signed under an older
	// one no longer opens it.
	GrantEpoch int `gorm:"not null"`
	// VariantOfID is the original this asset is a variant of (an art-directed crop, a hand-made WebP);
	// VariantOf is that original, loaded where its availability decides the variant's.
	VariantOfID *string `gorm:"size:40"`
	VariantOf   *Asset  `gorm:"-"`
	// Moderation is the review of the current bytes.
	Moderation Moderation `gorm:"embedded;embeddedPrefix:moderation_"`

	// The current version; its own columns are written through AssetVersion, never through the asset.
	*AssetVersion `gorm:"-"`
}

// AtVersion is the asset as it was at version v: v's bytes and their facts under v's name.
func (a *Asset) AtVersion(v *AssetVersion) *Asset {
	old := *a
	old.AssetVersion, old.Version = v, v.Number
	old.Filename = v.Filename
	old.Basename = strings.TrimSuffix(v.Filename, path.Ext(v.Filename))
	return &old
}

// Orientation is the shape of an image or video as displayed.
type Orientation string

const (
	Landscape Orientation = "LANDSCAPE"
	Portrait  Orientation = "PORTRAIT"
	Square    Orientation = "SQUARE"
)

// AspectRatio is width over height as displayed, or nil when the asset has no dimensions.
func (a *Asset) AspectRatio() *float64 {
	if a.Width == nil || a.Height == nil || *a.Height == 0 {
		return nil
	}
	r := float64(*a.Width) / float64(*a.Height)
	return &r
}

// Orientation is the asset's shape as displayed, or nil when it has no dimensions. Filters compute
// the same in SQL (orientationSQL).
func (a *Asset) Orientation() *Orientation {
	if a.Width == nil || a.Height == nil {
		return nil
	}
	o := Square
	switch {
	case *a.Width > *a.Height:
		o = Landscape
	case *a.Width < *a.Height:
		o = Portrait
	}
	return &o
}

// Analysis is what analyzing an asset's bytes learned, beyond the columns that lists filter and
// sort by. Zero values mean "not known".
type Analysis struct {
	HasAlpha   bool     `json:"hasAlpha,omitempty"`
	ColorSpace string   `json:"colorSpace,omitempty"`
	FrameCount int      `json:"frameCount,omitempty"`
	FrameRate  float64  `json:"frameRate,omitempty"`
	VideoCodec string   `json:"videoCodec,omitempty"`
	AudioCodec string   `json:"audioCodec,omitempty"`
	Bitrate    int64    `json:"bitrate,omitempty"`
	PageCount  int      `json:"pageCount,omitempty"`
	Colors     []Color  `json:"colors,omitempty"`
	SmartTags  []string `json:"smartTags,omitempty"`
	Exif       *Exif    `json:"exif,omitempty"`
}

// Color is one of an image's dominant colors, most common first.
type Color struct {
	Red   int `json:"r"`
	Green int `json:"g"`
	Blue  int `json:"b"`
	Alpha int `json:"a"`
}

// parseHexColor reads "#rrggbb" (the # is optional, case is ignored).
func parseHexColor(s string) (Color, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return Color{}, false
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return Color{}, false
	}
	return Color{Red: int(b[0]), Green: int(b[1]), Blue: int(b[2]), Alpha: 255}, true
}

// Hex is the color as CSS writes it, without alpha.
func (c Color) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.Red, c.Green, c.Blue) }

// Exif is the camera data of a photo that editors search and credit by. Nil fields were absent.
type Exif struct {
	Make         *string    `json:"make,omitempty"`
	Model        *string    `json:"model,omitempty"`
	LensModel    *string    `json:"lensModel,omitempty"`
	ExposureTime *string    `json:"exposureTime,omitempty"`
	FNumber      *float64   `json:"fNumber,omitempty"`
	ISO          *int       `json:"iso,omitempty"`
	FocalLength  *float64   `json:"focalLength,omitempty"`
	DateTaken    *time.Time `json:"dateTaken,omitempty"`
	Orientation  *int       `json:"orientation,omitempty"`
	Latitude     *float64   `json:"latitude,omitempty"`
	Longitude    *float64   `json:"longitude,omitempty"`
	Altitude     *float64   `json:"altitude,omitempty"`
}

// AssetVersion is one stored set of bytes of an asset and what they are. Bytes are immutable: a new
// upload makes a new version with its own object key and its own analysis.
type AssetVersion struct {
	ID        string `gorm:"primaryKey;size:40"`
	AssetID   string `gorm:"size:40;not null"`
	Number    int    `gorm:"not null"`
	ObjectKey string `gorm:"size:512;not null"`
	Filename  string `gorm:"size:255;not null"`
	// OriginalFilename is the name the file was uploaded under, exactly as given.
	OriginalFilename string    `gorm:"not null"`
	Kind             AssetKind `gorm:"size:16;not null"`
	Format           string    `gorm:"size:32;not null"`
	MimeType         string    `gorm:"size:255;not null"`
	Size             int64     `gorm:"not null"`
	Width            *int
	Height           *int
	MD5              string  `gorm:"column:md5;size:32;not null"`
	SHA256           string  `gorm:"column:sha256;size:64;not null"`
	CreatedByID      *string `gorm:"size:40"`
	CreatedAt        time.Time

	// What analysis learned from the bytes; see Analysis. AnalyzedAt is nil until they are analyzed
	// (versions stored before versions kept their own analysis wait for a reprocess).
	Duration         *float64
	Blurhash         *string
	Thumbhash        *string
	LQIP             *string `gorm:"column:lqip"`
	Analysis         JSON[Analysis]
	EmbeddedMetadata JSON[JSONObject]
	ProcessingError  *string
	AnalyzedAt       *time.Time

	// Antivirus is what scanning the bytes found.
	Antivirus Antivirus `gorm:"embedded;embeddedPrefix:antivirus_"`
}

// AssetMetadata is the default field metadata of an asset in one locale.
type AssetMetadata struct {
	AssetID    string  `gorm:"primaryKey;size:40"`
	Locale     string  `gorm:"primaryKey;size:35"`
	Alt        *string `gorm:"column:alt"`
	Title      *string
	FocalX     *float64
	FocalY     *float64
	CustomData JSONObject
	UpdatedAt  time.Time
}

// TableName keeps the plural that the migrations create.
func (AssetMetadata) TableName() string { return "asset_metadata" }

// Tag is a label editors put on assets. Names are unique regardless of case.
type Tag struct {
	ID        string `gorm:"primaryKey;size:40"`
	Name      string `gorm:"size:100;not null"`
	NameKey   string `gorm:"size:400;not null"`
	CreatedAt time.Time
}

// AssetTag assigns a tag to an asset.
type AssetTag struct {
	AssetID   string `gorm:"primaryKey;size:40"`
	TagID     string `gorm:"primaryKey;size:40"`
	CreatedAt time.Time
}

// Collection is a folder in the tree of collections. Path lists the ids from the root down to and
// including this collection ("/col_a/col_b/"), so a subtree is one prefix match.
type Collection struct {
	ID        string  `gorm:"primaryKey;size:40"`
	Name      string  `gorm:"size:200;not null"`
	NameKey   string  `gorm:"size:800;not null"`
	ParentID  *string `gorm:"size:40"`
	Path      string  `gorm:"size:2000;not null"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Usage records that a CMS entry references an asset. Field and Locale are "" when the reference is
// not tied to one.
type Usage struct {
	ID        string `gorm:"primaryKey;size:40"`
	AssetID   string `gorm:"size:40;not null"`
	EntryType string `gorm:"size:200;not null"`
	EntryID   string `gorm:"size:200;not null"`
	Field     string `gorm:"size:200;not null"`
	Locale    string `gorm:"size:35;not null"`
	Live      bool   `gorm:"not null"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// APIToken is a bearer credential. Only a hash of its secret is stored.
type APIToken struct {
	ID         string `gorm:"primaryKey;size:40"`
	Name       string `gorm:"size:200;not null"`
	Role       Role   `gorm:"size:16;not null"`
	LookupKey  string `gorm:"size:32;not null"`
	SecretHash []byte `gorm:"not null"`
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
	// Moderator lets an EDITOR token moderate assets, as ADMIN tokens do.
	Moderator bool `gorm:"not null;default:false"`
	// RoleID is the role whose permissions the token holds; nil for DELIVERY tokens.
	RoleID *string `gorm:"size:40"`
}

// UploadStatus is where a signed upload is in its life.
type UploadStatus string

const (
	UploadPending   UploadStatus = "PENDING"
	UploadCompleted UploadStatus = "COMPLETED"
	UploadExpired   UploadStatus = "EXPIRED"
	UploadFailed    UploadStatus = "FAILED"
)

// Upload is a ticket for bytes a client sends straight to the store, and what became of them. The
// asset and version ids are chosen up front: they name the object key the client writes to.
type Upload struct {
	ID        string       `gorm:"primaryKey;size:40"`
	Status    UploadStatus `gorm:"size:16;not null"`
	AssetID   string       `gorm:"size:40;not null"`
	VersionID string       `gorm:"size:40;not null"`
	ObjectKey string       `gorm:"not null"`
	Filename  string       `gorm:"not null"`
	MimeType  string       `gorm:"not null"`
	Size      int64        `gorm:"not null"`
	SHA256    *string      `gorm:"column:sha256"`
	MD5       *string      `gorm:"column:md5"`
	// OriginalFilename is the file's name as the client gave it.
	OriginalFilename string `gorm:"not null"`
	SkipIfExists     bool   `gorm:"not null"`
	Options          string // JSON of how to file and describe the asset
	MultipartID      *string
	PartSize         *int64
	Error            *string
	ResultAssetID    *string `gorm:"size:40"`
	CreatedByID      *string `gorm:"size:40"`
	ExpiresAt        time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Setting is a named value the service keeps for itself, shared by every instance.
type Setting struct {
	Key   string `gorm:"primaryKey;size:100"`
	Value string `gorm:"not null"`
}

// Node is a record with a public, prefixed id; node(id:) returns one of these.
type Node interface{ NodeID() string }

// ByID indexes records by id.
func ByID[T Node](list []T) map[string]T {
	out := make(map[string]T, len(list))
	for _, n := range list {
		out[n.NodeID()] = n
	}
	return out
}

// NodeID implements Node.
func (a Asset) NodeID() string { return a.ID }

// NodeID implements Node.
func (t Tag) NodeID() string { return t.ID }

// NodeID implements Node.
func (c Collection) NodeID() string { return c.ID }

// NodeID implements Node.
func (u Usage) NodeID() string { return u.ID }

// NodeID implements Node.
func (t APIToken) NodeID() string { return t.ID }

// NodeID implements Node.
func (u Upload) NodeID() string { return u.ID }
