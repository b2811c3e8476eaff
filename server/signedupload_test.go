package server_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mediagraph/mediagraph/config"
	"github.com/mediagraph/mediagraph/internal/apptest"
	"github.com/mediagraph/mediagraph/internal/fixtures"
)

type ticket struct {
	ID, Status, URL, Method string
	Headers                 []struct{ Name, Value string }
	PartSize                *int64
	Parts                   []struct {
		Number  int
		Size    int64
		URL     string
		Headers []struct{ Name, Value string }
	}
}

const createUploads = `mutation($in: [CreateUploadInput!]!) { createUploads(input: $in) {
	id status url method headers { name value } partSize parts { number size url headers { name value } } } }`

const completeUploads = `mutation($ids: [ID!]!, $parts: [CompletedPartsInput!]) { completeUploads(ids: $ids, parts: $parts) {
	id filename width height sha256 tags { name } alt(locale: "it") } }`

type completed struct {
	CompleteUploads []struct {
		ID, Filename, Sha256 string
		Width, Height        int
		Tags                 []struct{ Name string }
		Alt                  *string
	}
}

// put sends bytes the way a browser would: the ticket's URL and headers, plain net/http.
func put(t testing.TB, rawURL string, headers []struct{ Name, Value string }, body []byte, edit func(*http.Request)) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, rawURL, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		req.Header.Set(h.Name, h.Value)
	}
	if edit != nil {
		edit(req)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("ETag")
}

func newTickets(t testing.TB, s *apptest.Server, token string, in ...map[string]any) []ticket {
	t.Helper()
	var out struct{ CreateUploads []ticket }
	s.Must(token, createUploads, map[string]any{"in": in}, &out)
	return out.CreateUploads
}

// forgeSignature changes one digit of a signed URL's signature, whichever store signed it.
func forgeSignature(r *http.Request) {
	q := r.URL.Query()
	for name, values := range q {
		if strings.Contains(strings.ToLower(name), "signature") {
			sig := []byte(values[0])
			sig[0] = map[bool]byte{true: '1', false: '0'}[sig[0] == '0']
			q.Set(name, string(sig))
		}
	}
	r.URL.RawQuery = q.Encode()
}

