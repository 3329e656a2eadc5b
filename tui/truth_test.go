package tui_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// figuresOf reads a pupil's figures from from to to, at the fixture's clock.
func figuresOf(t *testing.T, f fixture, id model.PupilID, from, to model.Date) model.Figures {
	t.Helper()
	pf, err := f.service("cpe").PupilFigures(id, from, to)
	if err != nil {
		t.Fatal(err)
	}
	return pf.Figures()
}

// november is the month the previews count.
var novFirst, novLast = model.NewDate(2026, 11, 1), model.NewDate(2026, 11, 30)

// motiveCase is a motive key pressed after a preview, and what the preview
// announced for the pupils' non valable half-days.
type motiveCase struct {
	key, label string
	invalid    int
}

// TestPreviewOnTheDeskLine: before a key, the desk's bar says what a valable
// and a non valable motive would change on the pupil's line; the key then
// does it, in the selection's numbers.
func TestPreviewOnTheDeskLine(t *testing.T) {
	for _, c := range []motiveCase{{"m", "Maladie", 0}, {"p", "Panne de réveil", 1}} {
		t.Run(c.label, func(t *testing.T) {
			f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 30), nil)
			markAs(t, f, "prof", modeltest.MathsSeance(modeltest.Monday), model.KindAbsent, "E004")
			markAs(t, f, "prof2", spanishSeance, model.KindAbsent, "E004")
			d := f.start(t, "aed", 100, 30)
			d.WaitFor("DA SILVA Inès", "2 absences · Inès D. · valable : non valables 1 → 0 · non valable : 1 → 1")
			d.Press(c.key)
			d.WaitFor("✓ " + c.label + " : 2 absences (u pour annuler).")
			if got := figuresOf(t, f, "E004", novFirst, novLast); got.InvalidHalfDays != c.invalid || got.HalfDays() != 1 {
				t.Errorf("after %s: %+v, the preview said %d non valable", c.key, got, c.invalid)
			}
		})
	}
}

// TestPreviewOfTheWeek: W selects the pupil's week; the preview, the
// selection and the result say the same 5 absences.
func TestPreviewOfTheWeek(t *testing.T) {
	friday := modeltest.Monday.AddDays(4)
	for _, c := range []motiveCase{{"m", "Maladie", 0}, {"p", "Panne de réveil", 5}} {
		t.Run(c.label, func(t *testing.T) {
			f := deskFixture(t, 10, modeltest.At(friday, 10, 0), nil)
			for i := range 5 {
				day := modeltest.Monday.AddDays(i)
				f.now = modeltest.At(day, 8, 5)
				markAs(t, f, "prof", modeltest.MathsSeance(day), model.KindAbsent, "E004")
			}
			f.now = modeltest.At(friday, 10, 0)
			d := f.start(t, "aed", 100, 30)
			d.WaitFor("DA SILVA Inès", "m Maladie ✓")
			d.Press("W")
			d.WaitFor("sélection : 5 absences", "5 absences · Inès D. · valable : non valables 5 → 0 (1 sous le seuil) · non valable : 5 → 5")
			d.Press(c.key)
			d.WaitFor("✓ " + c.label + " : 5 absences (u pour annuler).")
			if got := figuresOf(t, f, "E004", novFirst, novLast); got.InvalidHalfDays != c.invalid {
				t.Errorf("after %s: %+v, the preview said %d non valables", c.key, got, c.invalid)
			}
		})
	}
}

// TestPreviewOfTheRectangle: a rectangle of the planning grid holds
// ABADIE's absence without motive, BÉNARD's two with Maladie and DA SILVA's
// lateness justified by cpe2 (Problème de transport). The preview says what
// each kind of motive would do; a key that would replace a motive asks
// first, and n leaves the justified lateness alone.
func TestPreviewOfTheRectangle(t *testing.T) {
	for _, c := range []struct {
		key, label, question, done string
	}{
		{"m", "Maladie", "1 retard déjà justifié par cpe2 (Problème de tra…) : remplacer ? o/n (n : seulement les 3 autres)",
			"✓ Maladie : 3 absences · laissé tel quel : 1 retard justifié par cpe2 (Problème de tra…) (u pour annuler)."},
		{"p", "Panne de réveil", "2 absences déjà justifiées par cpe (Maladie), 1 retard justifié par cpe2 (Problème de tra…) : remplacer ? o/n (n : seulement l'autre)",
			"✓ Panne de réveil : 1 absence · laissé tel quel : 2 absences justifiées par cpe (Maladie), 1 retard justifié par cpe2 (Problème de tra…) (u pour annuler)."},
	} {
		t.Run(c.label, func(t *testing.T) {
			f := gridFixture(t, 12, modeltest.GridNow)
			late := model.MarkKey{Seance: modeltest.MathsSeance(modeltest.WeekA), Pupil: "E004"}
			if _, err := f.service("cpe2").Justify([]model.MarkKey{late}, "transport"); err != nil {
				t.Fatal(err)
			}
			d := landed(t, f, "cpe")
			d.Send(teaSize(160, 40))
			d.Press("2")
			d.WaitFor("semaine du")
			d.Press("D", "4", "b", "enter")
			d.WaitFor("4B · semaine du")
			d.Press("H", "H", "H", "h", "h", "v", "j", "j", "j", "l")
			d.WaitFor("4 élèves × 1 jour (16/11 → 16/11) : 3 absences et 1 retard (3 déjà justifiées) — tapez un motif",
				"3 absences et 1 retard · 3 élèves · valable : non valables 2 → 1 · non valable : 2 → 2")
			d.Press(c.key)
			d.WaitFor(c.question)
			d.Press("n")
			d.WaitFor(c.done)
			if got := motivesOf(t, f, late); got[0] != "transport" {
				t.Errorf("the justified lateness became %s", got[0])
			}
			if got := motivesOf(t, f, model.MarkKey{Seance: modeltest.MathsSeance(modeltest.WeekA), Pupil: "E001"}); got[0] != map[string]string{"m": "maladie", "p": "reveil"}[c.key] {
				t.Errorf("ABADIE's absence: %s", got[0])
			}
		})
	}
}

