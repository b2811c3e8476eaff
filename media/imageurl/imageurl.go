// Package imageurl is the language of delivery URLs, with no database and no store behind it: the
// imgix-style transform parameters (ImageParams), the paths of the delivery routes, and the signature
// that grants a URL.
package imageurl

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/models"
)

// ImageFit, ImageCrop, ImageFormat and ImageAuto are the values of the fit, crop, fm and auto
// transform parameters, as imgix names them.
type (
	ImageFit    string
	ImageCrop   string
	ImageFormat string
	ImageAuto   string
)

const (
	FitCrop  ImageFit = "crop"
	FitClip  ImageFit = "clip"
	FitMax   ImageFit = "max"
	FitFill  ImageFit = "fill"
	FitScale ImageFit = "scale"

	CropFocalPoint ImageCrop = "focalpoint"
	CropCenter     ImageCrop = "center"
	CropTop        ImageCrop = "top"
	CropBottom     ImageCrop = "bottom"
	CropLeft       ImageCrop = "left"
	CropRight      ImageCrop = "right"
	CropEntropy    ImageCrop = "entropy"
	CropFaces      ImageCrop = "faces"

	FormatJPG  ImageFormat = "jpg"
	FormatPNG  ImageFormat = "png"
	FormatWebP ImageFormat = "webp"
	FormatAVIF ImageFormat = "avif"
	FormatGIF  ImageFormat = "gif"

	AutoFormat   ImageAuto = "format"
	AutoCompress ImageAuto = "compress"
)

var (
	imageFits    = []ImageFit{FitCrop, FitClip, FitMax, FitFill, FitScale}
	imageCrops   = []ImageCrop{CropFocalPoint, CropCenter, CropTop, CropBottom, CropLeft, CropRight, CropEntropy, CropFaces}
	imageFormats = []ImageFormat{FormatJPG, FormatPNG, FormatWebP, FormatAVIF, FormatGIF}
	imageAutos   = []ImageAuto{AutoFormat, AutoCompress}
)

// Limits of the transform parameters.
const (
	MaxSide = 8192 // w and h as asked, before dpr and before the output cap
	maxDPR  = 3
	// maxBlur is in imgix units (a Gaussian sigma of blur/2 output pixels). imgix takes up to 2000,
	// but past 100 a blur of any output a page shows is a flat wash, and its cost grows with sigma
	// (the transform cost model prices it, so a large output refuses a smaller blur already).
	maxBlur = 100
	// maxT (a day, in seconds) and maxPage bound a frame's time and a page before the asset is read.
	maxT    = 86400
	maxPage = 10000
)

// ImageParams are the transform parameters of a delivery URL. The GraphQL ImageParams input and the
// query string carry the same fields under imgix's names, so a URL can be built or read from either.
type ImageParams struct {
	W    *int
	H    *int
	Fit  *ImageFit
	Crop *ImageCrop
	FpX  *float64
	FpY  *float64
	Ar   *string
	Dpr  *float64
	Q    *int
	Fm   *ImageFormat
	Auto []ImageAuto
	Blur *int
	// T is the time of a video's frame, in seconds (the poster when nil); Page a PDF's page, from 1.
	T    *float64
	Page *int
}

// IsZero reports whether no parameter is set: the original bytes are wanted.
func (p ImageParams) IsZero() bool {
	return p.W == nil && p.H == nil && p.Fit == nil && p.Crop == nil && p.FpX == nil && p.FpY == nil &&
		p.Ar == nil && p.Dpr == nil && p.Q == nil && p.Fm == nil && len(p.Auto) == 0 && p.Blur == nil &&
		p.T == nil && p.Page == nil
}

// NeedsFocalPoint reports whether p crops around a focal point it does not fully give.
func (p ImageParams) NeedsFocalPoint() bool {
	return p.Crop != nil && *p.Crop == CropFocalPoint && (p.FpX == nil || p.FpY == nil)
}

