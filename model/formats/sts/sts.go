// Package sts reads the STS-Web export sts_emp_<UAI>_<year>.xml (root
// STS_EDT): the teachers, the divisions and groups (with the divisions a group
// draws from), and the services (who teaches which subject to which division
// or group), with the subjects' names from its nomenclature.
//
// A file whose root is EDT_STS is the timetable going the other way; it is
// refused with a message that names the right command.
package sts

import (
	"slices"
	"strconv"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

// Teacher is an INDIVIDU who teaches (FONCTION ENS, or named by a service).
type Teacher struct {
	// ID is STS-Web's INDIVIDU @ID, the key timetables use for teachers.
	ID        string
	LastName  string
	FirstName string
	// Civility is « M. » or « Mme » when the file says.
	Civility string
	// Login is the proposed account login (see AssignLogins).
	Login string
	// MainDivisions are the divisions he is professeur principal of.
	MainDivisions []string
	// Function is FONCTION: ENS (teaching), EDU (CPE), DIR (direction), SUR (surveillance)…
	Function string
	Line     int
}

// DisplayName returns « Prénom NOM ».
func (t Teacher) DisplayName() string {
	return strings.TrimSpace(t.FirstName + " " + strings.ToUpper(t.LastName))
}

// Account returns the teacher's proposed account.
func (t Teacher) Account() model.Account {
	return model.Account{Login: t.Login, Name: t.DisplayName(), Roles: []model.Role{model.RoleTeacher}}
}

// Subject is a MATIERE of the nomenclature.
type Subject struct {
	Code  string
	Short string
	Long  string
}

// Label returns the short label, else the long one, else the code.
func (s Subject) Label() string {
	for _, l := range []string{s.Short, s.Long} {
		if l != "" {
			return l
		}
	}
	return s.Code
}

// Service is a subject taught to a division or group by some teachers.
type Service struct {
	Target model.Target
	// Subject is the subject's code (CODE_MATIERE); SubjectLabel its name.
	Subject      string
	SubjectLabel string
	// Teachers are STS identifiers of teachers of File.Teachers.
	Teachers []string
	Line     int
}

// File is what an STS_EDT export holds for appel.
type File struct {
	File string
	UAJ  string
	// Year is the first calendar year of the school year (2026 for 2026-2027).
	Year               int
	YearStart, YearEnd model.Date
	// Teachers are sorted by last name, first name, then ID, with logins assigned.
	Teachers []Teacher
	// Staff are the people without teaching whose function appel has a
	// role for (EDU, DIR, SUR), with logins assigned after the teachers'.
	Staff     []Teacher
	Divisions []model.Division
	Groups    []model.Group
	// Subjects maps subject codes to the nomenclature's entries.
	Subjects map[string]Subject
	Services []Service
	Notes    formats.Notes
}

// Parse reads an sts_emp export (bare or zipped).
func Parse(file string, data []byte) (*File, error) {
	file, xml, err := xmlin.Unwrap(file, data)
	if err != nil {
		return nil, err
	}
	p := newParser(file)
	err = xmlin.Walk(file, xml, func(root string) error {
		if !strings.EqualFold(root, "STS_EDT") {
			return formats.WrongRoot(file, root, formats.KindSTS)
		}
		return nil
	}, xmlin.Handlers{
		"PARAMETRES":                           p.params,
		"NOMENCLATURES/MATIERES/MATIERE":       p.subject,
		"DONNEES/INDIVIDUS/INDIVIDU":           p.individual,
		"DONNEES/STRUCTURE/DIVISIONS/DIVISION": p.division,
		"DONNEES/STRUCTURE/GROUPES/GROUPE":     p.group,
	})
	if err != nil {
		return nil, err
	}
	p.assemble()
	return p.out, nil
}

func (p *parser) params(n *xmlin.Node) error {
	uaj := n.Child("UAJ")
	p.out.UAJ = cmpOr(uaj.Attr("CODE"), uaj.Value())
	year := n.Child("ANNEE_SCOLAIRE")
	if y := cmpOr(year.Attr("ANNEE"), year.Value()); y != "" {
		v, err := strconv.Atoi(y)
		if err != nil {
			p.out.Notes.Add(year.Line, "année scolaire %q illisible : ignorée", formats.Excerpt(y))
		}
		p.out.Year = v
	}
	p.out.YearStart = p.date(year.Child("DATE_DEBUT"))
	p.out.YearEnd = p.date(year.Child("DATE_FIN"))
	return nil
}

func (p *parser) date(n *xmlin.Node) model.Date {
	if n == nil || n.Text == "" {
		return model.Date{}
	}
	d, err := model.ParseDate(n.Text)
	if err != nil {
		p.out.Notes.Add(n.Line, "date %q illisible : ignorée", formats.Excerpt(n.Text))
	}
	return d
}

func (p *parser) subject(n *xmlin.Node) error {
	code := n.Attr("CODE")
	if code == "" {
		p.out.Notes.Add(n.Line, "matière sans code : ignorée")
		return nil
	}
	p.out.Subjects[code] = Subject{Code: code, Short: n.Value("LIBELLE_COURT"), Long: n.Value("LIBELLE_LONG")}
	return nil
}

func (p *parser) individual(n *xmlin.Node) error {
	id := n.Attr("ID")
	if id == "" {
		return formats.Errorf(p.out.File, n.Line, "individu sans attribut ID")
	}
	if prev, dup := p.people[id]; dup {
		return formats.Errorf(p.out.File, n.Line, "individu ID %s en double (déjà ligne %d)", id, prev.Line)
	}
	t := Teacher{
		ID: id, LastName: cmpOr(n.Value("NOM_USAGE"), n.Value("NOM_PATRONYMIQUE")), FirstName: n.Value("PRENOM"),
		Civility: civility(n.Value("CIVILITE")), MainDivisions: n.Values("PROFS_PRINC", "PROF_PRINC", "CODE_STRUCTURE"),
		Function: strings.ToUpper(n.Value("FONCTION")), Line: n.Line,
	}
	p.people[id] = t
	p.order = append(p.order, id)
	if strings.EqualFold(n.Value("FONCTION"), "ENS") {
		p.teaching[id] = true
	}
	return nil
}

func civility(code string) string {
	switch code {
	case "1":
		return "M."
	case "2":
		return "Mme"
	}
	return ""
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sortTeachers orders teachers as lists show them.
func sortTeachers(ts []Teacher) {
	slices.SortFunc(ts, func(a, b Teacher) int {
		if c := strings.Compare(model.FoldAccents(a.LastName), model.FoldAccents(b.LastName)); c != 0 {
			return c
		}
		if c := strings.Compare(model.FoldAccents(a.FirstName), model.FoldAccents(b.FirstName)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// StaffRole returns the appel role of a function without teaching (EDU: cpe,
// DIR: direction, SUR: aed), "" for the others.
func StaffRole(function string) string {
	switch strings.ToUpper(function) {
	case "EDU":
		return "cpe"
	case "DIR":
		return "direction"
	case "SUR":
		return "aed"
	}
	return ""
}
