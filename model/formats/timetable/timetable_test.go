package timetable

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

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// summary describes an entry in one line for comparisons.
func summary(e Entry) string {
	c := e.Course
	var ts []string
	for _, r := range e.Teachers {
		ts = append(ts, r.String())
	}
	guess := ""
	if e.TargetGuessed {
		guess = "?"
	}
	return fmt.Sprintf("%s:%s%s %s %s-%s [%s] %s|%s|%s {%s} @%d", c.Target.Kind, c.Target.Code, guess,
		model.FrenchWeekday(c.Weekday), c.Start, c.End, c.Weeks, c.Subject, e.SubjectCode, c.Room, strings.Join(ts, ", "), e.Line)
}

func summaries(tt *Timetable) []string {
	var out []string
	for _, e := range tt.Entries {
		out = append(out, summary(e))
	}
	return out
}

func noteLines(ns formats.Notes) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.String())
	}
	return out
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEmpSTSWeeksAB reads an emp_sts timetable: courses of divisions and
// groups with their teacher's STS identifier, every week or week A or B, and
// the calendar of A and B weeks (holiday weeks in neither); the synthetic
// file, and the real sample when it is reachable.
func TestEmpSTSWeeksAB(t *testing.T) {
	type empCase struct {
		name     string
		data     []byte
		subjects map[string]string
		entries  []string
	}
	cases := []empCase{{
		name: "synthétique", data: schoolfiles.Read(t, "emp_sts.xml"), subjects: map[string]string{"020100": "FRANÇAIS"},
		entries: []string{
			"division:4e 1 lundi 08:00-09:00 [] FRANÇAIS|020100| {ID STS 3001} @109",
			"division:4e 1 jeudi 10:05-11:00 [] FRANÇAIS|020100| {ID STS 3001} @115",
			"division:4e 2 lundi 09:00-10:00 [] FRANÇAIS|020100| {ID STS 3001} @133",
			"division:3 A lundi 08:00-09:00 [] 061300|061300| {ID STS 3003} @151",
			"division:3 A mardi 09:00-10:00 [] 061300|061300| {ID STS 3003} @157",
			"group:ESP 4e12 mercredi 08:00-09:00 [A] 030602|030602| {ID STS 3002} @181",
			"group:ESP 4e12 vendredi 14:00-15:00 [] 030602|030602| {ID STS 3002} @187",
			"group:LATIN 4e mercredi 08:00-09:00 [B] 020700|020700| {ID STS 3001} @208",
			"group:_3A_G1 vendredi 08:00-09:00 [] 061300|061300| {ID STS 3003} @229",
			"group:ATELIER jeudi 14:00-15:00 [] 030602|030602| {ID STS 3002} @247",
		},
	}}
	if data, ok := schoolfiles.Sample(t, "emp_sts_0750001A_2026.xml"); ok {
		cases = append(cases, empCase{
			name: "klepsydrix (réel)", data: data, subjects: map[string]string{"030101": "ALLEMAND LV1"},
			entries: []string{
				"group:6LV1.ALL lundi 08:00-09:00 [] ALLEMAND LV1|030101| {ID STS 8949} @150",
				"group:6LV1.ALL mardi 08:00-09:00 [] ALLEMAND LV1|030101| {ID STS 8949} @156",
				"group:6LV1.ALL jeudi 08:00-09:00 [] ALLEMAND LV1|030101| {ID STS 8949} @162",
				"group:6LV1.ALL vendredi 08:00-09:00 [] ALLEMAND LV1|030101| {ID STS 8949} @168",
				"group:6LV1.ALL mercredi 08:00-09:00 [A] ALLEMAND LV1|030101| {ID STS 8949} @174",
				"group:6LV1.ANG lundi 08:00-09:00 [] 030201|030201| {ID STS 8950} @195",
				"group:6LV1.ANG mardi 08:00-09:00 [] 030201|030201| {ID STS 8950} @201",
				"group:6LV1.ANG jeudi 08:00-09:00 [] 030201|030201| {ID STS 8950} @207",
				"group:6LV1.ANG vendredi 08:00-09:00 [] 030201|030201| {ID STS 8950} @213",
				"group:6LV1.ANG mercredi 08:00-09:00 [B] 030201|030201| {ID STS 8950} @219",
			},
		})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tt, err := Parse("emp.xml", c.data, Options{Subjects: c.subjects})
			if err != nil {
				t.Fatal(err)
			}
			same(t, "entries", summaries(tt), c.entries)
			checkWeeksAB(t, tt)
		})
	}
}

