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
	d.WaitFor("ABADIE Léa")
	d.Press("E")
	d.WaitFor("4B · Mathématiques · lun. 23/11 08:00–08:55")
	d.Press("/", "b", "enter")
	d.WaitFor("filtre : b")
	d.Press("esc")
	v := d.WaitFor("BÉNARD")
	if !strings.Contains(v, "4B · Mathématiques") || !strings.Contains(v, "ABADIE") {
		t.Fatalf("the first esc clears the roll call's filter only:\n%s", v)
	}
	d.Press(":", "2")
	d.WaitFor("n° 2▏")
	d.Press("esc")
	v = d.WaitFor("4B · Mathématiques")
	if strings.Contains(v, "n° 2") || strings.Contains(v, "[Absences") {
		t.Fatalf("esc ends the numbers mode, and stays:\n%s", v)
	}
	d.Press("esc")
	d.WaitFor("[Absences 1]", "ABADIE Léa")

	d.Press("enter")
	d.WaitFor("[Résumé]", "ABADIE Léa · 4B")
	d.Press("esc")
	d.WaitFor("[Absences 1]")

	d.Press("tab", "tab")
	d.WaitFor("[Appels non faits 2]", "4B         Mathématiques")
	d.Press("enter")
	d.WaitFor("· lun. 23/11 08:00–08:55")
	d.Press("esc")
	d.WaitFor("[Appels non faits")

	d.Press("3")
	d.WaitFor("Rechercher un élève")
	d.Press("esc", "esc")
	if v := d.View(); !strings.Contains(v, "Rechercher un élève") {
		t.Errorf("a screen chosen by its digit stays on esc:\n%s", v)
	}
}
