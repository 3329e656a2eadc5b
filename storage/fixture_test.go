package storage_test

import (
	"testing"
	"time"

	"appel/model"
	"appel/storage"
)

// The fixture school, on Monday 23 November 2026:
//
//	08:00 maths  4B       prof
//	08:55 fr     4B       prof2
//	10:05 esp    ESP 4AB  prof   (group: p3 of 4B, p4 of 4A)
//	11:00 hist   4B       prof   cancelled that day
//
// 4B is p1 Martin Léa, p2 Durand Hugo, p3 Bernard Éloïse, and p5 who left on
// 1 November. p2's family announced him ill from 08:00 to 12:00.
var (
	sMaths = model.SeanceID("20261123-0800-maths")
	sFr    = model.SeanceID("20261123-0855-fr")
	sEsp   = model.SeanceID("20261123-1005-esp")
	sHist  = model.SeanceID("20261123-1100-hist")
)

func fixture() model.Dataset {
	hm := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	div := func(code string) model.Target { return model.Target{Kind: model.TargetDivision, Code: code} }
	course := func(id string, start, end model.Clock, t model.Target, teacher string) model.Course {
		return model.Course{ID: id, Weekday: time.Monday, Start: start, End: end, Target: t, Teachers: []string{teacher}, Subject: id}
	}
	acc := func(login string, roles ...model.Role) model.Account {
		return model.Account{Login: login, Name: login, Roles: roles}
	}
	maladie := model.DefaultMotives()[0]
	return model.Dataset{
		School:    testSchool(),
		Divisions: []model.Division{{Code: "4A"}, {Code: "4B"}},
		Groups:    []model.Group{{Code: "ESP 4AB", Divisions: []string{"4A", "4B"}}},
		Pupils: []model.Pupil{
			{ID: "p1", LastName: "Martin", FirstName: "Léa", Division: "4B"},
			{ID: "p2", LastName: "Durand", FirstName: "Hugo", Division: "4B"},
			{ID: "p3", LastName: "Bernard", FirstName: "Éloïse", Division: "4B", Groups: []string{"ESP 4AB"}},
			{ID: "p4", LastName: "Petit", FirstName: "Zoé", Division: "4A", Groups: []string{"ESP 4AB"}},
			{ID: "p5", LastName: "Abel", FirstName: "Paul", Division: "4B", Left: model.NewDate(2026, 11, 1)},
		},
		Accounts: []model.Account{
			acc("prof", model.RoleTeacher), acc("prof2", model.RoleTeacher), acc("cpe", model.RoleCPE),
			acc("aed", model.RoleAED), acc("direction", model.RoleDirection),
			{Login: "ancien", Name: "ancien", Roles: []model.Role{model.RoleTeacher}, Disabled: true},
		},
		Courses: []model.Course{
			course("maths", hm(8, 0), hm(8, 55), div("4B"), "prof"),
			course("fr", hm(8, 55), hm(9, 50), div("4B"), "prof2"),
			course("esp", hm(10, 5), hm(11, 0), model.Target{Kind: model.TargetGroup, Code: "ESP 4AB"}, "prof"),
			course("hist", hm(11, 0), hm(11, 55), div("4B"), "prof"),
		},
		Motives: model.DefaultMotives(),
		Changes: []model.SeanceChange{{Seance: sHist, Cancelled: true}},
		Notices: []model.Notice{{
			ID: "n1", Pupil: "p2", From: at(23, 8, 0), To: at(23, 12, 0),
			Justification: maladie.Justify("aed", at(23, 7, 50)), By: "aed", At: at(23, 7, 50),
		}},
	}
}

// serviceDB stores the fixture in a fresh base; services built on it read c.
func serviceDB(t *testing.T, c *clock) *storage.DB {
	t.Helper()
	db := newDB(t, c)
	mustUpdate(t, db, fixture().Write)
	return db
}

func serviceOf(db *storage.DB, login string, c *clock) *model.Service {
	return model.NewService(db, model.Actor{Login: login, Session: "t"}, c.Now)
}
