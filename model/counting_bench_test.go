package model_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"appel/model"
)

// yearSchool is a synthetic collège: 24 divisions of 25 pupils, 35 séances a
// week each (Tuesday's last hour in half-class groups), 36 weeks of courses,
// and about 5 % of séances missed: single absences, announced illnesses of a
// few days, plus lateness and other marks.
type yearSchool struct {
	dir     *model.Directory
	marks   []model.Mark
	notices []model.Notice
}

func newYearSchool(tb testing.TB) yearSchool {
	tb.Helper()
	var divisions []model.Division
	var pupils []model.Pupil
	var courses []model.Course
	for _, level := range []string{"6", "5", "4", "3"} {
		for _, letter := range "ABCDEF" {
			code := level + string(letter)
			divisions = append(divisions, model.Division{Code: code, Level: level + "e"})
			courses = append(courses, weekOf(code)...)
			for i := range 25 {
				group := fmt.Sprintf("%s G%d", code, 1+i%2)
				pupils = append(pupils, model.Pupil{ID: model.PupilID(fmt.Sprintf("%s-%02d", code, i)),
					LastName: fmt.Sprintf("Nom%02d", i), FirstName: code, Division: code, Groups: []string{group}})
			}
		}
	}
	dir := model.NewDirectory(model.Directory{
		School: yearCalendar(), Divisions: divisions, Pupils: pupils, Courses: courses, Motives: model.DefaultMotives(),
	})
	y := yearSchool{dir: dir}
	y.draw(rand.New(rand.NewPCG(2026, 9)))
	return y
}

func yearCalendar() model.School {
	h := func(name, from, to string) model.Holiday {
		return model.Holiday{Name: name, From: day(from), To: day(to)}
	}
	return model.School{
		UAI: "0670001A", TimeZone: "Europe/Paris", YearStart: day("2026-09-01"), YearEnd: day("2027-07-09"),
		Holidays: []model.Holiday{
			h("Toussaint", "2026-10-17", "2026-11-01"), h("Armistice", "2026-11-11", "2026-11-11"),
			h("Noël", "2026-12-19", "2027-01-03"), h("Hiver", "2027-02-13", "2027-02-28"),
			h("Printemps", "2027-04-10", "2027-04-25"), h("Ascension", "2027-05-06", "2027-05-09"),
		},
		Slots:    model.DefaultSlots(),
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		Settings: model.DefaultSettings(),
	}
}

// weekOf returns a division's 35 weekly séances.
func weekOf(code string) []model.Course {
	var out []model.Course
	slots := model.DefaultSlots()
	add := func(wd time.Weekday, sl model.Slot, kind model.TargetKind, target string) {
		out = append(out, model.Course{
			ID: fmt.Sprintf("%s-%s-%d-%s", target, sl.Code, wd, kind), Weekday: wd, Start: sl.Start, End: sl.End,
			Target: model.Target{Kind: kind, Code: target}, Teachers: []string{"prof"}, Subject: sl.Code,
		})
	}
	for _, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Thursday, time.Friday} {
		for _, sl := range append(slots[:4:4], slots[5:]...) {
			if wd == time.Tuesday && sl.Code == "S4" {
				add(wd, sl, model.TargetGroup, code+" G1")
				add(wd, sl, model.TargetGroup, code+" G2")
				continue
			}
			add(wd, sl, model.TargetDivision, code)
		}
	}
	for _, sl := range slots[:3] {
		add(time.Wednesday, sl, model.TargetDivision, code)
	}
	return out
}

// draw fills the marks and notices, séance by séance.
func (y *yearSchool) draw(r *rand.Rand) {
	motives := []*model.Justification{nil, nil, nil, just(maladie), just(rdv), just(reveil)}
	loc := y.dir.Location()
	for d := y.dir.School.YearStart; !d.After(y.dir.School.YearEnd); d = d.AddDays(1) {
		for _, s := range y.dir.SeancesOn(d) {
			for _, p := range y.dir.Members(s.Target, d) {
				m := model.Mark{Seance: s.ID, Pupil: p.ID, By: "prof", At: d.Time(s.Start, loc)}
				switch k := r.IntN(1000); {
				case k < 40:
					m.Kind, m.Justification = model.KindAbsent, motives[r.IntN(len(motives))]
				case k < 55:
					m.Kind, m.Minutes = model.KindLate, 1+r.IntN(30)
				case k < 60:
					m.Kind = model.KindInfirmary
				default:
					continue
				}
				y.marks = append(y.marks, m)
			}
		}
	}
	for _, p := range y.dir.Pupils {
		for range 2 {
			start := y.dir.School.YearStart.AddDays(r.IntN(300)).Time(8*60, loc)
			y.notices = append(y.notices, model.Notice{ID: fmt.Sprint(p.ID, start.Unix()), Pupil: p.ID,
				From: start, To: start.Add(time.Duration(10+r.IntN(60)) * time.Hour), Justification: just(maladie)})
		}
	}
}

