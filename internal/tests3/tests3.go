// Package tests3 gives tests a real S3-compatible server: the one named by
// MEDIAGRAPH_TEST_S3_ENDPOINT (with MEDIAGRAPH_TEST_S3_ACCESS_KEY and MEDIAGRAPH_TEST_S3_SECRET_KEY), or
// else a versitygw on loopback that this package starts, serving a temporary directory, and stops
// when the test binary ends. Every test gets a bucket of its own.
package tests3

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/mediagraph/mediagraph/storage/s3"
)

const (
	accessKey = "testak"
	secretKey = "testsecretkey123"
)

var (
	once     sync.Once
	endpoint string
	keys     [2]string
	srv      *exec.Cmd
	dataDir  string
	startErr error
	counter  atomic.Int64
)

// Stop stops the server the package's tests may have started. Call it from TestMain after m.Run.
func Stop() {
	if srv != nil {
		srv.Process.Kill()
		srv.Wait()
		os.RemoveAll(dataDir)
	}
}

// Bucket creates an empty bucket and returns the configuration of a store on it.
func Bucket(tb testing.TB) s3.Config {
	tb.Helper()
	once.Do(start)
	if startErr != nil {
		tb.Fatalf("tests3: %v", startErr)
	}
	cfg := s3.Config{
		Bucket:   fmt.Sprintf("mgtest-%d-%d", os.Getpid(), counter.Add(1)),
		Region:   "us-east-1",
		Endpoint: endpoint, ForcePathStyle: true,
		AccessKeyID: keys[0], SecretAccessKey: keys[1],
		TempDir: tb.TempDir(),
	}
	client := awss3.New(awss3.Options{
		Region: cfg.Region, BaseEndpoint: aws.String(endpoint), UsePathStyle: true,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: keys[0], SecretAccessKey: keys[1]}, nil
		}),
	})
	if _, err := client.CreateBucket(context.Background(), &awss3.CreateBucketInput{Bucket: &cfg.Bucket}); err != nil {
		tb.Fatalf("tests3: create bucket: %v", err)
	}
	return cfg
}

func start() {
	if endpoint = os.Getenv("MEDIAGRAPH_TEST_S3_ENDPOINT"); endpoint != "" {
		keys = [2]string{os.Getenv("MEDIAGRAPH_TEST_S3_ACCESS_KEY"), os.Getenv("MEDIAGRAPH_TEST_S3_SECRET_KEY")}
		return
	}
	bin, err := findVersitygw()
	if err != nil {
		startErr = err
		return
	}
	if dataDir, err = os.MkdirTemp("", "mediagraph-s3-"); err != nil {
		startErr = fmt.Errorf("data directory: %w", err)
		return
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		startErr = fmt.Errorf("find a free port: %w", err)
		return
	}
	addr := l.Addr().String()
	l.Close()
	srv = exec.Command(bin, "--port", addr, "--access", accessKey, "--secret", secretKey, "posix", dataDir)
	// Its request log would drown the test output; a failure to start shows in the wait below.
	srv.Stdout, srv.Stderr = io.Discard, io.Discard
	if err := srv.Start(); err != nil {
		startErr = fmt.Errorf("start %s: %w", bin, err)
		return
	}
	endpoint, keys = "http://"+addr, [2]string{accessKey, secretKey}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if res, err := http.Get(endpoint); err == nil {
			res.Body.Close()
			return
		}
	}
	startErr = fmt.Errorf("versitygw did not answer on %s within 10 s", addr)
}

// findVersitygw looks on PATH, in the repository's .tools/ (where `make test` installs it) and in
// Go's bin directory.
func findVersitygw() (string, error) {
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p, nil
	}
	_, here, _, _ := runtime.Caller(0)
	candidates := []string{filepath.Join(filepath.Dir(here), "..", "..", ".tools", "versitygw")}
	if gobin := os.Getenv("GOBIN"); gobin != "" {
		candidates = append(candidates, filepath.Join(gobin, "versitygw"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		candidates = append(candidates, filepath.Join(home, "go", "bin", "versitygw"))
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c, nil
		}
	}
	return "", errors.New("no S3-compatible server for the tests: `make .tools/versitygw` builds the one " +
		"`make test` uses, or set MEDIAGRAPH_TEST_S3_ENDPOINT")
}
