package models

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// ErrBadCursor is returned for a cursor this service did not issue, or issued for another ordering.
var ErrBadCursor = errors.New("invalid cursor")

// Cursors issues and checks opaque pagination cursors. A cursor is the position of a row in an
// ordering (its sort value and id), signed so that a client cannot forge or edit one.
type Cursors struct{ key []byte }

// NewCursors returns a codec signing with key; every instance sharing a database shares the key.
func NewCursors(key []byte) Cursors { return Cursors{key: key} }

type cursorBody struct {
	Order string          `json:"o"`
	Value json.RawMessage `json:"v"`
	ID    string          `json:"i"`
}

func (c Cursors) sign(payload []byte) []byte {
	mac := hmac.New(sha256.New, c.key)
	mac.Write(payload)
	return mac.Sum(nil)[:16]
}

func (c Cursors) encode(order string, value any, id string) (string, error) {
	v, err := json.Marshal(value)
	if err != nil {
		return "", err
	}
	payload, err := json.Marshal(cursorBody{Order: order, Value: v, ID: id})
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(payload) + "." + enc.EncodeToString(c.sign(payload)), nil
}

// decode checks a cursor's signature and that it was issued for order, and unmarshals its sort value
// into value.
func (c Cursors) decode(cursor, order string, value any) (id string, err error) {
	enc := base64.RawURLEncoding
	body, sig, ok := strings.Cut(cursor, ".")
	if !ok {
		return "", ErrBadCursor
	}
	payload, err1 := enc.DecodeString(body)
	mac, err2 := enc.DecodeString(sig)
	if err1 != nil || err2 != nil || !hmac.Equal(mac, c.sign(payload)) {
		return "", ErrBadCursor
	}
	var b cursorBody
	if err := json.Unmarshal(payload, &b); err != nil || b.Order != order {
		return "", ErrBadCursor
	}
	if err := json.Unmarshal(b.Value, value); err != nil {
		return "", ErrBadCursor
	}
	return b.ID, nil
}
