package sts

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/formats"
)

func teacherLines(ts []Teacher) []string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprintf("%s %s %s %s %s %v @%d", t.ID, t.Login, t.Civility, t.LastName, t.FirstName, t.MainDivisions, t.Line))
	}
	return out
}

func serviceLines(ss []Service) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s:%s %s %q %v", s.Target.Kind, s.Target.Code, s.Subject, s.SubjectLabel, s.Teachers))
	}
	return out
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestParse reads an STS-Web export: teachers with their logins, civility
// and main divisions, the services of divisions and groups, cross-class
// groups, the subjects' labels, the year; the synthetic export also has a
// member of staff who teaches nothing. The real sample is read too when it
// is reachable.
func TestParse(t *testing.T) {
	type stsCase struct {
		name                          string
		data                          []byte
		teachers, services            []string
		divisions, groups, header     string
		subject, subjectLong, account string
		notes                         []string
	}
	cases := []stsCase{{
		name: "synthétique", data: schoolfiles.Read(t, "sts_emp.xml"),
		teachers: []string{
			"3001 jlefevre M. LEFÈVRE Jérôme [4e 1] @35",
			"3002 inunez Mme NUÑEZ Inés [] @46",
			"3003 eoeuvrard Mme ŒUVRARD Élise [] @52",
		},
		services: []string{
			`division:4e 1 020100 "FRANÇAIS" [3001]`,
			`division:4e 1 061300 "MATHÉMATIQUES" [3003]`,
			`division:4e 2 020100 "FRANÇAIS" [3001]`,
			`division:3 A 061300 "MATHÉMATIQUES" [3003]`,
			`group:ESP 4e12 030602 "ESPAGNOL LV2" [3002]`,
			`group:LATIN 4e 020700 "LCA LATIN" [3001]`,
			`group:_3A_G1 061300 "MATHÉMATIQUES" [3003]`,
		},
		divisions: "[{4e 1  } {4e 2  } {3 A  }]",
		groups:    "[{ESP 4e12 ESPAGNOL LV2 4e 1 et 4e 2 [4e 1 4e 2]} {LATIN 4e  [4e 1]} {_3A_G1  [3 A]}]",
		header:    "0679999X 2026 2026-09-01 2027-07-03",
		subject:   "030602", subjectLong: "ESPAGNOL DEUXIÈME LANGUE VIVANTE", account: "Jérôme LEFÈVRE",
		notes: []string{"1 personnel(s) sans fonction d'enseignement ni service : ignoré(s)"},
	}}
	if data, ok := schoolfiles.Sample(t, "sts_emp_0750001A_2026.xml"); ok {
		cases = append(cases, stsCase{
			name: "klepsydrix (réel)", data: data,
			teachers: []string{"8949 mdurand M. DURAND Michel [6E1] @80", "8950 hpetit Mme PETIT Helene [] @101"},
			services: []string{
				`division:6E1 030101 "ALLEMAND LV1" [8949]`,
				`group:6LV1.ALL 030101 "ALLEMAND LV1" [8949]`,
				`group:6LV1.ANG 030201 "ANGLAIS LV1" [8950]`,
			},
			divisions: "[{6E1  }]",
			groups:    "[{6LV1.ALL 6EME ALLEMAND LV1 [6E1]} {6LV1.ANG 6EME ANGLAIS LV1 [6E1]}]",
			header:    "0750001A 2026 2026-09-02 2027-07-04",
			subject:   "030201", subjectLong: "ANGLAIS PREMIERE LANGUE", account: "Michel DURAND",
		})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse("sts.xml", c.data)
			if err != nil {
				t.Fatal(err)
			}
			same(t, "teachers", teacherLines(f.Teachers), c.teachers)
			same(t, "services", serviceLines(f.Services), c.services)
			if fmt.Sprint(f.Divisions) != c.divisions || fmt.Sprint(f.Groups) != c.groups {
				t.Errorf("divisions %v groups %v", f.Divisions, f.Groups)
			}
			if got := fmt.Sprintf("%s %d %s %s", f.UAJ, f.Year, f.YearStart, f.YearEnd); got != c.header {
				t.Errorf("header %s, want %s", got, c.header)
			}
			var notes []string
			for _, n := range f.Notes {
				notes = append(notes, n.String())
			}
			same(t, "notes", notes, c.notes)
			if f.Subjects[c.subject].Long != c.subjectLong {
				t.Errorf("subjects %v", f.Subjects)
			}
			if a := f.Teachers[0].Account(); a.Validate() != nil || a.Name != c.account {
				t.Errorf("account %+v: %v", a, a.Validate())
			}
		})
	}
}

func TestParseFixture(t *testing.T) {
	data, err := os.ReadFile("testdata/sts_fixture.xml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("f.xml", data)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "teachers", teacherLines(f.Teachers), []string{
		"13 ecoeurdevey Mme Cœurdevey Élise [] @33",
		"11 mdurand  Durand Marc [] @35",
		"12 mdurand2  DURAND Marie [] @34",
	})
	same(t, "services", serviceLines(f.Services), []string{
		`group:ESP 4AB 030602 "ESPAGNOL LV2" [12]`,
		`division:4A 999999 "999999" [13]`,
		`division:4A 030602 "ESPAGNOL LV2" [11]`,
	})
	if fmt.Sprint(f.Groups) != "[{ESP 4AB  [4A 4B]}]" || fmt.Sprint(f.Divisions) != "[{4A  4e}]" {
		t.Errorf("groups %v divisions %v", f.Groups, f.Divisions)
	}
	var notes []string
	for _, n := range f.Notes {
		notes = append(notes, n.String())
	}
	same(t, "notes", notes, []string{
		"ligne 25 : division 4A décrite deux fois : services réunis",
		"ligne 9 : ESP 4AB : enseignant ID 99 absent des individus : ignoré",
		"ligne 22 : 4A : matière 999999 absente de la nomenclature, désignée par son code",
		"ligne 33 : Élise CŒURDEVEY (ID 13) n'a pas la fonction ENS mais assure un service : compté comme enseignant",
		"1 personnel(s) sans fonction d'enseignement ni service : ignoré(s)",
	})
}

