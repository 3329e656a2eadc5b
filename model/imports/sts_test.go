package imports_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/imports"
)

const (
	stsSample = "sts_emp_0750001A_2026.xml"
	empSample = "emp_sts_0750001A_2026.xml"
)

// TestSTS: teachers get accounts (role teacher, login derived and reported),
// divisions and groups are created or learn their divisions, the subjects'
// labels are kept; a re-import changes nothing, a teacher gone from the file
// keeps his account. The real sample, when reachable, is imported too.
func TestSTS(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	src := synthetic(t, "sts_emp.xml")
	rep := f.run(t, imports.STS, src, imports.Options{})
	want := []string{"compte : 3 créés", "division : 3 créées", "groupe : 3 créés", "établissement : 1 mis à jour"}
	if got := rep.Summary(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("summary %q, want %q", got, want)
	}
	dir := f.dir(t)
	for login, want := range map[string]string{"jlefevre": "Jérôme LEFÈVRE|3001", "inunez": "Inés NUÑEZ|3002", "eoeuvrard": "Élise ŒUVRARD|3003"} {
		a, ok := dir.Account(login)
		if got := a.Name + "|" + a.STSID; !ok || got != want || a.RoleCodes() != "teacher" {
			t.Errorf("account %s = %+v, want %s", login, a, want)
		}
	}
	if g, _ := dir.Group("ESP 4e12"); fmt.Sprint(g.Divisions) != "[4e 1 4e 2]" {
		t.Errorf("group ESP 4e12: %+v", g)
	}
	if dir.School.Subjects["030602"] != "ESPAGNOL LV2" {
		t.Errorf("subjects %v", dir.School.Subjects)
	}
	checkReport(t, rep, []string{"compte jlefevre (Jérôme LEFÈVRE) créé : enseignant, identifiant STS 3001"})
	again := f.run(t, imports.STS, src, imports.Options{})
	if again.Changes() != 0 || again.Written != 0 {
		t.Errorf("re-import changed:\n%s", details(again.Plan))
	}
	gone := src
	gone.Data = []byte(strings.Replace(string(gone.Data), `<INDIVIDU ID="3002"`, `<INDIVIDU ID="9999"`, 1))
	rep = f.run(t, imports.STS, gone, imports.Options{})
	checkReport(t, rep, []string{"compte inunez (Inés NUÑEZ) ignoré : identifiant STS 3002 absent du fichier : compte laissé tel quel"})
	t.Run("klepsydrix (réel)", func(t *testing.T) {
		src, ok := realSample(t, stsSample)
		if !ok {
			return
		}
		f := newFixture(t, bare("0750001A"))
		rep := f.run(t, imports.STS, src, imports.Options{})
		want := []string{"compte : 2 créés", "division : 1 créée", "groupe : 2 créés", "établissement : 1 mis à jour"}
		if got := rep.Summary(); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("summary %q, want %q", got, want)
		}
		if g, _ := f.dir(t).Group("6LV1.ALL"); fmt.Sprint(g.Divisions) != "[6E1]" {
			t.Errorf("group 6LV1.ALL: %+v", g)
		}
		checkReport(t, rep, []string{"compte mdurand (Michel DURAND) créé : enseignant, identifiant STS 8949"})
	})
}

// TestSTSLogins: a login taken by someone else gets a suffix; an account that
// bears the teacher's name is adopted rather than duplicated.
func TestSTSLogins(t *testing.T) {
	data := bare(schoolfiles.UAI)
	data.Accounts = append(data.Accounts,
		model.Account{Login: "jlefevre", Name: "Julie Lefèvre", Roles: []model.Role{model.RoleCPE}},
		model.Account{Login: "ines", Name: "Inés Nuñez", Roles: []model.Role{model.RoleDirection}})
	f := newFixture(t, data)
	f.run(t, imports.STS, synthetic(t, "sts_emp.xml"), imports.Options{})
	dir := f.dir(t)
	if a, ok := dir.Account("jlefevre2"); !ok || a.STSID != "3001" {
		t.Errorf("jlefevre2: %+v", a)
	}
	if a, _ := dir.Account("jlefevre"); a.STSID != "" || a.Name != "Julie Lefèvre" {
		t.Errorf("jlefevre changed: %+v", a)
	}
	a, _ := dir.Account("ines")
	if a.STSID != "3002" || a.RoleCodes() != "teacher,direction" || a.Name != "Inés Nuñez" {
		t.Errorf("ines not adopted: %+v", a)
	}
	if _, dup := dir.Account("inunez"); dup {
		t.Error("inunez created beside the adopted account")
	}
}

