package siecle

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

// elevesCase is an export of pupils and what appel reads from it.
type elevesCase struct {
	name string
	data []byte
	// pupils are pupilLine's, then the sex, MEF and line of the first.
	pupils    []string
	first     string
	skipped   []string
	divisions string
	groups    string
	header    string
	notes     []string
}

// elevesCases are the synthetic export, bare and zipped, and the real
// samples when they are reachable.
func elevesCases(t *testing.T) []elevesCase {
	synthetic := elevesCase{
		pupils: []string{
			"1001|111111111AA|BŒUF|Chloé|BŒUF|4e 1|[ESP 4e12]|2013-03-14|",
			"1002||CŒURDEVEY|Zoë|MARTIN|4e 2|[ESP 4e12]|2012-11-02|",
			"1003|333333333CC|LÆNNEC|Œdipe|LÆNNEC||[LATIN 4e]|2013-06-30|",
			"1004|444444444DD|SANSCLASSE|Noé|SANSCLASSE||[]|2013-01-01|",
			"1007|777777777GG|DOUBLE|Inès|DOUBLE|3 A|[_3A_G1]|2011-07-07|",
		},
		first: "F 10210001110 12",
		skipped: []string{
			"1005 PARTI Hugo : sorti de l'établissement le 30/06/2026 (DATE_SORTIE)",
			"1006 INACTIF Léa : dans la pseudo-division « Inactifs » (n'est plus scolarisé)",
		},
		divisions: "[{3 A  } {4e 1  } {4e 2  }]",
		groups:    "[{ESP 4e12  [4e 1 4e 2]} {LATIN 4e  []} {_3A_G1  [3 A]}]",
		header:    "0679999X 2026 2026-09-01",
		notes: []string{
			"ligne 29 : élève 1003 (LÆNNEC Œdipe) sans division, seulement dans des groupes (LATIN 4e)",
			"ligne 36 : élève 1004 (SANSCLASSE Noé) sans division ni groupe",
		},
	}
	bare, zipped := synthetic, synthetic
	bare.name, bare.data = "synthétique", schoolfiles.Read(t, "eleves.xml")
	zipped.name, zipped.data = "synthétique zippé", schoolfiles.Read(t, "eleves.zip")
	cases := []elevesCase{bare, zipped}
	if data, ok := schoolfiles.Sample(t, "pix_siecle-with-registrations-no-longer-in-school.xml"); ok {
		cases = append(cases, elevesCase{
			name: "Pix (réel)", data: data,
			pupils: []string{
				"0001|00000000123|HANDMADE|Luciole|HANDMADE||[]|1994-12-31|",
				"0003||FRANCIS--FROUFROU|Grégory|FRANCIS--FROUFROU|4e 1|[]|1994-07-01|",
				"0004|00000000125|FRANGE|COLIN|FRANGE||[4e 1]|1994-12-31|",
			},
			first: " 123456789 8",
			skipped: []string{
				"0002 COJAUNE Harry : dans la pseudo-division « Inactifs » (n'est plus scolarisé)",
				"0005 GRADE François : sorti de l'établissement le 01/09/2019 (DATE_SORTIE)",
			},
			divisions: "[{4e 1  }]", groups: "[{4e 1  []}]", header: "123ABC 0 ",
			notes: []string{
				"ligne 8 : élève 0001 (HANDMADE Luciole) sans division ni groupe",
				"élève 0004 (FRANGE COLIN) sans division, seulement dans des groupes (4e 1)",
			},
		})
	}
	if data, ok := schoolfiles.Sample(t, "dossiersco_eleves_avec_adresse_avec_double_structure.xml"); ok {
		cases = append(cases, elevesCase{
			name: "dossiersco (réel)", data: data,
			pupils:    []string{"1541944|070876696HA|ESCAGLIA|Jeanine|ESCAGLIA|301|[_301P1]|2002-06-21|"},
			first:     "M 10310019110 11",
			divisions: "[{301  }]", groups: "[{_301P1  [301]}]", header: "0660864F 2019 2019-08-29",
		})
	}
	return cases
}

