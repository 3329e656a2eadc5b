package tui

import (
	"testing"

	"appel/model"
)

// TestRollCallReloadsOnlyForWhatItSubscribes checks over every shape of
// change that each change the roll call reloads for (its sheet or its day)
// is one its Interest asks the store for: a change reloaded for but not
// subscribed to would never arrive.
func TestRollCallReloadsOnlyForWhatItSubscribes(t *testing.T) {
	day := model.NewDate(2026, 11, 23)
	other := model.NewDate(2026, 11, 24)
	svc := service{model.NewService(nil, model.Actor{Login: "prof", Session: "s1"}, nil)}
	s := &rollScreen{
		env:     &env{svc: svc},
		current: "S1",
		seances: []model.SeanceStatus{{Seance: model.Seance{ID: "S1", Date: day}}, {Seance: model.Seance{ID: "S2", Date: day}}},
		sheet:   &model.RollSheet{Seance: model.Seance{ID: "S1", Date: day}},
		roster:  map[model.PupilID]bool{"P1": true, "P2": true},
	}
	in := s.Interest()
	checked := 0
	for kinds := model.ChangeKind(0); kinds <= model.ChangedSettings<<1-1; kinds++ {
		for _, seances := range [][]model.SeanceID{nil, {"S1"}, {"S2"}, {"S9"}} {
			for _, pupils := range [][]model.PupilID{nil, {"P1"}, {"P9"}} {
				for _, dates := range [][]model.Date{nil, {day}, {other}} {
					for _, session := range []string{"s1", "s2"} {
						for _, resync := range []bool{false, true} {
							c := model.Change{Kinds: kinds, Seances: seances, Pupils: pupils, Dates: dates, Session: session, Resync: resync}
							reloads := s.sheetTouched(c) || s.dayTouched(c)
							if reloads && !in.Matches(c) {
								t.Fatalf("the roll call reloads for %+v but does not subscribe to it", c)
							}
							checked++
						}
					}
				}
			}
		}
	}
	t.Logf("%d changes checked", checked)
}

// TestScreensWithNothingShownWantNoChanges: a screen that shows no part of
// the school yet subscribes to nothing but the resync every watcher gets.
func TestScreensWithNothingShownWantNoChanges(t *testing.T) {
	for name, in := range map[string]model.Interest{
		"planning":  (&planScreen{}).Interest(),
		"élèves":    (&pupilsScreen{}).Interest(),
		"imports":   (&importScreen{}).Interest(),
		"no pupils": model.PupilsInterest(model.Date{}),
	} {
		if !in.Equal(model.NoChanges()) {
			t.Errorf("%s: %+v, want NoChanges", name, in)
		}
		if in.Matches(model.Change{Kinds: model.ChangedMarks, Pupils: []model.PupilID{"P1"}}) {
			t.Errorf("%s wants a change", name)
		}
		if !in.Matches(model.Change{Resync: true}) {
			t.Errorf("%s does not want a resync", name)
		}
	}
}
