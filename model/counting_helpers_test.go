package model_test

import (
	"fmt"
	"testing"
	"time"

	"appel/model"
)

// Motives of the default list used by the tests.
var (
	maladie = motive("maladie") // valable
	rdv     = motive("rdv-medical")
	reveil  = motive("reveil") // non valable
	t0      = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	// afterYear is a clock after every séance of the tests' schools: every
	// séance has begun, so everything recorded counts.
	afterYear = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

func motive(code string) model.Motive {
	for _, m := range model.DefaultMotives() {
		if m.Code == code {
			return m
		}
	}
	panic("motif inconnu " + code)
}

func just(m model.Motive) *model.Justification { return m.Justify("cpe1", t0) }

func day(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func clock(s string) model.Clock {
	c, err := model.ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

// gridSchool places séances like the test school: default slots, midday 12:00.
var gridSchool = model.School{Slots: model.DefaultSlots(), Settings: model.DefaultSettings()}

// seance builds a séance of 4A on date from start to end, placed by the grid.
func seance(date, start, end string) model.Seance {
	d, s := day(date), clock(start)
	return model.Seance{
		ID: model.NewSeanceID(d, s, "c"+start), Date: d, Start: s, End: clock(end),
		Target: model.Target{Kind: model.TargetDivision, Code: "4A"}, HalfDay: gridSchool.HalfDayOf(s),
	}
}

// att is pupil p1's attendance in a séance of 4A.
func att(date, start, end string, kind model.MarkKind, j *model.Justification) model.Attendance {
	return model.Attendance{Seance: seance(date, start, end), Pupil: "p1", Kind: kind, Justification: j}
}

func late(date, start, end string, minutes int, j *model.Justification) model.Attendance {
	a := att(date, start, end, model.KindLate, j)
	a.Minutes = minutes
	return a
}

func cancelled(a model.Attendance) model.Attendance {
	a.Seance.Cancelled = true
	return a
}

func settings(method model.CountingMethod, lateAfter int) model.Settings {
	s := model.DefaultSettings()
	s.Method, s.LateAsAbsentAfter = method, lateAfter
	return s
}

// lines summarises an explanation as "2026-11-23 matin non valable".
func lines(e model.Explanation) []string {
	var out []string
	for _, h := range e.HalfDays {
		out = append(out, fmt.Sprintf("%s %s %s", h.Date, h.Half, h.Status()))
	}
	return out
}

// testDirectory is a small school: 4A, 4B, 3A, a Spanish group across 4A and
// 4B, courses Monday to Saturday, 11 November off.
func testDirectory(tb testing.TB) *model.Directory {
	tb.Helper()
	school := model.School{
		UAI: "0670001A", Name: "Collège d'essai", TimeZone: "Europe/Paris",
		YearStart: day("2026-09-01"), YearEnd: day("2027-07-03"),
		Holidays: []model.Holiday{{Name: "Armistice", From: day("2026-11-11"), To: day("2026-11-11")}},
		Slots:    model.DefaultSlots(),
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday},
		Settings: model.DefaultSettings(),
	}
	if err := school.Validate(); err != nil {
		tb.Fatal(err)
	}
	return model.NewDirectory(model.Directory{
		School: school,
		Divisions: []model.Division{
			{Code: "4A", Level: "4e"}, {Code: "4B", Level: "4e"}, {Code: "3A", Level: "3e"},
		},
		Groups: []model.Group{{Code: "ESP 4AB", Divisions: []string{"4A", "4B"}}},
		Pupils: []model.Pupil{
			{ID: "p1", LastName: "Albert", FirstName: "Léa", Division: "4A", Groups: []string{"ESP 4AB"}},
			{ID: "p2", LastName: "Bernard", FirstName: "Hugo", Division: "4A"},
			{ID: "p3", LastName: "Chevalier", FirstName: "Inès", Division: "4B", Groups: []string{"ESP 4AB"}},
			{ID: "p4", LastName: "Dumas", FirstName: "Noé", Division: "3A"},
			{ID: "p5", LastName: "Étienne", FirstName: "Zoé", Division: "4A", Left: day("2026-11-16")},
		},
		Courses: testCourses(),
		Motives: model.DefaultMotives(),
	})
}

func testCourses() []model.Course {
	var out []model.Course
	add := func(id string, wd time.Weekday, start, end string, kind model.TargetKind, code string) {
		out = append(out, model.Course{
			ID: id, Weekday: wd, Start: clock(start), End: clock(end),
			Target: model.Target{Kind: kind, Code: code}, Teachers: []string{"prof"}, Subject: id,
		})
	}
	div := model.TargetDivision
	for _, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday} {
		name := wd.String()[:3]
		add("4A-M1-"+name, wd, "08:00", "08:55", div, "4A")
		add("4A-M2-"+name, wd, "08:55", "09:50", div, "4A")
		add("4A-M3-"+name, wd, "10:05", "11:00", div, "4A")
		add("4A-S1-"+name, wd, "13:30", "14:25", div, "4A")
		add("4A-S2-"+name, wd, "14:25", "15:20", div, "4A")
		add("4B-M1-"+name, wd, "08:00", "08:55", div, "4B")
		add("4B-S1-"+name, wd, "13:30", "14:25", div, "4B")
	}
	for _, wd := range []time.Weekday{time.Wednesday, time.Saturday} {
		name := wd.String()[:3]
		add("4A-M1-"+name, wd, "08:00", "08:55", div, "4A")
		add("4A-M2-"+name, wd, "08:55", "09:50", div, "4A")
	}
	for wd := time.Monday; wd <= time.Friday; wd++ {
		add("3A-M1-"+wd.String()[:3], wd, "08:00", "08:55", div, "3A")
	}
	// Across the midday boundary: off the grid (placed by 12:00), and a slot (M5).
	add("4A-BND1", time.Tuesday, "11:30", "12:30", div, "4A")
	add("4A-BND2", time.Tuesday, "12:15", "13:15", div, "4A")
	add("4A-M5", time.Friday, "11:55", "12:50", div, "4A")
	add("ESP", time.Monday, "15:25", "16:20", model.TargetGroup, "ESP 4AB")
	return out
}

// markOf builds a mark of pupil in the séance of course id on date.
func markOf(dir *model.Directory, date, course string, pupil model.PupilID, kind model.MarkKind, j *model.Justification) model.Mark {
	for _, s := range dir.SeancesOn(day(date)) {
		if s.Course == course {
			return model.Mark{Seance: s.ID, Pupil: pupil, Kind: kind, Justification: j, By: "prof", At: t0}
		}
	}
	panic("pas de séance " + course + " le " + date)
}

// notice announces pupil's absence from start to end (dates and times in Paris).
func notice(id string, pupil model.PupilID, from, to string, j *model.Justification) model.Notice {
	loc, _ := time.LoadLocation("Europe/Paris")
	parse := func(s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			panic(err)
		}
		return t
	}
	return model.Notice{ID: id, Pupil: pupil, From: parse(from), To: parse(to), Justification: j, By: "aed1", At: t0}
}

// countOf is a pupil's figures from his attendances: the totals of Explain.
func countOf(pupil model.PupilID, atts []model.Attendance, s model.Settings) model.Figures {
	return model.Explain(pupil, atts, s).Totals
}

// countPupil is a pupil's figures from his attendances, as the statistics' tables hold them.
func countPupil(p model.Pupil, atts []model.Attendance, s model.Settings) model.PupilCount {
	e := model.Explain(p.ID, atts, s)
	return model.PupilCount{Pupil: p.ID, Division: p.Division, Total: e.Totals, Months: e.Months()}
}

// countPupils counts every pupil of pupils (each once, in their order).
func countPupils(pupils []model.Pupil, atts map[model.PupilID][]model.Attendance, s model.Settings) []model.PupilCount {
	out := make([]model.PupilCount, 0, len(pupils))
	seen := map[model.PupilID]bool{}
	for _, p := range pupils {
		if !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, countPupil(p, atts[p.ID], s))
		}
	}
	return out
}
