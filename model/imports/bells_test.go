package imports_test

import (
	"strings"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/imports"
)

// TestEveryFormatAtTheSchoolsBells: a school whose bells ring at 08:10,
// 09:05, 10:15 … imports its timetable from UDT, EDT and STS-Web (emp_sts)
// files written at those times, with no --slots-from-file: every course
// lands once, at the right time, and the planning grid shows it in one
// cell per hour it lasts.
func TestEveryFormatAtTheSchoolsBells(t *testing.T) {
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	bells := []model.Slot{
		{Code: "M1", Start: at(8, 10), End: at(9, 5)}, {Code: "M2", Start: at(9, 5), End: at(10, 0)},
		{Code: "M3", Start: at(10, 15), End: at(11, 10)}, {Code: "M4", Start: at(11, 10), End: at(12, 5)},
		{Code: "S1", Start: at(14, 0), End: at(14, 55), HalfDay: model.Afternoon}, {Code: "S2", Start: at(14, 55), End: at(15, 50), HalfDay: model.Afternoon},
	}
	emp := strings.NewReplacer("<HEURE_DEBUT>0800<", "<HEURE_DEBUT>0810<", "<HEURE_DEBUT>0900<", "<HEURE_DEBUT>0905<",
		"<HEURE_DEBUT>1005<", "<HEURE_DEBUT>1015<", "<DUREE>0100<", "<DUREE>0055<").Replace(string(schoolfiles.Read(t, "emp_sts.xml")))
	files := []struct {
		name, data string
		starts     []model.Clock // Monday 23/11's séances, in order
	}{
		{"udt.csv", "Jour;Heure;Div;Matiere;Professeur;Salle;Groupe;Regroup;Eff;Mo;Freq;Aire;\r\n" +
			"Lundi;8H;4e 1;MATHS;EOEUVRARD;S104;;;28;CG;H;;\r\nLundi;9H;4e 1;FRANCAIS;LEFEVRE;S104;;;28;CG;H;;\r\n" +
			"Lundi;10H;4e 1;HISTOIRE;LEFEVRE;S104;;;28;CG;H;;\r\nLundi;S1;4e 1;EPS;LEFEVRE;GYM;;;28;CG;H;;\r\n",
			[]model.Clock{at(8, 10), at(9, 5), at(10, 15), at(14, 0)}},
		{"EXP_COURS.csv", "NUMERO;JOUR;H.DEBUT;DUREE;FREQUENCE;MAT_LIBELLE;PROF_NOM;CLASSE;SALLE\r\n" +
			"1;lundi;08h10;0h55;H;MATHS;OEUVRARD;4e 1;S104\r\n2;lundi;09h05;0h55;H;FRANCAIS;LEFEVRE;4e 1;S104\r\n" +
			"3;lundi;10h15;1h50;H;HISTOIRE;LEFEVRE;4e 1;S104\r\n4;lundi;14h00;0h55;H;EPS;LEFEVRE;4e 1;GYM\r\n",
			[]model.Clock{at(8, 10), at(9, 5), at(10, 15), at(14, 0)}},
		{"emp_sts.xml", emp, []model.Clock{at(8, 10), at(8, 10), at(9, 5)}},
	}
	for _, file := range files {
		t.Run(file.name, func(t *testing.T) {
			data := bare(schoolfiles.UAI)
			data.School.Slots = bells
			f := newFixture(t, data)
			f.run(t, imports.STS, synthetic(t, "sts_emp.xml"), imports.Options{})
			rep := f.run(t, imports.Timetable, imports.Source{Name: file.name, Data: []byte(file.data)}, imports.Options{})
			if !rep.Applied {
				t.Fatalf("not applied: %v", rep.Notes)
			}
			dir := f.dir(t)
			if len(dir.School.Slots) != len(bells) || dir.School.Slots[0].Start != at(8, 10) {
				t.Errorf("the import changed the grid: %v", dir.School.Slots)
			}
			for _, c := range dir.Courses {
				if _, ok := dir.School.SlotAt(c.Start); !ok {
					t.Errorf("course %s starts at %s, no bell", c.Subject, c.Start)
				}
				if cells, hours := len(model.CoveredSlots(bells, c.Start, c.End)), int(c.End-c.Start+54)/55; cells != hours {
					t.Errorf("course %s %s–%s on %d cells, want %d", c.Subject, c.Start, c.End, cells, hours)
				}
			}
			var got []model.Clock
			seen := map[string]bool{}
			for _, se := range dir.SeancesOn(today) {
				got = append(got, se.Start)
				if seen[se.Course] {
					t.Errorf("course %s twice on Monday", se.Course)
				}
				seen[se.Course] = true
			}
			if len(got) != len(file.starts) {
				t.Fatalf("Monday's séances start at %v, want %v", got, file.starts)
			}
			for i := range got {
				if got[i] != file.starts[i] {
					t.Errorf("Monday's séances start at %v, want %v", got, file.starts)
					break
				}
			}
		})
	}
}
