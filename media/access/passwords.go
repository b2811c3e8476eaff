package access

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Password hashing parameters: argon2id with 19 MiB, 2 passes and 1 lane takes about 75 ms on the
// 2-core test machine (BenchmarkLogin). They are written into every hash, so raising them later
// leaves old hashes valid.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
	argonSaltLen   = 16
)

// minPasswordLen is the shortest password accepted, in characters.
const minPasswordLen = 10

// maxPasswordLen bounds the work one sign-in can cause.
const maxPasswordLen = 256

// commonPasswords are the most common passwords of at least minPasswordLen characters in published
// breach lists: each would be guessed first.
var commonPasswords = map[string]bool{
	"1234567890": true, "12345678910": true, "123456789a": true, "0123456789": true, "1q2w3e4r5t": true,
	"qwertyuiop": true, "1qaz2wsx3edc": true, "password1!": true, "password12": true, "password123": true,
	"password1234": true, "passw0rd123": true, "iloveyou12": true, "qwerty1234": true, "qwerty12345": true,
	"qwerty123456": true, "1234qwer!!": true, "abcdefghij": true, "abc1234567": true, "a123456789": true,
	"q1w2e3r4t5": true, "q1w2e3r4t5y6": true, "zaq12wsxcde3": true, "1111111111": true, "0000000000": true,
	"9876543210": true, "asdfghjkl1": true, "administrator": true, "letmein123": true, "welcome123": true,
	"welcome1234": true, "football123": true, "baseball123": true, "princess123": true, "sunshine123": true,
	"changeme123": true, "trustno1234": true, "superman123": true, "monkey12345": true, "dragon12345": true,
	"mediagraph1": true, "mediagraph123": true, "passwordpassword": true, "correcthorsebatterystaple": true,
}

// CheckPassword says what is wrong with a new password, as a VALIDATION_FAILED error on field.
func CheckPassword(field, password string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < minPasswordLen:
		return Invalid(field, "a password has at least %d characters (this one has %d)", minPasswordLen, n)
	case len(password) > maxPasswordLen:
		return Invalid(field, "a password has at most %d bytes", maxPasswordLen)
	case commonPasswords[strings.ToLower(password)]:
		return Invalid(field, "this password is among the most common ones and would be guessed first: choose another")
	}
	return nil
}

// HashPassword returns the argon2id hash of password in the PHC string format, parameters included.
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("generate salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemoryKiB, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemoryKiB, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var b64 = base64.RawStdEncoding

var errBadHash = errors.New("malformed password hash")

// VerifyPassword reports whether password matches hash, with the parameters the hash carries.
func VerifyPassword(hash, password string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	var memory, passes uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &threads); err != nil || threads == 0 {
		return false, errBadHash
	}
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false, errBadHash
	}
	got := argon2.IDKey([]byte(password), salt, passes, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is verified against when no member has the email, so that an unknown email costs as
// much time as a wrong password and the answer's timing does not tell them apart.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("no member has this password")
	if err != nil {
		panic(err) // the system's random source failed: nothing can be safe
	}
	return h
})
