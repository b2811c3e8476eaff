//go:build noopencv

package vision

import "errors"

// cascade stands in for OpenCV's classifier in a binary built without it (-tags noopencv).
type cascade struct{}

func loadCascade(string) (*cascade, error) {
	return nil, errors.New("this binary was built without OpenCV (-tags noopencv)")
}

func (*cascade) detect([]byte, int, int, int) ([]rect, error) { return nil, nil }
