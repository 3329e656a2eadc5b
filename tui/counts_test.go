package tui

import (
	"testing"

	"appel/model"
)

func TestCountsTextAddsUpWithFrenchPlurals(t *testing.T) {
	cases := []struct {
		name   string
		pupils int
		counts map[model.MarkKind]int
		want   string
	}{
		{"empty", 0, map[model.MarkKind]int{}, "0 élève · 0 absent · 0 retard · 0 présent"},
		{"singulars", 3, map[model.MarkKind]int{model.KindAbsent: 1, model.KindLate: 1, model.KindPresent: 1},
			"3 élèves · 1 absent · 1 retard · 1 présent"},
		{"every kind shown when present", 29, map[model.MarkKind]int{
			model.KindAbsent: 3, model.KindLate: 1, model.KindInfirmary: 1, model.KindExcluded: 1,
			model.KindExempt: 2, model.KindOuting: 1, model.KindPresent: 20},
			"29 élèves · 3 absents · 1 retard · 1 à l'infirmerie · 1 exclu · 2 dispensés · 1 sorti · 20 présents"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := countsText(c.pupils, c.counts); got != c.want {
				t.Errorf("countsText = %q, want %q", got, c.want)
			}
		})
	}
}
