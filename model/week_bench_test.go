package model_test

import (
	"testing"
	"time"

	"appel/model"
	"appel/model/demo"
)

// BenchmarkExpandYear expands every date of the demo's year on a fresh
// directory (no cache): the cost of séances from the timetable, with the
// school's calendar as it ships and with a calendar that changed (two bell
// grids and weeks by date, Wednesday and Saturday afternoons closed, five
// added days).
func BenchmarkExpandYear(b *testing.B) {
	data := demo.Build(time.Date(2026, time.November, 23, 8, 5, 0, 0, time.UTC))
	changed := data.School
	changed = changed.WithGrid(changed.Slots, model.NewDate(2026, 11, 30))
	changed = changed.WithGrid(changed.Slots, model.NewDate(2027, 1, 4))
	changed.Weekdays = append(changed.Weekdays, time.Saturday)
	changed.ClosedHalfDays = []model.WeekHalfDay{{Weekday: time.Wednesday, HalfDay: model.Afternoon}, {Weekday: time.Saturday, HalfDay: model.Afternoon}}
	for i := range 5 {
		changed.ExtraDays = append(changed.ExtraDays, model.ExtraDay{Date: model.NewDate(2027, 5, 8+7*i), Name: "rattrapage", Follows: time.Friday})
	}
	for _, c := range []struct {
		name   string
		school model.School
	}{{"shipped", data.School}, {"changed", changed}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				d := data
				d.School = c.school
				dir := model.NewDirectory(model.Directory{School: d.School, Divisions: d.Divisions, Groups: d.Groups,
					Pupils: d.Pupils, Accounts: d.Accounts, Courses: d.Courses, Motives: d.Motives})
				n = len(dir.SeancesBetween(d.School.YearStart, d.School.YearEnd))
			}
			b.ReportMetric(float64(n), "séances")
		})
	}
}
