package model_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"appel/model"
	"appel/model/demo"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func TestParseWeek(t *testing.T) {
	cases := []struct {
		spec   string
		text   string // WeekText of what was read; "" when refused
		closed int
	}{
		{"lundi mardi mercredi jeudi vendredi", "lundi mardi mercredi jeudi vendredi", 0},
		{"lun,mar,mer-matin,jeu,ven", "lundi mardi mercredi-matin jeudi vendredi", 1},
		{"Lundi mardi mercredi-matin jeudi vendredi samedi-matin", "lundi mardi mercredi-matin jeudi vendredi samedi-matin", 2},
		{"MER-APRÈS-MIDI lun", "lundi mercredi-après-midi", 1},
		{"", "", 0},
		{"lundi lundi", "", 0},
		{"lundi dimanch mardi", "lundi mardi dimanche", 0},
		{"lu", "", 0},
		{"mercredi-soir", "", 0},
	}
	for _, c := range cases {
		days, closed, err := model.ParseWeek(c.spec)
		if c.text == "" {
			if err == nil {
				t.Errorf("%q: read %v, want refused", c.spec, days)
			}
			continue
		}
		if err != nil || model.WeekText(days, closed) != c.text || len(closed) != c.closed {
			t.Errorf("%q: %q %v (%v), want %q with %d closed", c.spec, model.WeekText(days, closed), closed, err, c.text, c.closed)
		}
	}
}

// TestSchoolOnADate: the grid and the week in force on a date are those of
// the era that covers it; an extra day runs the timetable it follows.
func TestSchoolOnADate(t *testing.T) {
	d := model.NewDate
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	school := modeltest.School(2).School
	later := school.WithGrid([]model.Slot{{Code: "M1", Start: at(8, 10), End: at(9, 5)}, {Code: "S1", Start: at(13, 0), End: at(14, 0), HalfDay: model.Afternoon}}, d(2026, 12, 7))
	later.ClosedHalfDays = []model.WeekHalfDay{{Weekday: time.Wednesday, HalfDay: model.Afternoon}}
	later.ExtraDays = []model.ExtraDay{{Date: d(2026, 12, 12), Name: "rattrapage", Follows: time.Friday}, {Date: d(2026, 12, 19), Name: "matinée", Follows: time.Monday, HalfDays: []model.HalfDay{model.Morning}}}
	wed := func(start model.Clock) model.Course {
		return model.Course{ID: "c", Weekday: time.Wednesday, Start: start, End: start + 55}
	}
	cases := []struct {
		name string
		c    model.Course
		day  model.Date
		runs bool
	}{
		{"Wednesday afternoon before the change", wed(at(14, 25)), d(2026, 12, 2), true},
		{"Wednesday afternoon after it", wed(at(14, 25)), d(2026, 12, 9), false},
		{"Wednesday morning after it", wed(at(8, 10)), d(2026, 12, 9), true},
		{"Friday course on the extra Saturday", model.Course{ID: "f", Weekday: time.Friday, Start: at(8, 10), End: at(9, 5)}, d(2026, 12, 12), true},
		{"Saturday course on the extra Saturday", model.Course{ID: "s", Weekday: time.Saturday, Start: at(8, 10), End: at(9, 5)}, d(2026, 12, 12), false},
		{"Monday morning on the morning-only extra day", model.Course{ID: "m", Weekday: time.Monday, Start: at(8, 10), End: at(9, 5)}, d(2026, 12, 19), true},
		{"Monday afternoon on the morning-only extra day", model.Course{ID: "m", Weekday: time.Monday, Start: at(13, 0), End: at(14, 0)}, d(2026, 12, 19), false},
		{"a course ended before", model.Course{ID: "e", Weekday: time.Wednesday, Start: at(8, 0), End: at(9, 0), To: d(2026, 12, 1)}, d(2026, 12, 2), false},
	}
	for _, c := range cases {
		if got := later.CourseRunsOn(c.c, c.day); got != c.runs {
			t.Errorf("%s: runs %v, want %v", c.name, got, c.runs)
		}
	}
	if got := later.On(d(2026, 12, 6)).Slots; !reflect.DeepEqual(got, model.DefaultSlots()) {
		t.Errorf("grid on 6/12 is the new one: %v", got)
	}
	if got := later.On(d(2026, 12, 7)).Slots[0].Start; got != at(8, 10) {
		t.Errorf("grid on 7/12 starts at %s, want 08:10", got)
	}
	if got := later.FirstChangeDay(d(2026, 12, 3)); got != d(2026, 12, 7) {
		t.Errorf("first change day %s, want the day of the planned change", got)
	}
}