// TestTripCountsAreTheSelection: S on a selection of two absences and a
// lateness turns the two absences into outings and says so in the
// selection's numbers.
func TestTripCountsAreTheSelection(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 0), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001", "E002")
	markAs(t, f, "prof", maths, model.KindLate, "E003")
	d := f.start(t, "cpe", 140, 30)
	d.WaitFor("CARON Zoé", "m Maladie ✓")
	d.Press("*")
	d.WaitFor("sélection : 2 absences et 1 retard")
	d.Press("S")
	d.WaitFor("✓ Sortie scolaire : 2 absences devenues sorties · 1 retard laissé tel quel (pas une absence) (u pour annuler).")
	got := stored(t, f, key(maths, "E001"), key(maths, "E002"), key(maths, "E003"))
	if got[key(maths, "E001")].Kind != model.KindOuting || got[key(maths, "E002")].Kind != model.KindOuting || got[key(maths, "E003")].Kind != model.KindLate {
		t.Errorf("stored %+v", got)
	}
}

// TestAnnouncedAbsencePreview: the announced absence's form says, before the
// motive key, what the span counts now (only the séances begun) and what a
// valable and a non valable motive would make of it; the key then does it.
func TestAnnouncedAbsencePreview(t *testing.T) {
	friday := modeltest.Monday.AddDays(4)
	for _, c := range []motiveCase{{"m", "Maladie", 0}, {"p", "Panne de réveil", 1}} {
		t.Run(c.label, func(t *testing.T) {
			f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 15), nil)
			markAs(t, f, "prof", modeltest.MathsSeance(modeltest.Monday), model.KindAbsent, "E001")
			d := f.start(t, "aed", 120, 40)
			d.WaitFor("ABADIE Léa", "m Maladie ✓")
			d.Press("A", ">")
			d.WaitFor("Au     27/11/2026 18:00",
				"Maintenant : 6 séances, 2 commencées (les 4 autres compteront à mesure qu'elles commencent)",
				"motif valable : 1 → 1 demi-journées, non valables 1 → 0",
				"motif non valable : 1 → 1 demi-journées, non valables 1 → 1")
			d.Press(c.key)
			d.WaitFor("✓ Absence annoncée : ABADIE Léa du 23/11 08:00 au 27/11 18:00")
			got := figuresOf(t, f, "E001", modeltest.Monday, friday)
			if got.HalfDays() != 1 || got.InvalidHalfDays != c.invalid {
				t.Errorf("after %s at 10:15: %+v, the preview said 1 half-day, %d non valable", c.key, got, c.invalid)
			}
			f.now = modeltest.At(friday, 18, 0)
			if got := figuresOf(t, f, "E001", modeltest.Monday, friday); got.HalfDays() != 5 {
				t.Errorf("on Friday evening the week counts 5 half-days: %+v", got)
			}
		})
	}
}

// TestMotiveOverAnotherAsksFirst: a motive key over a motive someone gave
// asks first; n (the default) leaves it, o replaces it.
func TestMotiveOverAnotherAsksFirst(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 0), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001")
	if _, err := f.service("cpe").Justify([]model.MarkKey{key(maths, "E001")}, "maladie"); err != nil {
		t.Fatal(err)
	}
	d := f.start(t, "cpe2", 100, 30)
	d.WaitFor("ABADIE Léa", "Maladie", "m Maladie ✓")
	d.Press("p")
	d.WaitFor("1 absence déjà justifiée par cpe (Maladie) : remplacer ? o/n")
	d.Press("enter")
	d.WaitFor("Panne de réveil : rien de changé · laissé tel quel : 1 absence justifiée par cpe (Maladie).")
	if m := motiveOf(stored(t, f, key(maths, "E001"))[key(maths, "E001")]); m != "maladie" {
		t.Fatalf("n replaced the motive: %s", m)
	}
	d.Press("p")
	d.WaitFor("remplacer ? o/n")
	d.Press("esc")
	d.WaitFor("Rien n'a été changé.")
	d.Press("p", "o")
	d.WaitFor("✓ Panne de réveil : 1 absence (u pour annuler).")
	if m := motiveOf(stored(t, f, key(maths, "E001"))[key(maths, "E001")]); m != "reveil" {
		t.Errorf("o did not replace the motive: %s", m)
	}
}