// Files go straight to the store with a signed PUT, and completeUploads checks and files them.
func TestSignedUploads(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		png := fixtures.Read(t, "alpha.png")
		sum := sha256.Sum256(png)
		pngSHA := hex.EncodeToString(sum[:])
		file := func(extra map[string]any) map[string]any {
			in := map[string]any{"filename": "Logo Final.png", "mimeType": "image/png", "size": len(png)}
			for k, v := range extra {
				in[k] = v
			}
			return in
		}

		tk := newTickets(t, s, editor, file(map[string]any{"tags": []string{"signed"},
			"defaultFieldMetadata": []any{map[string]any{"locale": "it", "alt": "Il logo"}}}))[0]
		if tk.Status != "PENDING" || tk.Method != "PUT" || tk.URL == "" || tk.Parts != nil {
			t.Fatalf("ticket: %+v", tk)
		}
		r := s.Query(editor, completeUploads, map[string]any{"ids": []string{tk.ID}})
		wantCode(t, "complete before the bytes", r, "UPLOAD_INCOMPLETE", "")
		if status, _ := put(t, tk.URL, tk.Headers, append(bytes.Clone(png), '!'), nil); status < 400 {
			t.Errorf("a body of another size: HTTP %d", status)
		}
		if status, _ := put(t, tk.URL, tk.Headers, png, func(r *http.Request) { r.Header.Set("Content-Type", "image/gif") }); status < 400 {
			t.Errorf("another type: HTTP %d", status)
		}
		if status, _ := put(t, tk.URL, tk.Headers, png, forgeSignature); status < 400 {
			t.Errorf("a forged signature: HTTP %d", status)
		}
		if status, _ := put(t, tk.URL, tk.Headers, png, nil); status != http.StatusOK {
			t.Fatalf("the ticket's PUT: HTTP %d", status)
		}
		// Mediagraph's own signed PUTs (local disk) write once; a bucket's follow S3's rules.
		if strings.Contains(tk.URL, "/storage/upload/") {
			if status, _ := put(t, tk.URL, tk.Headers, png, nil); status != http.StatusConflict {
				t.Errorf("a used ticket again: HTTP %d, want 409", status)
			}
		}
		var done completed
		s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}, &done)
		a := done.CompleteUploads[0]
		if a.Filename != "Logo-Final.png" || a.Width == 0 || a.Sha256 != pngSHA || len(a.Tags) != 1 || a.Alt == nil || *a.Alt != "Il logo" {
			t.Errorf("asset: %+v", a)
		}
		var again completed
		s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}, &again)
		if again.CompleteUploads[0].ID != a.ID || s.Rows("assets") != 1 {
			t.Errorf("completing twice: %s then %s, %d assets", a.ID, again.CompleteUploads[0].ID, s.Rows("assets"))
		}
		var state struct {
			Upload struct {
				Status string
				URL    *string
				Asset  *idOnly
			}
		}
		s.Must(editor, `query($id: ID!) { upload(id: $id) { status url asset { id } } }`, map[string]any{"id": tk.ID}, &state)
		if state.Upload.Status != "COMPLETED" || state.Upload.Asset == nil || state.Upload.Asset.ID != a.ID || state.Upload.URL != nil {
			t.Errorf("upload after completion: %+v", state.Upload)
		}
		other := s.Token("EDITOR")
		wantCode(t, "someone else's upload", s.Query(other, completeUploads, map[string]any{"ids": []string{tk.ID}}), "NOT_FOUND", "")

		// The same bytes again, with skipIfExists: the ticket is already completed, with nothing to
		// send, and completing it gives the existing asset; no second copy.
		dup := newTickets(t, s, editor, file(map[string]any{"sha256": pngSHA, "skipIfExists": true}))[0]
		if dup.Status != "COMPLETED" || dup.URL != "" || len(dup.Parts) != 0 {
			t.Errorf("skipIfExists ticket of known bytes: %+v", dup)
		}
		s.Must(editor, completeUploads, map[string]any{"ids": []string{dup.ID}}, &again)
		if again.CompleteUploads[0].ID != a.ID || s.Rows("assets") != 1 {
			t.Errorf("skipIfExists: %s, %d assets", again.CompleteUploads[0].ID, s.Rows("assets"))
		}

		// Bytes that are not what was declared are refused and deleted.
		liar := newTickets(t, s, editor, map[string]any{"filename": "x.png", "mimeType": "image/png", "size": 11})[0]
		if status, _ := put(t, liar.URL, liar.Headers, []byte("hello world"), nil); status != http.StatusOK {
			t.Fatalf("PUT: %d", status)
		}
		wantCode(t, "lying type", s.Query(editor, completeUploads, map[string]any{"ids": []string{liar.ID}}), "CONTENT_MISMATCH", "")
		var failed struct {
			Upload struct{ Status, Error string }
		}
		s.Must(editor, `query($id: ID!) { upload(id: $id) { status error } }`, map[string]any{"id": liar.ID}, &failed)
		if failed.Upload.Status != "FAILED" || s.Rows("assets") != 1 {
			t.Errorf("after a lying upload: %+v, %d assets", failed.Upload, s.Rows("assets"))
		}
		for _, f := range s.Files() {
			if strings.HasSuffix(f, "/x.png") {
				t.Errorf("the lying upload's bytes stayed: %s", f)
			}
		}

		// A large file goes in parts.
		big := append(bytes.Clone(png), bytes.Repeat([]byte{0}, 9<<20)...)
		multi := newTickets(t, s, editor, map[string]any{"filename": "big.png", "mimeType": "image/png", "size": len(big)})[0]
		if multi.URL != "" || len(multi.Parts) != 2 || multi.PartSize == nil {
			t.Fatalf("a large file's ticket: %d parts, url %q", len(multi.Parts), multi.URL)
		}
		var parts []map[string]any
		for i := len(multi.Parts) - 1; i >= 0; i-- {
			p := multi.Parts[i]
			off := int64(p.Number-1) * *multi.PartSize
			status, etag := put(t, p.URL, p.Headers, big[off:off+p.Size], nil)
			if status != http.StatusOK || etag == "" {
				t.Fatalf("part %d: HTTP %d, ETag %q", p.Number, status, etag)
			}
			parts = append(parts, map[string]any{"number": p.Number, "etag": etag})
		}
		wantCode(t, "parts not listed", s.Query(editor, completeUploads, map[string]any{"ids": []string{multi.ID}}), "UPLOAD_INCOMPLETE", "parts")
		s.Must(editor, completeUploads, map[string]any{"ids": []string{multi.ID}, "parts": []any{map[string]any{"uploadId": multi.ID, "parts": parts}}}, &done)
		bigSum := sha256.Sum256(big)
		if got := done.CompleteUploads[0]; got.Sha256 != hex.EncodeToString(bigSum[:]) {
			t.Errorf("multipart asset: %+v", got)
		}
	})
}

