package gqlhttp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/membudget"
	"github.com/mediagraph/mediagraph/requestid"
	"github.com/mediagraph/mediagraph/server/httperr"
)

// metaLimit bounds the operations and map parts of a multipart request.
const metaLimit = 1 << 20

// multipartForm is the GraphQL multipart request transport
// (https://github.com/jaydenseric/graphql-multipart-request-spec). Unlike gqlgen's, it enforces the
// per-file limit while the bytes arrive, keeps files in memory only within a budget shared by all
// requests (spooling the rest to disk), and answers every malformed request with a coded error.
type multipartForm struct {
	maxFileBytes int64
	maxFiles     int
	tempDir      string
	log          *slog.Logger
	// memory is the budget of file bytes held in memory across requests.
	memory *membudget.Budget
}

// Files up to inMemoryFile bytes are held in memory while the budget (SpoolMemory) lasts: a photo
// then costs no temporary file, which took a third of the transport's time.
const (
	inMemoryFile = 8 << 20
	// SpoolMemory is the most bytes of uploaded files held in memory across requests.
	SpoolMemory = 64 << 20
)

// spooledFile is a file part held in memory or on disk until the request ends.
type spooledFile struct {
	data []byte // nil when on disk
	path string
	size int64
}

// open gives each use of the file its own reader from the start.
func (sf spooledFile) open(spool *spool) (io.ReadSeeker, error) {
	if sf.data != nil {
		return bytes.NewReader(sf.data), nil
	}
	fh, err := os.Open(sf.path)
	if err != nil {
		return nil, fmt.Errorf("reopen spooled upload: %w", err)
	}
	spool.files = append(spool.files, fh)
	return fh, nil
}

// spool is what one request holds: open files and memory, given back at its end.
type spool struct {
	files  []*os.File
	memory int64
}

var _ graphql.Transport = multipartForm{}

func (multipartForm) Supports(r *http.Request) bool {
	return r.Method == http.MethodPost && IsMultipart(r)
}

// IsMultipart reports whether r's body is a multipart form, as the upload transport reads it. The
// edge's cap on other bodies decides with it too: a spelling that one took for multipart and the
// other not would either cap uploads at the JSON limit or let a JSON body past it.
func IsMultipart(r *http.Request) bool {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mediaType == "multipart/form-data"
}

func (f multipartForm) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	w.Header().Set("Content-Type", "application/json")
	// Only media writers send files: nobody else gets to fill the spool directory.
	if err := access.CheckWrite(r.Context()); err != nil {
		WriteError(w, err)
		return
	}
	body := &countedBody{ReadCloser: http.MaxBytesReader(w, r.Body, f.bodyLimit())}
	r.Body = body
	var held spool
	defer func() {
		for _, file := range held.files {
			file.Close()
			os.Remove(file.Name())
		}
		f.memory.Release(held.memory)
	}()
	params, err := f.parse(r, body, &held)
	if err == nil && r.Context().Err() != nil {
		err = r.Context().Err() // the client left while its files arrived: nothing to run them for
	}
	if err != nil {
		f.fail(w, r, err)
		return
	}
	params.Headers = r.Header
	oc, gerr := exec.CreateOperationContext(r.Context(), params)
	if gerr != nil {
		writeRefused(r.Context(), w, exec, oc, gerr)
		return
	}
	responses, ctx := exec.DispatchOperation(r.Context(), oc)
	writeJSON(w, responses(ctx))
}

// bodyLimit bounds a whole request: every file at its limit, and the operations and map parts.
// Settings large enough to overflow the product mean no limit beyond the per-file ones.
func (f multipartForm) bodyLimit() int64 {
	files := int64(max(f.maxFiles, 0))
	if files > 0 && f.maxFileBytes > (math.MaxInt64-2*metaLimit)/files {
		return math.MaxInt64
	}
	return f.maxFileBytes*files + 2*metaLimit
}

// fail answers a request whose body could not be taken in. A client that left is no failure of the
// service: it is logged at info, and nobody is left to answer.
func (f multipartForm) fail(w http.ResponseWriter, r *http.Request, err error) {
	_, coded := access.AsError(err)
	switch {
	case httperr.ClientGone(r, err):
		f.log.InfoContext(r.Context(), "multipart request cancelled by its client", "request_id", requestid.From(r.Context()), "err", err)
		return
	case !coded:
		f.log.ErrorContext(r.Context(), "read multipart request", "request_id", requestid.From(r.Context()), "err", err)
	}
	WriteError(w, err)
}

