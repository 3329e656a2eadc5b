package model_test

import (
	"errors"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
)

func TestPupilFile(t *testing.T) {
	db := gridDB(t, 12)
	f, err := gridSvc(db, "cpe").PupilFile("E002", model.Period{}, modeltest.WeekA)
	if err != nil {
		t.Fatal(err)
	}
	if f.Period.Name != "1er trimestre" || f.Division.Code != "4B" || len(f.Periods) != 4 {
		t.Errorf("period %q, division %q, %d periods", f.Period.Name, f.Division.Code, len(f.Periods))
	}
	// Two absences on Monday morning, Maladie: one valable half-day, 110 minutes.
	if f.Figures.ValidHalfDays != 1 || f.Figures.InvalidHalfDays != 0 || f.Figures.MissedMinutes != 110 {
		t.Errorf("figures %+v", f.Figures)
	}
	if len(f.History) != 1 || f.History[0].Seances[0].Attendance.Justification.Label != "Maladie" {
		t.Errorf("history %+v", f.History)
	}
	if !f.Contacts || !f.CanCall || len(f.Guardians) != 1 || f.Guardians[0].Phone == "" {
		t.Errorf("contacts %v, can call %v, guardians %+v", f.Contacts, f.CanCall, f.Guardians)
	}
	subjects := mondaySubjects(f)
	if !subjects["SVT"] || subjects["Technologie"] || f.Week[0].WeekType != "A" {
		t.Errorf("week A timetable: %v (week %q)", subjects, f.Week[0].WeekType)
	}
	b, err := gridSvc(db, "cpe").PupilFile("E002", f.Periods[3], modeltest.WeekB)
	if err != nil {
		t.Fatal(err)
	}
	subjects = mondaySubjects(b)
	if subjects["SVT"] || !subjects["Technologie"] || b.Week[2].Holiday != "Armistice" || b.Period.From != f.Periods[3].From {
		t.Errorf("week B timetable: %v, days %+v", subjects, b.Week)
	}
}

func mondaySubjects(f model.PupilFile) map[string]bool {
	out := map[string]bool{}
	for _, s := range f.Timetable {
		if s.Date.Weekday() == time.Monday {
			out[s.Subject] = true
		}
	}
	return out
}

func TestPupilFileForATeacher(t *testing.T) {
	db := gridDB(t, 12)
	f, err := gridSvc(db, "prof").PupilFile("E003", model.Period{}, modeltest.WeekA)
	if err != nil {
		t.Fatal(err)
	}
	if f.Contacts || f.CanCall || f.Guardians != nil || f.Calls != nil || f.SeeMotives {
		t.Errorf("a teacher sees contacts: %+v %+v", f.Guardians, f.Calls)
	}
	if f.Figures.HalfDays() != 1 {
		t.Errorf("figures %+v", f.Figures)
	}
	for _, h := range f.History {
		for _, l := range h.Seances {
			if j := l.Attendance.Justification; j != nil && (j.Label != "" || j.Motive != "") {
				t.Errorf("a teacher reads the motive %q", j.Label)
			}
		}
	}
	if _, err := gridSvc(db, "prof2").PupilFile("E003", model.Period{}, modeltest.WeekA); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("prof2 reads E003, who is not in his classes: %v", err)
	}
	if _, err := gridSvc(db, "prof2").PupilFile("E004", model.Period{}, modeltest.WeekA); err != nil {
		t.Errorf("prof2 reads E004, of his Spanish group: %v", err)
	}
}

func TestAddCall(t *testing.T) {
	db := gridDB(t, 4)
	cases := []struct {
		login string
		call  model.FamilyCall
		err   error
	}{
		{"aed", model.FamilyCall{Pupil: "E001", Person: "Mme Abadie", Outcome: "Message laissé"}, nil},
		{"cpe", model.FamilyCall{Pupil: "E001", Outcome: "Responsable joint", Note: " rappellera "}, nil},
		{"cpe", model.FamilyCall{Pupil: "E001", Outcome: "Pas de réponse", At: modeltest.At(modeltest.WeekA, 9, 0)}, nil},
		{"direction", model.FamilyCall{Pupil: "E001", Outcome: "Responsable joint"}, model.ErrForbidden},
		{"prof", model.FamilyCall{Pupil: "E001", Outcome: "Responsable joint"}, model.ErrForbidden},
		{"cpe", model.FamilyCall{Pupil: "E001", Outcome: "  "}, model.ErrInvalid},
		{"cpe", model.FamilyCall{Pupil: "X", Outcome: "Responsable joint"}, model.ErrNotFound},
		{"cpe", model.FamilyCall{Pupil: "E001", Outcome: "Responsable joint", At: modeltest.GridNow.Add(time.Hour)}, model.ErrInvalid},
	}
	for _, c := range cases {
		got, err := gridSvc(db, c.login).AddCall(c.call)
		if !errors.Is(err, c.err) && !(err == nil && c.err == nil) {
			t.Errorf("%s logs %+v: %v, want %v", c.login, c.call, err, c.err)
		}
		if err == nil && (got.By != c.login || got.ID == "" || got.At.IsZero()) {
			t.Errorf("logged %+v", got)
		}
	}
	f, err := gridSvc(db, "direction").PupilFile("E001", model.Period{}, modeltest.WeekA)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, c := range f.Calls {
		ids[c.ID] = true
	}
	if len(f.Calls) != 3 || len(ids) != 3 || f.Calls[0].Outcome != "Pas de réponse" || f.Name("aed") != "M. Petit" {
		t.Errorf("calls %+v", f.Calls)
	}
	if f.Calls[2].Note != "rappellera" && f.Calls[1].Note != "rappellera" {
		t.Errorf("the note is not trimmed: %+v", f.Calls)
	}
}
