package access

import (
	"strings"
	"testing"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("a long passphrase")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q does not carry its parameters", h)
	}
	for pw, want := range map[string]bool{"a long passphrase": true, "a long passphrasE": false, "": false} {
		if ok, err := VerifyPassword(h, pw); err != nil || ok != want {
			t.Errorf("verify %q: %v %v, want %v", pw, ok, err, want)
		}
	}
	// A hash made with other parameters still verifies: they are read from the hash.
	other := "$argon2id$v=19$m=8192,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
	if _, err := VerifyPassword(other, "x"); err == nil {
		t.Error("a hash without a key verified")
	}
	if _, err := VerifyPassword("$2a$10$bcrypt", "x"); err == nil {
		t.Error("a bcrypt hash was taken for argon2id")
	}
}

func TestCheckPassword(t *testing.T) {
	for pw, bad := range map[string]bool{"123456789": true, "nine char": true, "Password123": true, "qwertyuiop": true,
		"ten chars!": false, "a long passphrase": false, strings.Repeat("x", 257): true} {
		err := CheckPassword("password", pw)
		if e, ok := AsError(err); (err != nil) != bad || (bad && (!ok || e.Field != "password" || e.Code != CodeValidationFailed)) {
			t.Errorf("CheckPassword(%q) = %v, want refused: %v", pw, err, bad)
		}
	}
}

// BenchmarkLogin is the cost of checking one password, which bounds a sign-in: the argon2id
// parameters are chosen for about 50–100 ms here.
func BenchmarkLogin(b *testing.B) {
	h, err := HashPassword("a long passphrase")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if ok, err := VerifyPassword(h, "a long passphrase"); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
