package imports_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/imports"
)

const (
	stsSample = "sts_emp_0750001A_2026.xml"
	empSample = "emp_sts_0750001A_2026.xml"
)

// TestSTSSample: teachers get accounts (role teacher, login derived and
// reported), divisions and groups are created, the subjects' labels kept.
func TestSTSSample(t *testing.T) {
	f := newFixture(t, bare("0750001A"))
	rep := f.run(t, imports.STS, sample(t, stsSample), imports.Options{})
	want := []string{"compte : 2 créés", "division : 1 créée", "groupe : 2 créés", "établissement : 1 mis à jour"}
	if got := rep.Summary(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("summary %q, want %q", got, want)
	}
	dir := f.dir(t)
	for login, want := range map[string]string{"mdurand": "Michel DURAND|8949", "hpetit": "Helene PETIT|8950"} {
		a, ok := dir.Account(login)
		if got := a.Name + "|" + a.STSID; !ok || got != want || a.RolesString() != "teacher" {
			t.Errorf("account %s = %+v, want %s", login, a, want)
		}
	}
	if g, _ := dir.Group("6LV1.ALL"); fmt.Sprint(g.Divisions) != "[6E1]" {
		t.Errorf("group 6LV1.ALL: %+v", g)
	}
	if dir.School.Subjects["030101"] != "ALLEMAND LV1" {
		t.Errorf("subjects %v", dir.School.Subjects)
	}
	if !strings.Contains(details(rep.Plan), "compte mdurand (Michel DURAND) créé : enseignant, identifiant STS 8949") {
		t.Errorf("details:\n%s", details(rep.Plan))
	}
	again := f.run(t, imports.STS, sample(t, stsSample), imports.Options{})
	if again.Changes() != 0 || again.Written != 0 {
		t.Errorf("re-import changed:\n%s", details(again.Plan))
	}
	gone := sample(t, stsSample)
	gone.Data = []byte(strings.Replace(string(gone.Data), `<INDIVIDU ID="8950"`, `<INDIVIDU ID="9999"`, 1))
	rep = f.run(t, imports.STS, gone, imports.Options{})
	if !strings.Contains(details(rep.Plan), "compte hpetit (Helene PETIT) ignoré : identifiant STS 8950 absent du fichier : compte laissé tel quel") {
		t.Errorf("details:\n%s", details(rep.Plan))
	}
}

// TestSTSLogins: a login taken by someone else gets a suffix; an account that
// bears the teacher's name is adopted rather than duplicated.
func TestSTSLogins(t *testing.T) {
	data := bare("0750001A")
	data.Accounts = append(data.Accounts,
		model.Account{Login: "mdurand", Name: "Marie Durand", Roles: []model.Role{model.RoleCPE}},
		model.Account{Login: "helene", Name: "Hélène Petit", Roles: []model.Role{model.RoleDirection}})
	f := newFixture(t, data)
	f.run(t, imports.STS, sample(t, stsSample), imports.Options{})
	dir := f.dir(t)
	if a, ok := dir.Account("mdurand2"); !ok || a.STSID != "8949" {
		t.Errorf("mdurand2: %+v", a)
	}
	if a, _ := dir.Account("mdurand"); a.STSID != "" || a.Name != "Marie Durand" {
		t.Errorf("mdurand changed: %+v", a)
	}
	a, _ := dir.Account("helene")
	if a.STSID != "8950" || a.RolesString() != "teacher,direction" || a.Name != "Hélène Petit" {
		t.Errorf("helene not adopted: %+v", a)
	}
	if _, dup := dir.Account("hpetit"); dup {
		t.Error("hpetit created beside the adopted account")
	}
}

// TestSTSRefusesTimetable: an EDT_STS file given to `import sts` is refused
// with the parser's message naming the right command.
func TestSTSRefusesTimetable(t *testing.T) {
	f := newFixture(t, bare("0750001A"))
	rep, err := imports.Run(f.svc, imports.STS, sample(t, empSample), imports.Options{})
	if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "appel import timetable") || rep.Applied {
		t.Errorf("err %v", err)
	}
	if len(f.dir(t).Accounts) != len(bare("").Accounts) {
		t.Error("refused file wrote accounts")
	}
}

// TestTimetableSample: the emp_sts sample after its STS file: courses on the
// groups, teachers resolved by STS identifier, A/B weeks in the calendar.
func TestTimetableSample(t *testing.T) {
	f := newFixture(t, bare("0750001A"))
	f.run(t, imports.STS, sample(t, stsSample), imports.Options{})
	rep := f.run(t, imports.Timetable, sample(t, empSample), imports.Options{})
	if got := rep.Count(model.EntityCourse, imports.Created); got != 10 {
		t.Errorf("%d courses created, want 10:\n%s", got, details(rep.Plan))
	}
	dir := f.dir(t)
	wed := dir.SeancesOn(model.NewDate(2026, 11, 25))
	if len(wed) != 1 {
		t.Fatalf("Wednesday séances: %+v", wed)
	}
	week := dir.School.WeekType(wed[0].Date)
	wantGroup := map[string]string{"A": "6LV1.ALL", "B": "6LV1.ANG"}[week]
	if wed[0].Target.Code != wantGroup || wed[0].Start != 8*60 || wed[0].End != 9*60 {
		t.Errorf("Wednesday of week %q: %+v", week, wed[0])
	}
	mon := dir.SeancesOn(today)
	if len(mon) != 2 || fmt.Sprint(mon[0].Teachers, mon[1].Teachers) != "[mdurand] [hpetit]" || mon[0].Subject != "ALLEMAND LV1" {
		t.Errorf("Monday séances: %+v", mon)
	}
	again := f.run(t, imports.Timetable, sample(t, empSample), imports.Options{})
	if again.Changes() != 0 || again.Written != 0 {
		t.Errorf("re-import changed:\n%s", details(again.Plan))
	}
}

