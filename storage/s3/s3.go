// Package s3 is the object store on an S3-compatible server (AWS S3, MinIO, versitygw, R2…), through
// aws-sdk-go-v2. Clients upload and download directly with presigned requests; the server itself
// streams only what it must (ingest, the delivery gate).
package s3

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"

	"github.com/mediagraph/mediagraph/storage"
)

// readWindow is how much one ranged GET asks for: a reader that stops early (a video player seeking)
// leaves at most this much in flight, and one that reads on gets the next window.
const readWindow = 8 << 20

// partSize is the size of the parts Put uploads a large object in. S3 needs at least 5 MiB per part
// but the last, and allows 10,000 parts: 64 MiB parts reach 640 GB.
const partSize = 64 << 20

// Config locates a bucket. Credentials come from the standard AWS chain unless both keys are set.
type Config struct {
	Bucket          string
	Region          string
	Endpoint        string // for S3-compatible servers; empty for AWS
	ForcePathStyle  bool
	AccessKeyID     string
	SecretAccessKey string
	// TempDir holds an object being written while its size is not yet known.
	TempDir string
}

// Store is a bucket.
type Store struct {
	client  *awss3.Client
	presign *awss3.PresignClient
	bucket  string
	tempDir string
}

var _ storage.Store = (*Store)(nil)

// New connects to the bucket of cfg (without checking it exists: see Ping).
func New(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Bucket == "" {
		return nil, errors.New("s3: a bucket is required")
	}
	opts := []func(*config.LoadOptions) error{config.WithRegion(cfg.Region)}
	if cfg.AccessKeyID != "" && cfg.SecretAccessKey != "" {
		opts = append(opts, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(cfg.AccessKeyID, cfg.SecretAccessKey, "")))
	}
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("s3: load AWS configuration: %w", err)
	}
	awsCfg.Logger = logging.Nop{} // failures come back as errors; the SDK's own log would bypass ours
	client := awss3.NewFromConfig(awsCfg, func(o *awss3.Options) {
		if cfg.Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.Endpoint)
		}
		o.UsePathStyle = cfg.ForcePathStyle
		o.DisableLogOutputChecksumValidationSkipped = true // ranged GETs never carry a checksum
	})
	return &Store{client: client, presign: awss3.NewPresignClient(client), bucket: cfg.Bucket, tempDir: cfg.TempDir}, nil
}

// notFound maps S3's ways of saying an object or upload does not exist.
func notFound(err error) error {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode() {
		case "NoSuchKey", "NotFound", "NoSuchUpload":
			return storage.ErrNotFound
		}
	}
	return err
}

func info(key string, size *int64, contentType *string, modTime *time.Time) storage.ObjectInfo {
	return storage.ObjectInfo{Key: key, Size: aws.ToInt64(size), ContentType: aws.ToString(contentType), ModTime: aws.ToTime(modTime)}
}