// checkWeeksAB checks the A/B calendar that both emp_sts files give.
func checkWeeksAB(t *testing.T, tt *Timetable) {
	t.Helper()
	if tt.Format != FormatSTS || len(tt.WeekTypes) != 36 || len(tt.WeekSets) != 0 || len(tt.Notes) != 0 {
		t.Errorf("format %s, %d week types, sets %v, notes %v", tt.Format, len(tt.WeekTypes), tt.WeekSets, tt.Notes)
	}
	checks := map[model.Date]string{model.NewDate(2026, 8, 31): "A", model.NewDate(2026, 9, 7): "B", model.NewDate(2026, 11, 23): "A", model.NewDate(2027, 6, 28): "B"}
	for d, w := range checks {
		if tt.WeekTypes[d] != w {
			t.Errorf("week of %s = %q, want %q", d, tt.WeekTypes[d], w)
		}
	}
	if _, holiday := tt.WeekTypes[model.NewDate(2026, 10, 19)]; holiday {
		t.Error("the autumn holiday week is in neither A nor B")
	}
	for _, e := range tt.Entries {
		if err := e.Course.Validate(); err != nil {
			t.Errorf("%s: %v", summary(e), err)
		}
	}
}

func TestEDTXMLAndCSVAgree(t *testing.T) {
	want := []string{
		"division:6A? lundi 09:00-10:00 [] FRANÇAIS|FRANC|S12 {MARTIN Anne} @%d",
		"division:6A? mardi 13:30-15:00 [A] SCIENCES DE LA VIE ET DE LA TERRE|SVT|LABO {DUPONT Jean, LEFÈVRE Zoé} @%d",
		"division:6B? mardi 13:30-15:00 [A] SCIENCES DE LA VIE ET DE LA TERRE|SVT|LABO {DUPONT Jean, LEFÈVRE Zoé} @%d",
		"division:ESP 5AB? vendredi 15:25-16:20 [B] ESPAGNOL LV2|ESP2| {GARCIA} @%d",
	}
	tests := []struct {
		file   string
		format Format
		lines  []any
		notes  []string
	}{
		{"edt_exp_cours.xml", FormatEDTXML, []any{4, 22, 22, 36}, []string{
			"ligne 48 : cours sans classe ni groupe (CLASSE vide) : ignoré",
			"ligne 57 : alternance \"S3\" inconnue (H, Q1 ou Q2 attendu) : cours ignoré",
			"des cours n'ont lieu qu'en semaine A ou B et le fichier ne dit pas quelles semaines sont A ou B : le calendrier A/B de l'établissement s'appliquera",
		}},
		{"edt_exp_cours.csv", FormatEDTCSV, []any{2, 3, 3, 4}, []string{
			"ligne 5 : cours sans classe ni groupe (CLASSE vide) : ignoré",
			"ligne 6 : alternance \"S3\" inconnue (H, Q1 ou Q2 attendu) : cours ignoré",
			"des cours n'ont lieu qu'en semaine A ou B et le fichier ne dit pas quelles semaines sont A ou B : le calendrier A/B de l'établissement s'appliquera",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			tt, err := Parse(tc.file, fixture(t, tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var w []string
			for i, s := range want {
				w = append(w, fmt.Sprintf(s, tc.lines[i]))
			}
			same(t, "entries", summaries(tt), w)
			same(t, "notes", noteLines(tt.Notes), tc.notes)
			if tt.Format != tc.format {
				t.Errorf("format %s", tt.Format)
			}
		})
	}
}

func TestUDT(t *testing.T) {
	tt, err := Parse("udt.csv", fixture(t, "udt.csv"), Options{Slots: model.DefaultSlots()})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "entries", summaries(tt), []string{
		"division:6 E lundi 08:00-08:55 [] EPS|EPS|GYMNA {DURAND PIERRE} @2",
		"division:6 E lundi 10:05-11:00 [] MATHS|MATHS|S104 {LÉGER Éloïse} @3",
		"group:6E G1 mardi 08:00-08:55 [A] ANGLAIS|ANGLAIS|S201 {SMITH JOHN} @4",
		"group:ALL 6EF mardi 08:00-08:55 [B] ALLEMAND|ALLEMAND|S202 {MULLER ANNA} @5",
		"division:6 E mercredi 08:55-09:50 [] VIE DE CLASSE|VIE DE CLASSE| {} @6",
	})
	same(t, "notes", noteLines(tt.Notes)[:2], []string{
		"ligne 7 : cours sans division ni groupe : ignoré",
		"ligne 8 : fréquence \"X3\" inconnue (H, Q1 ou Q2 attendu) : cours ignoré",
	})
	if !tt.Entries[1].Teachers[0].MatchesName("Léger", "Eloïse") || tt.Entries[1].Teachers[0].MatchesName("Léger", "Anne") {
		t.Error("UDT names must match « NOM Prénom » accents and case ignored")
	}
	_, err = Parse("udt.csv", fixture(t, "udt.csv"), Options{})
	if err == nil || err.Error() != `udt.csv, ligne 2 : créneau "8H" absent de la grille horaire de l'établissement (aucune grille fournie) : UDT ne donne pas l'heure de fin des cours, réglez d'abord la grille (appel settings slots set, ou c sur le panneau Établissement) puis réimportez` {
		t.Errorf("without slots: %v", err)
	}
}

func TestAppelCSV(t *testing.T) {
	tt, err := Parse("edt.csv", fixture(t, "appel.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "entries", summaries(tt), []string{
		"division:4B lundi 08:00-08:55 [] Mathématiques|Mathématiques|S101 {prof} @2",
		"group:ESP 4AB lundi 08:55-09:50 [A] Espagnol|Espagnol|S102 {mgarcia, prof} @3",
		"division:4B mardi 10:05-11:00 [B] Histoire-géographie|Histoire-géographie|S103 {jdupont} @4",
		"division:4B samedi 08:00-09:00 [] Devoir surveillé|Devoir surveillé| {} @6",
	})
}

func TestStableIDs(t *testing.T) {
	base := "jour;debut;fin;division;groupe;matiere;enseignant;salle;semaines\nlundi;08:00;08:55;4B;;Maths;%s;%s;%s\n"
	id := func(teacher, room, weeks string) string {
		tt, err := Parse("t.csv", []byte(fmt.Sprintf(base, teacher, room, weeks)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return tt.Entries[0].Course.ID
	}
	first := id("prof", "S1", "toutes")
	if id("prof", "S1", "") != first || id("autre", "S9", "toutes") != first {
		t.Error("teacher or room changes must keep the course's identifier")
	}
	if id("prof", "S1", "A") == first {
		t.Error("another week set is another course")
	}
	xml, _ := Parse("x", fixture(t, "edt_exp_cours.xml"), Options{})
	csv, _ := Parse("c", fixture(t, "edt_exp_cours.csv"), Options{})
	for i := range xml.Entries {
		if xml.Entries[i].Course.ID != csv.Entries[i].Course.ID {
			t.Errorf("entry %d: XML and CSV give different identifiers", i)
		}
	}
}

func TestRefused(t *testing.T) {
	head := "jour;debut;fin;division;groupe;matiere;enseignant;salle;semaines\n"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"sts", schoolfiles.Read(t, "sts_emp.xml"), "t.csv : ce fichier est un export STS-Web des services (STS_EDT) ; importez-le avec `appel import sts`"},
		{"siecle", schoolfiles.Read(t, "eleves.zip"), "importez-le avec `appel import siecle`"},
		{"unknown csv", []byte("nom;prenom\nA;B\n"), "t.csv, ligne 1 : colonnes nom;prenom non reconnues"},
		{"bad day", []byte(head + "lundi;08:00;09:00;4B;;M;;;\nfunday;08:00;09:00;4B;;M;;;\n"), "t.csv, ligne 3 : jour \"funday\" illisible"},
		{"bad time", []byte(head + "lundi;8:00;25:00;4B;;M;;;\n"), "ligne 2 : heures \"8:00\"–\"25:00\" illisibles"},
		{"end before start", []byte(head + "lundi;09:00;08:00;4B;;M;;;\n"), "ligne 2 : cours de durée nulle ou négative (09:00–08:00)"},
		{"both targets", []byte(head + "lundi;08:00;09:00;4B;G1;M;;;\n"), "ligne 2 : division \"4B\" et groupe \"G1\" : un seul des deux"},
		{"no target", []byte(head + "lundi;08:00;09:00;;;M;;;\n"), "ligne 2 : ni division ni groupe"},
		{"bad weeks", []byte(head + "lundi;08:00;09:00;4B;;M;;;C\n"), "ligne 2 : semaines \"C\" inconnues (toutes, A ou B attendu)"},
		{"two subjects", []byte(head + "lundi;08:00;09:00;4B;;Maths;;;\nlundi;08:00;09:00;4B;;Français;;;toutes\n"),
			"ligne 3 : 4B le lundi à 08:00 (toutes les semaines) : déjà un cours ligne 2 (Maths, fin 09:00), ici Français fin 09:00"},
		{"no target column", []byte("jour;debut;fin\nlundi;8:00;9:00\n"), "ligne 1 : colonne « division » ou « groupe » absente"},
		{"edt bad duration", []byte("JOUR;H.DEBUT;DUREE;CLASSE\nlundi;09h00;1h75;6A\n"), "ligne 2 : durée \"1h75\" illisible (attendu 1h00)"},
		{"edt contradiction", []byte("JOUR;H.DEBUT;DUREE;CLASSE;FREQUENCE;ALTERNANCE\nlundi;09h00;1h00;6A;Q1;Q2\n"), "ligne 2 : FREQUENCE et ALTERNANCE se contredisent"},
		{"edt after midnight", []byte("JOUR;H.DEBUT;DUREE;CLASSE\nlundi;23h30;1h00;6A\n"), "ligne 2 : cours de 23:30 durant 60 minutes : il finirait après minuit"},
		{"emp_sts bad day", []byte("<EDT_STS><DONNEES><STRUCTURE><DIVISIONS><DIVISION CODE='6A'><SERVICES><SERVICE CODE_MATIERE='1'><ENSEIGNANTS><ENSEIGNANT ID='2'><COURS_RATTACHES>\n<COURS><JOUR>9</JOUR><HEURE_DEBUT>0800</HEURE_DEBUT><DUREE>0100</DUREE></COURS></COURS_RATTACHES></ENSEIGNANT></ENSEIGNANTS></SERVICE></SERVICES></DIVISION></DIVISIONS></STRUCTURE></DONNEES></EDT_STS>"),
			"t.csv, ligne 2 : jour \"9\" illisible (1 = lundi … 6 = samedi)"},
		{"emp_sts A and B", []byte("<EDT_STS><ALTERNANCES><ALTERNANCE CODE='A'><SEMAINES><DATE_DEBUT_SEMAINE>2026-09-07</DATE_DEBUT_SEMAINE></SEMAINES></ALTERNANCE>\n<ALTERNANCE CODE='B'><SEMAINES>\n<DATE_DEBUT_SEMAINE>2026-09-07</DATE_DEBUT_SEMAINE></SEMAINES></ALTERNANCE></ALTERNANCES></EDT_STS>"),
			"ligne 3 : la semaine du 07/09/2026 est à la fois en semaine A et en semaine B"},
		{"emp_sts bad week date", []byte("<EDT_STS><ALTERNANCES><ALTERNANCE CODE='A'><SEMAINES>\n<DATE_DEBUT_SEMAINE>lundi</DATE_DEBUT_SEMAINE></SEMAINES></ALTERNANCE></ALTERNANCES></EDT_STS>"),
			"ligne 2 : alternance A : date de semaine \"lundi\" illisible"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.csv", tc.data, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant %q", err, tc.want)
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("not a model.ErrInvalid: %v", err)
			}
		})
	}
}

