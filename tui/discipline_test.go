package tui_test

import (
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// TestExclusionAsksForTheReport: e marks the pupil excluded, then asks for
// the written report; ↵ stores it. esc leaves it to write later, and the
// vie scolaire finds it missing.
func TestExclusionAsksForTheReport(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 8, 10))
	d := f.start(t, "prof", 100, 30)
	d.WaitFor("appel non fait")
	d.Press("5", "e")
	d.WaitFor("rapport écrit", "Rapport")
	d.Press("Bavardages répétés, refus de travailler", "enter")
	d.WaitFor("✓ Rapport d'exclusion de ÉCUYER")
	d.Press("6", "e")
	d.WaitFor("rapport écrit")
	d.Press("esc")
	d.WaitFor("à écrire plus tard")
	id := modeltest.MathsSeance(modeltest.Monday)
	marks := storedMarks(t, f, id)
	if marks["E005"].Kind != model.KindExcluded || marks["E006"].Kind != model.KindExcluded {
		t.Errorf("marks %+v", marks)
	}
	missing, err := f.service("cpe").MissingReports()
	if err != nil || len(missing) != 1 || missing[0].Pupil != "E006" {
		t.Fatalf("missing reports %+v, %v", missing, err)
	}
	all, _ := f.service("cpe").Punishments(model.DisciplineQuery{Kind: model.PunishExclusion})
	for _, p := range all {
		if p.Pupil == "E005" && p.Report != "Bavardages répétés, refus de travailler" {
			t.Errorf("E005's report is %q", p.Report)
		}
	}
}

// TestDeskShowsExclusionsLive: the CPE's desk lists a teacher's exclusion
// as it is marked, without its report, then with it once written.
func TestDeskShowsExclusionsLive(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 8, 10))
	cpe := f.start(t, "cpe", 140, 30)
	cpe.WaitFor("Absences du jour")
	cpe.Press("tab", "tab", "tab", "tab")
	cpe.WaitFor("[Exclusions 0]", "Aucune exclusion")
	prof := f.service("prof")
	x, _, err := prof.ExcludeFromLesson(modeltest.MathsSeance(modeltest.Monday), "E003")
	if err != nil {
		t.Fatal(err)
	}
	cpe.WaitFor("[Exclusions 1 (1 sans rapport)]", "CARON Zoé (4B)", "rapport manquant")
	if _, err := prof.WriteExclusionReport(x.ID, "insolent"); err != nil {
		t.Fatal(err)
	}
	cpe.WaitFor("[Exclusions 1]", "insolent")
	cpe.Press("r", " et grossier", "enter")
	cpe.WaitFor("✓ Rapport d'exclusion enregistré.", "insolent et grossier")
}
