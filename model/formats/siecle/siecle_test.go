package siecle

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/internal/sampletest"
)

var today = model.NewDate(2026, 11, 23)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pupilLine summarises a pupil for comparisons.
func pupilLine(p Pupil) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%v|%s|%s", p.ID, p.INE, p.LastName, p.FirstName, p.BirthName,
		p.Division, p.Groups, dateOrEmpty(p.BirthDate), dateOrEmpty(p.Left))
}

func dateOrEmpty(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func TestElevesPix(t *testing.T) {
	e, err := ParseEleves("pix.xml", sampletest.Read(t, "pix_siecle-with-registrations-no-longer-in-school.xml"), today)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"0001|00000000123|HANDMADE|Luciole|HANDMADE||[]|1994-12-31|",
		"0003||FRANCIS--FROUFROU|Grégory|FRANCIS--FROUFROU|4e 1|[]|1994-07-01|",
		"0004|00000000125|FRANGE|COLIN|FRANGE||[4e 1]|1994-12-31|",
	}
	checkPupils(t, e.Pupils, want)
	skipped := []string{
		"0002 COJAUNE Harry : dans la pseudo-division « Inactifs » (n'est plus scolarisé)",
		"0005 GRADE François : sorti de l'établissement le 01/09/2019 (DATE_SORTIE)",
	}
	for i, s := range e.Skipped {
		if got := fmt.Sprintf("%s %s : %s", s.ID, s.Name, s.Reason); i >= len(skipped) || got != skipped[i] {
			t.Errorf("skipped %d = %q", i, got)
		}
	}
	if len(e.Skipped) != len(skipped) {
		t.Errorf("%d skipped, want %d", len(e.Skipped), len(skipped))
	}
	if fmt.Sprint(e.Divisions) != "[{4e 1  }]" || fmt.Sprint(e.Groups) != "[{4e 1  []}]" {
		t.Errorf("divisions %v groups %v", e.Divisions, e.Groups)
	}
	if e.UAJ != "123ABC" || e.Year != 0 {
		t.Errorf("header %+v", e.Header)
	}
	notes := fmt.Sprint(e.Notes)
	for _, w := range []string{"ligne 8 : élève 0001 (HANDMADE Luciole) sans division ni groupe", "élève 0004 (FRANGE COLIN) sans division, seulement dans des groupes (4e 1)"} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes %s lack %q", notes, w)
		}
	}
}

