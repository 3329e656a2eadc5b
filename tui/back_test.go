package tui_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// TestEscGoesBack: a screen opened by another (the desk's E and ↵, the
// missing roll calls' ↵) returns to it on esc once it has nothing of its own
// to close; a screen chosen by its digit does not.
func TestEscGoesBack(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5), nil)
	markAs(t, f, "prof", modeltest.MathsSeance(modeltest.Monday), model.KindAbsent, "E001")
	f.now = modeltest.At(modeltest.Monday, 9, 0)
	d := f.start(t, "cpe", 100, 30)
	d.waitFor("ABADIE Léa")
	d.press("E")
	d.waitFor("4B · Mathématiques · lun. 23/11 08:00–08:55")
	d.press("/", "b", "enter")
	d.waitFor("filtre : b")
	d.press("esc")
	v := d.waitFor("BÉNARD")
	if !strings.Contains(v, "4B · Mathématiques") || !strings.Contains(v, "ABADIE") {
		t.Fatalf("the first esc clears the roll call's filter only:\n%s", v)
	}
	d.press("2", "esc")
	v = d.waitFor("4B · Mathématiques")
	if strings.Contains(v, "élève n°") || strings.Contains(v, "[Absences") {
		t.Fatalf("esc clears the digits typed, and stays:\n%s", v)
	}
	d.press("esc")
	d.waitFor("[Absences 1]", "ABADIE Léa")

	d.press("enter")
	d.waitFor("[Résumé]", "ABADIE Léa · 4B")
	d.press("esc")
	d.waitFor("[Absences 1]")

	d.press("tab", "tab")
	d.waitFor("[Appels non faits")
	d.press("enter")
	d.waitFor("· lun. 23/11 08:00–08:55")
	d.press("esc")
	d.waitFor("[Appels non faits")

	d.press("3")
	d.waitFor("Rechercher un élève")
	d.press("esc", "esc")
	if v := d.view(); !strings.Contains(v, "Rechercher un élève") {
		t.Errorf("a screen chosen by its digit stays on esc:\n%s", v)
	}
}