// WithFocalPoint fills the focal point p lacks from fp, or with the centre when fp is nil: URLs the
// API hands out always say where they crop, so moving the point gives new URLs and no cache keeps a
// crop around the old one.
func (p ImageParams) WithFocalPoint(fp *models.FocalPoint) ImageParams {
	if !p.NeedsFocalPoint() {
		return p
	}
	if fp == nil {
		fp = &models.FocalPoint{X: 0.5, Y: 0.5}
	}
	if p.FpX == nil {
		p.FpX = &fp.X
	}
	if p.FpY == nil {
		p.FpY = &fp.Y
	}
	return p
}

// NeedsFaces reports whether p crops around the faces found in the image.
func (p ImageParams) NeedsFaces() bool { return p.Crop != nil && *p.Crop == CropFaces }

// WithFaces turns a crop around the faces into one around a focal point: the centre of box, the box
// holding every face; without faces (nil), the focal point p gives or the asset's, else the centre
// (WithFocalPoint fills those in). As with WithFocalPoint, the point goes into the transform's key.
func (p ImageParams) WithFaces(box *models.Face) ImageParams {
	if !p.NeedsFaces() {
		return p
	}
	c := CropFocalPoint
	p.Crop = &c
	if box != nil {
		x, y := box.X+box.Width/2, box.Y+box.Height/2
		p.FpX, p.FpY = &x, &y
	}
	return p
}

// imageParamNames are the query parameters of a transform; s and exp sign a URL and download asks
// for an attachment.
var imageParamNames = []string{"w", "h", "fit", "crop", "fp-x", "fp-y", "ar", "dpr", "q", "fm", "auto", "blur", "t", "page"}

// PresetParam names a transform preset: its parameters, and nothing else, are applied.
const PresetParam = "preset"

// formatAlias is the name that S3-backed CMSs give fm; a URL may use either, not both.
const formatAlias = "format"

// known reports whether a query parameter means something to a delivery URL.
func known(name string) bool {
	return slices.Contains(imageParamNames, name) || slices.Contains(grantParamNames, name) ||
		name == "download" || name == PresetParam || name == formatAlias
}

// ParseImageParams reads and checks the transform parameters of a query string. Parameters it does
// not know (utm_source, cache-busters) are ignored, never part of what is delivered, and returned in
// ignored, sorted; a parameter given twice is an error, known or not.
func ParseImageParams(q url.Values) (p ImageParams, ignored []string, err error) {
	for name := range q {
		if len(q[name]) > 1 {
			return p, nil, access.Invalid(name, "parameter %q is given %d times", name, len(q[name]))
		}
		if !known(name) {
			ignored = append(ignored, name)
		}
	}
	slices.Sort(ignored)
	p, err = parseKnown(q)
	return p, ignored, err
}

func parseKnown(q url.Values) (ImageParams, error) {
	var p ImageParams
	var err error
	num := func(name string, parse func(string) error) {
		if v, ok := q[name]; ok && err == nil {
			if perr := parse(v[0]); perr != nil {
				err = access.Invalid(name, "%s=%q: %v", name, v[0], perr)
			}
		}
	}
	num("w", func(s string) error { p.W, err = intParam(s); return err })
	num("h", func(s string) error { p.H, err = intParam(s); return err })
	num("q", func(s string) error { p.Q, err = intParam(s); return err })
	num("blur", func(s string) error { p.Blur, err = intParam(s); return err })
	num("fp-x", func(s string) error { p.FpX, err = floatParam(s); return err })
	num("fp-y", func(s string) error { p.FpY, err = floatParam(s); return err })
	num("dpr", func(s string) error { p.Dpr, err = floatParam(s); return err })
	num("t", func(s string) error { p.T, err = floatParam(s); return err })
	num("page", func(s string) error { p.Page, err = intParam(s); return err })
	if err != nil {
		return p, err
	}
	if v, ok := q["fit"]; ok {
		f := ImageFit(v[0])
		p.Fit = &f
	}
	if v, ok := q["crop"]; ok {
		c := ImageCrop(v[0])
		p.Crop = &c
	}
	fm, ok := q["fm"]
	if alias, aliased := q[formatAlias]; aliased {
		if ok {
			return p, access.Invalid(formatAlias, "format is another name for fm: give one of them")
		}
		fm, ok = alias, true
	}
	if ok {
		f := ImageFormat(strings.Replace(fm[0], "jpeg", "jpg", 1))
		p.Fm = &f
	}
	if v, ok := q["ar"]; ok {
		p.Ar = &v[0]
	}
	if v, ok := q["auto"]; ok {
		for _, a := range strings.Split(v[0], ",") {
			p.Auto = append(p.Auto, ImageAuto(a))
		}
	}
	return p, p.Check("")
}

