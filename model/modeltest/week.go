package modeltest

import (
	"fmt"
	"time"

	"appel/model"
)

// Armistice is the bank holiday of GridSchool (Wednesday 11 November 2026).
var Armistice = model.NewDate(2026, 11, 11)

// GridSchool is School(size) with a full week of courses for 4B (the grid's
// fixture): an A/B alternation on Monday afternoon (SVT in week A,
// Technologie in week B), two-slot courses (EPS), a free Wednesday
// afternoon, the Armistice bank holiday, three trimestres, the guardians of
// the first pupils, and the accounts of the courses' teachers. prof2 still
// teaches no course of 4B.
func GridSchool(size int) model.Dataset {
	d := School(size)
	d.School.Holidays = append(d.School.Holidays, model.Holiday{Name: "Armistice", From: Armistice, To: Armistice})
	d.School.Periods = []model.Period{
		{Name: "1er trimestre", From: model.NewDate(2026, 9, 1), To: model.NewDate(2026, 12, 4)},
		{Name: "2e trimestre", From: model.NewDate(2026, 12, 5), To: model.NewDate(2027, 3, 12)},
		{Name: "3e trimestre", From: model.NewDate(2027, 3, 13), To: model.NewDate(2027, 7, 3)},
	}
	d.Courses = append(d.Courses, weekCourses()...)
	d.Accounts = append(d.Accounts, weekTeachers()...)
	d.Guardians = guardians(d.Pupils)
	return d
}

func weekTeachers() []model.Account {
	acc := func(login, name string) model.Account {
		return model.Account{Login: login, Name: name, Roles: []model.Role{model.RoleTeacher}}
	}
	return []model.Account{
		acc("dupont", "Mme Dupont"), acc("nguyen", "M. Nguyen"), acc("moreau", "Mme Moreau"),
		acc("bernard", "M. Bernard"), acc("lambert", "Mme Lambert"),
	}
}

// weekCourses are 4B's courses besides maths (M1 every day), Spanish (ESP
// 4AB, Monday M3) and SVT (Monday S1, week A) of School.
func weekCourses() []model.Course {
	type c struct {
		day             time.Weekday
		start, end      string
		subject, teach  string
		weeks, room, id string
	}
	list := []c{
		{time.Monday, "08:55", "09:50", "Français", "dupont", "", "105", "fr-1"},
		{time.Monday, "11:00", "11:55", "Anglais", "nguyen", "", "203", "en-1"},
		{time.Monday, "13:30", "14:25", "Technologie", "lambert", "B", "Techno", "tec-1"},
		{time.Monday, "14:25", "16:20", "EPS", "bernard", "", "Gymnase", "eps-1"},
		{time.Tuesday, "08:55", "09:50", "Histoire-géographie", "moreau", "", "110", "hg-2"},
		{time.Tuesday, "10:05", "11:00", "Français", "dupont", "", "105", "fr-2"},
		{time.Tuesday, "13:30", "14:25", "Musique", "lambert", "", "Musique", "mu-2"},
		{time.Wednesday, "08:55", "09:50", "Anglais", "nguyen", "", "203", "en-3"},
		{time.Wednesday, "10:05", "11:00", "Français", "dupont", "", "105", "fr-3"},
		{time.Thursday, "08:55", "09:50", "Physique-chimie", "lambert", "", "Labo", "pc-4"},
		{time.Thursday, "10:05", "11:00", "Français", "dupont", "", "105", "fr-4"},
		{time.Thursday, "11:00", "11:55", "Histoire-géographie", "moreau", "", "110", "hg-4"},
		{time.Thursday, "13:30", "14:25", "Arts plastiques", "lambert", "A", "Arts", "ap-4"},
		{time.Thursday, "14:25", "15:20", "Anglais", "nguyen", "", "203", "en-4"},
		{time.Friday, "08:55", "09:50", "Français", "dupont", "", "105", "fr-5"},
		{time.Friday, "10:05", "11:00", "SVT", "prof", "", "Labo", "svt-5"},
		{time.Friday, "13:30", "15:20", "EPS", "bernard", "", "Gymnase", "eps-5"},
	}
	out := make([]model.Course, len(list))
	for i, x := range list {
		start, _ := model.ParseClock(x.start)
		end, _ := model.ParseClock(x.end)
		out[i] = model.Course{ID: "g-" + x.id, Weekday: x.day, Start: start, End: end,
			Target: model.Target{Kind: model.TargetDivision, Code: Division4B}, Teachers: []string{x.teach},
			Subject: x.subject, Room: x.room, Weeks: x.weeks}
	}
	return out
}

// WeekSeance returns the ID of the séance of GridSchool's course id (as
// written in weekCourses, without its "g-" prefix) on day.
func WeekSeance(day model.Date, id string) model.SeanceID {
	for _, c := range weekCourses() {
		if c.ID == "g-"+id {
			return model.NewSeanceID(day, c.Start, c.ID)
		}
	}
	panic(fmt.Sprintf("modeltest: no course %q", id))
}

// guardians gives the first three pupils one or two responsables légaux.
func guardians(ps []model.Pupil) []model.Guardian {
	var out []model.Guardian
	for i, p := range ps {
		if i >= 3 {
			break
		}
		out = append(out, model.Guardian{ID: fmt.Sprintf("R%03d-1", i+1), Civility: "Mme", LastName: p.LastName,
			FirstName: "Sophie", Phone: fmt.Sprintf("06 12 34 56 %02d", i), Email: "famille@example.fr",
			Links: []model.Kinship{{Pupil: p.ID, Level: 1, Relation: "mère"}}})
		if i == 0 {
			out = append(out, model.Guardian{ID: "R001-2", Civility: "M.", LastName: p.LastName, FirstName: "Marc",
				Phone: "07 98 76 54 32", WorkPhone: "03 88 00 00 00",
				Links: []model.Kinship{{Pupil: p.ID, Level: 1, Relation: "père"}}})
		}
	}
	return out
}