// Put implements storage.Store. S3 makes an object visible only when its upload completes, so a failed
// Put leaves nothing; the bytes are spooled first because a signed upload must know its length.
func (s *Store) Put(ctx context.Context, key string, r io.Reader, opts storage.PutOptions) (storage.ObjectInfo, error) {
	if err := storage.CheckKey(key); err != nil {
		return storage.ObjectInfo{}, err
	}
	tmp, err := os.CreateTemp(s.tempDir, "s3-put-*")
	if err != nil {
		return storage.ObjectInfo{}, fmt.Errorf("s3: spool object: %w", err)
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	size, err := io.Copy(tmp, r)
	if err != nil {
		return storage.ObjectInfo{}, fmt.Errorf("s3: spool object: %w", err)
	}
	if size > partSize {
		err = s.putParts(ctx, key, tmp, size, opts.ContentType)
	} else {
		_, err = s.client.PutObject(ctx, &awss3.PutObjectInput{
			Bucket: &s.bucket, Key: &key, Body: io.NewSectionReader(tmp, 0, size),
			ContentLength: aws.Int64(size), ContentType: optional(opts.ContentType),
		})
	}
	if err != nil {
		return storage.ObjectInfo{}, fmt.Errorf("s3: put %s: %w", key, err)
	}
	return s.Head(ctx, key)
}

// putParts uploads a spooled object in parts, aborting the upload if any part fails.
func (s *Store) putParts(ctx context.Context, key string, f *os.File, size int64, contentType string) error {
	id, err := s.CreateMultipart(ctx, key, contentType)
	if err != nil {
		return err
	}
	var parts []types.CompletedPart
	for n, off := int32(1), int64(0); off < size; n, off = n+1, off+partSize {
		length := min(partSize, size-off)
		out, err := s.client.UploadPart(ctx, &awss3.UploadPartInput{
			Bucket: &s.bucket, Key: &key, UploadId: &id, PartNumber: aws.Int32(n),
			Body: io.NewSectionReader(f, off, length), ContentLength: aws.Int64(length),
		})
		if err != nil {
			s.AbortMultipart(context.WithoutCancel(ctx), key, id)
			return fmt.Errorf("upload part %d: %w", n, err)
		}
		parts = append(parts, types.CompletedPart{PartNumber: aws.Int32(n), ETag: out.ETag})
	}
	_, err = s.client.CompleteMultipartUpload(ctx, &awss3.CompleteMultipartUploadInput{
		Bucket: &s.bucket, Key: &key, UploadId: &id, MultipartUpload: &types.CompletedMultipartUpload{Parts: parts},
	})
	if err != nil {
		s.AbortMultipart(context.WithoutCancel(ctx), key, id)
	}
	return err
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Head implements storage.Store.
func (s *Store) Head(ctx context.Context, key string) (storage.ObjectInfo, error) {
	if err := storage.CheckKey(key); err != nil {
		return storage.ObjectInfo{}, err
	}
	out, err := s.client.HeadObject(ctx, &awss3.HeadObjectInput{Bucket: &s.bucket, Key: &key})
	if err != nil {
		return storage.ObjectInfo{}, notFound(err)
	}
	return info(key, out.ContentLength, out.ContentType, out.LastModified), nil
}

// Open implements storage.Store. Reads fetch from the current offset to the end; a Seek drops the
// open stream, so ranged reads download only what they read.
func (s *Store) Open(ctx context.Context, key string) (storage.Object, error) {
	i, err := s.Head(ctx, key)
	if err != nil {
		return nil, err
	}
	return &object{ctx: ctx, s: s, info: i}, nil
}

type object struct {
	ctx  context.Context
	s    *Store
	info storage.ObjectInfo
	off  int64
	body io.ReadCloser
}

func (o *object) Info() storage.ObjectInfo { return o.info }

func (o *object) Read(p []byte) (int, error) {
	if o.off >= o.info.Size {
		return 0, io.EOF
	}
	if o.body == nil {
		end := min(o.off+readWindow, o.info.Size) - 1
		out, err := o.s.client.GetObject(o.ctx, &awss3.GetObjectInput{
			Bucket: &o.s.bucket, Key: &o.info.Key, Range: aws.String(fmt.Sprintf("bytes=%d-%d", o.off, end)),
		})
		if err != nil {
			return 0, fmt.Errorf("s3: get %s: %w", o.info.Key, notFound(err))
		}
		o.body = out.Body
	}
	n, err := o.body.Read(p)
	o.off += int64(n)
	if err == io.EOF && o.off < o.info.Size {
		// The end of a window, not of the object: the next Read fetches the next window.
		o.body.Close()
		o.body, err = nil, nil
	}
	return n, err
}

func (o *object) Seek(offset int64, whence int) (int64, error) {
	var abs int64
	switch whence {
	case io.SeekStart:
		abs = offset
	case io.SeekCurrent:
		abs = o.off + offset
	case io.SeekEnd:
		abs = o.info.Size + offset
	default:
		return 0, errors.New("s3: invalid whence")
	}
	if abs < 0 {
		return 0, errors.New("s3: negative position")
	}
	if abs != o.off && o.body != nil {
		o.body.Close()
		o.body = nil
	}
	o.off = abs
	return abs, nil
}

func (o *object) Close() error {
	if o.body != nil {
		return o.body.Close()
	}
	return nil
}

// Delete implements storage.Store.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := storage.CheckKey(key); err != nil {
		return err
	}
	if _, err := s.client.DeleteObject(ctx, &awss3.DeleteObjectInput{Bucket: &s.bucket, Key: &key}); err != nil {
		if notFound(err) == storage.ErrNotFound {
			return nil
		}
		return fmt.Errorf("s3: delete %s: %w", key, err)
	}
	return nil
}

// Move implements storage.Store: a server-side copy, then the delete of the source. Between the two
// the object is at both keys; a failed delete leaves it so, and the next try deletes it.
func (s *Store) Move(ctx context.Context, from, to string) error {
	if err := storage.CheckKey(from); err != nil {
		return err
	}
	if err := storage.CheckKey(to); err != nil {
		return err
	}
	segments := strings.Split(from, "/")
	for i, seg := range segments {
		segments[i] = url.PathEscape(seg)
	}
	source := s.bucket + "/" + strings.Join(segments, "/")
	if _, err := s.client.CopyObject(ctx, &awss3.CopyObjectInput{Bucket: &s.bucket, Key: &to, CopySource: &source}); err != nil {
		if notFound(err) == storage.ErrNotFound {
			_, herr := s.Head(ctx, to)
			return herr // moved before: nil; else the object is gone
		}
		return fmt.Errorf("s3: copy %s to %s: %w", from, to, err)
	}
	return s.Delete(ctx, from)
}