func intParam(s string) (*int, error) {
	v, err := strconv.Atoi(s)
	if err != nil {
		return nil, fmt.Errorf("not a whole number")
	}
	return &v, nil
}

func floatParam(s string) (*float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, fmt.Errorf("not a number")
	}
	return &v, nil
}

// Check validates every parameter; field prefixes the names in errors ("params." from GraphQL).
func (p ImageParams) Check(field string) error {
	bad := func(name, format string, args ...any) error { return access.Invalid(field+name, format, args...) }
	for _, side := range []struct {
		name string
		v    *int
	}{{"w", p.W}, {"h", p.H}} {
		if side.v != nil && (*side.v < 1 || *side.v > MaxSide) {
			return bad(side.name, "%s must be from 1 to %d pixels", side.name, MaxSide)
		}
	}
	if p.Fit != nil && !slices.Contains(imageFits, *p.Fit) {
		return bad("fit", "fit must be one of %v", imageFits)
	}
	if p.Crop != nil && !slices.Contains(imageCrops, *p.Crop) {
		return bad("crop", "crop must be one of %v", imageCrops)
	}
	if p.Fm != nil && !slices.Contains(imageFormats, *p.Fm) {
		return bad("fm", "fm must be one of %v", imageFormats)
	}
	for _, a := range p.Auto {
		if !slices.Contains(imageAutos, a) {
			return bad("auto", "auto takes %v", imageAutos)
		}
	}
	for _, fp := range []struct {
		name string
		v    *float64
	}{{"fp-x", p.FpX}, {"fp-y", p.FpY}} {
		if fp.v != nil && (*fp.v < 0 || *fp.v > 1) {
			return bad(fp.name, "%s is a fraction of the image, from 0 to 1", fp.name)
		}
	}
	if p.Dpr != nil && (*p.Dpr < 0.1 || *p.Dpr > maxDPR) {
		return bad("dpr", "dpr must be from 0.1 to %d", maxDPR)
	}
	if p.Q != nil && (*p.Q < 1 || *p.Q > 100) {
		return bad("q", "q must be from 1 to 100")
	}
	if p.Blur != nil && (*p.Blur < 0 || *p.Blur > maxBlur) {
		return bad("blur", "blur must be from 0 to %d", maxBlur)
	}
	if p.Ar != nil {
		if _, err := ParseAspectRatio(*p.Ar); err != nil {
			return bad("ar", "%v", err)
		}
	}
	if p.T != nil && (*p.T < 0 || *p.T > maxT) {
		return bad("t", "t is a time in the video, from 0 to %d seconds", maxT)
	}
	if p.Page != nil && (*p.Page < 1 || *p.Page > maxPage) {
		return bad("page", "page must be from 1 to %d", maxPage)
	}
	return nil
}

// ParseAspectRatio reads "16:9" (or "1.5") as width over height.
func ParseAspectRatio(s string) (float64, error) {
	w, h, found := strings.Cut(s, ":")
	if !found {
		h = "1"
	}
	a, err1 := strconv.ParseFloat(w, 64)
	b, err2 := strconv.ParseFloat(h, 64)
	if err1 != nil || err2 != nil || !(a > 0 && b > 0) || math.IsInf(a, 0) || math.IsInf(b, 0) || a/b > 100 || b/a > 100 {
		return 0, fmt.Errorf("ar %q is not an aspect ratio such as 16:9", s)
	}
	return a / b, nil
}