// TestChangingTheSchoolKeepsThePast: on a school with history, changing the
// bell grid and the week from a coming date, the periods and adding an
// extra day leave every past séance and figure as it was, each preview
// says what the change then does, and the counting preview's number of
// pupils equals the pupils whose figures change.
func TestChangingTheSchoolKeepsThePast(t *testing.T) {
	d := model.NewDate
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	data := modeltest.School(8)
	modeltest.History(&data)
	div := model.Target{Kind: model.TargetDivision, Code: modeltest.Division4B}
	data.Courses = append(data.Courses, model.Course{ID: "c-mer-pm", Weekday: time.Wednesday, Start: at(14, 25), End: at(15, 20), Target: div, Teachers: []string{"prof"}, Subject: "Arts"})
	wedPM := model.NewSeanceID(d(2026, 11, 25), at(14, 25), "c-mer-pm")
	data.Marks = append(data.Marks, model.Mark{Seance: wedPM, Pupil: "E003", Kind: model.KindAbsent, By: "prof", At: modeltest.HistoryAt})
	db := storagetest.New(t)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	today := d(2026, 12, 3)
	admin := model.NewService(db, model.Actor{Login: "admin"}, modeltest.Clock(modeltest.At(today, 10, 0)))
	from := d(2026, 12, 7)
	year := d(2026, 9, 1)
	pastSeances, pastFigures := seancesAndFigures(t, admin, year, today)

	var shifted []model.Slot
	for _, sl := range model.DefaultSlots() {
		sl.Start, sl.End = sl.Start+10, sl.End+10
		shifted = append(shifted, sl)
	}
	if _, err := admin.SlotGridPreview(shifted, today); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a grid from today: %v, want refused", err)
	}
	grid, err := admin.SlotGridPreview(shifted, from)
	if err != nil || len(grid.Follow) != len(data.Courses) || len(grid.OffGrid) != 0 {
		t.Fatalf("grid preview: %d courses follow, %d off grid, %v; want all %d follow", len(grid.Follow), len(grid.OffGrid), err, len(data.Courses))
	}
	applied, err := admin.SetSlots(shifted, from)
	if err != nil || !reflect.DeepEqual(applied, grid) {
		t.Fatalf("SetSlots: %v, or it did other than its preview", err)
	}
	days, closed, _ := model.ParseWeek("lundi mardi mercredi-matin jeudi vendredi")
	week, err := admin.WeekPreview(days, closed, from)
	if err != nil || len(week.Dropped) != 1 || week.Dropped[0].ID != "c-mer-pm."+from.Compact() {
		t.Fatalf("week preview: dropped %v, %v; want the Wednesday afternoon course", week.Dropped, err)
	}
	if got, err := admin.SetWeek(days, closed, from); err != nil || !reflect.DeepEqual(got, week) {
		t.Fatalf("SetWeek: %v, or it did other than its preview", err)
	}
	if err := admin.SetPeriods([]model.Period{{Name: "Semestre 1", From: year, To: d(2027, 1, 22)}, {Name: "Semestre 2", From: d(2027, 1, 23), To: d(2027, 7, 3)}}); err != nil {
		t.Fatal(err)
	}
	saturday := model.ExtraDay{Date: d(2026, 12, 12), Name: "Rattrapage du vendredi", Follows: time.Friday}
	preview, err := admin.ExtraDaySeances(saturday)
	if err != nil || len(preview) != 1 || preview[0].Start != at(8, 10) {
		t.Fatalf("extra day preview: %v, %v; want Friday's maths at 08:10", preview, err)
	}
	if err := admin.AddExtraDay(saturday); err != nil {
		t.Fatal(err)
	}

	gotSeances, gotFigures := seancesAndFigures(t, admin, year, today)
	if !reflect.DeepEqual(gotSeances, pastSeances) || !reflect.DeepEqual(gotFigures, pastFigures) {
		t.Fatal("the past changed with the grid, the week, the periods or an extra day")
	}
	dir, _ := admin.Directory()
	if got := dir.SeancesOn(d(2026, 12, 12)); !reflect.DeepEqual(got, preview) {
		t.Errorf("extra Saturday: %v, preview said %v", got, preview)
	}
	next := dir.SeancesOn(d(2026, 12, 9))
	if len(next) == 0 || slices.ContainsFunc(next, func(s model.Seance) bool { return s.HalfDay == model.Afternoon || s.Start == at(8, 0) }) {
		t.Errorf("Wednesday 9/12: %v; want morning séances at the new times only", next)
	}

	counting := model.DefaultSettings()
	counting.Method = model.CountAllSeances
	counting.LateAsAbsentAfter = 5
	ch, err := admin.CountingPreview(counting)
	if err != nil || ch.Changed == 0 {
		t.Fatalf("counting preview: %+v, %v; want some pupils' figures to change", ch, err)
	}
	if _, err := admin.SetCounting(counting); err != nil {
		t.Fatal(err)
	}
	_, after := seancesAndFigures(t, admin, year, today)
	if changed := changedFigures(t, pastFigures, after); changed != ch.Changed {
		t.Errorf("the preview said %d pupils' figures change, %d did", ch.Changed, changed)
	}
}

