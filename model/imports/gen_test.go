package imports_test

import (
	"fmt"
	"strings"

	"appel/model"
	"appel/model/formats/charset"
	"appel/model/imports"
)

// bigSchool describes a generated collège: pupils spread over divisions of
// four levels, an LV2 group per pair of divisions, teachers, and a weekly
// timetable with A/B alternation, as SIECLE, STS-Web and emp_sts files.
type bigSchool struct {
	pupils, perDivision, teachers int
	uai                           string
	year                          model.School
}

func (s bigSchool) divisions() []string {
	n := (s.pupils + s.perDivision - 1) / s.perDivision
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, fmt.Sprintf("%d%c", 6-i%4, 'A'+rune(i/4)))
	}
	return out
}

// lv2 is the cross-class group of division i (pairs of divisions of a level).
func (s bigSchool) lv2(i int) string {
	divs := s.divisions()
	first := i
	if (i/4)%2 == 1 {
		first = i - 4
	}
	second := min(first+4, len(divs)-1)
	return "ESP " + divs[first] + divs[second][1:]
}

var firstNames = []string{"Chloé", "Noé", "Zoé", "Inès", "Raphaël", "Éloïse", "Maëlys", "Loïc", "Anaïs", "Œdipe"}
var lastNames = []string{"BŒUF", "BÉNARD", "CARON", "DA SILVA", "ÉCUYER", "FOURNIER", "LEFÈVRE", "N'DIAYE", "QUÉRÉ", "ZÉPHIR"}

// siecle returns a BEE_ELEVES export of the pupils, in ISO-8859-15.
func (s bigSchool) siecle() imports.Source {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<BEE_ELEVES VERSION=\"3.0\"><PARAMETRES><UAJ>%s</UAJ><ANNEE_SCOLAIRE>%d</ANNEE_SCOLAIRE></PARAMETRES><DONNEES><ELEVES>\n",
		s.uai, s.year.YearStart.Year)
	for i := 0; i < s.pupils; i++ {
		fmt.Fprintf(&b, "<ELEVE ELEVE_ID=\"%d\"><ID_NATIONAL>%09dAB</ID_NATIONAL><NOM_DE_FAMILLE>%s-%d</NOM_DE_FAMILLE><PRENOM>%s</PRENOM><DATE_NAISS>01/02/2013</DATE_NAISS><CODE_SEXE>%d</CODE_SEXE></ELEVE>\n",
			100000+i, i, lastNames[i%len(lastNames)], i, firstNames[i%len(firstNames)], 1+i%2)
	}
	b.WriteString("</ELEVES><STRUCTURES>\n")
	divs := s.divisions()
	for i := 0; i < s.pupils; i++ {
		d := i / s.perDivision
		fmt.Fprintf(&b, "<STRUCTURES_ELEVE ELEVE_ID=\"%d\"><STRUCTURE><CODE_STRUCTURE>%s</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>", 100000+i, divs[d])
		if i%2 == 0 {
			fmt.Fprintf(&b, "<STRUCTURE><CODE_STRUCTURE>%s</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>", s.lv2(d))
		}
		b.WriteString("</STRUCTURES_ELEVE>\n")
	}
	b.WriteString("</STRUCTURES></DONNEES></BEE_ELEVES>\n")
	data, _ := charset.Latin9.Encode(b.String())
	return imports.Source{Name: "ElevesSansAdresses.xml", Data: data}
}

// sts returns the STS-Web export of the teachers.
func (s bigSchool) sts() imports.Source {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<STS_EDT><PARAMETRES><UAJ CODE=\"%s\"/><ANNEE_SCOLAIRE ANNEE=\"%d\"/></PARAMETRES>",
		s.uai, s.year.YearStart.Year)
	b.WriteString("<NOMENCLATURES><MATIERES>")
	for i, subject := range subjects {
		fmt.Fprintf(&b, "<MATIERE CODE=\"%06d\"><LIBELLE_COURT>%s</LIBELLE_COURT></MATIERE>", i, subject)
	}
	b.WriteString("</MATIERES></NOMENCLATURES><DONNEES><INDIVIDUS>\n")
	for i := 0; i < s.teachers; i++ {
		fmt.Fprintf(&b, "<INDIVIDU ID=\"%d\" TYPE=\"epp\"><NOM_USAGE>%s</NOM_USAGE><PRENOM>%s</PRENOM><FONCTION>ENS</FONCTION></INDIVIDU>\n",
			1000+i, lastNames[i%len(lastNames)], firstNames[(i/len(lastNames))%len(firstNames)])
	}
	b.WriteString("</INDIVIDUS></DONNEES></STS_EDT>\n")
	return imports.Source{Name: "sts_emp.xml", Data: []byte(b.String())}
}

