package tui_test

import (
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
)

// audits returns the audit entries of login.
func audits(t *testing.T, f fixture, login string) []model.AuditEntry {
	t.Helper()
	var out []model.AuditEntry
	if err := f.db.View(func(tx model.ReadTx) error {
		var err error
		out, err = tx.Audit(model.AuditQuery{Login: login})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func hasVerb(entries []model.AuditEntry, verb string) bool {
	for _, e := range entries {
		if e.Verb == verb {
			return true
		}
	}
	return false
}

// TestTwoCPEsOverlappingSelections: two CPEs select overlapping lines and
// press a motive at the same time; every absence ends with exactly one of the
// two motives, both actions are audited, and both screens end up showing
// what is stored.
func TestTwoCPEsOverlappingSelections(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 0), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	pupils := []model.PupilID{"E001", "E002", "E003", "E004"}
	markAs(t, f, "prof", maths, model.KindAbsent, pupils...)
	a, b := f.start(t, "cpe", 100, 30), f.start(t, "cpe2", 100, 30)
	for _, d := range []*driver{a, b} {
		d.WaitFor("4 élèves", "m Maladie ✓")
	}
	a.Press("space", "space", "space")
	b.Press("down", "space", "space", "space")
	a.WaitFor("sélection : 3", "3 absences · 3 élèves")
	b.WaitFor("sélection : 3", "3 absences · 3 élèves")
	a.Process(keyMsg("m"))
	b.Process(keyMsg("t"))
	a.WaitFor("✓ Maladie : ")
	b.WaitFor("✓ Problème de transport : ")
	var keys []model.MarkKey
	for _, p := range pupils {
		keys = append(keys, key(maths, p))
	}
	got := stored(t, f, keys...)
	final := map[model.PupilID]string{}
	for _, k := range keys {
		final[k.Pupil] = motiveOf(got[k])
		if m := final[k.Pupil]; m != "maladie" && m != "transport" {
			t.Errorf("%s ended with %q", k.Pupil, m)
		}
	}
	if final["E001"] != "maladie" || final["E004"] != "transport" {
		t.Errorf("outside the overlap each keeps its own motive: %v", final)
	}
	if !hasVerb(audits(t, f, "cpe"), "motif : Maladie") || !hasVerb(audits(t, f, "cpe2"), "motif : Problème de transport") {
		t.Errorf("both actions must be audited")
	}
	label := map[string]string{"maladie": "Maladie", "transport": "Problème de tra"}
	names := map[model.PupilID]string{"E001": "ABADIE", "E002": "BÉNARD", "E003": "CARON", "E004": "DA SILVA"}
	for _, d := range []*driver{a, b} {
		d.WaitUntil(func(v string) bool {
			for p, m := range final {
				if !strings.Contains(line(v, names[p]), label[m]) {
					return false
				}
			}
			return true
		}, "the stored motives on both screens")
	}
}

func TestUndoRedoAreAudited(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E002")
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("BÉNARD", "m Maladie ✓")
	d.Press("r")
	d.WaitFor("✓ Rendez-vous médical : 1 absence (u pour annuler).")
	d.Press("u")
	d.WaitFor("Annulé : motif : Rendez-vous médical (1 modification)")
	d.WaitUntil(func(v string) bool { return strings.Contains(line(v, "BÉNARD"), "à justifier (1)") }, "undone")
	if m := stored(t, f, key(maths, "E002"))[key(maths, "E002")]; m.Justification != nil || m.Kind != model.KindAbsent {
		t.Errorf("after undo: %+v", m)
	}
	d.Press("ctrl+r")
	d.WaitFor("Rétabli : motif : Rendez-vous médical")
	if m := stored(t, f, key(maths, "E002"))[key(maths, "E002")]; motiveOf(m) != "rdv-medical" {
		t.Errorf("after redo: %+v", m)
	}
	entries := audits(t, f, "aed")
	for _, verb := range []string{"motif : Rendez-vous médical", "annulation : motif : Rendez-vous médical", "rétablissement : motif : Rendez-vous médical"} {
		if !hasVerb(entries, verb) {
			t.Errorf("no audit entry %q", verb)
		}
	}
}

// TestDeskFollowsTheRollCalls: a teacher's absence appears on the desk as it
// is committed; a change of another day does not reload it.
func TestDeskFollowsTheRollCalls(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 8, 10), nil)
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("Aucune absence ni retard ce jour-là.")
	markAs(t, f, "prof", modeltest.MathsSeance(modeltest.Monday), model.KindAbsent, "E005")
	d.WaitFor("ÉCUYER Raphaël", "1 élève · 1 absence · 1 à justifier")
	d.Press("right")
	d.WaitFor("mar. 24/11/2026", "Aucune absence ni retard ce jour-là.")
	d.Press("left")
	d.WaitFor("lun. 23/11/2026", "ÉCUYER Raphaël")
}