// TestTimetableUnknownAudience: courses of groups the school does not have
// are skipped and counted, not refused; unknown teachers are left out.
func TestTimetableUnknownAudience(t *testing.T) {
	f := newFixture(t, bare("0750001A"))
	rep := f.run(t, imports.Timetable, sample(t, empSample), imports.Options{})
	if rep.Count(model.EntityCourse, imports.Skipped) != 10 || rep.Count(model.EntityCourse, imports.Created) != 0 {
		t.Errorf("summary %v", rep.Summary())
	}
	if !strings.Contains(details(rep.Plan), "groupe « 6LV1.ALL » inconnu(e) de l'établissement") {
		t.Errorf("details:\n%s", details(rep.Plan))
	}
}

// appelTimetable is a timetable in appel's own CSV for the modeltest school.
func appelTimetable(rows ...string) imports.Source {
	return csvSource("edt.csv", append([]string{"jour;debut;fin;division;groupe;matiere;enseignant;salle;semaines"}, rows...)...)
}

// TestTimetableNewerFile: a course that leaves the timetable ends the day
// before the import (its past séances and marks stay); a new one starts on
// the import's day; a course that never took place is deleted.
func TestTimetableNewerFile(t *testing.T) {
	data := bare("0670001A")
	data.Divisions = []model.Division{{Code: "4B"}}
	f := newFixture(t, data)
	f.run(t, imports.Timetable, appelTimetable(
		"lundi;08:00;08:55;4B;;Mathématiques;prof;104;toutes",
		"mardi;09:00;09:55;4B;;Histoire;prof2;;A"), imports.Options{})
	rep := f.run(t, imports.Timetable, appelTimetable(
		"lundi;08:00;08:55;4B;;Mathématiques;prof2;105;toutes",
		"jeudi;10:05;11:00;4B;;SVT;prof;;"), imports.Options{})
	want := []string{"cours : 1 créé, 2 mis à jour"}
	if got := rep.Summary(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("summary %q, want %q\n%s", got, want, details(rep.Plan))
	}
	dir := f.dir(t)
	byDay := map[time.Weekday]model.Course{}
	for _, c := range dir.Courses {
		byDay[c.Weekday] = c
	}
	if c := byDay[time.Monday]; fmt.Sprint(c.Teachers) != "[prof2]" || c.Room != "105" || !c.From.IsZero() {
		t.Errorf("Monday course: %+v", c)
	}
	if c := byDay[time.Tuesday]; c.To != today.AddDays(-1) {
		t.Errorf("Tuesday course should end on %v: %+v", today.AddDays(-1), c)
	}
	if c := byDay[time.Thursday]; c.From != today {
		t.Errorf("Thursday course should start on %v: %+v", today, c)
	}
	if len(dir.SeancesOn(model.NewDate(2026, 11, 3))) != 1 || len(dir.SeancesOn(model.NewDate(2026, 12, 1))) != 0 {
		t.Error("the ended course's séances moved")
	}
	last := f.run(t, imports.Timetable, appelTimetable("lundi;08:00;08:55;4B;;Mathématiques;prof2;105;toutes"), imports.Options{})
	if last.Count(model.EntityCourse, imports.Deleted) != 1 {
		t.Errorf("the course that never took place should go: %v\n%s", last.Summary(), details(last.Plan))
	}
}

// TestTimetableTeachersByName: EDT and UDT name teachers; a name that fits
// two accounts is left out as ambiguous.
func TestTimetableTeachersByName(t *testing.T) {
	data := bare("0670001A")
	data.Divisions = []model.Division{{Code: "4B"}}
	data.Groups = []model.Group{{Code: "4B G1", Divisions: []string{"4B"}}}
	data.Accounts = append(data.Accounts, model.Account{Login: "mmartin2", Name: "Marc Martin", Roles: []model.Role{model.RoleTeacher}})
	f := newFixture(t, data)
	src := csvSource("EXP_COURS.csv",
		"NUMERO;JOUR;H.DEBUT;DUREE;FREQUENCE;MAT_LIBELLE;PROF_NOM;PROF_PRENOM;CLASSE;SALLE",
		"1;lundi;  09h00;1h00;H;Français;DURAND;;4B G1;12",
		"2;mardi;  09h00;1h00;H;Français;Martin;;4B;12")
	rep := f.run(t, imports.Timetable, src, imports.Options{})
	dir := f.dir(t)
	if len(dir.Courses) != 2 {
		t.Fatalf("courses %+v\n%s", dir.Courses, details(rep.Plan))
	}
	for _, c := range dir.Courses {
		switch c.Weekday {
		case time.Monday:
			if c.Target.Kind != model.TargetGroup || fmt.Sprint(c.Teachers) != "[prof2]" {
				t.Errorf("Monday: %+v", c)
			}
		case time.Tuesday:
			if len(c.Teachers) != 0 {
				t.Errorf("Tuesday teacher should be ambiguous: %+v", c)
			}
		}
	}
	if !strings.Contains(details(rep.Plan), "enseignant Martin ambigu (mmartin2, prof) : ignoré") {
		t.Errorf("details:\n%s", details(rep.Plan))
	}
}
