package tui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// deskFixture is a modeltest school of size pupils, changed by edit before
// it is stored.
func deskFixture(t *testing.T, size int, now time.Time, edit func(*model.Dataset)) fixture {
	t.Helper()
	data := modeltest.School(size)
	if edit != nil {
		edit(&data)
	}
	return fixture{db: storagetest.NewWith(t, data), now: now}
}

// spanishSeance is Monday's 10:05 séance of ESP 4AB (E001, E004, E007…, A001–A004).
var spanishSeance = model.NewSeanceID(modeltest.Monday, 10*60+5, modeltest.CourseSpanish)

// markAs records marks as login would at the fixture's clock.
func markAs(t *testing.T, f fixture, login string, id model.SeanceID, kind model.MarkKind, pupils ...model.PupilID) {
	t.Helper()
	svc := f.service(login)
	for _, p := range pupils {
		if _, err := svc.SetMark(id, p, kind); err != nil {
			t.Fatal(err)
		}
	}
}

// stored returns the marks stored for keys, by key.
func stored(t *testing.T, f fixture, keys ...model.MarkKey) map[model.MarkKey]model.Mark {
	t.Helper()
	out := map[model.MarkKey]model.Mark{}
	err := f.db.View(func(tx model.ReadTx) error {
		for _, k := range keys {
			m, ok, err := tx.Mark(k)
			if err != nil {
				return err
			}
			if ok {
				out[k] = m
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func motiveOf(m model.Mark) string {
	if m.Justification == nil {
		return ""
	}
	return m.Justification.Motive
}

func key(s model.SeanceID, p model.PupilID) model.MarkKey { return model.MarkKey{Seance: s, Pupil: p} }

func TestDeskIsTheLandingScreenOfTheVieScolaire(t *testing.T) {
	f := deskFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0), func(d *model.Dataset) {
		d.Accounts = append(d.Accounts, model.Account{Login: "cpeprof", Name: "Mme Blanc", Roles: []model.Role{model.RoleTeacher, model.RoleCPE}})
	})
	for _, tt := range []struct{ login, tabs string }{
		{"aed", "1 Absences du jour  2 Plan.  3 Élèves  6 Appel  7 Vie  8 Portail"},
		{"cpe", "1 Absences du jour  2 Plan.  3 Élèves  4 Stats  5 Bord  6 Appel  7 Vie  8 Portail"},
		{"cpeprof", "1 Absences du jour  2 Plan.  3 Élèves  4 Stats  5 Bord  6 Appel  7 Vie  8 Portail"},
		{"admin", "1 Comptes  2 Plan.  3 Élèves  4 Stats  5 Bord  6 Appel  7 Absences  8 Portail  9 Motifs  0 Imports"},
		{"prof", "1 Appel  2 Planning  3 Élèves"},
	} {
		t.Run(tt.login, func(t *testing.T) {
			d := f.start(t, tt.login, 100, 24)
			v := d.WaitFor(tt.tabs)
			if tt.login == "prof" && strings.Contains(v, "Absences du jour") {
				t.Errorf("a teacher must not reach the desk:\n%s", v)
			}
		})
	}
}

// TestJustifyWholeDayInOneKey: from the landing screen, with the cursor on the
// pupil, one motive key justifies all his unjustified absences of the day.
func TestJustifyWholeDayInOneKey(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 10, 30), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001", "E004")
	markAs(t, f, "prof2", spanishSeance, model.KindAbsent, "E004")
	d := f.start(t, "aed", 100, 30)
	v := d.WaitFor("DA SILVA Inès", "1 absence · Léa A. · valable : non valables 1 → 0 · non valable : 1 → 1")
	if !strings.Contains(line(v, "ABADIE"), "›") {
		t.Fatalf("the cursor starts on the first pupil:\n%s", v)
	}
	d.Press("down")
	d.WaitFor("2 absences · Inès D. · valable : non valables 1 → 0 · non valable : 1 → 1")
	d.Keys = 0
	d.Press("m")
	v = d.WaitUntil(func(v string) bool { return strings.Contains(line(v, "DA SILVA"), "Maladie") }, "Inès justified")
	if d.Keys != 1 {
		t.Fatalf("%d keys, want 1", d.Keys)
	}
	got := stored(t, f, key(maths, "E004"), key(spanishSeance, "E004"), key(maths, "E001"))
	if motiveOf(got[key(maths, "E004")]) != "maladie" || motiveOf(got[key(spanishSeance, "E004")]) != "maladie" {
		t.Errorf("E004's absences: %+v", got)
	}
	if motiveOf(got[key(maths, "E001")]) != "" {
		t.Errorf("E001 was not under the cursor: %+v", got[key(maths, "E001")])
	}
	if !strings.Contains(line(v, "DA SILVA"), "08:00 abs ✓ · 10:05 abs ✓") {
		t.Errorf("the line shows the valid motive on each séance:\n%s", line(v, "DA SILVA"))
	}
}

// TestWeekOfIllness: a pupil ill all week, in at most 4 keys, after the fact
// (W selects his week, then the motive) or ahead (an announced absence).
func TestWeekOfIllness(t *testing.T) {
	friday := modeltest.Monday.AddDays(4)
	t.Run("after the fact: W m", func(t *testing.T) {
		f := deskFixture(t, 10, modeltest.At(friday, 10, 0), nil)
		var keys []model.MarkKey
		for i := 0; i < 5; i++ {
			day := modeltest.Monday.AddDays(i)
			f.now = modeltest.At(day, 8, 5)
			markAs(t, f, "prof", modeltest.MathsSeance(day), model.KindAbsent, "E004")
			keys = append(keys, key(modeltest.MathsSeance(day), "E004"))
		}
		markAs(t, f, "prof2", spanishSeance, model.KindAbsent, "E004")
		keys = append(keys, key(spanishSeance, "E004"))
		f.now = modeltest.At(friday, 10, 0)
		d := f.start(t, "aed", 100, 30)
		d.WaitFor("DA SILVA Inès", "m Maladie ✓")
		d.Press("W")
		d.WaitFor("6 absences · Inès D. · valable : non valables 5 → 0 (1 sous le seuil) · non valable : 5 → 5")
		d.Press("m")
		d.WaitUntil(func(v string) bool { return strings.Contains(line(v, "DA SILVA"), "Maladie") }, "justified")
		if d.Keys > 4 {
			t.Fatalf("%d keys, the issue allows 4", d.Keys)
		}
		got := stored(t, f, keys...)
		for _, k := range keys {
			if motiveOf(got[k]) != "maladie" {
				t.Errorf("%s: %+v", k, got[k])
			}
		}
		t.Logf("week of illness after the fact: %d keys", d.Keys)
	})
	t.Run("ahead: A > m", func(t *testing.T) {
		f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5), nil)
		markAs(t, f, "prof", modeltest.MathsSeance(modeltest.Monday), model.KindAbsent, "E004")
		f.now = modeltest.At(modeltest.Monday, 8, 20)
		d := f.start(t, "aed", 100, 30)
		d.WaitFor("DA SILVA Inès", "m Maladie ✓")
		d.Press("A", ">", "m")
		d.WaitFor("Absence annoncée : DA SILVA Inès du 23/11 08:00 au 27/11 18:00")
		if d.Keys > 4 {
			t.Fatalf("%d keys, the issue allows 4", d.Keys)
		}
		checkWeekCovered(t, f, friday)
		t.Logf("week of illness announced ahead: %d keys", d.Keys)
	})
}

