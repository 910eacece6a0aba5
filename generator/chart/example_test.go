package chart_test

import (
	"errors"
	"fmt"

	"alisnord/generator/chart"
)

// A spec with an empty category name fails in Norwegian, and the error
// says which category, so a caller can point at the data entry behind it.
func ExampleSpec_Validate() {
	spec := chart.Spec{
		ID:         "soknader-per-omrade",
		Title:      "Søknader per område (syntetiske tall)",
		Kind:       chart.Bar,
		Categories: []string{"Nord", ""},
		Series:     []chart.Series{{Name: "Søknader", Values: []float64{3, 2}}},
	}
	var e *chart.Error
	if err := spec.Validate(); errors.As(err, &e) {
		fmt.Println(e)
		fmt.Println("kategori:", e.Category)
	}
	// Output:
	// figuren "soknader-per-omrade" kunne ikke tegnes: kategori 1 har tomt navn
	// kategori: 1
}