// TestEleves reads the edge cases of SIECLE exports: a pupil without INE, one
// who left (DATE_SORTIE), « Inactifs », a pupil only in a group, one without
// structure, division codes with a space, a division and its half-group,
// ISO-8859-15 (œ, Œ), bare and zipped.
func TestEleves(t *testing.T) {
	for _, c := range elevesCases(t) {
		t.Run(c.name, func(t *testing.T) {
			e, err := ParseEleves("e.xml", c.data, today)
			if err != nil {
				t.Fatal(err)
			}
			checkPupils(t, e.Pupils, c.pupils)
			if p := e.Pupils[0]; fmt.Sprintf("%s %s %d", p.Sex, p.MEF, p.Line) != c.first {
				t.Errorf("first pupil %+v, want %s", p, c.first)
			}
			var skipped []string
			for _, s := range e.Skipped {
				skipped = append(skipped, fmt.Sprintf("%s %s : %s", s.ID, s.Name, s.Reason))
			}
			if strings.Join(skipped, "\n") != strings.Join(c.skipped, "\n") {
				t.Errorf("skipped:\n%s\nwant\n%s", strings.Join(skipped, "\n"), strings.Join(c.skipped, "\n"))
			}
			if fmt.Sprint(e.Divisions) != c.divisions || fmt.Sprint(e.Groups) != c.groups {
				t.Errorf("divisions %v groups %v", e.Divisions, e.Groups)
			}
			if got := fmt.Sprintf("%s %d %s", e.UAJ, e.Year, dateOrEmpty(e.Exported)); got != c.header {
				t.Errorf("header %q, want %q", got, c.header)
			}
			notes := fmt.Sprint(e.Notes)
			for _, w := range c.notes {
				if !strings.Contains(notes, w) {
					t.Errorf("notes %s lack %q", notes, w)
				}
			}
			if len(c.notes) == 0 && len(e.Notes) != 0 {
				t.Errorf("notes %v", e.Notes)
			}
		})
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
		{"nomenclature zip", schoolfiles.Read(t, "nomenclatures.zip"),
			"x.zip:Nomenclature.xml : ce fichier est un export SIECLE des nomenclatures (BEE_NOMENCLATURES), qui ne contient que des listes de codes ; le fichier attendu est l'export SIECLE des élèves (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml, racine BEE_ELEVES)"},
		{"responsables", schoolfiles.Read(t, "responsables.xml"),
			"x.zip : ce fichier est un export SIECLE des responsables (BEE_RESPONSABLES) ; importez-le avec `appel import responsables`"},
		{"sts", schoolfiles.Read(t, "sts_emp.xml"), "importez-le avec `appel import sts`"},
		{"timetable", schoolfiles.Read(t, "emp_sts.xml"), "ce fichier est un emploi du temps (EDT_STS) ; importez-le avec `appel import timetable`"},
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

// TestResponsables reads the current shape of SIECLE's responsables: persons
// sharing an address, links with their level and relation; the synthetic
// export also has a person linked to a pupil the file does not know, one
// linked to nobody and a link to a missing person, and the real sample when
// it is reachable.
func TestResponsables(t *testing.T) {
	type respCase struct {
		name   string
		data   []byte
		want   []string
		header string
		lines  map[string]int
		notes  []string
	}
	cases := []respCase{{
		name: "synthétique", data: schoolfiles.Read(t, "responsables.xml"),
		want: []string{
			"2001 MME BŒUF Anne 0600000001 0388000001  anne.boeuf@example.org [3 allée des Œillets 67000 STRASBOURG] [{1001 1 Mère} {1002 3 Autre lien}]",
			"2002 M. BŒUF Marc 0600000002  0388000099  [3 allée des Œillets 67000 STRASBOURG] [{1001 1 Père}]",
			"2003 MME CŒURDEVEY Sophie 0600000003   s.coeurdevey@example.org [Résidence Le Cœur Bâtiment € 2 67100 STRASBOURG] [{1002 1 Mère}]",
			"2004 M. TIERS Paul     [4 rue du Lac Genève SUISSE] [{9999 2 Tuteur}]",
		},
		header: "0679999X 2026", lines: map[string]int{"2001": 11, "2002": 20, "2003": 28, "2004": 37},
		notes: []string{
			"ligne 80 : lien vers la personne 2999, absente de la liste des personnes : ignoré",
			"ligne 43 : personne 2005 (SEULE Iris) rattachée à aucun élève : ignorée",
		},
	}}
	if data, ok := schoolfiles.Sample(t, "dossiersco_responsables_avec_adresses_simple.xml"); ok {
		cases = append(cases, respCase{name: "dossiersco (réel)", data: data, want: []string{
			"209401 MME ROCK Maryline +33764444288 +33231204444  rock33445570@hotmail.fr [18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE] [{610308 1 Mère}]",
			"209406 MME TRUC Bidule +33768666668 +33236666861  bidulechose@hotmail.fr [18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE] [{610308 1 Mère}]",
			"209400 MME LOVELACE Ada +33768666668 +33236666861  bidulechose@hotmail.fr [18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE] [{610305 1 Mère}]",
		}, header: "0140070A 2018", lines: map[string]int{"209401": 11, "209406": 25, "209400": 39}})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ParseResponsables("r.xml", c.data)
			if err != nil {
				t.Fatal(err)
			}
			checkGuardians(t, r.Guardians, c.want)
			if got := fmt.Sprintf("%s %d", r.UAJ, r.Year); got != c.header || fmt.Sprint(r.Lines) != fmt.Sprint(c.lines) {
				t.Errorf("header %q lines %v", got, r.Lines)
			}
			var notes []string
			for _, n := range r.Notes {
				notes = append(notes, n.String())
			}
			if strings.Join(notes, "\n") != strings.Join(c.notes, "\n") {
				t.Errorf("notes:\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(c.notes, "\n"))
			}
		})
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
		{"eleves", schoolfiles.Read(t, "eleves.zip"), "importez-le avec `appel import siecle`"},
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
	schoolfiles.Seed(f, "pix_siecle-with-registrations-no-longer-in-school.xml")
	schoolfiles.Seed(f, "dossiersco_eleves_avec_adresse_avec_double_structure.xml")
	schoolfiles.SeedAll(f)
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
	schoolfiles.Seed(f, "dossiersco_responsables_avec_adresses_simple.xml")
	schoolfiles.SeedAll(f)
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