// Tickets are refused for what the library does not accept, and expire.
func TestSignedUploadLimits(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, func(c *config.Config) { c.UploadTicketTTL = time.Second })
		editor := s.Token("EDITOR")
		eleven := make([]map[string]any, 11)
		for i := range eleven {
			eleven[i] = map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10}
		}
		for name, c := range map[string]struct {
			in          any
			code, field string
		}{
			"11 files":      {eleven, "TOO_MANY_FILES", "input"},
			"empty":         {map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 0}, "VALIDATION_FAILED", "input[0].size"},
			"negative":      {map[string]any{"filename": "a.png", "mimeType": "image/png", "size": -5}, "VALIDATION_FAILED", "input[0].size"},
			"absurd":        {map[string]any{"filename": "a.png", "mimeType": "image/png", "size": int64(1) << 50}, "FILE_TOO_LARGE", "input[0].size"},
			"a path":        {map[string]any{"filename": "../../etc/passwd", "mimeType": "image/png", "size": 10}, "VALIDATION_FAILED", "input[0].filename"},
			"1000 chars":    {map[string]any{"filename": strings.Repeat("a", 1000) + ".png", "mimeType": "image/png", "size": 10}, "VALIDATION_FAILED", "input[0].filename"},
			"html":          {map[string]any{"filename": "a.html", "mimeType": "text/html", "size": 10}, "MIME_TYPE_NOT_ALLOWED", "input[0].mimeType"},
			"bad sha256":    {map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10, "sha256": "xyz"}, "VALIDATION_FAILED", "input[0].sha256"},
			"skip, no hash": {map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10, "skipIfExists": true}, "VALIDATION_FAILED", "input[0].skipIfExists"},
			"bad locale":    {map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10, "defaultFieldMetadata": []any{map[string]any{"locale": "xx", "alt": "?"}}}, "VALIDATION_FAILED", "input[0].defaultFieldMetadata[0].locale"},
		} {
			unchanged(t, s, name, func() {
				wantCode(t, name, s.Query(editor, createUploads, map[string]any{"in": c.in}), c.code, c.field)
			})
		}
		if r := s.Query(s.Token("DELIVERY"), createUploads, map[string]any{"in": map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10}}); r.Code() != "FORBIDDEN" {
			t.Errorf("delivery token: %+v", r.Errors)
		}

		tk := newTickets(t, s, editor, map[string]any{"filename": "a.png", "mimeType": "image/png", "size": 10})[0]
		time.Sleep(2100 * time.Millisecond)
		if status, _ := put(t, tk.URL, tk.Headers, bytes.Repeat([]byte("x"), 10), nil); status != http.StatusForbidden {
			t.Errorf("an expired ticket's PUT: HTTP %d", status)
		}
		wantCode(t, "expired", s.Query(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}), "UPLOAD_EXPIRED", "")
	})
}

// What arrives for a ticket nobody completes is deleted once the ticket runs out: the sweep (a River
// periodic job) expires the upload, parts included.
func TestExpiredUploadsAreSwept(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t, func(c *config.Config) {
			c.UploadTicketTTL = 2 * time.Second
			c.UploadSweepInterval = 200 * time.Millisecond
			c.MaxSinglePutBytes = 1 << 20
		})
		editor := s.Token("EDITOR")
		png := fixtures.Read(t, "alpha.png")
		big := append(bytes.Clone(png), bytes.Repeat([]byte{0}, 9<<20)...)
		tickets := newTickets(t, s, editor,
			map[string]any{"filename": "left.png", "mimeType": "image/png", "size": len(png)},
			map[string]any{"filename": "half.png", "mimeType": "image/png", "size": len(big)})
		if status, _ := put(t, tickets[0].URL, tickets[0].Headers, png, nil); status != http.StatusOK {
			t.Fatalf("PUT: %d", status)
		}
		first := tickets[1].Parts[0]
		if status, _ := put(t, first.URL, first.Headers, big[:first.Size], nil); status != http.StatusOK {
			t.Fatalf("part 1: %d", status)
		}
		// A rejected upload whose ticket writes again: those bytes go too.
		liar := newTickets(t, s, editor, map[string]any{"filename": "liar.png", "mimeType": "image/png", "size": 11})[0]
		put(t, liar.URL, liar.Headers, []byte("hello world"), nil)
		wantCode(t, "lying type", s.Query(editor, completeUploads, map[string]any{"ids": []string{liar.ID}}), "CONTENT_MISMATCH", "")
		if status, _ := put(t, liar.URL, liar.Headers, []byte("hello world"), nil); status != http.StatusOK {
			t.Fatalf("PUT after the rejection: %d", status)
		}
		for _, tk := range tickets {
			var state struct{ Upload struct{ Status string } }
			for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
				s.Must(editor, `query($id: ID!) { upload(id: $id) { status } }`, map[string]any{"id": tk.ID}, &state)
				if state.Upload.Status == "EXPIRED" || time.Now().After(deadline) {
					break
				}
			}
			if state.Upload.Status != "EXPIRED" {
				t.Errorf("upload %s is %s, not swept", tk.ID, state.Upload.Status)
			}
		}
		blobs := func() (left []string) {
			for _, f := range s.Files() {
				if strings.Contains(f, "/blobs/") {
					left = append(left, f)
				}
			}
			return left
		}
		// The rejected upload's ticket ran out a moment after the others: give the sweep its next turn.
		for deadline := time.Now().Add(5 * time.Second); len(blobs()) > 0 && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
		}
		if left := blobs(); len(left) > 0 {
			t.Errorf("bytes of expired uploads stayed: %v", left)
		}
		wantCode(t, "completing a swept upload", s.Query(editor, completeUploads, map[string]any{"ids": []string{tickets[0].ID}}), "UPLOAD_EXPIRED", "")
	})
}