func badMultipart(format string, args ...any) error {
	return &access.Error{Code: access.CodeValidationFailed, Field: "multipart", Message: fmt.Sprintf(format, args...)}
}

func (f multipartForm) parse(r *http.Request, body *countedBody, held *spool) (*graphql.RawParams, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, badMultipart("the body is not multipart/form-data: %v", err)
	}
	var params graphql.RawParams
	if err := decodePart(mr, "operations", &params); err != nil {
		return nil, err
	}
	var uploads map[string][]string
	if err := decodePart(mr, "map", &uploads); err != nil {
		return nil, err
	}
	uses := 0
	for _, paths := range uploads {
		uses += len(paths)
	}
	if len(uploads) > f.maxFiles || uses > f.maxFiles {
		return nil, &access.Error{Code: access.CodeTooManyFiles, Field: "files", Message: fmt.Sprintf("%d files sent for %d uses; at most %d per call", len(uploads), uses, f.maxFiles)}
	}
	if err := checkMap(params.Variables, uploads); err != nil {
		return nil, err
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, f.bodyError(err)
		}
		key := part.FormName()
		paths, ok := uploads[key]
		if !ok || len(paths) == 0 {
			return nil, badMultipart("part %q is not listed in the map", key)
		}
		delete(uploads, key)
		size := unknownSize
		if len(uploads) == 0 && r.ContentLength >= 0 {
			size = lastPartSize(r.ContentLength - body.read)
		}
		file, err := f.spool(part, held, size)
		if err != nil {
			return nil, err
		}
		for _, path := range paths {
			fh, err := file.open(held)
			if err != nil {
				return nil, err
			}
			set, err := locate(params.Variables, key, path)
			if err != nil {
				return nil, err
			}
			set(graphql.Upload{File: fh, Size: file.size, Filename: part.FileName(), ContentType: part.Header.Get("Content-Type")})
		}
	}
	for key := range uploads {
		return nil, badMultipart("the map lists %q but no such part was sent", key)
	}
	return &params, nil
}

// checkMap makes sure every path of the map names a place in the variables before any file is read.
func checkMap(vars map[string]any, uploads map[string][]string) error {
	for key, paths := range uploads {
		for _, path := range paths {
			if _, err := locate(vars, key, path); err != nil {
				return err
			}
		}
	}
	return nil
}

// locate finds the place a map path such as variables.files.0 names and returns a setter for it.
// gqlgen's RawParams.AddUpload trusts the path and panics on an index out of range or on a path
// through a value that is not a list or an object; here every step is checked, and the place must
// exist already (the spec has the client put null there).
func locate(vars map[string]any, key, path string) (func(any), error) {
	segs := strings.Split(path, ".")
	if len(segs) < 2 || segs[0] != "variables" {
		return nil, badMap(key, path, "a path must start with variables.")
	}
	var at any = vars
	for i := 1; ; i++ {
		set, elem, problem := step(at, segs[i])
		if problem != "" {
			return nil, badMap(key, path, "%s %s", strings.Join(segs[:i], "."), problem)
		}
		if i == len(segs)-1 {
			return set, nil
		}
		at = elem
	}
}

// step goes from a value of the variables to its element seg, saying what is wrong when it cannot.
func step(at any, seg string) (set func(any), elem any, problem string) {
	switch v := at.(type) {
	case map[string]any:
		elem, ok := v[seg]
		if !ok {
			return nil, nil, fmt.Sprintf("has no %q", seg)
		}
		return func(up any) { v[seg] = up }, elem, ""
	case []any:
		n, err := strconv.Atoi(seg)
		if err != nil || n < 0 || n >= len(v) {
			items := "items"
			if len(v) == 1 {
				items = "item"
			}
			return nil, nil, fmt.Sprintf("has %d %s, so %q is not an index of it", len(v), items, seg)
		}
		return func(up any) { v[n] = up }, v[n], ""
	}
	return nil, nil, "is not a list or an object"
}

