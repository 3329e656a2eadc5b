package model_test

import (
	"strings"
	"testing"

	"appel/model"
)

// TestClosures: a closure after today removes that day's séances; one in
// the past, outside the year, backwards or named twice is refused; the
// figures of the past never move.
func TestClosures(t *testing.T) {
	db := statsFixture(t)
	admin, cpe := serviceAt(db, "admin", afterHistory), serviceAt(db, "cpe", afterHistory)
	before := figuresNow(t, cpe)
	dir, _ := admin.Directory()
	friday := model.NewDate(2026, 12, 4)
	if len(dir.SeancesOn(friday)) == 0 {
		t.Fatal("the fixture has no séance on Friday 4 December")
	}
	refused := []struct {
		h    model.Holiday
		want string
	}{
		{model.Holiday{Name: "Passé", From: model.NewDate(2026, 11, 20), To: model.NewDate(2026, 11, 20)}, "après aujourd'hui"},
		{model.Holiday{Name: "Envers", From: friday, To: friday.AddDays(-1)}, "avant le début"},
		{model.Holiday{Name: "Été", From: model.NewDate(2027, 8, 1), To: model.NewDate(2027, 8, 2)}, "hors de l'année"},
		{model.Holiday{Name: "", From: friday, To: friday}, "sans nom"},
	}
	for _, tc := range refused {
		if err := admin.AddClosure(tc.h); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.h, err, tc.want)
		}
	}
	h := model.Holiday{Name: "Journée pédagogique", From: friday, To: friday}
	if err := cpe.AddClosure(h); err == nil {
		t.Error("a CPE closed the school")
	}
	if err := admin.AddClosure(h); err != nil {
		t.Fatal(err)
	}
	if err := admin.AddClosure(h); err == nil {
		t.Error("the same closure added twice")
	}
	dir, _ = admin.Directory()
	if n := len(dir.SeancesOn(friday)); n != 0 {
		t.Errorf("%d séances on the closed day", n)
	}
	if !sameFigures(before, figuresNow(t, cpe)) {
		t.Error("a closure changed the past figures")
	}
	if err := admin.RemoveClosure("Vacances de la Toussaint"); err == nil {
		t.Error("a past holiday removed")
	}
	if err := admin.RemoveClosure("journée pédagogique"); err != nil {
		t.Fatal(err)
	}
	dir, _ = admin.Directory()
	if len(dir.SeancesOn(friday)) == 0 {
		t.Error("the closure removed, Friday still has no séance")
	}
}