// Query writes the parameters as a query string in a fixed order, so equal parameters make equal
// URLs (and hit the same CDN entry).
func (p ImageParams) Query() url.Values {
	q := url.Values{}
	setInt := func(k string, v *int) {
		if v != nil {
			q.Set(k, strconv.Itoa(*v))
		}
	}
	setFloat := func(k string, v *float64) {
		if v != nil {
			q.Set(k, strconv.FormatFloat(*v, 'f', -1, 64))
		}
	}
	setInt("w", p.W)
	setInt("h", p.H)
	if p.Fit != nil {
		q.Set("fit", string(*p.Fit))
	}
	if p.Crop != nil {
		q.Set("crop", string(*p.Crop))
	}
	setFloat("fp-x", p.FpX)
	setFloat("fp-y", p.FpY)
	if p.Ar != nil {
		q.Set("ar", *p.Ar)
	}
	setFloat("dpr", p.Dpr)
	setInt("q", p.Q)
	if p.Fm != nil {
		q.Set("fm", string(*p.Fm))
	}
	if len(p.Auto) > 0 {
		auto := make([]string, len(p.Auto))
		for i, a := range p.Auto {
			auto[i] = string(a)
		}
		q.Set("auto", strings.Join(auto, ","))
	}
	setInt("blur", p.Blur)
	if p.T != nil { // milliseconds at most, so that equal frames make equal URLs
		q.Set("t", strconv.FormatFloat(math.Round(*p.T*1000)/1000, 'f', -1, 64))
	}
	setInt("page", p.Page)
	return q
}

// grantParamNames are the query parameters of a signature: s signs, exp ends a grant, g names who
// issued it.
var grantParamNames = []string{"s", "exp", "g"}

// URLOptions say how to sign a URL the API hands out.
type URLOptions struct {
	// Expires, when set, makes the URL a grant: until then it opens the asset even when PRIVATE.
	Expires *time.Time
	// Issuer is the API token that issued a grant ("" for the command line); Epoch is the asset's
	// grant epoch at the time. Either going stale (the token revoked, revokeSignedUrls) voids it.
	Issuer string
	Epoch  int
}

// grantIssuer writes who issued a grant as one short parameter: the epoch, then the issuing token's
// id without its prefix.
func grantIssuer(issuer string, epoch int) string {
	g := strconv.Itoa(epoch)
	if issuer != "" {
		g += "." + strings.TrimPrefix(issuer, models.TokenPrefix+"_")
	}
	return g
}

// parseGrantIssuer reads the g parameter; a grant made before grants named their issuer has none,
// which reads as epoch 0 from no token.
func parseGrantIssuer(g string) (issuer string, epoch int, ok bool) {
	if g == "" {
		return "", 0, true
	}
	num, body, named := strings.Cut(g, ".")
	epoch, err := strconv.Atoi(num)
	if err != nil || epoch < 0 || (named && body == "") {
		return "", 0, false
	}
	if named {
		issuer = models.TokenPrefix + "_" + body
	}
	return issuer, epoch, true
}

// Paths of the delivery routes: the gate follows replacements; versioned paths name one version's
// bytes, which never change.
const (
	assetPathPrefix   = "/media/asset/"
	versionPathPrefix = "/media/v/"
)

// AssetPath is the path of an asset's current bytes under the service's URL, stable across
// replacements. Normalized filenames need no escaping.
func AssetPath(a *models.Asset) string {
	return assetPathPrefix + a.ID + "/" + a.Filename
}

// VersionPath is the path of the current version's bytes, which are cached forever.
func VersionPath(a *models.Asset) string {
	return versionPathPrefix + a.ID + "/" + strconv.Itoa(a.Version) + "/" + a.Filename
}

// Signer writes and checks the URLs of the delivery routes.
type Signer struct {
	// PublicURL is the address clients reach this service at; asset URLs start with it.
	PublicURL string
	// URLSigningKey signs delivery URLs; SignTransforms requires (and puts) a signature on every
	// transform URL, imgix-style.
	URLSigningKey  []byte
	SignTransforms bool
	// Unsigned is what a transform URL may ask for without a signature even when SignTransforms.
	Unsigned UnsignedList
}

// UnsignedList is the allow-list of transforms served without a signature under a signing key: what
// an image loader in a browser (next/image) asks for, and cannot sign.
type UnsignedList struct {
	Widths, Qualities []int
}

