package s3

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/mediagraph/mediagraph/storage"
)

// List implements storage.Store with ListObjectsV2: after is its StartAfter, so a page is asked for by
// key and a cursor outlives the continuation tokens the server would expire.
func (s *Store) List(ctx context.Context, prefix, after string, limit int) ([]storage.ObjectInfo, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("s3: list objects: limit %d is not positive", limit)
	}
	out, err := s.client.ListObjectsV2(ctx, &awss3.ListObjectsV2Input{
		Bucket: &s.bucket, Prefix: optional(prefix), StartAfter: optional(after), MaxKeys: aws.Int32(int32(min(limit, 1000))),
	})
	if err != nil {
		return nil, "", fmt.Errorf("s3: list objects after %q: %w", after, err)
	}
	list := make([]storage.ObjectInfo, 0, len(out.Contents))
	for _, o := range out.Contents {
		list = append(list, info(aws.ToString(o.Key), o.Size, nil, o.LastModified))
	}
	if !aws.ToBool(out.IsTruncated) || len(list) == 0 {
		return list, "", nil
	}
	return list, list[len(list)-1].Key, nil
}

// ListMultipart implements storage.Store with ListMultipartUploads. The cursor is a key marker alone:
// versitygw refuses an upload-id marker, so further uploads of the last key of a truncated page wait
// for the next listing. Mediagraph writes each key once, so a key rarely has two uploads.
func (s *Store) ListMultipart(ctx context.Context, after string, limit int) ([]storage.MultipartInfo, string, error) {
	if limit <= 0 {
		return nil, "", fmt.Errorf("s3: list multipart uploads: limit %d is not positive", limit)
	}
	in := &awss3.ListMultipartUploadsInput{Bucket: &s.bucket, MaxUploads: aws.Int32(int32(min(limit, 1000)))}
	in.KeyMarker = optional(after)
	out, err := s.client.ListMultipartUploads(ctx, in)
	if err != nil {
		return nil, "", fmt.Errorf("s3: list multipart uploads: %w", err)
	}
	list := make([]storage.MultipartInfo, 0, len(out.Uploads))
	for _, u := range out.Uploads {
		list = append(list, storage.MultipartInfo{Key: aws.ToString(u.Key), UploadID: aws.ToString(u.UploadId), ModTime: aws.ToTime(u.Initiated)})
	}
	if !aws.ToBool(out.IsTruncated) || len(list) == 0 {
		return list, "", nil
	}
	return list, list[len(list)-1].Key, nil
}