// TestSTSRefusesTimetable: an EDT_STS file given to `import sts` is refused
// with the parser's message naming the right command.
func TestSTSRefusesTimetable(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	rep, err := imports.Run(f.svc, imports.STS, synthetic(t, "emp_sts.xml"), imports.Options{})
	if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "appel import timetable") || rep.Applied {
		t.Errorf("err %v", err)
	}
	if len(f.dir(t).Accounts) != len(bare("").Accounts) {
		t.Error("refused file wrote accounts")
	}
}

// TestTimetable: an emp_sts timetable after its STS file: courses on the
// divisions and groups, teachers resolved by STS identifier, A/B weeks in the
// calendar, a course of an unknown group skipped. The real sample, when
// reachable, is imported too.
func TestTimetable(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	f.run(t, imports.STS, synthetic(t, "sts_emp.xml"), imports.Options{})
	src := synthetic(t, "emp_sts.xml")
	rep := f.run(t, imports.Timetable, src, imports.Options{SlotsFromFile: true})
	if got := fmt.Sprint(rep.Summary()); got != "[établissement : 1 mis à jour cours : 9 créés, 1 ignoré]" {
		t.Errorf("summary %s:\n%s", got, details(rep.Plan))
	}
	dir := f.dir(t)
	if got := seancesOf(dir, model.NewDate(2026, 11, 25)); got != "08:00 ESP 4e12 ESPAGNOL LV2 [inunez]" {
		t.Errorf("Wednesday of week %q: %s", dir.School.WeekType(model.NewDate(2026, 11, 25)), got)
	}
	if got := seancesOf(dir, model.NewDate(2026, 12, 2)); got != "08:00 LATIN 4e LCA LATIN [jlefevre]" {
		t.Errorf("Wednesday of week %q: %s", dir.School.WeekType(model.NewDate(2026, 12, 2)), got)
	}
	if got := seancesOf(dir, today); got != "08:00 3 A MATHÉMATIQUES [eoeuvrard], 08:00 4e 1 FRANÇAIS [jlefevre], 09:00 4e 2 FRANÇAIS [jlefevre]" {
		t.Errorf("Monday séances: %s", got)
	}
	again := f.run(t, imports.Timetable, src, imports.Options{SlotsFromFile: true})
	if again.Changes() != 0 || again.Written != 0 {
		t.Errorf("re-import changed:\n%s", details(again.Plan))
	}
	t.Run("klepsydrix (réel)", func(t *testing.T) {
		sts, ok := realSample(t, stsSample)
		emp, _ := realSample(t, empSample)
		if !ok {
			return
		}
		f := newFixture(t, bare("0750001A"))
		f.run(t, imports.STS, sts, imports.Options{})
		rep := f.run(t, imports.Timetable, emp, imports.Options{SlotsFromFile: true})
		if got := rep.Count(model.EntityCourse, imports.Created); got != 10 {
			t.Errorf("%d courses created, want 10:\n%s", got, details(rep.Plan))
		}
		if got := seancesOf(f.dir(t), today); got != "08:00 6LV1.ALL ALLEMAND LV1 [mdurand], 08:00 6LV1.ANG ANGLAIS LV1 [hpetit]" {
			t.Errorf("Monday séances: %s", got)
		}
	})
}

