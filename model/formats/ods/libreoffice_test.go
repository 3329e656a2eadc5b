package ods

import (
	"strings"
	"testing"

	"appel/model/formats/internal/odstest"
)

func TestLibreOfficeReadsIt(t *testing.T) {
	sheets := odstest.LibreOffice(t, sample(t))
	want := [][]string{
		{"classe", "nombre", "date", "heure", "saisi le", "taux", "vide", "texte"},
		{"6E1", "2.5", "23/11/2026", "08:05", "23/11/2026 08:07", "12.5 %", "", `Œdipe & <x> "q"`},
		{"0612", "35", "", "17:00", "", "100.0 %", "", "=1+1"},
		{"  a  b c\nd ", "-3", "", "", "", "", "", ""},
	}
	got := sheets["Marques"]
	if len(got) != len(want) {
		t.Fatalf("LibreOffice read %d rows, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: LibreOffice shows %q, want %q", i, got[i], want[i])
		}
	}
	if got := sheets["Marques (2)"]; len(got) != 1 || got[0][0] != "xy" {
		t.Errorf("second sheet: %q", got)
	}
	if _, ok := sheets["abc"]; !ok {
		t.Errorf("empty sheet missing: have %d sheets", len(sheets))
	}
}