func TestReminderReachesTheTeacher(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 8, 20), nil)
	prof := f.start(t, "prof", 100, 30)
	prof.WaitFor("appel non fait")
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("Appels non faits 2")
	d.Press("tab", "tab")
	v := d.WaitFor("[Appels non faits 2]", "08:00–08:55  4A", "08:00–08:55  4B")
	if !strings.Contains(line(v, "4B"), "prof") || !strings.Contains(line(v, "4B"), "104") {
		t.Errorf("teacher and room shown:\n%s", v)
	}
	d.Press("down", "r")
	d.WaitFor("Rappel envoyé à prof.")
	prof.WaitFor("✉ 1 message", "aed : appel non fait : 4B · Mathématiques")
}

// TestReminderWaitsForTheNextLogin: a reminder sent while the teacher has no
// session is shown, whole, at his next login, until ↵ marks it read; the
// login after that shows nothing.
func TestReminderWaitsForTheNextLogin(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 8, 20), nil)
	if _, err := f.service("cpe").Remind(modeltest.MathsSeance(modeltest.Monday)); err != nil {
		t.Fatal(err)
	}
	prof := f.start(t, "prof", 80, 24)
	// The end of the text on screen: the message is wrapped, not cut.
	prof.WaitFor("✉ 1 message — ↵ ou esc : lu", "cpe : appel non fait : 4B · Mathématiques", "Merci de le faire.")
	prof.Press("enter")
	prof.WaitUntil(func(v string) bool { return !strings.Contains(v, "✉ 1 message") }, "the message read")
	prof.Settle(50 * time.Millisecond)
	again := f.start(t, "prof", 80, 24)
	again.WaitFor("appel non fait")
	again.Settle(50 * time.Millisecond)
	if strings.Contains(again.View(), "message") {
		t.Errorf("a read message comes back:\n%s", again.View())
	}
}

// TestCorrectWrongMark: E opens the roll call of the pupil's séance; the
// wrong absence is removed, and the audit keeps it.
func TestCorrectWrongMark(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001")
	f.now = modeltest.At(modeltest.Monday, 9, 0)
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("ABADIE Léa")
	d.Press("E")
	d.WaitFor("4B · Mathématiques · lun. 23/11 08:00–08:55")
	d.Press("p")
	d.WaitUntil(func(v string) bool { return strings.Contains(v, "0 absent") && !strings.Contains(v, "…") }, "the absence removed")
	if got := stored(t, f, key(maths, "E001")); len(got) != 0 {
		t.Errorf("the mark is still stored: %+v", got)
	}
	var kept bool
	for _, e := range audits(t, f, "aed") {
		kept = kept || e.Entity == model.EntityMark && strings.Contains(e.Before, `"absent"`) && e.After == ""
	}
	if !kept {
		t.Errorf("the audit must keep the corrected mark")
	}
	d.Press("tab", "1")
	d.WaitFor("Aucune absence ni retard ce jour-là.")
}

