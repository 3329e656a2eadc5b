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

// TestMotiveHealthFlag: the administrator flags a motive as telling of
// health (tab to « Santé », space, ↵); the list says so and the store keeps it.
func TestMotiveHealthFlag(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.start(t, "admin", 110, 30)
	d.WaitFor("Identifiant")
	d.Press("9")
	v := d.WaitFor("Motifs d'absence", "Maladie")
	if !strings.Contains(line(v, "Maladie"), "valable · santé") || strings.Contains(line(v, "Problème de transport"), "santé") {
		t.Errorf("the default health motives:\n%s", v)
	}
	d.Press("n")
	d.Process(keyMsg("Soins dentaires"))
	d.Press("tab", "d", "tab", "tab")
	if v := d.WaitFor("› Santé"); !strings.Contains(line(v, "› Santé"), "‹ non ›") {
		t.Errorf("the health field:\n%s", v)
	}
	d.Press("space", "enter")
	v = d.WaitFor("Motif « Soins dentaires » enregistré (touche d).", "d       Soins dentaires")
	if !strings.Contains(line(v, "Soins dentaires"), "valable · santé") {
		t.Errorf("the new motive:\n%s", v)
	}
	dir, err := f.db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := model.MotiveByKey(dir.Motives, "d"); !ok || !m.Health || !m.Valid {
		t.Errorf("stored motive %+v", m)
	}
}
