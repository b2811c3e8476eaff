package vision

import (
	"strings"
	"unicode"

	"github.com/mediagraph/mediagraph/media/imaging"
	"github.com/mediagraph/mediagraph/models"
)

// Signals is what is known of an image when it is tagged.
type Signals struct {
	// Keywords are the file's own (IPTC, XMP).
	Keywords []string
	// Pixels is a small decode of the image.
	Pixels imaging.Thumbnail
	// Faces were found by the detector; nil: not looked for.
	Faces []models.Face
	// Text was read in the image; nil: not read.
	Text *Text
	// Flat says the image looks like a document or a screenshot.
	Flat bool
}

// A Tagger names what an image shows, each name with its source and confidence. An image classifier
// would be one more: none whose weights ship in a package this service can install was found (see
// the README's smart tags section), so the one in use derives its tags from the signals.
type Tagger interface {
	Tags(Signals) []models.SmartTag
}

// DerivedTagger tags an image from its keywords, its colors, its faces and its text.
type DerivedTagger struct{}

// Thresholds of the derived tags.
const (
	// minColorShare is the share of the pixels a color must cover to be a tag.
	minColorShare = 0.2
	// faceConfidence is the confidence of tags from the cascade, which says yes or no per box: about
	// the share of its boxes that are faces at the strictness used (4 neighbours, scale steps of 1.2).
	faceConfidence = 0.9
	// portraitArea is the share of the image one face must cover for a portrait: a head-and-shoulders
	// shot's face covers 3 to 10 %.
	portraitArea = 0.025
	// minWordConfidence is what Tesseract must give a word for it to be a tag; minTextWords is the
	// number of such words an image must hold to be tagged "text".
	minWordConfidence = 0.8
	minTextWords      = 3
	maxWordTags       = 10
	minWordRunes      = 4
)

// Tags implements Tagger.
func (DerivedTagger) Tags(s Signals) []models.SmartTag {
	var tags tagList
	for _, k := range s.Keywords {
		tags.add(k, models.TagKeyword, 1)
	}
	for _, c := range namedColors(s.Pixels) {
		if c.share >= minColorShare {
			tags.add(c.name, models.TagColor, c.share)
		}
	}
	faceTags(&tags, s.Faces)
	textTags(&tags, s.Text, s.Flat)
	return tags.list
}

func faceTags(tags *tagList, faces []models.Face) {
	if len(faces) == 0 {
		return
	}
	tags.add("face", models.TagModel, faceConfidence)
	tags.add("person", models.TagModel, faceConfidence)
	switch {
	case len(faces) == 1 && faces[0].Width*faces[0].Height >= portraitArea:
		tags.add("portrait", models.TagModel, faceConfidence)
	case len(faces) >= 3:
		tags.add("group", models.TagModel, faceConfidence)
	}
}

func textTags(tags *tagList, t *Text, flat bool) {
	if t == nil {
		return
	}
	var sure []Word
	sum := 0.0
	for _, w := range t.Words {
		if w.Confidence >= minWordConfidence {
			sure = append(sure, w)
			sum += w.Confidence
		}
	}
	if len(sure) < minTextWords {
		return
	}
	mean := sum / float64(len(sure))
	tags.add("text", models.TagOCR, mean)
	if flat {
		tags.add("document", models.TagOCR, mean)
	}
	n := 0
	for _, w := range sure {
		word := strings.ToLower(strings.TrimFunc(w.Text, func(r rune) bool { return !unicode.IsLetter(r) }))
		if n < maxWordTags && len([]rune(word)) >= minWordRunes && isWord(word) && tags.add(word, models.TagOCR, w.Confidence) {
			n++
		}
	}
}

// isWord says w is letters only: numbers and codes read in an image make poor tags.
func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// tagList keeps the first tag of each name (by fold key), as the smartTags filter compares them.
type tagList struct {
	list []models.SmartTag
	seen map[string]bool
}

func (l *tagList) add(name string, source models.TagSource, confidence float64) bool {
	name = strings.TrimSpace(name)
	k := models.FoldKey(name)
	if k == "" || len([]rune(name)) > maxTagRunes || len(l.list) >= maxTags || l.seen[k] {
		return false
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	l.seen[k] = true
	l.list = append(l.list, models.SmartTag{Name: name, Source: source, Confidence: min(1, max(0, confidence))})
	return true
}

// The same bounds as the keyword tags of analysis.
const (
	maxTags     = 100
	maxTagRunes = 100
)
