package tui_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// TestPupilWhoLeftOrMoved: the search finds a pupil who left, marked
// « parti le … »; the file of one who changed division says when.
func TestPupilWhoLeftOrMoved(t *testing.T) {
	data := modeltest.School(4)
	for i, p := range data.Pupils {
		switch p.ID {
		case "E002":
			data.Pupils[i].Left = model.NewDate(2026, 11, 10)
		case "A001":
			data.Pupils[i] = p.MoveTo(model.NewDate(2026, 11, 16), modeltest.Division4B, p.Groups)
		}
	}
	f := fixture{db: storagetest.NewWith(t, data), now: modeltest.At(modeltest.Monday, 10, 0)}
	d := landed(t, f, "cpe")
	d.Press("3")
	d.WaitFor("Rechercher un élève")
	for _, r := range "bénard" {
		d.Press(string(r))
	}
	if v := d.WaitFor("BÉNARD Noé"); !strings.Contains(line(v, "BÉNARD Noé"), "parti le 10/11/2026") {
		t.Errorf("the search does not say he left:\n%s", v)
	}
	d.Press("ctrl+u")
	for _, r := range "autre lé" {
		d.Press(string(r))
	}
	d.WaitFor("AUTRE Léa")
	d.Press("enter")
	if v := d.WaitFor("[Résumé]"); !strings.Contains(v, "4A → 4B le 16/11/2026") {
		t.Errorf("the file does not say he moved:\n%s", v)
	}
}
