package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func storedMarks(t *testing.T, f fixture, id model.SeanceID) map[model.PupilID]model.Mark {
	t.Helper()
	out := map[model.PupilID]model.Mark{}
	err := f.db.View(func(tx model.ReadTx) error {
		ms, err := tx.MarksOfSeance(id)
		for _, m := range ms {
			out[m.Pupil] = m
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func rollCallDone(t *testing.T, f fixture, id model.SeanceID) (model.RollCall, bool) {
	t.Helper()
	var rc model.RollCall
	var ok bool
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		rc, ok, err = tx.RollCall(id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return rc, ok
}

func TestRollCallOpensOnTheSeanceUnderWay(t *testing.T) {
	f := newFixture(t, 28, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	v := d.WaitFor("4B · Mathématiques · lun. 23/11 08:00–08:55 · salle 104", "appel non fait", "Marque", "À savoir")
	for _, want := range []string{"1 ABADIE Léa", "28 ", "28 élèves · 0 absent", "a absent", "r retard"} {
		if !strings.Contains(v, want) {
			t.Errorf("screen lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "\x1b[") {
		t.Errorf("an Ascii renderer must draw no escape sequence")
	}
	if n := len(strings.Split(v, "\n")); n != 24 {
		t.Errorf("the view has %d lines, want 24", n)
	}
}

// TestReferenceRollCall is the key count: 35 pupils, absent the 5th,
// 17th and 29th, late the 22nd, validate — in at most 15 keys.
func TestReferenceRollCall(t *testing.T) {
	f := newFixture(t, 35, modeltest.At(modeltest.Monday, 8, 7))
	d := f.start(t, "prof", 100, 30)
	d.WaitFor("appel non fait")
	d.Press(":", "5", "a", "1", "7", "a", "2", "2", "r", "2", "9", "a", "enter")
	d.WaitFor("✓ appel fait 08:07")
	if d.Keys > 15 {
		t.Fatalf("%d keys, the issue allows 15", d.Keys)
	}
	id := modeltest.MathsSeance(modeltest.Monday)
	d.WaitUntil(func(string) bool { return len(storedMarks(t, f, id)) == 4 }, "four stored marks")
	marks := storedMarks(t, f, id)
	number := registre(t, f)
	want := map[int]model.MarkKind{5: model.KindAbsent, 17: model.KindAbsent, 22: model.KindLate, 29: model.KindAbsent}
	for n, kind := range want {
		if m := marks[number[n]]; m.Kind != kind || m.By != "prof" {
			t.Errorf("pupil n° %d (%s): stored %+v, want %s by prof", n, number[n], m, kind)
		}
	}
	if m := marks[number[22]]; m.Minutes != 7 {
		t.Errorf("late minutes = %d, want 7 (08:07 − 08:00)", m.Minutes)
	}
	if rc, ok := rollCallDone(t, f, id); !ok || rc.By != "prof" {
		t.Errorf("roll call not recorded: %+v", rc)
	}
	t.Logf("reference roll call: %d keys", d.Keys)
}

// registre maps the roll call's numbers to the pupils of 4B, in registre order.
func registre(t *testing.T, f fixture) map[int]model.PupilID {
	t.Helper()
	dir, err := f.db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]model.PupilID{}
	for i, p := range dir.Members(model.Target{Kind: model.TargetDivision, Code: modeltest.Division4B}, modeltest.Monday) {
		out[i+1] = p.ID
	}
	return out
}

func TestMarkAdvancesAndCorrects(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("appel non fait")
	d.Press("aa", "up", "i")
	v := d.WaitUntil(func(v string) bool {
		return strings.Contains(line(v, "ABADIE"), "absent") && strings.Contains(line(v, "BÉNARD"), "infirmerie") &&
			!strings.Contains(v, "…")
	}, "pupil 1 absent, pupil 2 corrected to infirmary")
	if !strings.Contains(line(v, "CARON"), "›") {
		t.Errorf("the cursor should be on the 3rd pupil:\n%s", v)
	}
	marks := storedMarks(t, f, modeltest.MathsSeance(modeltest.Monday))
	if len(marks) != 2 || marks["E002"].Kind != model.KindInfirmary {
		t.Errorf("stored: %+v", marks)
	}
}

func TestFilterByName(t *testing.T) {
	f := newFixture(t, 20, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("appel non fait")
	d.Press("/", "l", "e", "f", "enter", "r")
	v := d.WaitUntil(func(v string) bool { return strings.Contains(line(v, "LEFÈVRE"), "retard 5 min") }, "Lefèvre late")
	if strings.Contains(v, "ABADIE") {
		t.Errorf("the filter should hide the others:\n%s", v)
	}
	d.Press("esc")
	if v := d.View(); !strings.Contains(v, "ABADIE") {
		t.Errorf("esc clears the filter:\n%s", v)
	}
}

func TestAnnouncedAbsenceAndDiscordance(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	ill, _ := model.MotiveByKey(model.DefaultMotives(), "m")
	notice := model.Notice{ID: "n1", Pupil: "E003", From: modeltest.At(modeltest.Monday, 0, 0),
		To: modeltest.At(modeltest.Monday.AddDays(2), 0, 0), Justification: ill.Justify("aed", time.Now()), By: "aed"}
	if _, err := f.db.Update(context.Background(), model.Actor{Login: "aed"}, "absence annoncée",
		func(tx model.Tx) error { return tx.PutNotice(notice) }); err != nil {
		t.Fatal(err)
	}
	d := f.start(t, "prof", 100, 30)
	v := d.WaitFor("appel non fait")
	row := line(v, "CARON")
	if !strings.Contains(row, "absent") || !strings.Contains(row, "absence annoncée") || !strings.Contains(row, "justifiée") {
		t.Errorf("announced absence row: %q", row)
	}
	if strings.Contains(v, "Maladie") {
		t.Errorf("a teacher must never see the motive:\n%s", v)
	}
	d.Press(":", "3", "p")
	d.WaitUntil(func(v string) bool { return strings.Contains(line(v, "CARON"), "présent (vu)") }, "discordance")
}

func TestDayPaneOpensAnEarlierSeance(t *testing.T) {
	week := modeltest.Monday.AddDays(-7)
	f := newFixture(t, 10, modeltest.At(week, 13, 35))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("4B · SVT")
	d.Press("tab")
	v := d.WaitFor("Mes séances — lundi 16 novembre 2026", "08:00–08:55", "13:30–14:25")
	if !strings.Contains(line(v, "13:30"), "›") {
		t.Errorf("the day pane's cursor starts on the open séance:\n%s", v)
	}
	d.Press("up", "enter")
	d.WaitFor("4B · Mathématiques · lun. 16/11")
	d.Press(":", "2", "a")
	d.WaitUntil(func(v string) bool {
		return strings.Contains(line(v, "BÉNARD"), "absent") && !strings.Contains(v, "…")
	}, "mark at 08:00")
	d.Press("right")
	v = d.WaitFor("4B · SVT")
	if !strings.Contains(line(v, "BÉNARD"), "absent à 08:00") {
		t.Errorf("the 13:30 roll call should say the pupil was absent at 08:00:\n%s", v)
	}
}

func TestHelpAndTooSmall(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("appel non fait")
	d.Press("?")
	v := d.View()
	for _, want := range []string{"Aide — Appel", "Marquer", "numéros d'élèves", "Partout"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
	d.Press("x")
	if strings.Contains(d.View(), "Aide —") {
		t.Errorf("any key closes the help")
	}
	d.Process(teaSize(40, 10))
	if v := d.View(); !strings.Contains(v, "Fenêtre trop petite (40×10)") {
		t.Errorf("too small: %q", v)
	}
}

func TestQuitWaitsForPendingMarks(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("appel non fait")
	d.Process(keyMsg("a"))
	d.Process(keyMsg("q"))
	d.WaitQuit()
	if marks := storedMarks(t, f, modeltest.MathsSeance(modeltest.Monday)); len(marks) != 1 {
		t.Errorf("the mark typed before q must be committed: %v", marks)
	}
}

func TestTeacherCannotOpenAnotherScreenByKey(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("appel non fait")
	d.Press("tab")
	d.WaitFor("Mes séances")
	for _, k := range []string{"2", "3", "4", "5", "6", "7", "8", "9"} {
		d.Press(k)
		if v := d.View(); !strings.Contains(v, "Mes séances") && !strings.Contains(v, "Appel") {
			t.Fatalf("key %s left the roll call:\n%s", k, v)
		}
	}
}

// TestDigitsChooseScreensOutsideTheNumbersMode: on the roll call as
// everywhere a digit opens a screen; after : digits number the pupils, and
// marks keep the mode until esc.
func TestDigitsChooseScreensOutsideTheNumbersMode(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("appel non fait")
	d.Press("2")
	d.WaitFor("semaine du")
	d.Press("1")
	d.WaitFor("appel non fait")
	d.Press(":", "3")
	v := d.WaitFor("n° 3▏")
	if !strings.Contains(line(v, "CARON"), "›") {
		t.Errorf(":3 on the sheet goes to the 3rd pupil:\n%s", v)
	}
	d.Press("a", "5", "r")
	v = d.WaitFor("1 absent · 1 retard")
	if !strings.Contains(v, "n° ▏") {
		t.Errorf("a mark keeps the numbers mode:\n%s", v)
	}
	d.Press("esc", "2")
	d.WaitFor("semaine du")
}

// TestDayPaneCountsMarksMadeWhileHidden: the day's list is not reloaded at
// every mark while the sheet is shown, but shows them once opened.
func TestDayPaneCountsMarksMadeWhileHidden(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	d := f.start(t, "prof", 80, 24)
	d.WaitFor("10 élèves · 0 absent")
	d.Press("a", "a", "r", "enter")
	d.WaitFor("10 élèves · 2 absents · 1 retard", "✓ appel fait")
	d.Press("tab")
	d.WaitUntil(func(v string) bool {
		return strings.Contains(line(v, "08:00"), "✓ appel fait · 2 abs. · 1")
	}, "the day pane counting the marks made while it was hidden")
}

// TestSameTeacherTwoTerminals: a session skips reloading its own marks, not
// those of the same teacher's other session.
func TestSameTeacherTwoTerminals(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	laptop, phone := f.start(t, "prof", 80, 24), f.start(t, "prof", 80, 24)
	laptop.WaitFor("10 élèves · 0 absent")
	phone.WaitFor("10 élèves · 0 absent")
	laptop.Press("a", "r")
	laptop.WaitFor("10 élèves · 1 absent · 1 retard")
	phone.WaitFor("10 élèves · 1 absent · 1 retard")
	phone.Press(":", "2", "a")
	phone.WaitFor("10 élèves · 2 absents · 0 retard")
	laptop.WaitFor("10 élèves · 2 absents · 0 retard")
}

// TestTeacherOutingAndLateMinutes: the teacher marks a pupil s (sortie),
// another r then corrects the minutes with + and -; the store holds what the
// screen says, and at 80×24 the footer keeps ↵ valider l'appel.
func TestTeacherOutingAndLateMinutes(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 8, 7))
	d := f.start(t, "prof", 80, 24)
	v := d.WaitFor("appel non fait")
	if foot := strings.Split(v, "\n")[23]; !strings.Contains(foot, "↵ valider l'appel") {
		t.Errorf("the 80×24 footer drops the key that ends the roll call: %q", foot)
	}
	d.Press("s", "r", "up")
	d.WaitFor("1 retard · 1 sorti")
	d.Press("+", "+")
	d.WaitFor("✓ Retard de 17 min enregistré.")
	d.Press("-")
	d.WaitFor("✓ Retard de 12 min enregistré.")
	maths := modeltest.MathsSeance(modeltest.Monday)
	got := stored(t, f, key(maths, "E001"), key(maths, "E002"))
	if m := got[key(maths, "E001")]; m.Kind != model.KindOuting {
		t.Errorf("E001: %+v", m)
	}
	if m := got[key(maths, "E002")]; m.Kind != model.KindLate || m.Minutes != 12 {
		t.Errorf("E002: %+v", m)
	}
	d.Press("up", "+")
	d.WaitFor("n'est pas en retard")
}

// TestEmptyClassSaysToImportSIECLE: a roll call of a class without pupils
// (timetable imported before SIECLE) says so, not that a filter hides them.
func TestEmptyClassSaysToImportSIECLE(t *testing.T) {
	data := modeltest.School(20)
	data.Pupils = nil
	f := fixture{db: storagetest.NewWith(t, data), now: modeltest.At(modeltest.Monday, 8, 5)}
	d := f.start(t, "prof", 80, 24)
	v := d.WaitFor("importez SIECLE")
	if strings.Contains(v, "filtre") {
		t.Errorf("an empty class is no filter's doing:\n%s", v)
	}
}
