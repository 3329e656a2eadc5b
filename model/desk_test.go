package model_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// deskSchool is modeltest's school of 10 pupils, without any mark.
func deskSchool(t *testing.T) *storage.DB {
	t.Helper()
	db := storagetest.New(t)
	data := modeltest.School(10)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	return db
}

// deskAt is login's service with the clock at hh:mm on day.
func deskAt(db *storage.DB, login string, day model.Date, hh, mm int) *model.Service {
	return model.NewService(db, model.Actor{Login: login, Session: "s-" + login}, modeltest.Clock(modeltest.At(day, hh, mm)))
}

// spanish is the Monday 10:05 séance of the group ESP 4AB (E001, E004, E007, E010, A001–A004).
var spanish = model.NewSeanceID(modeltest.Monday, 10*60+5, modeltest.CourseSpanish)

func mustMark(t *testing.T, svc *model.Service, id model.SeanceID, p model.PupilID, kind model.MarkKind) {
	t.Helper()
	if _, err := svc.SetMark(id, p, kind); err != nil {
		t.Fatal(err)
	}
}

func pupilIDs(ls []model.DeskLine) []model.PupilID {
	var out []model.PupilID
	for _, l := range ls {
		out = append(out, l.Pupil.ID)
	}
	return out
}

func TestDayAbsencesAndFilters(t *testing.T) {
	db := deskSchool(t)
	prof, prof2 := deskAt(db, "prof", modeltest.Monday, 8, 5), deskAt(db, "prof2", modeltest.Monday, 10, 10)
	maths := modeltest.MathsSeance(modeltest.Monday)
	mustMark(t, prof, maths, "E001", model.KindAbsent)
	mustMark(t, prof, maths, "E002", model.KindLate)
	mustMark(t, prof, maths, "E003", model.KindInfirmary)
	mustMark(t, prof2, spanish, "E001", model.KindAbsent)
	mustMark(t, prof2, spanish, "A001", model.KindAbsent)
	aed := deskAt(db, "aed", modeltest.Monday, 10, 30)
	if _, err := aed.Justify([]model.MarkKey{{Seance: spanish, Pupil: "E001"}}, "maladie"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter model.DeskFilter
		want   []model.PupilID
	}{
		{"all, by division then name", model.DeskFilter{}, []model.PupilID{"A001", "E001", "E002"}},
		{"division", model.DeskFilter{Audience: "4B"}, []model.PupilID{"E001", "E002"}},
		{"group", model.DeskFilter{Audience: "ESP 4AB"}, []model.PupilID{"A001", "E001"}},
		{"unjustified", model.DeskFilter{Unjustified: true}, []model.PupilID{"A001", "E001", "E002"}},
		{"name, any word, no accent", model.DeskFilter{Name: "benard"}, []model.PupilID{"E002"}},
		{"first name", model.DeskFilter{Name: "noé"}, []model.PupilID{"E002"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls, err := aed.DayAbsences(modeltest.Monday, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := pupilIDs(ls); !equalIDs(got, tt.want) {
				t.Errorf("pupils %v, want %v", got, tt.want)
			}
		})
	}
	ls, _ := aed.DayAbsences(modeltest.Monday, model.DeskFilter{Name: "abadie"})
	if len(ls) != 1 || len(ls[0].Entries) != 2 || ls[0].Unjustified() != 1 || len(ls[0].Targets(false)) != 2 {
		t.Fatalf("E001's line: %+v", ls)
	}
	if j := ls[0].Entries[1].Justification; j == nil || j.Label != "Maladie" {
		t.Errorf("the motive is shown to the vie scolaire: %+v", j)
	}
	if _, err := prof.DayAbsences(modeltest.Monday, model.DeskFilter{}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher read the desk: %v", err)
	}
}

func equalIDs(a, b []model.PupilID) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestPreviewMatchesJustify: what the preview announces is what the counts
// say once the motive is applied, threshold included.
func TestPreviewMatchesJustify(t *testing.T) {
	week := modeltest.Monday.AddDays(-7)
	tests := []struct {
		name                           string
		days                           int
		code                           string
		wantInvalidBefore, wantInvalid int
		wantThreshold                  int
	}{
		{"valid motive takes the pupil under the threshold", 4, "maladie", 4, 0, -1},
		{"invalid motive changes no count", 4, "reveil", 4, 4, 0},
		{"three days, under the threshold either way", 3, "maladie", 3, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := deskSchool(t)
			var keys []model.MarkKey
			for i := 0; i < tt.days; i++ {
				id := modeltest.MathsSeance(week.AddDays(i))
				mustMark(t, deskAt(db, "prof", week.AddDays(i), 8, 5), id, "E002", model.KindAbsent)
				keys = append(keys, model.MarkKey{Seance: id, Pupil: "E002"})
			}
			cpe := deskAt(db, "cpe", modeltest.Monday, 10, 0)
			shown := append(shownFor(t, cpe, keys), model.Shown{Key: model.MarkKey{Seance: keys[0].Seance, Pupil: "E003"}, Kind: model.KindAbsent})
			pv, err := cpe.Preview(model.MotiveRequest{Shown: shown, Code: tt.code})
			if err != nil {
				t.Fatal(err)
			}
			if pv.Touched() != tt.days || pv.Outcome.Done.Absences != tt.days || len(pv.Outcome.Changed) != 1 || len(pv.Pupils) != 1 {
				t.Fatalf("preview %+v", pv)
			}
			p := pv.Pupils[0]
			if p.Before.Figures.InvalidHalfDays != tt.wantInvalidBefore || p.After.Figures.InvalidHalfDays != tt.wantInvalid ||
				p.After.Figures.HalfDays() != tt.days || p.ThresholdChange() != tt.wantThreshold || p.Before.Month != "2026-11" {
				t.Errorf("pupil preview %+v (threshold %d)", p, p.ThresholdChange())
			}
			out, err := cpe.ApplyMotive(model.MotiveRequest{Shown: shown, Code: tt.code})
			if err != nil || out.Done != pv.Outcome.Done || len(out.Changed) != 1 {
				t.Fatalf("apply %+v %v, preview said %+v", out, err, pv.Outcome)
			}
			again, _ := cpe.Preview(model.MotiveRequest{Shown: shownFor(t, cpe, keys), Code: tt.code})
			if again.Touched() != 0 || again.Outcome.Done.Absences != tt.days {
				t.Errorf("after the motive the preview still touches %d (done %+v)", again.Touched(), again.Outcome.Done)
			}
			now, _ := cpe.Preview(model.MotiveRequest{Shown: shownFor(t, cpe, keys), Code: "", Replace: true})
			if len(now.Pupils) != 1 || now.Pupils[0].Before != p.After {
				t.Errorf("the counts after the motive %+v differ from the preview's %+v", now.Pupils, p.After)
			}
		})
	}
}