func TestDiscordancePane(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 7, 50), nil)
	if _, err := f.service("aed").Announce("E002", modeltest.At(modeltest.Monday, 0, 0), modeltest.At(modeltest.Monday, 23, 0), "maladie", ""); err != nil {
		t.Fatal(err)
	}
	f.now = modeltest.At(modeltest.Monday, 8, 5)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindPresent, "E002")
	d := f.start(t, "cpe", 100, 30)
	d.WaitFor("Discordances 1")
	d.Press("tab", "tab", "tab")
	d.WaitFor("[Discordances 1]", "BÉNARD Noé 4B", "présent à 08:00 (Mathématiques) malgré l'absence annoncée")
	d.Press("a")
	d.WaitFor("Discordance levée", "[Discordances 0]", "Aucune discordance")
	if m := stored(t, f, key(maths, "E002"))[key(maths, "E002")]; m.Kind != model.KindAbsent || m.By != "cpe" {
		t.Errorf("stored %+v", m)
	}
}

func TestAnnounceFromTheNoticesPane(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 8, 10), nil)
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("Annoncées 0", "m Maladie ✓")
	d.Press("tab", "n", "c", "a")
	d.WaitFor("› CARON Zoé (4B)")
	d.Press("enter", "+", "p")
	d.WaitFor("Absence annoncée : CARON Zoé du 23/11 08:00 au 25/11 18:00", "[Annoncées 1]", "Panne de réveil ✗", "3 séances · aed")
	t.Logf("announced from the pane in %d keys", d.Keys)
	d.Press("x")
	d.WaitFor("[Annoncées 0]", "retirée (u pour annuler)")
	d.Press("u")
	d.WaitFor("[Annoncées 1]")
}

func TestGateLateness(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E002")
	f.now = modeltest.At(modeltest.Monday, 8, 17)
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("Absences du jour", "8 Portail")
	d.Press("8")
	d.WaitFor("Retards au portail — 08:17")
	d.Press("b", "e", "n")
	d.WaitFor("BÉNARD Noé", "4B · Mathématiques · 08:00–08:55 · 17 min de retard")
	d.Keys = 0
	d.Press("enter")
	d.WaitFor("Retard enregistré : BÉNARD Noé, 17 min")
	if m := stored(t, f, key(maths, "E002"))[key(maths, "E002")]; m.Kind != model.KindLate || m.Minutes != 17 || m.By != "aed" {
		t.Errorf("stored %+v", m)
	}
	d.Press("c", "a", "r", "tab", "t")
	d.WaitFor("Retard enregistré : CARON Zoé, 17 min", "Motif : Problème de transport")
	if m := stored(t, f, key(maths, "E003"))[key(maths, "E003")]; motiveOf(m) != "transport" {
		t.Errorf("stored %+v", m)
	}
}

func TestMotivesScreen(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0), nil)
	d := f.start(t, "admin", 100, 30)
	d.WaitFor("Identifiant")
	d.Press("9")
	d.WaitFor("Motifs d'absence", "Maladie", "Panne de réveil")
	d.Press("n")
	d.Process(keyMsg("Sortie scolaire"))
	d.Press("tab", "s", "enter")
	d.WaitFor("Motif « Sortie scolaire » enregistré (touche s).", "s       Sortie scolaire")
	dir, err := f.db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := model.MotiveByKey(dir.Motives, "s"); !ok || m.Label != "Sortie scolaire" || !m.Valid {
		t.Errorf("stored motive %+v", m)
	}
	d.Press("G", "up", "x")
	d.WaitFor("Motif « Motif non recevable » retiré.")
	d.Press("n", "X", "tab", "j", "enter")
	d.WaitFor("la touche \"j\" sert déjà à la navigation")
	aed := f.start(t, "aed", 100, 30)
	v := aed.WaitFor("s Sortie scolaire ✓")
	if strings.Contains(v, "Motif non recev") {
		t.Errorf("a retired motive is no longer offered:\n%s", v)
	}
}