// seancesOf lists a day's séances as « 08:00 code subject [teachers] », in order.
func seancesOf(dir *model.Directory, day model.Date) string {
	var out []string
	for _, se := range dir.SeancesOn(day) {
		out = append(out, fmt.Sprintf("%s %s %s %v", se.Start, se.Target.Code, se.Subject, se.Teachers))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// TestTimetableUnknownAudience: courses of divisions and groups the school
// does not have are skipped and counted, not refused.
func TestTimetableUnknownAudience(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	rep := f.run(t, imports.Timetable, synthetic(t, "emp_sts.xml"), imports.Options{SlotsFromFile: true})
	if rep.Count(model.EntityCourse, imports.Skipped) != 10 || rep.Count(model.EntityCourse, imports.Created) != 0 {
		t.Errorf("summary %v", rep.Summary())
	}
	checkReport(t, rep, []string{"groupe « ESP 4e12 » inconnu(e) de l'établissement", "division « 4e 1 » inconnu(e) de l'établissement"})
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
		"mardi;08:55;09:50;4B;;Histoire;prof2;;A"), imports.Options{})
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
	last := f.run(t, imports.Timetable, appelTimetable("lundi;08:00;08:55;4B;;Mathématiques;prof2;105;toutes"), imports.Options{SlotsFromFile: true})
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
	rep := f.run(t, imports.Timetable, src, imports.Options{SlotsFromFile: true})
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

// TestTimetableSaysWhatIsMissing: a timetable imported before SIECLE names
// the divisions without pupils; a course whose teacher has no account is
// counted, with the commands that mend both.
func TestTimetableSaysWhatIsMissing(t *testing.T) {
	data := bare("0670001A")
	data.Divisions = []model.Division{{Code: "4B"}, {Code: "3C"}}
	f := newFixture(t, data)
	rep := f.run(t, imports.Timetable, appelTimetable(
		"lundi;08:00;08:55;4B;;Mathématiques;prof;104;toutes",
		"mardi;08:55;09:50;3C;;Histoire;inconnu;;"), imports.Options{})
	checkReport(t, rep, []string{
		"2 division(s) ou groupe(s) sans élève : division 3C, division 4B",
		"appel import siecle",
		"1 cours sans enseignant qui ait un compte",
	})
}

// TestSTSStaffWithoutTeaching: a CPE (FONCTION EDU) of STS-Web gets no
// account unasked but is listed with the command that creates it; once the
// account exists under his name, he is no longer listed.
func TestSTSStaffWithoutTeaching(t *testing.T) {
	data := strings.Replace(string(schoolfiles.Read(t, "sts_emp.xml")), "<FONCTION>DOC</FONCTION>", "<FONCTION>EDU</FONCTION>", 1)
	src := imports.Source{Name: "sts_emp.xml", Data: []byte(data)}
	f := newFixture(t, bare(schoolfiles.UAI))
	rep := f.run(t, imports.STS, src, imports.Options{})
	checkReport(t, rep, []string{`Paul LIVRE (EDU, sans enseignement) n'a pas de compte : appel user add plivre --role cpe --name "Paul LIVRE"`})
	if _, ok := f.dir(t).Account("plivre"); ok {
		t.Error("a CPE account was created unasked")
	}
	if _, err := f.db.Update(context.Background(), model.Actor{Login: "test"}, "compte", func(tx model.Tx) error {
		return tx.PutAccount(model.Account{Login: "plivre", Name: "Paul LIVRE", Roles: []model.Role{model.RoleCPE}})
	}); err != nil {
		t.Fatal(err)
	}
	again := f.run(t, imports.STS, src, imports.Options{})
	if strings.Contains(strings.Join(again.Notes, "\n"), "LIVRE") {
		t.Errorf("an existing CPE is listed again: %v", again.Notes)
	}
}

// TestTimetableSlotsFromFile: a school whose bells ring at 08:10, 09:05,
// 10:15: without its grid the import names the times and the grid they
// imply; --slots-from-file takes that grid, and every course starts at a slot
// of it, once.
func TestTimetableSlotsFromFile(t *testing.T) {
	data := bare("0670001A")
	data.Divisions = []model.Division{{Code: "4B"}}
	rows := []string{
		"lundi;08:10;09:05;4B;;Mathématiques;prof;104;toutes",
		"lundi;09:05;10:00;4B;;Français;prof;104;toutes",
		"lundi;10:15;11:10;4B;;Histoire;prof;104;toutes",
		"mardi;08:10;10:00;4B;;SVT;prof;104;toutes",
		"mardi;13:40;14:35;4B;;EPS;prof;;toutes",
	}
	f := newFixture(t, data)
	_, err := imports.Run(f.svc, imports.Timetable, appelTimetable(rows...), imports.Options{})
	checkError(t, err, []string{"4 heure(s) de début absente(s) de la grille horaire de l'établissement (08:10, 09:05, 10:15, 13:40)", "M1 08:10–09:05, M2 09:05–10:00, M3 10:15–11:10, S1 13:40–14:35", "--slots-from-file", "rien n'a été écrit"})
	if dir := f.dir(t); len(dir.Courses) != 0 {
		t.Fatalf("refused file wrote %d courses", len(dir.Courses))
	}
	rep := f.run(t, imports.Timetable, appelTimetable(rows...), imports.Options{SlotsFromFile: true})
	if !rep.Applied {
		t.Fatalf("not applied: %v", rep.Notes)
	}
	dir := f.dir(t)
	if got := len(dir.School.Slots); got != 4 {
		t.Fatalf("grid of %d slots, want 4: %+v", got, dir.School.Slots)
	}
	if len(dir.Courses) != len(rows) {
		t.Errorf("%d courses, want %d", len(dir.Courses), len(rows))
	}
	for _, c := range dir.Courses {
		if _, ok := dir.School.SlotAt(c.Start); !ok {
			t.Errorf("course %s at %s starts at no slot", c.Subject, c.Start)
		}
		if n := len(model.CoveredSlots(dir.School.Slots, c.Start, c.End)); n != int(c.End-c.Start+54)/55 {
			t.Errorf("course %s %s–%s shown on %d cells", c.Subject, c.Start, c.End, n)
		}
	}
}

// TestTimetableTeachingWeeks: the weeks an emp_sts file leaves out of its
// every-week alternation get no séance from now on; a past week left out
// keeps its séances (the past never changes).
func TestTimetableTeachingWeeks(t *testing.T) {
	data := string(schoolfiles.Read(t, "emp_sts.xml"))
	for _, week := range []string{"2026-09-14", "2027-03-08"} {
		data = strings.Replace(data, "<DATE_DEBUT_SEMAINE>"+week+"</DATE_DEBUT_SEMAINE>", "", 1) // the H alternation comes first
	}
	f := newFixture(t, bare(schoolfiles.UAI))
	f.run(t, imports.STS, synthetic(t, "sts_emp.xml"), imports.Options{})
	rep := f.run(t, imports.Timetable, imports.Source{Name: "emp_sts.xml", Data: []byte(data)}, imports.Options{SlotsFromFile: true})
	checkReport(t, rep, []string{"Semaine sans cours du 08/03/2027 (emploi du temps)"})
	dir := f.dir(t)
	if _, off := dir.School.HolidayOn(model.NewDate(2027, 3, 10)); !off {
		t.Error("the week of 08/03/2027, left out of the file, still has courses")
	}
	if _, off := dir.School.HolidayOn(model.NewDate(2026, 9, 16)); off {
		t.Error("a past week became a holiday")
	}
	if got := seancesOf(dir, model.NewDate(2027, 3, 10)); got != "" {
		t.Errorf("séances on 10/03/2027: %s", got)
	}
	again := f.run(t, imports.Timetable, imports.Source{Name: "emp_sts.xml", Data: []byte(data)}, imports.Options{SlotsFromFile: true})
	if again.Written != 0 {
		t.Errorf("re-import wrote %d changes:\n%s", again.Written, details(again.Plan))
	}
}

func checkError(t *testing.T, err error, want []string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one saying %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q: %v", w, err)
		}
	}
}