func seancesAndFigures(t *testing.T, svc *model.Service, from, to model.Date) ([]model.Seance, []model.PupilFigures) {
	t.Helper()
	dir, err := svc.Directory()
	if err != nil {
		t.Fatal(err)
	}
	figures, err := svc.SchoolFigures(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return slices.Clone(dir.SeancesBetween(from, to)), figures
}

// TestSchoolCalendarValidates: a school file written by hand (export all
// edited) with an unknown half-day or weekday is refused, not expanded.
func TestSchoolCalendarValidates(t *testing.T) {
	base := modeltest.School(1).School
	cases := []struct {
		name string
		edit func(*model.School)
		ok   bool
	}{
		{"as it is", func(*model.School) {}, true},
		{"slot half-day 5", func(s *model.School) { s.Slots = []model.Slot{{Code: "M1", Start: 480, End: 535, HalfDay: 5}} }, false},
		{"closed half-day of day 9", func(s *model.School) { s.ClosedHalfDays = []model.WeekHalfDay{{Weekday: 9}} }, false},
		{"extra day following day -1", func(s *model.School) { s.ExtraDays = []model.ExtraDay{{Name: "x", Follows: -1}} }, false},
		{"eras out of order", func(s *model.School) {
			s.Earlier = []model.CalendarEra{{Until: model.NewDate(2026, 12, 1)}, {Until: model.NewDate(2026, 11, 1)}}
		}, false},
		{"closed Wednesday afternoon", func(s *model.School) {
			s.ClosedHalfDays = []model.WeekHalfDay{{Weekday: time.Wednesday, HalfDay: model.Afternoon}}
		}, true},
	}
	for _, c := range cases {
		s := base
		c.edit(&s)
		if err := s.Validate(); (err == nil) != c.ok {
			t.Errorf("%s: %v, want ok=%v", c.name, err, c.ok)
		}
	}
}

// TestDemoCalendarChangesKeepThePast: on the demo collège (606 pupils,
// history to 23/11/2026), the bell grid rung ten minutes later and Thursday
// afternoons closed from 30/11, semestres, an added Saturday: every séance
// and figure up to today is unchanged; the counting preview's number of
// pupils is the number whose figures then change.
func TestDemoCalendarChangesKeepThePast(t *testing.T) {
	d := model.NewDate
	now := time.Date(2026, time.November, 23, 8, 5, 0, 0, time.UTC)
	data := demo.Build(now)
	db := storagetest.New(t)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "demo", data.Write); err != nil {
		t.Fatal(err)
	}
	admin := model.NewService(db, model.Actor{Login: "admin"}, func() time.Time { return now })
	year, today, from := data.School.YearStart, d(2026, 11, 23), d(2026, 11, 30)
	pastSeances, pastFigures := seancesAndFigures(t, admin, year, today)

	var later []model.Slot
	for _, sl := range data.School.Slots {
		sl.Start, sl.End = sl.Start+10, sl.End+10
		later = append(later, sl)
	}
	if ch, err := admin.SetSlots(later, from); err != nil || len(ch.Follow) == 0 || len(ch.Moved) != 0 {
		t.Fatalf("grid: %v, %d follow, %d moved", err, len(ch.Follow), len(ch.Moved))
	}
	days, closed, _ := model.ParseWeek("lundi mardi mercredi jeudi-matin vendredi")
	if ch, err := admin.SetWeek(days, closed, from); err != nil || len(ch.Dropped) == 0 {
		t.Fatalf("week: %v, %d dropped", err, len(ch.Dropped))
	}
	if err := admin.SetPeriods([]model.Period{{Name: "Semestre 1", From: year, To: d(2027, 1, 22)}, {Name: "Semestre 2", From: d(2027, 1, 23), To: data.School.YearEnd}}); err != nil {
		t.Fatal(err)
	}
	if err := admin.AddExtraDay(model.ExtraDay{Date: d(2026, 11, 28), Name: "Rattrapage", Follows: time.Friday}); err != nil {
		t.Fatal(err)
	}
	gotSeances, gotFigures := seancesAndFigures(t, admin, year, today)
	if !reflect.DeepEqual(gotSeances, pastSeances) || !reflect.DeepEqual(gotFigures, pastFigures) {
		t.Fatal("the demo's past changed with its calendar")
	}
	dir, _ := admin.Directory()
	if thursday := dir.SeancesOn(d(2026, 12, 3)); slices.ContainsFunc(thursday, func(s model.Seance) bool { return s.HalfDay == model.Afternoon }) || len(thursday) == 0 {
		t.Errorf("Thursday 03/12 has %d séances, afternoon ones among them", len(thursday))
	}

	counting := model.DefaultSettings()
	counting.Method, counting.LateAsAbsentAfter = model.CountAllSeances, 10
	ch, err := admin.CountingPreview(counting)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.SetCounting(counting); err != nil {
		t.Fatal(err)
	}
	_, after := seancesAndFigures(t, admin, year, today)
	changed := changedFigures(t, pastFigures, after)
	if changed != ch.Changed || changed == 0 || ch.Pupils != len(after) {
		t.Errorf("the preview said %d of %d pupils change, %d of %d did", ch.Changed, ch.Pupils, changed, len(after))
	}
	t.Logf("counting rules: %d of %d pupils' figures changed, as previewed", changed, len(after))
}