// shownFor returns the absences and latenesses of keys as a screen would show
// them now (a present pupil's key as an absence, which the store no longer holds).
func shownFor(t *testing.T, svc *model.Service, keys []model.MarkKey) []model.Shown {
	t.Helper()
	var out []model.Shown
	for _, k := range keys {
		d, err := k.Seance.Date()
		if err != nil {
			t.Fatal(err)
		}
		atts, err := svc.PupilAbsences(k.Pupil, d, d)
		if err != nil {
			t.Fatal(err)
		}
		x := model.Shown{Key: k, Kind: model.KindAbsent}
		for _, a := range atts {
			if a.Seance.ID == k.Seance {
				x = model.ShownOf(a)
			}
		}
		out = append(out, x)
	}
	return out
}

func TestPreviewPolicy(t *testing.T) {
	db := deskSchool(t)
	k := []model.Shown{{Key: model.MarkKey{Seance: modeltest.MathsSeance(modeltest.Monday), Pupil: "E001"}, Kind: model.KindAbsent}}
	if _, err := deskAt(db, "prof", modeltest.Monday, 9, 0).Preview(model.MotiveRequest{Shown: k, Code: "maladie"}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher previewed a motive: %v", err)
	}
	if _, err := deskAt(db, "prof", modeltest.Monday, 9, 0).PreviewKinds(k); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher previewed the motives: %v", err)
	}
	if _, err := deskAt(db, "aed", modeltest.Monday, 9, 0).Preview(model.MotiveRequest{Shown: k, Code: "nope"}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown motive: %v", err)
	}
}

func TestPupilAbsencesOfAWeek(t *testing.T) {
	db := deskSchool(t)
	for i := 0; i < 5; i++ {
		d := modeltest.Monday.AddDays(i)
		mustMark(t, deskAt(db, "prof", d, 8, 5), modeltest.MathsSeance(d), "E004", model.KindAbsent)
	}
	mustMark(t, deskAt(db, "prof2", modeltest.Monday, 10, 10), spanish, "E004", model.KindLate)
	aed := deskAt(db, "aed", modeltest.Monday.AddDays(4), 10, 0)
	atts, err := aed.PupilAbsences("E004", modeltest.Monday, modeltest.Monday.AddDays(6))
	if err != nil || len(atts) != 6 {
		t.Fatalf("%d absences and latenesses, want 6: %v", len(atts), err)
	}
	if atts[1].Seance.ID != spanish || atts[1].Kind != model.KindLate {
		t.Errorf("in time order, the Spanish lateness second: %+v", atts[1].Seance)
	}
}

func TestRequalifyTrip(t *testing.T) {
	db := deskSchool(t)
	prof := deskAt(db, "prof", modeltest.Monday, 8, 5)
	maths := modeltest.MathsSeance(modeltest.Monday)
	mustMark(t, prof, maths, "E001", model.KindAbsent)
	mustMark(t, prof, maths, "E002", model.KindLate)
	cpe := deskAt(db, "cpe", modeltest.Monday, 10, 0)
	keys := shownFor(t, cpe, []model.MarkKey{{Seance: maths, Pupil: "E001"}, {Seance: maths, Pupil: "E002"}})
	out, err := cpe.Requalify(keys, model.KindOuting)
	if err != nil || out.Done != (model.Selection{Absences: 1}) || out.Left != (model.Selection{Lates: 1}) {
		t.Fatalf("requalify: %+v %v (the absence done, the lateness left)", out, err)
	}
	if ls, _ := cpe.DayAbsences(modeltest.Monday, model.DeskFilter{}); !equalIDs(pupilIDs(ls), []model.PupilID{"E002"}) {
		t.Errorf("an outing is no absence: %v", pupilIDs(ls))
	}
	if _, err := cpe.Undo(); err != nil {
		t.Fatal(err)
	}
	if ls, _ := cpe.DayAbsences(modeltest.Monday, model.DeskFilter{}); len(ls) != 2 {
		t.Errorf("undo brings the absence back: %v", pupilIDs(ls))
	}
	if _, err := cpe.Requalify(keys, model.KindLate); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("requalify to late: %v", err)
	}
	if _, err := deskAt(db, "direction", modeltest.Monday, 10, 0).Requalify(keys, model.KindOuting); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("direction requalified: %v", err)
	}
}

// at is an instant of the fixture's week in Paris.
func at(d model.Date, hh, mm int) time.Time { return modeltest.At(d, hh, mm) }
