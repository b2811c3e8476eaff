package imaging

import "context"

// Transform prepares and runs s on buf with no deadline and no budget: the tests' shorthand for
// Prepare and Run, kept out of the package so that production code cannot take the unbounded path.
func Transform(buf []byte, s Spec) ([]byte, error) {
	j, err := Prepare(buf, s)
	if err != nil {
		return nil, err
	}
	return j.Run(context.Background())
}
