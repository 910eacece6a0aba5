package site

import (
	"slices"
	"testing"
)

// TestGrantYears: the sum of all grants is labelled with every year any
// of them covers, not only the first grant's.
func TestGrantYears(t *testing.T) {
	p := Project{Grants: []Grant{{Years: []int{2020, 2019}}, {Years: []int{2021, 2020}}}}
	if got, want := p.GrantYears(), []int{2019, 2020, 2021}; !slices.Equal(got, want) {
		t.Errorf("GrantYears = %v, want %v", got, want)
	}
}
