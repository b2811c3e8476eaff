package models

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/mozillazg/go-unidecode"
)

// maxSearchWord is the longest word a search looks for, in bytes (ASCII, after searchWords).
const maxSearchWord = 200

// searchTerm is one term of a search: a word (matched as a prefix: "cath" finds "cathedral"), or a
// quoted phrase (its words in order, each whole); with not set, assets matching it are left out.
type searchTerm struct {
	words  []string
	phrase bool
	not    bool
}

// prefix says the term's last word matches any word it begins.
func (t searchTerm) prefix() bool { return !t.phrase }

// searchWords is text as the index holds it: accents and other scripts transliterated to ASCII,
// lower-cased, split at everything but letters and digits. Documents and searches both go through
// it, so "Café" finds "cafe" on either database without an unaccent extension.
func searchWords(s string) []string {
	s = strings.ToLower(unidecode.Unidecode(s))
	return strings.FieldsFunc(s, func(r rune) bool {
		return r > unicode.MaxASCII || !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// searchText is text normalized for the index, one space between words.
func searchText(parts ...string) string {
	var words []string
	for _, p := range parts {
		words = append(words, searchWords(p)...)
	}
	return strings.Join(words, " ")
}

// parseSearch reads a search: words, "quoted phrases", and either one after - to exclude it. An
// unclosed quote runs to the end. Terms with no letters or digits are dropped.
func parseSearch(s string, field string) ([]searchTerm, error) {
	var terms []searchTerm
	for rest := strings.TrimSpace(s); rest != ""; rest = strings.TrimLeftFunc(rest, unicode.IsSpace) {
		var t searchTerm
		if strings.HasPrefix(rest, "-") {
			t.not, rest = true, rest[1:]
		}
		var raw string
		if strings.HasPrefix(rest, `"`) {
			t.phrase = true
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				raw, rest = rest[1:], ""
			} else {
				raw, rest = rest[1:end+1], rest[end+2:]
			}
		} else {
			end := strings.IndexFunc(rest, unicode.IsSpace)
			if end < 0 {
				end = len(rest)
			}
			raw, rest = rest[:end], rest[end:]
		}
		t.words = searchWords(raw)
		for i, w := range t.words {
			// PostgreSQL refuses longer words in a query; no word of a document is that long.
			t.words[i] = w[:min(len(w), maxSearchWord)]
		}
		if len(t.words) > 0 {
			terms = append(terms, t)
		}
	}
	if len(terms) > maxSearchTerms {
		return nil, &FilterError{field, fmt.Sprintf("at most %d words or phrases", maxSearchTerms)}
	}
	return terms, nil
}

// splitTerms separates the terms an asset must match from those it must not.
func splitTerms(terms []searchTerm) (with, without []searchTerm) {
	for _, t := range terms {
		if t.not {
			without = append(without, t)
		} else {
			with = append(with, t)
		}
	}
	return with, without
}