// TestOverruleAndRange: only a CPE overrules a validity; V selects a range.
func TestOverruleAndRange(t *testing.T) {
	f := deskFixture(t, 6, modeltest.At(modeltest.Monday, 10, 0), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001", "E002", "E003", "E004")
	if _, err := f.service("aed").Justify([]model.MarkKey{key(maths, "E002")}, "reveil"); err != nil {
		t.Fatal(err)
	}
	aed := f.start(t, "aed", 100, 30)
	aed.WaitFor("BÉNARD", "m Maladie ✓")
	aed.Press("down", "+")
	aed.WaitFor("✗ action réservée (valider)")
	cpe := f.start(t, "cpe", 100, 30)
	cpe.WaitFor("BÉNARD", "m Maladie ✓")
	cpe.Press("down", "+")
	cpe.WaitFor("Validité forcée (valable) : 1 absence (u pour annuler).")
	if j := stored(t, f, key(maths, "E002"))[key(maths, "E002")].Justification; j == nil || !j.Valid || !j.Overruled || j.Label != "Panne de réveil" {
		t.Errorf("overruled justification: %+v", j)
	}
	cpe.WaitUntil(func(v string) bool { return strings.Contains(line(v, "BÉNARD"), "abs ✓") }, "the overruled validity shown")
	cpe.Press("V", "down", "down", "V")
	cpe.WaitFor("sélection : 3", "3 absences · 3 élèves")
	cpe.Press("c")
	cpe.WaitFor("1 absence déjà justifiée par cpe (Panne de réveil) : remplacer ? o/n (n : seulement les 2 autres)")
	cpe.Press("o")
	cpe.WaitFor("✓ Convocation officielle : 3 absences (u pour annuler).")
	got := stored(t, f, key(maths, "E001"), key(maths, "E002"), key(maths, "E003"), key(maths, "E004"))
	want := map[model.PupilID]string{"E001": "", "E002": "convocation", "E003": "convocation", "E004": "convocation"}
	for k, m := range got {
		if motiveOf(m) != want[k.Pupil] {
			t.Errorf("%s: %q, want %q", k.Pupil, motiveOf(m), want[k.Pupil])
		}
	}
}

// TestUndoBeforeTheConfirmation: u typed before the motive's confirmation has
// arrived undoes that motive, not the action before it.
func TestUndoBeforeTheConfirmation(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001", "E002")
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("BÉNARD", "m Maladie ✓")
	d.Press("r")
	d.WaitFor("✓ Rendez-vous médical : 1 absence")
	d.Press("down")
	d.WaitFor("1 absence · Noé B.")
	d.Process(keyMsg("m"))
	d.Process(keyMsg("u"))
	d.WaitFor("✓ Annulé : motif : Maladie (1 modification).")
	got := stored(t, f, key(maths, "E001"), key(maths, "E002"))
	if motiveOf(got[key(maths, "E001")]) != "rdv-medical" || motiveOf(got[key(maths, "E002")]) != "" {
		t.Errorf("the undo must take back Maladie only: E001 %q, E002 %q", motiveOf(got[key(maths, "E001")]), motiveOf(got[key(maths, "E002")]))
	}
}

// TestCorrectOpensOnThePupil: E on a pupil who is not first in his class
// opens the roll call with the cursor on him, so the next key corrects his
// mark and no one else's.
func TestCorrectOpensOnThePupil(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E003")
	f.now = modeltest.At(modeltest.Monday, 9, 0)
	d := f.start(t, "aed", 100, 30)
	d.WaitFor("1 absence")
	d.Press("E")
	d.WaitFor("4B · Mathématiques · lun. 23/11 08:00–08:55", "1 absent ·")
	d.Press("p")
	d.WaitUntil(func(v string) bool { return strings.Contains(v, "0 absent ·") && !strings.Contains(v, "…") }, "the absence removed")
	if got := stored(t, f, key(maths, "E003")); len(got) != 0 {
		t.Errorf("E003's absence is still stored: %+v", got)
	}
	if got := stored(t, f, key(maths, "E001")); len(got) != 0 {
		t.Errorf("the key marked the first pupil instead: %+v", got)
	}
}