// TestTimetableHoursChangeCarriesWhatIsAhead: a re-imported timetable whose
// course moves from 08:00 to 08:55 carries what was already recorded on its
// coming séances (an exclusion's mark next Monday, a cancellation the
// Monday after) to the new séances, says so, and an undo puts everything
// back as it was (export identical).
func TestTimetableHoursChangeCarriesWhatIsAhead(t *testing.T) {
	data := bare("0670001A")
	data.Divisions = []model.Division{{Code: "4B"}}
	data.Pupils = []model.Pupil{{ID: "E001", LastName: "Martin", FirstName: "Léa", Division: "4B"}}
	f := newFixture(t, data)
	f.run(t, imports.Timetable, appelTimetable("lundi;08:00;08:55;4B;;Mathématiques;prof;104;toutes"), imports.Options{})
	old := f.dir(t).Courses[0]
	next, after := today.AddDays(7), today.AddDays(14)
	excluded := model.Mark{Seance: model.NewSeanceID(next, old.Start, old.ID), Pupil: "E001", Kind: model.KindExcluded, By: "direction", At: now}
	cancelled := model.SeanceChange{Seance: model.NewSeanceID(after, old.Start, old.ID), Cancelled: true}
	if _, err := f.db.Update(context.Background(), model.Actor{Login: "direction"}, "sanction", func(tx model.Tx) error {
		return errors.Join(tx.PutMark(excluded), tx.PutSeanceChange(cancelled))
	}); err != nil {
		t.Fatal(err)
	}
	before, err := f.svc.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	rep := f.run(t, imports.Timetable, appelTimetable("lundi;08:55;09:50;4B;;Mathématiques;prof;104;toutes"), imports.Options{})
	checkReport(t, rep, []string{"1 cours changent d'horaire", "les suit"})
	dir := f.dir(t)
	moved := func(day model.Date) model.Seance {
		for _, se := range dir.SeancesOn(day) {
			if se.Start == 8*60+55 {
				return se
			}
		}
		t.Fatalf("no 08:55 séance on %s", day)
		return model.Seance{}
	}
	if !moved(after).Cancelled {
		t.Error("the cancellation stayed on the 08:00 séance")
	}
	var marks []model.Mark
	if err := f.db.View(func(tx model.ReadTx) (err error) { marks, err = tx.MarksOfSeance(moved(next).ID); return err }); err != nil || len(marks) != 1 || marks[0].Kind != model.KindExcluded {
		t.Errorf("next Monday's 08:55 séance has marks %v (%v), want the exclusion's", marks, err)
	}
	if _, err := f.svc.UndoLastImport(); err != nil {
		t.Fatalf("undo: %v", err)
	}
	back, err := f.svc.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, before) {
		t.Errorf("after the undo the school differs from before the import:\nbefore %+v\nafter  %+v", before.Marks, back.Marks)
	}
}