// checkWeekCovered: Monday's mark is justified by the notice (the register
// holds only the séances begun: 08:00), and Friday's
// roll call (to come) shows the pupil absent and justified.
func checkWeekCovered(t *testing.T, f fixture, friday model.Date) {
	t.Helper()
	recs, err := f.service("cpe").MarkRecords(modeltest.Monday, modeltest.Monday)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Attendance.Justification == nil || recs[0].Attendance.Justification.Motive != "maladie" {
		t.Errorf("Monday's register: %+v", recs)
	}
	f.now = modeltest.At(friday, 8, 1)
	sheet, err := f.service("prof").RollSheet(modeltest.MathsSeance(friday))
	if err != nil {
		t.Fatal(err)
	}
	a := sheet.Rows[3].Attendance
	if sheet.Rows[3].Pupil.ID != "E004" || a.Kind != model.KindAbsent || !a.Justified() {
		t.Errorf("Friday's roll call: %+v", a)
	}
}

// TestSchoolTrip: a 30-pupil group away on a trip, marked absent by the
// teachers, becomes "sortie" in at most 5 keys: D (the most absent group is
// offered first), ↵, * (all it shows), S.
func TestSchoolTrip(t *testing.T) {
	trip := []model.PupilID{"A001"}
	for i := 1; i < 30; i++ {
		trip = append(trip, model.PupilID(fmt.Sprintf("E%03d", i)))
	}
	f := deskFixture(t, 34, modeltest.At(modeltest.Monday, 8, 5), func(d *model.Dataset) {
		d.Groups = append(d.Groups, model.Group{Code: "VOYAGE 4", Label: "Voyage à Rome"})
		for i := range d.Pupils {
			if slices.Contains(trip, d.Pupils[i].ID) {
				d.Pupils[i].Groups = append(d.Pupils[i].Groups, "VOYAGE 4")
			}
		}
	})
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, append(slices.Clone(trip[1:]), "E031", "E032")...)
	history := model.NewSeanceID(modeltest.Monday, 8*60, modeltest.CourseHistory)
	markAs(t, f, "prof2", history, model.KindAbsent, "A001")
	f.now = modeltest.At(modeltest.Monday, 10, 0)
	d := f.start(t, "cpe", 100, 40)
	d.WaitFor("32 élèves")
	d.Press("D", "enter", "*", "S")
	v := d.WaitFor("✓ Sortie scolaire : 30 absences devenues sorties (u pour annuler).")
	if d.Keys > 5 {
		t.Fatalf("%d keys, the issue allows 5", d.Keys)
	}
	var keys []model.MarkKey
	for _, p := range trip[1:] {
		keys = append(keys, key(maths, p))
	}
	got := stored(t, f, append(keys, key(history, "A001"), key(maths, "E031"))...)
	for _, k := range append(keys, key(history, "A001")) {
		if got[k].Kind != model.KindOuting || got[k].By != "cpe" {
			t.Errorf("%s: %+v", k, got[k])
		}
	}
	if got[key(maths, "E031")].Kind != model.KindAbsent {
		t.Errorf("E031 did not go on the trip: %+v", got[key(maths, "E031")])
	}
	if !strings.Contains(v, "0 élève") {
		t.Errorf("the trip's pupils are no longer absent:\n%s", v)
	}
	d.Press("esc")
	d.WaitFor("2 élèves · 2 absences · 2 à justifier")
	t.Logf("school trip of 30 pupils: %d keys", d.Keys)
}