// TestStaleScreenNeverOverwrites: two CPEs on the same absence at the same
// moment. cpe justifies it (Maladie) while cpe2's screen still shows it
// without a motive; cpe2's key, checked in the write transaction against
// what the store holds, leaves cpe's motive and says so, then cpe2's screen
// shows it.
func TestStaleScreenNeverOverwrites(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 0), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001")
	b := f.start(t, "cpe2", 140, 30)
	b.WaitFor("ABADIE Léa", "à justifier (1)", "m Maladie ✓")
	cpe := f.service("cpe")
	atts, err := cpe.PupilAbsences("E001", modeltest.Monday, modeltest.Monday)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cpe.ApplyMotive(model.MotiveRequest{Shown: model.Targets(atts, false), Code: "maladie"}); err != nil {
		t.Fatal(err)
	}
	b.Process(keyMsg("p")) // before cpe2's screen has heard of cpe's change
	b.WaitFor("Panne de réveil : rien de changé · ⚠ modifié entre-temps, laissé tel quel : 1 absence (cpe : Maladie).")
	if m := motiveOf(stored(t, f, key(maths, "E001"))[key(maths, "E001")]); m != "maladie" {
		t.Fatalf("cpe's motive was lost: %s", m)
	}
	b.WaitUntil(func(v string) bool { return strings.Contains(line(v, "ABADIE"), "Maladie") }, "cpe's motive on cpe2's screen")
}

// TestEditedAnnouncementAsksFirst: changing the motive an announced
// absence has (given by aed) asks first.
func TestEditedAnnouncementAsksFirst(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 8, 10), nil)
	if _, err := f.service("aed").Announce("E001", modeltest.At(modeltest.Monday, 8, 0),
		modeltest.At(modeltest.Monday, 18, 0), "maladie", ""); err != nil {
		t.Fatal(err)
	}
	f.now = modeltest.At(modeltest.Monday, 10, 0)
	d := f.start(t, "cpe", 100, 30)
	d.WaitFor("ABADIE Léa", "Annoncées 1")
	d.Press("tab")
	d.WaitFor("[Annoncées 1]")
	d.Press("enter")
	// The motives' keys are loaded with the desk: wait for them before p.
	d.WaitFor("Modifier l'absence annoncée", "Maintenant : 2 séances, 1 commencée (l'autre comptera quand elle commencera)", "p Panne de réveil")
	d.Press("p")
	d.WaitFor("Absence annoncée déjà justifiée par aed (Maladie) : le remplacer par « Panne de réveil » ? o/n")
	d.Press("n")
	d.WaitFor("motif laissé tel quel")
	if motive := noticeMotive(t, f); motive != "maladie" {
		t.Fatalf("n replaced the motive: %s", motive)
	}
	d.Press("p", "o")
	d.WaitFor("✓ Absence annoncée")
	if motive := noticeMotive(t, f); motive != "reveil" {
		t.Errorf("o did not replace the motive: %s", motive)
	}
}

func noticeMotive(t *testing.T, f fixture) string {
	t.Helper()
	ls, err := f.service("cpe").Notices(modeltest.Monday)
	if err != nil || len(ls) != 1 {
		t.Fatalf("notices: %+v %v", ls, err)
	}
	if j := ls[0].Notice.Justification; j != nil {
		return j.Motive
	}
	return ""
}

// TestDeskLeavesTheAnnouncedToCome: at 10:00 the desk lists a pupil
// announced absent from 09:00 with his Spanish séance of 10:05 to come,
// counts none of it, and a motive key leaves it to the announced absence.
func TestDeskLeavesTheAnnouncedToCome(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 0), nil)
	if _, err := f.service("aed").Announce("E001", modeltest.At(modeltest.Monday, 9, 0),
		modeltest.At(modeltest.Monday, 18, 0), "", ""); err != nil {
		t.Fatal(err)
	}
	markAs(t, f, "prof", modeltest.MathsSeance(modeltest.Monday), model.KindAbsent, "E002")
	d := f.start(t, "aed", 120, 30)
	v := d.WaitFor("ABADIE Léa", "1 élève · 1 absence · 1 à justifier · 1 élève annoncé absent plus tard", "m Maladie ✓")
	if l := line(v, "ABADIE"); !strings.Contains(l, "annoncée, à venir") {
		t.Errorf("ABADIE's line: %s", l)
	}
	d.Press("m")
	d.WaitFor("Aucune absence à justifier ici.")
}
