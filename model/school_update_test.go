package model_test

import (
	"slices"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
)

// schoolChange is one change of the school and how to see it stood.
type schoolChange struct {
	name   string
	apply  func(*model.Service) error
	stands func(model.School) bool
}

var (
	january4 = model.NewDate(2027, 1, 4)
	closure  = model.Holiday{Name: "Journée pédagogique", From: model.NewDate(2027, 1, 8), To: model.NewDate(2027, 1, 8)}

	toZoneA = schoolChange{"académie",
		func(s *model.Service) error { _, err := s.SetAcademie("A"); return err },
		func(sc model.School) bool { return sc.Zone == "A" }}
	addClosure = schoolChange{"fermeture",
		func(s *model.Service) error { return s.AddClosure(closure) },
		func(sc model.School) bool {
			return slices.ContainsFunc(sc.Holidays, func(h model.Holiday) bool { return h.Name == closure.Name })
		}}
	semesters = schoolChange{"périodes",
		func(s *model.Service) error {
			return s.SetPeriods([]model.Period{
				{Name: "Semestre 1", From: model.NewDate(2026, 9, 1), To: model.NewDate(2027, 1, 22)},
				{Name: "Semestre 2", From: model.NewDate(2027, 1, 25), To: model.NewDate(2027, 7, 3)},
			})
		},
		func(sc model.School) bool { return len(sc.Periods) == 2 && sc.Periods[0].Name == "Semestre 1" }}
	addSaturday = schoolChange{"jour ajouté",
		func(s *model.Service) error {
			return s.AddExtraDay(model.ExtraDay{Date: model.NewDate(2027, 1, 9), Name: "Rattrapage", Follows: time.Friday})
		},
		func(sc model.School) bool { return len(sc.ExtraDays) == 1 }}
	everySeance = schoolChange{"décompte",
		func(s *model.Service) error {
			_, err := s.SetCounting(model.Settings{Method: model.CountAllSeances, MiddayBoundary: 12 * 60})
			return err
		},
		func(sc model.School) bool { return sc.Settings.Method == model.CountAllSeances }}
	sameGridFromJanuary = schoolChange{"grille",
		func(s *model.Service) error {
			dir, err := s.Directory()
			if err == nil {
				_, err = s.SetSlots(dir.School.Slots, january4)
			}
			return err
		},
		func(sc model.School) bool { return len(sc.Earlier) > 0 }}
	wednesdayMornings = schoolChange{"semaine",
		func(s *model.Service) error {
			days := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
			_, err := s.SetWeek(days, []model.WeekHalfDay{{Weekday: time.Wednesday, HalfDay: model.Afternoon}}, january4)
			return err
		},
		func(sc model.School) bool { return len(sc.ClosedHalfDays) == 1 }}
)

// TestSchoolChangesCommittedTogetherBothStand: a change of the school asked
// while another one commits keeps the other's: each reads the school in its
// own transaction, not in the directory read before it was queued.
func TestSchoolChangesCommittedTogetherBothStand(t *testing.T) {
	pairs := [][2]schoolChange{
		{toZoneA, addClosure},
		{addClosure, semesters},
		{semesters, addSaturday},
		{addSaturday, everySeance},
		{everySeance, sameGridFromJanuary},
		{sameGridFromJanuary, toZoneA},
		{wednesdayMornings, addClosure},
	}
	for _, pair := range pairs {
		first, between := pair[0], pair[1]
		t.Run(first.name+" pendant "+between.name, func(t *testing.T) {
			store := &modeltest.Interleaving{Store: statsFixture(t)}
			admin := model.NewService(store, model.Actor{Login: "admin", Session: "s-admin"}, modeltest.Clock(afterHistory))
			store.Between = func() {
				if err := between.apply(admin); err != nil {
					t.Fatalf("%s: %v", between.name, err)
				}
			}
			if err := first.apply(admin); err != nil {
				t.Fatalf("%s: %v", first.name, err)
			}
			dir, err := admin.Directory()
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range pair {
				if !c.stands(dir.School) {
					t.Errorf("%s lost", c.name)
				}
			}
		})
	}
}
