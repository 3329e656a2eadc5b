package model_test

import (
	"context"
	"errors"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// TestSetCountingPreviewEqualsWhatFollows: on a school with history, the
// preview's count of pupils whose figures change is exactly the number of
// pupils whose figures differ once the rules are set; the past marks stay.
func TestSetCountingPreviewEqualsWhatFollows(t *testing.T) {
	db := storagetest.New(t)
	data := modeltest.School(6)
	monday := modeltest.Monday
	at := modeltest.At(monday, 8, 20)
	marks := []model.Mark{
		{Seance: modeltest.MathsSeance(monday), Pupil: "E001", Kind: model.KindLate, Minutes: 20, By: "prof", At: at},
		{Seance: modeltest.MathsSeance(monday), Pupil: "E002", Kind: model.KindLate, Minutes: 5, By: "prof", At: at},
		{Seance: modeltest.MathsSeance(monday), Pupil: "E003", Kind: model.KindAbsent, By: "prof", At: at},
		{Seance: modeltest.MathsSeance(monday.AddDays(1)), Pupil: "E004", Kind: model.KindLate, Minutes: 30, By: "prof", At: at.AddDate(0, 0, 1)},
	}
	write := func(tx model.Tx) error {
		if err := data.Write(tx); err != nil {
			return err
		}
		for _, m := range marks {
			if err := tx.PutMark(m); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", write); err != nil {
		t.Fatal(err)
	}
	now := modeltest.At(monday.AddDays(3), 18, 0)
	admin := model.NewService(db, model.Actor{Login: "admin"}, modeltest.Clock(now))
	figures := func() map[model.PupilID]model.Figures {
		t.Helper()
		dir, _ := admin.Directory()
		fs, err := admin.SchoolFigures(dir.School.YearStart, monday.AddDays(3))
		if err != nil {
			t.Fatal(err)
		}
		out := map[model.PupilID]model.Figures{}
		for _, f := range fs {
			out[f.Pupil.ID] = f.Explanation.Totals
		}
		return out
	}
	cases := []struct {
		name    string
		change  func(*model.Settings)
		changed int
	}{
		{"lateness over 10 min counts as absence", func(s *model.Settings) { s.LateAsAbsentAfter = 10 }, 2},
		{"back to never", func(s *model.Settings) { s.LateAsAbsentAfter = 0 }, 2},
		{"same rules", func(*model.Settings) {}, 0},
	}
	for _, c := range cases {
		before := figures()
		dir, _ := admin.Directory()
		next := dir.School.Settings
		c.change(&next)
		pre, err := admin.CountingPreview(next)
		if err != nil {
			t.Fatalf("%s: preview: %v", c.name, err)
		}
		if _, err := admin.SetCounting(next); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		after := figures()
		differ := 0
		for id, f := range before {
			if after[id] != f {
				differ++
			}
		}
		if pre.Changed != c.changed || differ != pre.Changed {
			t.Errorf("%s: preview %d changed, %d differ after, want %d", c.name, pre.Changed, differ, c.changed)
		}
	}
	bad := model.DefaultSettings()
	bad.Method = "au hasard"
	if _, err := admin.SetCounting(bad); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("unknown method: %v", err)
	}
	prof := model.NewService(db, model.Actor{Login: "prof"}, modeltest.Clock(now))
	if _, err := prof.SetCounting(model.DefaultSettings()); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("prof: %v", err)
	}
}

// TestSetCountingKeepsIdleMinutes: new counting rules change the rules
// only; the session timeout stays the school's, as the preview counts it.
func TestSetCountingKeepsIdleMinutes(t *testing.T) {
	db := storagetest.New(t)
	data := modeltest.School(2)
	data.School.Settings.IdleMinutes = 30
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	admin := model.NewService(db, model.Actor{Login: "admin"}, modeltest.Clock(modeltest.At(modeltest.Monday, 18, 0)))
	next := model.DefaultSettings()
	next.LateAsAbsentAfter = 10
	ch, err := admin.SetCounting(next)
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := admin.Directory()
	if got := dir.School.Settings; got.IdleMinutes != 30 || got.LateAsAbsentAfter != 10 || ch.Settings != got {
		t.Errorf("stored settings %+v, preview %+v: want the new rules and IdleMinutes 30", got, ch.Settings)
	}
}

// TestCountingPreviewEndsOnTheSchoolsDay: the year so far ends on the
// school's date, whatever time zone the clock gives: 00:30 in Paris is
// still the day before in UTC.
func TestCountingPreviewEndsOnTheSchoolsDay(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(2))
	tuesday := modeltest.Monday.AddDays(1)
	admin := model.NewService(db, model.Actor{Login: "admin"}, modeltest.Clock(modeltest.At(tuesday, 0, 30).UTC()))
	dir, _ := admin.Directory()
	ch, err := admin.CountingPreview(dir.School.Settings)
	if err != nil {
		t.Fatal(err)
	}
	if ch.To != tuesday {
		t.Errorf("preview to %s, want %s", ch.To, tuesday)
	}
}