var subjects = []string{"FRANÇAIS", "MATHÉMATIQUES", "HISTOIRE-GÉO", "ANGLAIS", "SVT", "PHYSIQUE", "EPS", "ARTS", "MUSIQUE", "TECHNO", "ESPAGNOL"}

// emp returns the emp_sts timetable: 28 courses a week per division (two
// of them in alternate weeks A and B) and two per LV2 group.
func (s bigSchool) emp() imports.Source {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDT_STS><ALTERNANCES>")
	b.WriteString(`<ALTERNANCE CODE="H"><LIBELLE_LONG>Toutes les semaines</LIBELLE_LONG></ALTERNANCE>`)
	for i, code := range []string{"A", "B"} {
		fmt.Fprintf(&b, "<ALTERNANCE CODE=\"%s\"><SEMAINES>", code)
		for m := s.year.YearStart.Monday().AddDays(7 * i); !m.After(s.year.YearEnd); m = m.AddDays(14) {
			fmt.Fprintf(&b, "<DATE_DEBUT_SEMAINE>%s</DATE_DEBUT_SEMAINE>", m)
		}
		b.WriteString("</SEMAINES></ALTERNANCE>")
	}
	b.WriteString("</ALTERNANCES><DONNEES><STRUCTURE><DIVISIONS>\n")
	groups := map[string]bool{}
	var groupOrder []string
	for d, code := range s.divisions() {
		fmt.Fprintf(&b, "<DIVISION CODE=\"%s\"><SERVICES>", code)
		s.divisionCourses(&b, d)
		b.WriteString("</SERVICES></DIVISION>\n")
		if g := s.lv2(d); !groups[g] {
			groups[g] = true
			groupOrder = append(groupOrder, g)
		}
	}
	b.WriteString("</DIVISIONS><GROUPES>\n")
	for i, g := range groupOrder {
		fmt.Fprintf(&b, "<GROUPE CODE=\"%s\"><SERVICES>", g)
		course(&b, len(subjects)-1, 1000+i%s.teachers, "H", 3, "1500")
		course(&b, len(subjects)-1, 1000+i%s.teachers, "H", 5, "1500")
		b.WriteString("</SERVICES></GROUPE>\n")
	}
	b.WriteString("</GROUPES></STRUCTURE></DONNEES></EDT_STS>\n")
	return imports.Source{Name: "emp_sts.xml", Data: []byte(b.String())}
}

func (s bigSchool) divisionCourses(b *strings.Builder, d int) {
	n := 0
	for day := 1; day <= 5; day++ {
		for _, start := range []string{"0800", "0900", "1000", "1100", "1400", "1600"} {
			if day == 3 && start >= "1400" {
				continue
			}
			alt := "H"
			if start == "1600" && day <= 2 {
				alt = []string{"A", "B"}[day-1]
			}
			course(b, n%(len(subjects)-1), 1000+(d*7+n)%s.teachers, alt, day, start)
			n++
		}
	}
}

func course(b *strings.Builder, subject, teacher int, alt string, day int, start string) {
	fmt.Fprintf(b, "<SERVICE CODE_MATIERE=\"%06d\"><ENSEIGNANTS><ENSEIGNANT ID=\"%d\"><COURS_RATTACHES><COURS><CODE_ALTERNANCE>%s</CODE_ALTERNANCE><JOUR>%d</JOUR><HEURE_DEBUT>%s</HEURE_DEBUT><DUREE>0100</DUREE></COURS></COURS_RATTACHES></ENSEIGNANT></ENSEIGNANTS></SERVICE>",
		subject, teacher, alt, day, start)
}