func TestParseRefused(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"timetable", schoolfiles.Read(t, "emp_sts.xml"),
			"emp.xml : ce fichier est un emploi du temps (EDT_STS) ; importez-le avec `appel import timetable`"},
		{"siecle", schoolfiles.Read(t, "eleves.xml"), "importez-le avec `appel import siecle`"},
		{"no id", []byte("<STS_EDT><DONNEES><INDIVIDUS>\n<INDIVIDU/></INDIVIDUS></DONNEES></STS_EDT>"), "emp.xml, ligne 2 : individu sans attribut ID"},
		{"duplicate", []byte("<STS_EDT><DONNEES><INDIVIDUS>\n<INDIVIDU ID='1'/>\n<INDIVIDU ID='1'/></INDIVIDUS></DONNEES></STS_EDT>"), "ligne 3 : individu ID 1 en double (déjà ligne 2)"},
		{"empty parameters", []byte("<STS_EDT><PARAMETRES></PARAMETRES>\n<DONNEES><INDIVIDUS><INDIVIDU/></INDIVIDUS></DONNEES></STS_EDT>"), "emp.xml, ligne 2 : individu sans attribut ID"},
		{"division without code", []byte("<STS_EDT><DONNEES><STRUCTURE><DIVISIONS>\n<DIVISION/></DIVISIONS></STRUCTURE></DONNEES></STS_EDT>"), "ligne 2 : division sans attribut CODE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("emp.xml", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant %q", err, tt.want)
			}
		})
	}
}

func TestLoginBase(t *testing.T) {
	tests := []struct{ first, last, want string }{
		{"Michel", "DURAND", "mdurand"},
		{"Jean-Éric", "DE LA FONTAINE", "jdelafontaine"},
		{"Zoë", "L'Hôte", "zlhote"},
		{"Œdipe", "Bœuf", "oboeuf"},
		{"Łukasz", "Żółć", "lzolc"},
		{"", "Ng", "ng"},
		{"李", "王", ""},
		{"A", strings.Repeat("b", 60), "a" + strings.Repeat("b", 39)},
	}
	for _, tt := range tests {
		if got := LoginBase(tt.first, tt.last); got != tt.want {
			t.Errorf("LoginBase(%q, %q) = %q, want %q", tt.first, tt.last, got, tt.want)
		}
	}
}

func TestAssignLoginsDeterministic(t *testing.T) {
	make3 := func(order []int) map[string]string {
		all := []Teacher{{ID: "2", FirstName: "Michel", LastName: "Durand"}, {ID: "1", FirstName: "Marc", LastName: "DURAND"},
			{ID: "3", FirstName: "Marie", LastName: "Durand"}, {ID: "x-9", FirstName: "李", LastName: "王"}}
		ts := make([]Teacher, len(order))
		for i, o := range order {
			ts[i] = all[o]
		}
		AssignLogins(ts, func(l string) bool { return l == "mdurand2" })
		out := map[string]string{}
		for _, t := range ts {
			out[t.ID] = t.Login
			if err := model.ValidateLogin(t.Login); err != nil {
				panic(err)
			}
		}
		return out
	}
	a, b := make3([]int{0, 1, 2, 3}), make3([]int{3, 2, 1, 0})
	want := "map[1:mdurand 2:mdurand3 3:mdurand4 x-9:ensx9]"
	if fmt.Sprint(a) != want || fmt.Sprint(b) != want {
		t.Errorf("logins %v and %v, want %s", a, b, want)
	}
}

func FuzzParse(f *testing.F) {
	schoolfiles.Seed(f, "sts_emp_0750001A_2026.xml")
	schoolfiles.SeedAll(f)
	if data, err := os.ReadFile("testdata/sts_fixture.xml"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Parse("f.xml", data)
		if err != nil {
			var fe *formats.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a formats.Error", err)
			}
			if fe.Line > 0 && !strings.HasPrefix(err.Error(), formats.Place(fe.File, fe.Line, fe.Column)) {
				t.Fatalf("error %q does not show its line", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, tc := range out.Teachers {
			if seen[tc.Login] || model.ValidateLogin(tc.Login) != nil {
				t.Fatalf("login %q duplicated or invalid", tc.Login)
			}
			seen[tc.Login] = true
		}
	})
}

// FuzzAssignLogins checks that any names give valid, distinct logins.
func FuzzAssignLogins(f *testing.F) {
	f.Add("Michel", "DURAND", "Marc", "Durand", "1", "2")
	f.Add("李", "王", "", "", "-", "-")
	f.Fuzz(func(t *testing.T, f1, l1, f2, l2, id1, id2 string) {
		ts := []Teacher{{ID: id1, FirstName: f1, LastName: l1}, {ID: id2, FirstName: f2, LastName: l2}, {ID: id1, FirstName: f1, LastName: l1}}
		AssignLogins(ts, func(l string) bool { return l == "mdurand" })
		seen := map[string]bool{}
		for _, tc := range ts {
			if seen[tc.Login] || tc.Login == "mdurand" || model.ValidateLogin(tc.Login) != nil {
				t.Fatalf("login %q duplicated, taken or invalid", tc.Login)
			}
			seen[tc.Login] = true
		}
	})
}
