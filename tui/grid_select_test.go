package tui_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// motivesOf reads the motive codes stored on marks ("-" for a mark without one).
func motivesOf(t *testing.T, f fixture, keys ...model.MarkKey) []string {
	t.Helper()
	var out []string
	err := f.db.View(func(tx model.ReadTx) error {
		for _, k := range keys {
			m, ok, err := tx.Mark(k)
			switch {
			case err != nil:
				return err
			case !ok:
				out = append(out, "none")
			case m.Justification == nil:
				out = append(out, "-")
			default:
				out = append(out, m.Justification.Motive)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGridRectangleJustified selects 3 pupils × 2 days (Monday 08:00 to
// Tuesday 08:55 of ABADIE, BÉNARD and CARON), sees the count and the
// preview of its effect, applies Maladie in one key — which asks before
// replacing CARON's Panne de réveil — then undoes and redoes it: the desk's
// justification bar, on the grid.
func TestGridRectangleJustified(t *testing.T) {
	f := gridFixture(t, 12, modeltest.GridNow)
	d := openGrid(t, f, "cpe", "4B")
	mon, tue := modeltest.WeekA, modeltest.WeekA.AddDays(1)
	keys := []model.MarkKey{
		{Seance: modeltest.MathsSeance(mon), Pupil: "E001"},
		{Seance: modeltest.MathsSeance(mon), Pupil: "E002"},
		{Seance: modeltest.WeekSeance(mon, "fr-1"), Pupil: "E002"},
		{Seance: modeltest.WeekSeance(tue, "hg-2"), Pupil: "E003"},
	}
	before := strings.Join(motivesOf(t, f, keys...), " ")
	if before != "- maladie maladie reveil" {
		t.Fatalf("fixture: %s", before)
	}
	start := d.Keys
	// From Thursday 10:05 (the slot under way) to Monday 08:00, then the rectangle.
	d.Press("H", "H", "H", "h", "h", "v", "j", "j", "L", "l")
	// The count, then the desk's preview of what a valable and a non valable
	// motive would change: only ABADIE's absence has no motive yet.
	v := d.WaitFor("3 élèves × 2 jours (16/11 → 17/11) : 4 absences (3 déjà justifiées) — tapez un",
		"4 absences · 3 élèves · valable : non valables 2 → 1 · non valable : 2 → 2")
	for _, want := range []string{"m Maladie ✓", "p Panne de … ✗", "z Motif non… ✗", "x retirer le motif"} {
		if !strings.Contains(v, want) {
			t.Errorf("the motive keys lack %q:\n%s", want, v)
		}
	}
	d.Press("m")
	d.WaitFor("1 absence déjà justifiée par cpe (Panne de réveil) : remplacer ? o/n")
	d.Press("o")
	d.WaitFor("✓ Maladie : 4 absences (u pour annuler).")
	if got := d.Keys - start; got != 12 {
		t.Errorf("%d keys from the grid to the justification, want 12", got)
	}
	if got := strings.Join(motivesOf(t, f, keys...), " "); got != "maladie maladie maladie maladie" {
		t.Errorf("stored after m: %s", got)
	}
	d.WaitUntil(func(v string) bool {
		return cellOf(t, v, "ABADIE Léa", 0, 0) == "V" && cellOf(t, v, "CARON Zoé", 1, 1) == "V"
	},
		"the grid reloaded with the justified cells")

	d.Press("u")
	d.WaitFor("✓ Annulé : motif : Maladie (2 modifications).")
	if got := strings.Join(motivesOf(t, f, keys...), " "); got != before {
		t.Errorf("stored after undo: %s, want %s", got, before)
	}
	d.Press("ctrl+r")
	d.WaitFor("✓ Rétabli : motif : Maladie (2 modifications).")
	if got := strings.Join(motivesOf(t, f, keys...), " "); got != "maladie maladie maladie maladie" {
		t.Errorf("stored after redo: %s", got)
	}
}

// TestGridSelectionEscapes drops a selection with esc: nothing is written.
func TestGridSelectionEscapes(t *testing.T) {
	f := gridFixture(t, 6, modeltest.GridNow)
	d := openGrid(t, f, "cpe", "4B")
	d.Press("H", "H", "H", "h", "h", "v", "j")
	d.WaitFor("2 élèves × 1 jour (16/11 → 16/11) : 2 absences")
	d.Press("esc", "m")
	v := d.WaitFor("A absent")
	if strings.Contains(v, "tapez un motif") || strings.Contains(v, "modifiée") {
		t.Errorf("esc did not drop the selection:\n%s", v)
	}
	if got := motivesOf(t, f, model.MarkKey{Seance: modeltest.MathsSeance(modeltest.WeekA), Pupil: "E001"}); got[0] != "-" {
		t.Errorf("a motive was applied without a selection: %v", got)
	}
}

// TestPupilGridWeekOfIllness justifies a pupil's days from his own grid:
// Monday to Tuesday of week A, every slot, as Maladie.
func TestPupilGridWeekOfIllness(t *testing.T) {
	f := gridFixture(t, 6, modeltest.GridNow)
	d := openGrid(t, f, "cpe", "4B")
	d.Press("j", "j", "P")
	d.WaitFor("CARON Zoé · 4B · novembre 2026")
	// The cursor is on Thursday 19/11: up to Monday 16/11, first slot, then the rectangle.
	d.Press("k", "k", "k", "h", "h", "v", "j", "l", "l", "l", "l", "l", "l", "l", "l")
	d.WaitFor("2 jours × 9 créneaux : 1 absence (1 déjà justifiée) — tapez un motif", "1 absence · rien à changer sans remplacer un motif")
	d.Press("m")
	d.WaitFor("1 absence déjà justifiée par cpe (Panne de réveil) : remplacer ? o/n · o : Mala")
	d.Press("o")
	d.WaitFor("✓ Maladie : 1 absence (u pour annuler).")
	got := motivesOf(t, f, model.MarkKey{Seance: modeltest.WeekSeance(modeltest.WeekA.AddDays(1), "hg-2"), Pupil: "E003"})
	if got[0] != "maladie" {
		t.Errorf("stored %v", got)
	}
	d.WaitUntil(func(v string) bool { return strings.Contains(line(v, "mar. 17/11 A"), "·V·") }, "the pupil grid reloaded")
}

// TestGridOverrulesARectangle: the desk's overrule keys work on a
// rectangle: + makes CARON's Panne de réveil (Tuesday 08:55) valable.
func TestGridOverrulesARectangle(t *testing.T) {
	f := gridFixture(t, 6, modeltest.GridNow)
	d := openGrid(t, f, "cpe", "4B")
	d.Press("H", "H", "H", "h", "h", "L", "l", "j", "j", "v")
	d.WaitFor("1 élève × 1 jour (17/11 → 17/11) : 1 absence (1 déjà justifiée) — tapez un motif", "1 absence · rien à changer sans remplacer un motif")
	d.Press("+")
	d.WaitFor("✓ Validité forcée (valable) : 1 absence (u pour annuler).")
	k := model.MarkKey{Seance: modeltest.WeekSeance(modeltest.WeekA.AddDays(1), "hg-2"), Pupil: "E003"}
	var j *model.Justification
	if err := f.db.View(func(tx model.ReadTx) error {
		m, _, err := tx.Mark(k)
		j = m.Justification
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if j == nil || !j.Valid || !j.Overruled || j.Motive != "reveil" {
		t.Errorf("stored %+v", j)
	}
	d.WaitUntil(func(v string) bool { return cellOf(t, v, "CARON Zoé", 1, 1) == "V" }, "the cell now valable")
}