func signed(req *v4.PresignedHTTPRequest, ttl time.Duration) *storage.SignedRequest {
	return &storage.SignedRequest{Method: req.Method, URL: req.URL, Headers: req.SignedHeader, Expires: time.Now().Add(ttl)}
}

// PresignPut implements storage.Store: the signature covers the content type and length, so the
// server refuses a body of another size or type.
func (s *Store) PresignPut(ctx context.Context, key string, opts storage.PresignPutOptions) (*storage.SignedRequest, error) {
	if err := storage.CheckKey(key); err != nil {
		return nil, err
	}
	req, err := s.presign.PresignPutObject(ctx, &awss3.PutObjectInput{
		Bucket: &s.bucket, Key: &key, ContentType: optional(opts.ContentType), ContentLength: aws.Int64(opts.Size),
	}, awss3.WithPresignExpires(opts.TTL))
	if err != nil {
		return nil, fmt.Errorf("s3: presign put %s: %w", key, err)
	}
	return signed(req, opts.TTL), nil
}

// PresignGet implements storage.Store.
func (s *Store) PresignGet(ctx context.Context, key string, ttl time.Duration) (*storage.SignedRequest, error) {
	if err := storage.CheckKey(key); err != nil {
		return nil, err
	}
	req, err := s.presign.PresignGetObject(ctx, &awss3.GetObjectInput{Bucket: &s.bucket, Key: &key}, awss3.WithPresignExpires(ttl))
	if err != nil {
		return nil, fmt.Errorf("s3: presign get %s: %w", key, err)
	}
	return signed(req, ttl), nil
}

// CreateMultipart implements storage.Store.
func (s *Store) CreateMultipart(ctx context.Context, key, contentType string) (string, error) {
	if err := storage.CheckKey(key); err != nil {
		return "", err
	}
	out, err := s.client.CreateMultipartUpload(ctx, &awss3.CreateMultipartUploadInput{Bucket: &s.bucket, Key: &key, ContentType: optional(contentType)})
	if err != nil {
		return "", fmt.Errorf("s3: start multipart upload of %s: %w", key, err)
	}
	return aws.ToString(out.UploadId), nil
}

// PresignPart implements storage.Store.
func (s *Store) PresignPart(ctx context.Context, key, uploadID string, number int, size int64, ttl time.Duration) (*storage.SignedRequest, error) {
	if err := storage.CheckKey(key); err != nil {
		return nil, err
	}
	req, err := s.presign.PresignUploadPart(ctx, &awss3.UploadPartInput{
		Bucket: &s.bucket, Key: &key, UploadId: &uploadID, PartNumber: aws.Int32(int32(number)), ContentLength: aws.Int64(size),
	}, awss3.WithPresignExpires(ttl))
	if err != nil {
		return nil, fmt.Errorf("s3: presign part %d of %s: %w", number, key, err)
	}
	return signed(req, ttl), nil
}

// CompleteMultipart implements storage.Store.
func (s *Store) CompleteMultipart(ctx context.Context, key, uploadID string, parts []storage.CompletedPart) (storage.ObjectInfo, error) {
	if err := storage.CheckKey(key); err != nil {
		return storage.ObjectInfo{}, err
	}
	sorted := append([]storage.CompletedPart(nil), parts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Number < sorted[j].Number })
	list := make([]types.CompletedPart, len(sorted))
	for i, p := range sorted {
		list[i] = types.CompletedPart{PartNumber: aws.Int32(int32(p.Number)), ETag: aws.String(p.ETag)}
	}
	_, err := s.client.CompleteMultipartUpload(ctx, &awss3.CompleteMultipartUploadInput{
		Bucket: &s.bucket, Key: &key, UploadId: &uploadID, MultipartUpload: &types.CompletedMultipartUpload{Parts: list},
	})
	if err != nil {
		return storage.ObjectInfo{}, fmt.Errorf("s3: complete multipart upload of %s: %w", key, notFound(err))
	}
	return s.Head(ctx, key)
}

// AbortMultipart implements storage.Store.
func (s *Store) AbortMultipart(ctx context.Context, key, uploadID string) error {
	if err := storage.CheckKey(key); err != nil {
		return err
	}
	_, err := s.client.AbortMultipartUpload(ctx, &awss3.AbortMultipartUploadInput{Bucket: &s.bucket, Key: &key, UploadId: &uploadID})
	if err != nil && notFound(err) != storage.ErrNotFound {
		return fmt.Errorf("s3: abort multipart upload of %s: %w", key, err)
	}
	return nil
}

// Ping implements storage.Store: the bucket exists and the credentials may use it.
func (s *Store) Ping(ctx context.Context) error {
	if _, err := s.client.HeadBucket(ctx, &awss3.HeadBucketInput{Bucket: &s.bucket}); err != nil {
		return fmt.Errorf("s3: bucket %s: %w", s.bucket, err)
	}
	return nil
}