func TestEmpSTSNamedSetsAndNotes(t *testing.T) {
	doc := `<EDT_STS>
<ALTERNANCES>
<ALTERNANCE CODE="S1"><LIBELLE_LONG>Premier semestre</LIBELLE_LONG><SEMAINES>
<DATE_DEBUT_SEMAINE>2026-09-09</DATE_DEBUT_SEMAINE><DATE_DEBUT_SEMAINE>2026-09-07</DATE_DEBUT_SEMAINE>
</SEMAINES></ALTERNANCE>
</ALTERNANCES>
<DONNEES><STRUCTURE><DIVISIONS><DIVISION CODE="3 A"><SERVICES><SERVICE CODE_MATIERE="M"><ENSEIGNANTS>
<ENSEIGNANT ID="1"><COURS_RATTACHES>
<COURS><CODE_ALTERNANCE>S1</CODE_ALTERNANCE><JOUR>6</JOUR><HEURE_DEBUT>0830</HEURE_DEBUT><DUREE>0130</DUREE></COURS>
<COURS><CODE_ALTERNANCE>Q2</CODE_ALTERNANCE><JOUR>1</JOUR><HEURE_DEBUT>0830</HEURE_DEBUT><DUREE>0100</DUREE></COURS>
<COURS><CODE_ALTERNANCE>ZZ</CODE_ALTERNANCE><JOUR>2</JOUR><HEURE_DEBUT>0830</HEURE_DEBUT><DUREE>0100</DUREE></COURS>
</COURS_RATTACHES></ENSEIGNANT>
<ENSEIGNANT ID="2"><COURS_RATTACHES>
<COURS><CODE_ALTERNANCE>S1</CODE_ALTERNANCE><JOUR>6</JOUR><HEURE_DEBUT>0830</HEURE_DEBUT><DUREE>0130</DUREE></COURS>
</COURS_RATTACHES></ENSEIGNANT>
</ENSEIGNANTS></SERVICE></SERVICES></DIVISION></DIVISIONS></STRUCTURE></DONNEES>
</EDT_STS>`
	tt, err := Parse("e.xml", []byte(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	same(t, "entries", summaries(tt), []string{
		"division:3 A samedi 08:30-10:00 [S1] M|M| {ID STS 1, ID STS 2} @9",
		"division:3 A lundi 08:30-09:30 [B] M|M| {ID STS 1} @10",
	})
	if fmt.Sprint(tt.WeekSets) != "map[S1:[2026-09-07]]" {
		t.Errorf("week sets %v", tt.WeekSets)
	}
	same(t, "notes", noteLines(tt.Notes), []string{
		"ligne 4 : alternance S1 : le 09/09/2026 n'est pas un lundi, semaine du lundi 07/09/2026 retenue",
		"ligne 10 : alternance Q2 absente du fichier : semaines B du calendrier de l'établissement",
		"ligne 11 : alternance \"ZZ\" inconnue : cours ignoré",
		"des cours n'ont lieu qu'en semaine A ou B et le fichier ne dit pas quelles semaines sont A ou B : le calendrier A/B de l'établissement s'appliquera",
	})
}

func TestMatchesName(t *testing.T) {
	tests := []struct {
		ref         TeacherRef
		last, first string
		want        bool
	}{
		{TeacherRef{LastName: "LEFÈVRE", FirstName: "Zoé"}, "Lefevre", "zoe", true},
		{TeacherRef{LastName: "LEFÈVRE", FirstName: "Zoé"}, "Lefevre", "Anne", false},
		{TeacherRef{LastName: "GARCIA"}, "Garcia", "Luis", true},
		{TeacherRef{Name: "DE LA FONTAINE Jean-Éric"}, "de La Fontaine", "Jean Eric", true},
		{TeacherRef{Name: "Jean DUPONT"}, "Dupont", "Jean", true},
		{TeacherRef{STSID: "12"}, "Dupont", "Jean", false},
	}
	for _, tc := range tests {
		if got := tc.ref.MatchesName(tc.last, tc.first); got != tc.want {
			t.Errorf("%v.MatchesName(%q, %q) = %v", tc.ref, tc.last, tc.first, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	schoolfiles.Seed(f, "emp_sts_0750001A_2026.xml")
	schoolfiles.Seed(f, "sts_emp_0750001A_2026.xml")
	schoolfiles.SeedAll(f)
	for _, name := range []string{"edt_exp_cours.xml", "edt_exp_cours.csv", "udt.csv", "appel.csv"} {
		f.Add(fixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tt, err := Parse("f", data, Options{Slots: model.DefaultSlots()})
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
		ids := map[string]bool{}
		for _, e := range tt.Entries {
			if err := e.Course.Validate(); err != nil {
				t.Fatalf("%s: %v", summary(e), err)
			}
			if ids[e.Course.ID] || e.Line < 1 {
				t.Fatalf("duplicate id or missing line: %s", summary(e))
			}
			ids[e.Course.ID] = true
		}
	})
}

// TestUDTHourLabelsTakeTheSchoolsBells: « 8H » is the slot that begins in
// that hour of the school's own grid (08:10), « M2 » its code; a label that
// no slot or two slots match is refused, naming the grid.
func TestUDTHourLabelsTakeTheSchoolsBells(t *testing.T) {
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	bells := []model.Slot{
		{Code: "M1", Start: at(8, 10), End: at(9, 5), HalfDay: model.Morning}, {Code: "M2", Start: at(9, 5), End: at(10, 0), HalfDay: model.Morning},
		{Code: "M3", Start: at(10, 15), End: at(11, 10), HalfDay: model.Morning}, {Code: "S1", Start: at(14, 0), End: at(14, 30), HalfDay: model.Afternoon},
		{Code: "S2", Start: at(14, 30), End: at(15, 0), HalfDay: model.Afternoon},
	}
	cases := []struct {
		label string
		want  string // slot code, "" when refused
	}{
		{"8H", "M1"}, {"9h", "M2"}, {"10H", "M3"}, {"M2", "M2"}, {"m3", "M3"}, {"10:15", "M3"},
		{"14H", "S1"}, {"14:30", "S2"}, {"11H", ""}, {"8H30", ""}, {"X9", ""}, {"", ""},
	}
	for _, c := range cases {
		got, ok := findSlot(bells, c.label)
		if (c.want == "") == ok || (ok && got.Code != c.want) {
			t.Errorf("%q: got %s %v, want %q", c.label, got.Code, ok, c.want)
		}
	}
	hints := map[string]string{
		"14H": "plusieurs créneaux commencent dans cette heure (S1, S2), écrivez leur code dans le fichier",
		"11H": "réglez d'abord la grille (appel settings slots set",
		"X9":  "réglez d'abord la grille",
	}
	bells[3].Start, bells[3].End, bells[4].Start = at(14, 10), at(14, 20), at(14, 20)
	if _, ok := findSlot(bells, "14H"); ok {
		t.Error("14H found a slot where two begin in that hour")
	}
	for label, want := range hints {
		if hint := udtSlotHint(bells, label); !strings.Contains(hint, want) {
			t.Errorf("%q: hint %q, want %q", label, hint, want)
		}
	}
}