func checkPupils(t *testing.T, got []Pupil, want []string) {
	t.Helper()
	for i, p := range got {
		if i >= len(want) || pupilLine(p) != want[i] {
			t.Errorf("pupil %d = %q", i, pupilLine(p))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d pupils, want %d", len(got), len(want))
	}
}

func TestElevesDoubleStructure(t *testing.T) {
	e, err := ParseEleves("e.xml", sampletest.Read(t, "dossiersco_eleves_avec_adresse_avec_double_structure.xml"), today)
	if err != nil {
		t.Fatal(err)
	}
	checkPupils(t, e.Pupils, []string{"1541944|070876696HA|ESCAGLIA|Jeanine|ESCAGLIA|301|[_301P1]|2002-06-21|"})
	if e.Pupils[0].Sex != "M" || e.Pupils[0].MEF != "10310019110" || e.Pupils[0].Line != 11 {
		t.Errorf("pupil %+v", e.Pupils[0])
	}
	if fmt.Sprint(e.Groups) != "[{_301P1  [301]}]" || fmt.Sprint(e.Divisions) != "[{301  }]" {
		t.Errorf("divisions %v groups %v", e.Divisions, e.Groups)
	}
	if e.UAJ != "0660864F" || e.Year != 2019 || e.Exported != model.NewDate(2019, 8, 29) || len(e.Notes) != 0 {
		t.Errorf("header %+v notes %v", e.Header, e.Notes)
	}
}

func TestElevesLatin9Fixture(t *testing.T) {
	e, err := ParseEleves("f.xml", fixture(t, "eleves_latin9.xml"), today)
	if err != nil {
		t.Fatal(err)
	}
	checkPupils(t, e.Pupils, []string{
		"9001|123456789AB|BŒUF|Chloé|BŒUF|3 A|[ESP 3AB]|2012-02-29|2027-07-05",
		"9002||LÆTITIA-ŸVES|Zoë|CŒURDEVEY|3 B|[ESP 3AB]||",
		"9003||EURO|Œdipe €|EURO|3 B|[]||",
	})
	if fmt.Sprint(e.Groups) != "[{ESP 3AB  [3 A 3 B]}]" || e.UAJ != "0670001A" || e.Year != 2026 {
		t.Errorf("groups %v header %+v", e.Groups, e.Header)
	}
	notes := fmt.Sprint(e.Notes)
	for _, w := range []string{
		"ligne 14 : élève 9002 : structure \"X\" de type \"Z\" inconnu",
		"ligne 12 : élève 9002 (LÆTITIA-ŸVES Zoë) dans plusieurs divisions (3 B, 3 A) : 3 B retenue",
		"ligne 16 : structures de l'élève ELEVE_ID 9999, absent de la liste des élèves : ignorées",
		"élève 9002 : date de naissance \"31/02/2012\" illisible",
	} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
	left, err := ParseEleves("f.xml", fixture(t, "eleves_latin9.xml"), model.NewDate(2027, 7, 5))
	if err != nil || len(left.Pupils) != 2 || left.Skipped[0].ID != "9001" {
		t.Errorf("on the day of DATE_SORTIE the pupil is gone: %v %v", left.Skipped, err)
	}
}

func TestElevesRefused(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"nomenclature zip", sampletest.Read(t, "dossiersco_ExportXML_Nomenclature_arago_2018-19.zip"),
			"x.zip:Nomenclature.xml : ce fichier est un export SIECLE des nomenclatures (BEE_NOMENCLATURES), qui ne contient que des listes de codes ; le fichier attendu est l'export SIECLE des élèves (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml, racine BEE_ELEVES)"},
		{"responsables", sampletest.Read(t, "dossiersco_responsables_avec_adresses_simple.xml"),
			"x.zip : ce fichier est un export SIECLE des responsables (BEE_RESPONSABLES) ; importez-le avec `appel import responsables`"},
		{"sts", sampletest.Read(t, "sts_emp_0750001A_2026.xml"), "importez-le avec `appel import sts`"},
		{"timetable", sampletest.Read(t, "emp_sts_0750001A_2026.xml"), "ce fichier est un emploi du temps (EDT_STS) ; importez-le avec `appel import timetable`"},
		{"no id", []byte("<BEE_ELEVES><DONNEES><ELEVES>\n<ELEVE><NOM_DE_FAMILLE>X</NOM_DE_FAMILLE></ELEVE></ELEVES></DONNEES></BEE_ELEVES>"),
			"x.zip, ligne 2 : élève sans attribut ELEVE_ID"},
		{"duplicate", []byte("<BEE_ELEVES><DONNEES><ELEVES>\n<ELEVE ELEVE_ID='1'><NOM_DE_FAMILLE>X</NOM_DE_FAMILLE></ELEVE>\n<ELEVE ELEVE_ID='1'><NOM_DE_FAMILLE>Y</NOM_DE_FAMILLE></ELEVE></ELEVES></DONNEES></BEE_ELEVES>"),
			"ligne 3 : élève ELEVE_ID 1 en double (déjà ligne 2)"},
		{"no name", []byte("<BEE_ELEVES><DONNEES><ELEVES>\n<ELEVE ELEVE_ID='1'><PRENOM>X</PRENOM></ELEVE></ELEVES></DONNEES></BEE_ELEVES>"),
			"ligne 2 : élève ELEVE_ID 1 sans nom"},
		{"bad exit date", []byte("<BEE_ELEVES><DONNEES><ELEVES><ELEVE ELEVE_ID='1'><NOM_DE_FAMILLE>X</NOM_DE_FAMILLE>\n<DATE_SORTIE>demain</DATE_SORTIE></ELEVE></ELEVES></DONNEES></BEE_ELEVES>"),
			"ligne 2 : élève 1 : date de sortie \"demain\" illisible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseEleves("x.zip", tt.data, today)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant %q", err, tt.want)
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("not a model.ErrInvalid: %v", err)
			}
		})
	}
}