func (y yearSchool) collect() (map[model.PupilID][]model.Attendance, []model.Mark) {
	return model.CollectAttendance(y.dir, y.dir.Pupils, y.dir.School.YearStart, y.dir.School.YearEnd, afterYear, y.marks, y.notices)
}

// count is the whole pipeline after storage: attendances, counts, thresholds,
// the per-division and per-month sums, and one month's ministry table.
func (y yearSchool) count(tb testing.TB) []model.PupilCount {
	atts, _ := y.collect()
	counts := countPupils(y.dir.Pupils, atts, y.dir.School.Settings)
	model.Thresholds(counts)
	model.ByDivision(counts)
	model.ByMonth(counts)
	if _, err := model.NewMinistryTable(y.dir, counts, "2026-11"); err != nil {
		tb.Fatal(err)
	}
	return counts
}

func BenchmarkCountSchoolYear(b *testing.B) {
	y := newYearSchool(b)
	b.ReportAllocs()
	for b.Loop() {
		y.count(b)
	}
}

func BenchmarkCollectSchoolYear(b *testing.B) {
	y := newYearSchool(b)
	b.ReportAllocs()
	for b.Loop() {
		y.collect()
	}
}

// BenchmarkCountDivisionTrimester is a class council's view: one division,
// September to December.
func BenchmarkCountDivisionTrimester(b *testing.B) {
	y := newYearSchool(b)
	pupils := y.dir.Members(model.Target{Kind: model.TargetDivision, Code: "4C"}, model.Date{})
	from, to := y.dir.School.YearStart, day("2026-12-18")
	b.ReportAllocs()
	for b.Loop() {
		atts, _ := model.CollectAttendance(y.dir, pupils, from, to, afterYear, y.marks, y.notices)
		model.Thresholds(countPupils(pupils, atts, y.dir.School.Settings))
	}
}

// BenchmarkCountFullLists counts from every séance of every pupil (no day left
// out): the cost of Explain itself on 600 × 35 × 36 attendances.
func BenchmarkCountFullLists(b *testing.B) {
	y := newYearSchool(b)
	full := naiveAttendance(y.dir, y.dir.School.YearStart, y.dir.School.YearEnd, y.marks, y.notices)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		countPupils(y.dir.Pupils, full, y.dir.School.Settings)
	}
}

func TestYearSchoolShape(t *testing.T) {
	if testing.Short() {
		t.Skip("école synthétique d'une année")
	}
	y := newYearSchool(t)
	atts, unplaced := y.collect()
	if len(unplaced) != 0 {
		t.Fatalf("%d marques non placées", len(unplaced))
	}
	var seances int
	from, to := y.dir.School.YearStart, y.dir.School.YearEnd
	for d := from; !d.After(to); d = d.AddDays(1) {
		for _, s := range y.dir.SeancesOn(d) {
			seances += len(y.dir.Members(s.Target, d))
		}
	}
	total := model.TotalOf(countPupils(y.dir.Pupils, atts, y.dir.School.Settings))
	missed := float64(total.MissedMinutes) / 55 / float64(seances)
	t.Logf("%d élèves, %d séances-élève (%.1f par semaine et par élève), %d marques, %.1f %% manquées, %+v",
		len(y.dir.Pupils), seances, float64(seances)/600/36, len(y.marks), 100*missed, total)
	if seances < 600*35*35 || seances > 600*35*37 || missed < 0.04 || missed > 0.07 {
		t.Fatalf("école synthétique hors des proportions voulues")
	}
}

func TestYearSchoolMonthPrunedEqualsFull(t *testing.T) {
	if testing.Short() {
		t.Skip("école synthétique d'une année")
	}
	y := newYearSchool(t)
	from, to := day("2026-11-01"), day("2026-11-30")
	got, _ := model.CollectAttendance(y.dir, y.dir.Pupils, from, to, afterYear, y.marks, y.notices)
	full := naiveAttendance(y.dir, from, to, y.marks, y.notices)
	s := y.dir.School.Settings
	a, b := countPupils(y.dir.Pupils, got, s), countPupils(y.dir.Pupils, full, s)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("le décompte de novembre diffère entre la collecte et l'expansion complète")
	}
	if len(model.Thresholds(a)) == 0 {
		t.Fatal("aucun élève au seuil en novembre : données trop pauvres pour ce test")
	}
}
