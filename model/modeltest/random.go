package modeltest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"appel/model"
)

// RandomFrom and RandomTo are the two weeks of RandomSchool's records
// (Monday 16 to Friday 27 November 2026).
var (
	RandomFrom = model.NewDate(2026, 11, 16)
	RandomTo   = model.NewDate(2026, 11, 27)
)

// RandomSchool draws a small school for property tests: School(n)'s
// calendar and accounts, 4A and 4B with a few pupils each, a cross-class
// group and a half-class, a random timetable on the default slots (some
// courses in the group, some overlapping, some in week A only), a few
// cancelled séances, and random counting settings (method brute or toutes,
// lateness counted as absence or not). Its records are RandomRecords'.
func RandomSchool(r *rand.Rand) model.Dataset {
	d := School(3 + r.IntN(5))
	d.Divisions = []model.Division{{Code: "4A", Level: "4e"}, {Code: Division4B, Level: "4e"}}
	d.Groups = append(d.Groups, model.Group{Code: "4B G1", Divisions: []string{Division4B}})
	for i := range d.Pupils {
		if r.IntN(2) == 0 && d.Pupils[i].Division == Division4B {
			d.Pupils[i].Groups = append(d.Pupils[i].Groups, "4B G1")
		}
	}
	for i := range 2 + r.IntN(3) {
		d.Pupils = append(d.Pupils, model.Pupil{ID: model.PupilID(fmt.Sprintf("R%03d", i+1)),
			LastName: "Rand", FirstName: firstNames[i%len(firstNames)], Division: "4A"})
	}
	d.Courses = randomCourses(r)
	d.Changes = randomCancellations(r, d)
	d.School.Settings.Method = []model.CountingMethod{model.CountAnySeance, model.CountAllSeances}[r.IntN(2)]
	d.School.Settings.LateAsAbsentAfter = []int{0, 0, 15}[r.IntN(3)]
	return d
}

func randomCourses(r *rand.Rand) []model.Course {
	targets := []model.Target{
		{Kind: model.TargetDivision, Code: "4A"}, {Kind: model.TargetDivision, Code: Division4B},
		{Kind: model.TargetGroup, Code: "ESP 4AB"}, {Kind: model.TargetGroup, Code: "4B G1"},
	}
	var out []model.Course
	for _, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday} {
		for _, sl := range model.DefaultSlots() {
			if wd == time.Wednesday && sl.Start >= 12*60 {
				continue
			}
			for _, t := range targets {
				if r.IntN(10) >= 4 {
					continue
				}
				c := model.Course{ID: fmt.Sprintf("c-%s-%d-%s", t.Code, wd, sl.Code), Weekday: wd, Start: sl.Start,
					End: sl.End, Target: t, Teachers: []string{"prof"}, Subject: sl.Code}
				if r.IntN(8) == 0 {
					c.Weeks = "A"
				}
				if r.IntN(12) == 0 {
					c.End = sl.End + 40
				}
				out = append(out, c)
			}
		}
	}
	return out
}

func randomCancellations(r *rand.Rand, d model.Dataset) []model.SeanceChange {
	dir := model.NewDirectory(model.Directory{School: d.School, Divisions: d.Divisions, Groups: d.Groups,
		Pupils: d.Pupils, Courses: d.Courses, Motives: d.Motives})
	var out []model.SeanceChange
	for day := RandomFrom; !day.After(RandomTo); day = day.AddDays(1) {
		for _, se := range dir.SeancesOn(day) {
			if r.IntN(25) == 0 {
				out = append(out, model.SeanceChange{Seance: se.ID, Cancelled: true})
			}
		}
	}
	return out
}

// RandomRecords draws what RandomSchool's school records over its two
// weeks: marks of every kind on séances the pupils attend (with or without a
// motive, valable or not, some entered ahead on séances to come, some
// "present" over an announced absence), and announced absences of an hour
// to a week, with or without a motive.
func RandomRecords(r *rand.Rand, dir *model.Directory) ([]model.Mark, []model.Notice) {
	kinds := []model.MarkKind{model.KindAbsent, model.KindAbsent, model.KindAbsent, model.KindLate,
		model.KindLate, model.KindInfirmary, model.KindExcluded, model.KindExempt, model.KindOuting, model.KindPresent}
	motives := model.DefaultMotives()
	justification := func() *model.Justification {
		if r.IntN(3) == 0 {
			return nil
		}
		return motives[r.IntN(len(motives))].Justify([]string{"cpe", "cpe2", "aed"}[r.IntN(3)], HistoryAt)
	}
	days := RandomFrom.DaysUntil(RandomTo) + 1
	var marks []model.Mark
	var notices []model.Notice
	for _, p := range dir.Pupils {
		for range r.IntN(14) {
			d := RandomFrom.AddDays(r.IntN(days))
			seances := dir.PupilSeances(p, d, d)
			if len(seances) == 0 {
				continue
			}
			s := seances[r.IntN(len(seances))]
			m := model.Mark{Seance: s.ID, Pupil: p.ID, Kind: kinds[r.IntN(len(kinds))], By: "prof", At: HistoryAt}
			if m.Kind == model.KindLate {
				m.Minutes = 1 + r.IntN(40)
			}
			if m.Kind == model.KindAbsent || m.Kind == model.KindLate {
				m.Justification = justification()
			}
			if !slices.ContainsFunc(marks, func(x model.Mark) bool { return x.Key() == m.Key() }) {
				marks = append(marks, m)
			}
		}
		for i := range r.IntN(3) {
			start := RandomFrom.AddDays(r.IntN(days)).Time(model.Clock(7*60+r.IntN(11*60)), Paris)
			span := time.Duration(1+r.IntN(5*24)) * time.Hour
			notices = append(notices, model.Notice{ID: fmt.Sprintf("%s-n%d", p.ID, i), Pupil: p.ID, From: start,
				To: start.Add(span), Justification: justification(), By: "aed", At: HistoryAt})
		}
	}
	return marks, notices
}

// RandomClocks draws clocks over RandomSchool's two weeks that fall before,
// at the start of, during and after séances: a séance's start, a minute
// before or after it, its middle, its end, the evening.
func RandomClocks(r *rand.Rand, dir *model.Directory, n int) []time.Time {
	var out []time.Time
	days := RandomFrom.DaysUntil(RandomTo) + 1
	for len(out) < n {
		d := RandomFrom.AddDays(r.IntN(days))
		seances := dir.SeancesOn(d)
		if len(seances) == 0 || r.IntN(6) == 0 {
			out = append(out, d.Time(model.Clock(r.IntN(24*60)), Paris))
			continue
		}
		s := seances[r.IntN(len(seances))]
		at := []model.Clock{s.Start, s.Start - 1, s.Start + 1, (s.Start + s.End) / 2, s.End}[r.IntN(5)]
		out = append(out, d.Time(at, Paris))
	}
	return out
}
