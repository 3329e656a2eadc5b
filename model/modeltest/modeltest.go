// Package modeltest builds small, fully known schools for tests: a fixed
// calendar, a division of a chosen size, a cross-class group, a teacher with a
// séance at 08:00 every weekday, and the well-known accounts.
package modeltest

import (
	"fmt"
	"time"

	"appel/model"
)

// Monday is the Monday of the fixtures' reference week (week B).
var Monday = model.NewDate(2026, 11, 23)

// Paris is the school's time zone.
var Paris = mustLoad("Europe/Paris")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// At returns the instant of day d at hh:mm in Paris.
func At(d model.Date, hh, mm int) time.Time { return d.Time(model.Clock(hh*60+mm), Paris) }

// Clock returns a clock fixed at t.
func Clock(t time.Time) func() time.Time { return func() time.Time { return t } }

// Division4B is the code of the fixture's main division.
const Division4B = "4B"

// Course IDs of the fixture.
const (
	CourseMaths   = "c-maths"    // 4B, prof, every weekday 08:00–08:55
	CourseSpanish = "c-esp"      // ESP 4AB, prof2, Monday 10:05–11:00
	CourseSVT     = "c-svt"      // 4B, prof, Monday 13:30–14:25, week A only
	CourseHistory = "c-histoire" // 4A, prof2, Monday 08:00–08:55
)

// School returns a school of size pupils in 4B (and 4 in 4A), with the
// 2026-2027 year, a Toussaint holiday, A/B weeks from 2 November.
func School(size int) model.Dataset {
	d := model.NewDate
	school := model.School{
		UAI: "0670001A", Name: "Collège des Tests", Zone: "B", TimeZone: "Europe/Paris",
		YearStart: d(2026, 9, 1), YearEnd: d(2027, 7, 3),
		Holidays:  []model.Holiday{{Name: "Toussaint", From: d(2026, 10, 17), To: d(2026, 11, 1)}},
		Slots:     model.DefaultSlots(),
		Weekdays:  []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		WeekTypes: map[model.Date]string{},
		Settings:  model.DefaultSettings(),
	}
	for i, m := 0, d(2026, 11, 2); i < 8; i, m = i+1, m.AddDays(7) {
		school.WeekTypes[m] = []string{"A", "B"}[i%2]
	}
	return model.Dataset{
		School:    school,
		Divisions: []model.Division{{Code: "4A"}, {Code: Division4B}},
		Groups:    []model.Group{{Code: "ESP 4AB", Divisions: []string{"4A", Division4B}}},
		Pupils:    pupils(size),
		Accounts:  Accounts(),
		Courses:   courses(),
		Motives:   model.DefaultMotives(),
	}
}

var lastNames = []string{"Abadie", "Bénard", "Caron", "Da Silva", "Écuyer", "Fournier", "Gaël", "Hébert",
	"Isnard", "Jourdain", "Kowalski", "Lefèvre", "Müller", "N'Diaye", "Olivier", "Pétain", "Quéré",
	"Roussel", "Sénéchal", "Thébault", "Urbain", "Vidal", "Weiss", "Xavier", "Yildiz", "Zéphir"}
var firstNames = []string{"Léa", "Noé", "Zoé", "Inès", "Raphaël", "Éloïse", "Maëlys", "Loïc", "Chloé", "Anaïs"}

func pupils(size int) []model.Pupil {
	var out []model.Pupil
	for i := 0; i < size; i++ {
		last := lastNames[i%len(lastNames)]
		if i >= len(lastNames) {
			last += fmt.Sprintf("-%d", i/len(lastNames)+1)
		}
		p := model.Pupil{ID: model.PupilID(fmt.Sprintf("E%03d", i+1)), INE: fmt.Sprintf("%010dA", 1000+i),
			LastName: last, FirstName: firstNames[i%len(firstNames)], Division: Division4B}
		if i%3 == 0 {
			p.Groups = []string{"ESP 4AB"}
		}
		out = append(out, p)
	}
	for i := 0; i < 4; i++ {
		out = append(out, model.Pupil{ID: model.PupilID(fmt.Sprintf("A%03d", i+1)), LastName: "Autre", FirstName: firstNames[i],
			Division: "4A", Groups: []string{"ESP 4AB"}})
	}
	return out
}

// Accounts returns the well-known accounts: prof, prof2, cpe, cpe2, aed, direction, admin.
func Accounts() []model.Account {
	acc := func(login, name string, roles ...model.Role) model.Account {
		return model.Account{Login: login, Name: name, Roles: roles}
	}
	return []model.Account{
		acc("prof", "M. Martin", model.RoleTeacher),
		acc("prof2", "Mme Durand", model.RoleTeacher),
		acc("cpe", "Mme Lemaire", model.RoleCPE),
		acc("cpe2", "M. Roux", model.RoleCPE),
		acc("aed", "M. Petit", model.RoleAED),
		acc("direction", "Mme Girard", model.RoleDirection),
		acc("admin", "Admin", model.RoleAdmin),
	}
}

func courses() []model.Course {
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	div := model.Target{Kind: model.TargetDivision, Code: Division4B}
	var out []model.Course
	for _, w := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday} {
		out = append(out, model.Course{ID: fmt.Sprintf("%s-%d", CourseMaths, w), Weekday: w, Start: at(8, 0), End: at(8, 55),
			Target: div, Teachers: []string{"prof"}, Subject: "Mathématiques", Room: "104"})
	}
	return append(out,
		model.Course{ID: CourseSpanish, Weekday: time.Monday, Start: at(10, 5), End: at(11, 0),
			Target: model.Target{Kind: model.TargetGroup, Code: "ESP 4AB"}, Teachers: []string{"prof2"}, Subject: "Espagnol", Room: "201"},
		model.Course{ID: CourseSVT, Weekday: time.Monday, Start: at(13, 30), End: at(14, 25),
			Target: div, Teachers: []string{"prof"}, Subject: "SVT", Room: "Labo", Weeks: "A"},
		model.Course{ID: CourseHistory, Weekday: time.Monday, Start: at(8, 0), End: at(8, 55),
			Target: model.Target{Kind: model.TargetDivision, Code: "4A"}, Teachers: []string{"prof2"}, Subject: "Histoire"},
	)
}

// MathsSeance returns the ID of prof's 08:00 séance on day d.
func MathsSeance(d model.Date) model.SeanceID {
	return model.NewSeanceID(d, 8*60, fmt.Sprintf("%s-%d", CourseMaths, d.Weekday()))
}