func TestResponsablesSimple(t *testing.T) {
	r, err := ParseResponsables("r.xml", sampletest.Read(t, "dossiersco_responsables_avec_adresses_simple.xml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"209401 MME ROCK Maryline +33764444288 +33231204444  rock33445570@hotmail.fr [18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE] [{610308 1 Mère}]",
		"209406 MME TRUC Bidule +33768666668 +33236666861  bidulechose@hotmail.fr [18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE] [{610308 1 Mère}]",
		"209400 MME LOVELACE Ada +33768666668 +33236666861  bidulechose@hotmail.fr [18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE] [{610305 1 Mère}]",
	}
	checkGuardians(t, r.Guardians, want)
	if r.UAJ != "0140070A" || r.Year != 2018 || r.Lines["209406"] != 25 || len(r.Notes) != 0 {
		t.Errorf("header %+v lines %v notes %v", r.Header, r.Lines, r.Notes)
	}
}

func checkGuardians(t *testing.T, got []model.Guardian, want []string) {
	t.Helper()
	for i, g := range got {
		s := fmt.Sprintf("%s %s %s %s %s %s %s %s %v %v", g.ID, g.Civility, g.LastName, g.FirstName, g.Phone,
			g.HomePhone, g.WorkPhone, g.Email, g.Address, g.Links)
		if i >= len(want) || s != want[i] {
			t.Errorf("guardian %d = %q", i, s)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d guardians, want %d", len(got), len(want))
	}
}

func TestResponsablesOlderShape(t *testing.T) {
	r, err := ParseResponsables("r.xml", fixture(t, "responsables_ancien.xml"))
	if err != nil {
		t.Fatal(err)
	}
	checkGuardians(t, r.Guardians, []string{
		"501  BOEUF André     [3 rue de l'Église Genève SUISSE] [{9001 1 Père} {9002 1 }]",
		"502  VOISIN Éric     [] [{9001 3 99}]",
	})
	notes := fmt.Sprint(r.Notes)
	for _, w := range []string{
		"ligne 9 : lien vers la personne 777, absente de la liste des personnes : ignoré",
		"ligne 21 : personne 502 : adresse A2 absente du fichier",
		"ligne 22 : personne 503 (SEUL Sans) rattachée à aucun élève : ignorée",
	} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
}

func TestResponsablesRefused(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"eleves", sampletest.Read(t, "pix_siecle-with-registrations-no-longer-in-school.xml"), "importez-le avec `appel import siecle`"},
		{"bad level", []byte("<BEE_RESPONSABLES><DONNEES><RESPONSABLES>\n<RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>2</PERSONNE_ID><NIVEAU_RESPONSABILITE>7</NIVEAU_RESPONSABILITE></RESPONSABLE_ELEVE></RESPONSABLES></DONNEES></BEE_RESPONSABLES>"),
			"r.xml, ligne 2 : lien de 2 vers l'élève 1 : niveau de responsabilité \"7\" inconnu"},
		{"no level", []byte("<BEE_RESPONSABLES><DONNEES><RESPONSABLES>\n<RESPONSABLE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>2</PERSONNE_ID></RESPONSABLE></RESPONSABLES></DONNEES></BEE_RESPONSABLES>"),
			"ligne 2 : lien de 2 vers l'élève 1 : ni NIVEAU_RESPONSABILITE ni RESP_LEGAL"},
		{"duplicate person", []byte("<BEE_RESPONSABLES><DONNEES><PERSONNES>\n<PERSONNE PERSONNE_ID='2'/>\n<PERSONNE PERSONNE_ID='2'/></PERSONNES></DONNEES></BEE_RESPONSABLES>"),
			"ligne 3 : personne PERSONNE_ID 2 en double (déjà ligne 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseResponsables("r.xml", tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant %q", err, tt.want)
			}
		})
	}
}

// checkFuzzError fails when err is not a formats.Error or hides its line.
func checkFuzzError(t *testing.T, err error) {
	if err == nil {
		return
	}
	var fe *formats.Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v is not a formats.Error", err)
	}
	if fe.Line > 0 && !strings.HasPrefix(err.Error(), formats.Place(fe.File, fe.Line, fe.Column)) {
		t.Fatalf("error %q does not show its line", err)
	}
}

func FuzzParseEleves(f *testing.F) {
	sampletest.Seed(f, "pix_siecle-with-registrations-no-longer-in-school.xml")
	sampletest.Seed(f, "dossiersco_eleves_avec_adresse_avec_double_structure.xml")
	f.Add(fixture(f, "eleves_latin9.xml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseEleves("f.xml", data, today)
		checkFuzzError(t, err)
		if err != nil {
			return
		}
		for _, p := range e.Pupils {
			if p.ID == "" || p.LastName == "" || p.Line < 1 {
				t.Fatalf("pupil without id, name or line: %+v", p)
			}
		}
	})
}

func FuzzParseResponsables(f *testing.F) {
	sampletest.Seed(f, "dossiersco_responsables_avec_adresses_simple.xml")
	f.Add(fixture(f, "responsables_ancien.xml"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseResponsables("f.xml", data)
		checkFuzzError(t, err)
		if err != nil {
			return
		}
		for _, g := range r.Guardians {
			if g.ID == "" || len(g.Links) == 0 {
				t.Fatalf("guardian without id or link: %+v", g)
			}
		}
	})
}
