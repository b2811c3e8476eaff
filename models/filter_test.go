package models

import "testing"

// A filter on the current version's columns asks for its join, however deeply it is nested; one on
// the asset's own columns does not, so the list query stays a single-table scan.
func TestFilterAsksForTheVersionJoinWhereItNeedsIt(t *testing.T) {
	n := int64(1)
	ready := AssetStatus("READY")
	yes := true
	for _, tc := range []struct {
		name string
		f    *AssetFilter
		want bool
	}{
		{"status", &AssetFilter{Status: &StatusFilter{Eq: &ready}}, false},
		{"in use", &AssetFilter{InUse: &yes}, false},
		{"size", &AssetFilter{Size: &Int64Filter{Gt: &n}}, true},
		{"width exists", &AssetFilter{Width: &IntFilter{Exists: &yes}}, true},
		{"nested in OR", &AssetFilter{OR: []*AssetFilter{{Status: &StatusFilter{Eq: &ready}}, {AND: []*AssetFilter{{Size: &Int64Filter{Eq: &n}}}}}}, true},
	} {
		c, err := compileAssetFilter(tc.f, compileScope{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if c.version != tc.want {
			t.Errorf("%s: asks for the version join = %v, want %v (%s)", tc.name, c.version, tc.want, c.sql)
		}
	}
}