func badMap(key, path, format string, args ...any) error {
	return &access.Error{Code: access.CodeValidationFailed, Field: "map",
		Message: fmt.Sprintf("map entry %q names %q, which is not a place in the operations' variables: ", key, path) + fmt.Sprintf(format, args...)}
}

// countedBody counts the bytes read of a request's body.
type countedBody struct {
	io.ReadCloser
	read int64
}

func (b *countedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read += int64(n)
	return n, err
}

// partSize bounds the size of a file part before it is read; max is -1 when nothing says.
type partSize struct{ min, max int64 }

var unknownSize = partSize{0, -1}

// The multipart reader reads ahead of the part it gives by at most its buffer, and the body ends
// with a closing boundary of at most 70 characters and its dashes and line breaks.
const (
	readAhead       = 4 << 10
	closingBoundary = 80
)

// lastPartSize bounds the last file part of a request from the bytes of its body not read yet:
// only the closing boundary follows it (an epilogue after that makes min too large, which costs a
// temporary file, never a wrong read).
func lastPartSize(unread int64) partSize {
	return partSize{min: unread - closingBoundary, max: unread + readAhead}
}

// spool takes in a file part, refusing it as soon as it passes the size limit: into memory when it
// is small and the budget allows, else into a temporary file. A part known to be larger than memory
// holds goes to the file at once, and one known to be small is read into a buffer of its size: a
// buffer grown as the bytes come allocates two to three times the file.
func (f multipartForm) spool(part io.Reader, held *spool, size partSize) (spooledFile, error) {
	part = io.LimitReader(part, f.maxFileBytes+1)
	var head []byte
	const reserve = inMemoryFile + 1 // the file and the byte that shows it is larger
	if size.min <= inMemoryFile && f.memory.TryAcquire(reserve) {
		capacity := int64(512) // nothing says: grown as the bytes come
		if size.max >= 0 {
			capacity = min(reserve, size.max+1)
		}
		data, err := readAll(io.LimitReader(part, reserve), int(capacity))
		if err != nil {
			f.memory.Release(reserve)
			return spooledFile{}, f.bodyError(err)
		}
		if int64(len(data)) > f.maxFileBytes {
			f.memory.Release(reserve)
			return spooledFile{}, f.tooLarge()
		}
		if len(data) <= inMemoryFile {
			if cap(data) > reserve || cap(data) > 2*len(data) { // keep an exact copy rather than the spare room
				data = append(make([]byte, 0, len(data)), data...)
			}
			f.memory.Release(int64(reserve - cap(data)))
			held.memory += int64(cap(data))
			return spooledFile{data: data, size: int64(len(data))}, nil
		}
		f.memory.Release(reserve)
		head = data // too large: goes to disk with the rest
	}
	file, err := os.CreateTemp(f.tempDir, "upload-*")
	if err != nil {
		return spooledFile{}, fmt.Errorf("spool upload: %w", err)
	}
	held.files = append(held.files, file)
	n, err := io.Copy(file, io.MultiReader(bytes.NewReader(head), part))
	if err != nil {
		return spooledFile{}, f.bodyError(err)
	}
	if n > f.maxFileBytes {
		return spooledFile{}, f.tooLarge()
	}
	return spooledFile{path: file.Name(), size: n}, nil
}

// readAll is io.ReadAll into a buffer that starts at the given capacity.
func readAll(r io.Reader, capacity int) ([]byte, error) {
	b := make([]byte, 0, max(capacity, 512))
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // room to see the end: append grows by the runtime's policy
		}
	}
}

func (f multipartForm) tooLarge() error {
	return &access.Error{Code: access.CodeFileTooLarge, Field: "files", Message: fmt.Sprintf("a file is larger than the limit of %d bytes", f.maxFileBytes)}
}

func (f multipartForm) bodyError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &access.Error{Code: access.CodeFileTooLarge, Field: "files", Message: fmt.Sprintf("the request is larger than %d files of %d bytes", f.maxFiles, f.maxFileBytes)}
	}
	var netErr net.Error
	if errors.As(err, &netErr) { // the connection broke or the body came too slowly: no detail to show
		return fmt.Errorf("%w: %w", badMultipart("the body stopped arriving before its end"), err)
	}
	return badMultipart("the multipart body is malformed: %v", err)
}