// A 200 MB file in 8 MB parts: a missing part is refused, then with every part the asset's sha256 is
// the file's.
func TestLargeMultipartUpload(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		png := fixtures.Read(t, "alpha.png")
		file := append(bytes.Clone(png), make([]byte, 200<<20-len(png))...)
		for i := len(png); i < len(file); i += 4096 {
			file[i] = byte(i >> 12) // not all zeroes: a misplaced part would change the hash
		}
		tk := newTickets(t, s, editor, map[string]any{"filename": "film.png", "mimeType": "image/png", "size": len(file)})[0]
		if len(tk.Parts) != 25 || *tk.PartSize != 8<<20 {
			t.Fatalf("%d parts of %d bytes", len(tk.Parts), *tk.PartSize)
		}
		var parts []map[string]any
		for _, p := range tk.Parts {
			off := int64(p.Number-1) * *tk.PartSize
			status, etag := put(t, p.URL, p.Headers, file[off:off+p.Size], nil)
			if status != http.StatusOK {
				t.Fatalf("part %d: HTTP %d", p.Number, status)
			}
			parts = append(parts, map[string]any{"number": p.Number, "etag": etag})
		}
		missing := []any{map[string]any{"uploadId": tk.ID, "parts": parts[:24]}}
		wantCode(t, "a part missing", s.Query(editor, completeUploads, map[string]any{"ids": []string{tk.ID}, "parts": missing}), "UPLOAD_INCOMPLETE", "parts")
		var done completed
		s.Must(editor, completeUploads, map[string]any{"ids": []string{tk.ID}, "parts": []any{map[string]any{"uploadId": tk.ID, "parts": parts}}}, &done)
		sum := sha256.Sum256(file)
		if got := done.CompleteUploads[0].Sha256; got != hex.EncodeToString(sum[:]) {
			t.Errorf("sha256 %s, want %s", got, hex.EncodeToString(sum[:]))
		}
	})
}

// Two clients completing the same upload at once get the same asset, and there is one.
func TestConcurrentCompletion(t *testing.T) {
	apptest.Each(t, func(t *testing.T, start apptest.Setup) {
		s := start(t)
		editor := s.Token("EDITOR")
		png := fixtures.Read(t, "alpha.png")
		tk := newTickets(t, s, editor, map[string]any{"filename": "a.png", "mimeType": "image/png", "size": len(png)})[0]
		if status, _ := put(t, tk.URL, tk.Headers, png, nil); status != http.StatusOK {
			t.Fatalf("PUT: %d", status)
		}
		var wg sync.WaitGroup
		results := make([]apptest.Response, 4)
		for i := range results {
			wg.Go(func() { results[i] = s.Query(editor, completeUploads, map[string]any{"ids": []string{tk.ID}}) })
		}
		wg.Wait()
		ids := map[string]bool{}
		for _, r := range results {
			var done completed
			r.Decode(t, &done)
			ids[done.CompleteUploads[0].ID] = true
		}
		if len(ids) != 1 || s.Rows("assets") != 1 {
			t.Errorf("concurrent completions gave assets %v, %d rows", ids, s.Rows("assets"))
		}
	})
}
