package tui_test

import (
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// TestDeskGolden: the desk at 80×24 with no colour, one pupil selected.
func TestDeskGolden(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001", "E004", "E006")
	markAs(t, f, "prof", maths, model.KindLate, "E002")
	f.now = modeltest.At(modeltest.Monday, 10, 30)
	markAs(t, f, "prof2", spanishSeance, model.KindAbsent, "E004")
	if _, err := f.service("aed").Justify([]model.MarkKey{key(maths, "E006")}, "reveil"); err != nil {
		t.Fatal(err)
	}
	d := f.start(t, "aed", 80, 24)
	d.WaitFor("m Maladie ✓", "1 absence · Léa A.", "Annoncées 0", "Appels non faits 3", "Discordances 0")
	d.Press("down", "down", "space")
	golden(t, "desk.golden", d.WaitFor("sélection : 2", "2 absences · Inès D."))
}