// decodePart reads the next part, which must be the named JSON field.
func decodePart(mr *multipart.Reader, name string, into any) error {
	part, err := mr.NextPart()
	if err != nil || part.FormName() != name {
		return badMultipart("the %s part must come next (GraphQL multipart request spec)", name)
	}
	body, err := io.ReadAll(io.LimitReader(part, metaLimit+1))
	if err != nil {
		return badMultipart("the %s part could not be read: %v", name, err)
	}
	if len(body) > metaLimit {
		return badMultipart("the %s part is larger than %d bytes", name, metaLimit)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(into); err != nil {
		return badMultipart("the %s part is not valid JSON of the right shape: %v", name, err)
	}
	return nil
}

// WriteError answers a request that never reached execution with a GraphQL error response, its
// status the error code's.
func WriteError(w http.ResponseWriter, err error) {
	e, ok := access.AsError(err)
	if !ok {
		e = &access.Error{Code: access.CodeInternal, Message: "internal error"}
	}
	writeError(w, httperr.Status(e.Code), e)
}

func writeError(w http.ResponseWriter, status int, e *access.Error) {
	gqlErr := &gqlerror.Error{Message: e.Message, Extensions: map[string]any{"code": e.Code}}
	if e.Field != "" {
		gqlErr.Extensions["field"] = e.Field
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	writeJSON(w, &graphql.Response{Errors: gqlerror.List{gqlErr}})
}

// bodyFailure is the coded error of a request body that could not be read.
func bodyFailure(err error) *access.Error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &access.Error{Code: access.CodeFileTooLarge, Message: fmt.Sprintf("the request body is larger than %d bytes", tooBig.Limit)}
	}
	return &access.Error{Code: access.CodeValidationFailed, Message: "the request body stopped arriving before its end"}
}

func writeJSON(w io.Writer, resp *graphql.Response) {
	b, err := json.Marshal(resp)
	if err != nil {
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	w.Write(b)
}

// withCodes gives a code to the errors gqlgen's transports write themselves (an unsupported method or
// content type, undecodable variables), which bypass the error presenter, and a status to the body
// read failures gqlgen answers with 200 (a body over the limit, cut short or too slow). Only failed
// responses are buffered and rewritten; successful ones stream through untouched.
func withCodes(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &codeWriter{ResponseWriter: w, body: &httperr.Body{ReadCloser: r.Body}}
		r.Body = cw.body
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

type codeWriter struct {
	http.ResponseWriter
	body   *httperr.Body
	status int
	// unreadBody marks a success answered although the body could not be read.
	unreadBody bool
	buf        bytes.Buffer
}

func (c *codeWriter) WriteHeader(status int) {
	if c.status != 0 {
		return
	}
	if status < 400 && c.body.Err != nil {
		c.unreadBody = true
		status = httperr.Status(bodyFailure(c.body.Err).Code)
	}
	c.status = status
	if status < 400 {
		c.ResponseWriter.WriteHeader(status)
	}
}

func (c *codeWriter) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	if c.status < 400 {
		return c.ResponseWriter.Write(b)
	}
	return c.buf.Write(b)
}

func (c *codeWriter) finish() {
	if c.unreadBody {
		WriteError(c.ResponseWriter, bodyFailure(c.body.Err))
		return
	}
	if c.status < 400 {
		return
	}
	var resp graphql.Response
	if err := json.Unmarshal(c.buf.Bytes(), &resp); err != nil || len(resp.Errors) == 0 {
		resp.Errors = gqlerror.List{{Message: http.StatusText(c.status)}}
	}
	for _, e := range resp.Errors {
		if e.Extensions == nil {
			e.Extensions = map[string]any{}
		}
		if _, ok := e.Extensions["code"]; !ok {
			e.Extensions["code"] = access.CodeValidationFailed
		}
	}
	c.ResponseWriter.Header().Set("Content-Type", "application/json")
	c.ResponseWriter.Header().Del("Content-Length")
	c.ResponseWriter.WriteHeader(c.status)
	writeJSON(c.ResponseWriter, &resp)
}