// Allows reports whether p asks for nothing but an allowed width, an allowed quality, a format and
// auto=format: every other parameter (h, fit, crop, dpr, blur, …) still needs a signature.
func (l UnsignedList) Allows(p ImageParams) bool {
	rest := p
	rest.W, rest.Q, rest.Fm = nil, nil, nil
	if slices.Equal(rest.Auto, []ImageAuto{AutoFormat}) {
		rest.Auto = nil
	}
	return rest.IsZero() && (p.W == nil || slices.Contains(l.Widths, *p.W)) && (p.Q == nil || slices.Contains(l.Qualities, *p.Q))
}

// AssetURL is the absolute URL of an asset's bytes (or of a transform of them) on path, signed as
// configuration and opts require.
func (s *Signer) AssetURL(path string, params ImageParams, opts URLOptions) string {
	q := params.Query()
	if opts.Expires != nil {
		q.Set("exp", strconv.FormatInt(opts.Expires.Unix(), 10))
		q.Set("g", grantIssuer(opts.Issuer, opts.Epoch))
	}
	if opts.Expires != nil || (s.SignTransforms && len(q) > 0) {
		q.Set("s", s.signature(path, q))
	}
	if len(q) == 0 {
		return s.PublicURL + path
	}
	return s.PublicURL + path + "?" + q.Encode()
}

// PresetURL is the absolute URL of the preset named name applied to the bytes on path. It carries no
// signature: the preset alone decides what is made, so a site needs no signer to use it.
func (s *Signer) PresetURL(path, name string) string {
	return s.PublicURL + path + "?" + url.Values{PresetParam: {name}}.Encode()
}

// signature is the HMAC of a path and its query (less s), imgix-style: any change to either voids it.
func (s *Signer) signature(path string, q url.Values) string {
	signed := url.Values{}
	for k, v := range q {
		if known(k) && k != "s" && k != "download" { // ignored parameters are no part of what is signed
			signed[k] = v
		}
	}
	mac := hmac.New(sha256.New, s.URLSigningKey)
	mac.Write([]byte(path + "?" + signed.Encode()))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// URLGrant is what a delivery URL's signature says.
type URLGrant struct {
	// Signed is true when the URL carries a valid signature.
	Signed bool
	// Private is true when the signature grants access to a PRIVATE asset until Expires.
	Private bool
	Expires *time.Time
	// Issuer and Epoch name what issued a grant (see URLOptions); the caller checks they still stand.
	Issuer string
	Epoch  int
}

// CheckURL verifies the signature of a delivery URL. A URL with a bad signature, or an expired
// grant, is refused; transforms must be signed when the configuration says so.
func (s *Signer) CheckURL(path string, q url.Values, transform bool, now time.Time) (URLGrant, error) {
	sig := q.Get("s")
	if sig == "" {
		if q.Has("exp") {
			return URLGrant{}, access.NewError(access.CodeForbidden, "the URL has an expiry but no signature")
		}
		if transform && s.SignTransforms {
			return URLGrant{}, access.NewError(access.CodeForbidden, "transform URLs must be signed (parameter s)")
		}
		return URLGrant{}, nil
	}
	if !hmac.Equal([]byte(sig), []byte(s.signature(path, q))) {
		return URLGrant{}, access.NewError(access.CodeForbidden, "the URL's signature does not match it")
	}
	g := URLGrant{Signed: true}
	if exp := q.Get("exp"); exp != "" {
		t, err := strconv.ParseInt(exp, 10, 64)
		if err != nil || now.Unix() > t {
			return URLGrant{}, access.NewError(access.CodeAssetAccessDenied, "the signed URL has expired")
		}
		until := time.Unix(t, 0)
		g.Private, g.Expires = true, &until
		var ok bool
		if g.Issuer, g.Epoch, ok = parseGrantIssuer(q.Get("g")); !ok {
			return URLGrant{}, access.NewError(access.CodeForbidden, "the URL's grant parameter g is malformed")
		}
	}
	return g, nil
}