// changedFigures counts the pupils whose totals differ between before and
// after, the same pupils in the same order.
func changedFigures(t *testing.T, before, after []model.PupilFigures) int {
	t.Helper()
	if len(before) != len(after) {
		t.Fatalf("%d pupils before, %d after", len(before), len(after))
	}
	changed := 0
	for i := range after {
		if after[i].Pupil.ID != before[i].Pupil.ID {
			t.Fatalf("pupils in another order: %s, %s", after[i].Pupil.ID, before[i].Pupil.ID)
		}
		if after[i].Explanation.Totals != before[i].Explanation.Totals {
			changed++
		}
	}
	return changed
}

// TestParseHalfDay: one reading of a half-day for the grid's CSV, the
// forms' slot lines, the usual week and --half; « AM » is refused, as it
// reads both ways.
func TestParseHalfDay(t *testing.T) {
	cases := []struct {
		in   string
		want model.HalfDay
		ok   bool
	}{
		{"matin", model.Morning, true}, {" Matin ", model.Morning, true}, {"M", model.Morning, true},
		{"après-midi", model.Afternoon, true}, {"APRES-MIDI", model.Afternoon, true}, {"après midi", model.Afternoon, true},
		{"aprem", model.Afternoon, true}, {"S", model.Afternoon, true}, {"PM", model.Afternoon, true},
		{"AM", 0, false}, {"am", 0, false}, {"", 0, false}, {"midi", 0, false}, {"soir", 0, false},
	}
	for _, c := range cases {
		if got, ok := model.ParseHalfDay(c.in); ok != c.ok || got != c.want {
			t.Errorf("ParseHalfDay(%q) = %v %v, want %v %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if _, _, err := model.ParseWeek("lundi mercredi-am"); err == nil {
		t.Error("ParseWeek read mercredi-am")
	}
	if _, err := model.ParseSlotLine("S1 14:00-14:55 am"); err == nil {
		t.Error("ParseSlotLine read « am »")
	}
}
