package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"net/http"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/mediagraph/mediagraph/media"
	"github.com/mediagraph/mediagraph/requestid"
)

// metaLimit bounds the operations and map parts of a multipart request.
const metaLimit = 1 << 20

// multipartForm is the GraphQL multipart request transport
// (https://github.com/jaydenseric/graphql-multipart-request-spec). Unlike gqlgen's, it enforces the
// per-file limit while the bytes arrive, spools every file to disk (never to memory), and answers
// every malformed request with a coded error.
type multipartForm struct {
	maxFileBytes int64
	maxFiles     int
	tempDir      string
	log          *slog.Logger
}

var _ graphql.Transport = multipartForm{}

func (multipartForm) Supports(r *http.Request) bool {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && r.Method == http.MethodPost && mediaType == "multipart/form-data"
}

func (f multipartForm) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	w.Header().Set("Content-Type", "application/json")
	// Only media writers send files: nobody else gets to fill the spool directory.
	if err := media.CheckWrite(r.Context()); err != nil {
		WriteError(w, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, f.maxFileBytes*int64(f.maxFiles)+2*metaLimit)
	var spooled []*os.File
	defer func() {
		for _, file := range spooled {
			file.Close()
			os.Remove(file.Name())
		}
	}()
	params, err := f.parse(r, &spooled)
	if err != nil {
		if _, ok := media.AsError(err); !ok {
			f.log.ErrorContext(r.Context(), "read multipart request", "request_id", requestid.From(r.Context()), "err", err)
		}
		WriteError(w, err)
		return
	}
	params.Headers = r.Header
	oc, gerr := exec.CreateOperationContext(r.Context(), params)
	if gerr != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(r.Context(), oc), gerr)
		w.WriteHeader(http.StatusUnprocessableEntity)
		writeJSON(w, resp)
		return
	}
	responses, ctx := exec.DispatchOperation(r.Context(), oc)
	writeJSON(w, responses(ctx))
}

func badMultipart(format string, args ...any) error {
	return &media.Error{Code: media.CodeValidationFailed, Field: "multipart", Message: fmt.Sprintf(format, args...)}
}

func (f multipartForm) parse(r *http.Request, spooled *[]*os.File) (*graphql.RawParams, error) {
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
		return nil, &media.Error{Code: media.CodeTooManyFiles, Field: "files", Message: fmt.Sprintf("%d files sent for %d uses; at most %d per call", len(uploads), uses, f.maxFiles)}
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
		file, size, err := f.spool(part, spooled)
		if err != nil {
			return nil, err
		}
		for _, path := range paths {
			// Each use of the file gets its own handle, so each reads it from the start.
			fh, err := os.Open(file.Name())
			if err != nil {
				return nil, fmt.Errorf("reopen spooled upload: %w", err)
			}
			*spooled = append(*spooled, fh)
			up := graphql.Upload{File: fh, Size: size, Filename: part.FileName(), ContentType: part.Header.Get("Content-Type")}
			if gerr := params.AddUpload(up, key, path); gerr != nil {
				return nil, badMultipart("%s", gerr.Message)
			}
		}
	}
	for key := range uploads {
		return nil, badMultipart("the map lists %q but no such part was sent", key)
	}
	return &params, nil
}

// spool copies a file part to a temporary file, refusing it as soon as it passes the size limit.
func (f multipartForm) spool(part io.Reader, spooled *[]*os.File) (*os.File, int64, error) {
	file, err := os.CreateTemp(f.tempDir, "upload-*")
	if err != nil {
		return nil, 0, fmt.Errorf("spool upload: %w", err)
	}
	*spooled = append(*spooled, file)
	n, err := io.Copy(file, io.LimitReader(part, f.maxFileBytes+1))
	if err != nil {
		return nil, 0, f.bodyError(err)
	}
	if n > f.maxFileBytes {
		return nil, 0, &media.Error{Code: media.CodeFileTooLarge, Field: "files", Message: fmt.Sprintf("a file is larger than the limit of %d bytes", f.maxFileBytes)}
	}
	return file, n, nil
}

func (f multipartForm) bodyError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &media.Error{Code: media.CodeFileTooLarge, Field: "files", Message: fmt.Sprintf("the request is larger than %d files of %d bytes", f.maxFiles, f.maxFileBytes)}
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

// WriteError answers a request that never reached execution with a GraphQL error response.
func WriteError(w http.ResponseWriter, err error) {
	e, ok := media.AsError(err)
	if !ok {
		e = &media.Error{Code: media.CodeInternal, Message: "internal error"}
	}
	status := http.StatusBadRequest
	switch e.Code {
	case media.CodeFileTooLarge:
		status = http.StatusRequestEntityTooLarge
	case media.CodeUnauthenticated:
		status = http.StatusUnauthorized
	case media.CodeForbidden:
		status = http.StatusForbidden
	case media.CodeInternal:
		status = http.StatusInternalServerError
	}
	gqlErr := &gqlerror.Error{Message: e.Message, Extensions: map[string]any{"code": e.Code}}
	if e.Field != "" {
		gqlErr.Extensions["field"] = e.Field
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	writeJSON(w, &graphql.Response{Errors: gqlerror.List{gqlErr}})
}

func writeJSON(w io.Writer, resp *graphql.Response) {
	b, err := json.Marshal(resp)
	if err != nil {
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	w.Write(b)
}

// withCodes gives a code to the errors gqlgen's transports write themselves (an unsupported method or
// content type, undecodable variables), which bypass the error presenter. Only failed responses are
// buffered and rewritten; successful ones stream through untouched.
func withCodes(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &codeWriter{ResponseWriter: w}
		next.ServeHTTP(cw, r)
		cw.finish()
	})
}

type codeWriter struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (c *codeWriter) WriteHeader(status int) {
	if c.status != 0 {
		return
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
			e.Extensions["code"] = media.CodeValidationFailed
		}
	}
	c.ResponseWriter.Header().Set("Content-Type", "application/json")
	c.ResponseWriter.Header().Del("Content-Length")
	c.ResponseWriter.WriteHeader(c.status)
	writeJSON(c.ResponseWriter, &resp)
}
