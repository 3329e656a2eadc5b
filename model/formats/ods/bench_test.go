package ods

import (
	"io"
	"testing"

	"appel/model"
)

// BenchmarkRows writes a marks-like sheet of 10,000 rows of 17 cells.
func BenchmarkRows10000(b *testing.B) {
	row := []Cell{Date(model.NewDate(2026, 11, 23)), Time(8 * 60), Time(8*60 + 55), String("6E1"), String("prof"),
		String("1541944"), String("070876696HA"), String("ESCAGLIA"), String("Jeanine"), String("6E1"), String("absent"),
		Cell{}, String("Maladie"), String("oui"), String("oui"), String("cpe"), Int(3)}
	for b.Loop() {
		w, err := NewWriter(io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		for range 10000 {
			if err := w.Row(row...); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
