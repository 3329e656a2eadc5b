package model_test

import (
	"testing"

	"appel/model"
)

func TestLookupAcademie(t *testing.T) {
	tests := []struct{ name, zone, tz string }{
		{"c", "C", "Europe/Paris"},
		{"Zone A", "A", "Europe/Paris"},
		{"corse", "Corse", "Europe/Paris"},
		{"la-reunion", "La Réunion", "Indian/Reunion"},
		{"LA RÉUNION", "La Réunion", "Indian/Reunion"},
		{"Nouvelle-Calédonie", "Nouvelle Calédonie", "Pacific/Noumea"},
		{"guyane", "Guyane", "America/Cayenne"},
		{"Atlantide", "", ""},
		{"", "", ""},
	}
	for _, tc := range tests {
		a, ok := model.LookupAcademie(tc.name)
		if ok != (tc.zone != "") || a.Zone != tc.zone || a.TimeZone != tc.tz {
			t.Errorf("%q: %+v %v, want %s %s", tc.name, a, ok, tc.zone, tc.tz)
		}
	}
	for _, a := range model.Academies {
		s := model.School{TimeZone: a.TimeZone}
		if s.Location().String() != a.TimeZone {
			t.Errorf("%s: time zone %s not loaded", a.Zone, a.TimeZone)
		}
	}
}

// TestSetAcademie: the administrator sets Corse or an overseas académie,
// with its time zone; the figures do not move; a CPE may not.
func TestSetAcademie(t *testing.T) {
	db := statsFixture(t)
	admin, cpe := serviceAt(db, "admin", afterHistory), serviceAt(db, "cpe", afterHistory)
	before := figuresNow(t, cpe)
	if _, err := cpe.SetAcademie("Corse"); err == nil {
		t.Error("a CPE set the académie")
	}
	if _, err := admin.SetAcademie("Atlantide"); err == nil {
		t.Error("an unknown zone was accepted")
	}
	if _, err := admin.SetAcademie("Corse"); err != nil {
		t.Fatal(err)
	}
	dir, _ := admin.Directory()
	if dir.School.Zone != "Corse" || dir.School.Location().String() != "Europe/Paris" {
		t.Errorf("school %s %s", dir.School.Zone, dir.School.TimeZone)
	}
	if !sameFigures(before, figuresNow(t, cpe)) {
		t.Error("changing the zone changed the figures")
	}
	if _, err := admin.SetAcademie("Martinique"); err != nil {
		t.Fatal(err)
	}
	dir, _ = admin.Directory()
	if dir.School.Zone != "Martinique" || dir.School.Location().String() != "America/Martinique" {
		t.Errorf("school %s %s", dir.School.Zone, dir.School.TimeZone)
	}
}

// figuresNow is every pupil's figures from the rentrée to 2 December.
func figuresNow(t *testing.T, svc *model.Service) map[model.PupilID]model.Figures {
	t.Helper()
	dir, err := svc.Directory()
	if err != nil {
		t.Fatal(err)
	}
	fs, err := svc.SchoolFigures(dir.School.YearStart, model.NewDate(2026, 12, 2))
	if err != nil {
		t.Fatal(err)
	}
	out := map[model.PupilID]model.Figures{}
	for _, f := range fs {
		out[f.Pupil.ID] = f.Explanation.Totals
	}
	return out
}

func sameFigures(a, b map[model.PupilID]model.Figures) bool {
	if len(a) != len(b) {
		return false
	}
	for id, f := range a {
		if b[id] != f {
			return false
		}
	}
	return true
}
