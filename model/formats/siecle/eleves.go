package siecle

import (
	"slices"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

// Inactive is the pseudo-division where SIECLE parks pupils who no longer attend.
const Inactive = "Inactifs"

// Pupil is a pupil of the export, with what model.Pupil does not keep.
type Pupil struct {
	model.Pupil
	// BirthName is NOM_DE_FAMILLE; LastName is NOM_USAGE when the export has one.
	BirthName string
	// MEF is CODE_MEF, the pupil's course of study.
	MEF  string
	Line int
}

// Skipped is a pupil of the export that the import leaves out, and why.
type Skipped struct {
	ID     model.PupilID
	Name   string
	Line   int
	Reason string
}

// Eleves is what a BEE_ELEVES export holds for appel.
type Eleves struct {
	Header
	// Pupils are the pupils to import, in the export's order. Structure codes
	// are kept verbatim (« 4e 1 », « _301P1 »).
	Pupils []Pupil
	// Divisions and Groups are those of the imported pupils, sorted by code;
	// a group lists the divisions its members come from.
	Divisions []model.Division
	Groups    []model.Group
	Skipped   []Skipped
	Notes     formats.Notes
}

// ModelPupils returns the imported pupils as model values.
func (e *Eleves) ModelPupils() []model.Pupil {
	out := make([]model.Pupil, len(e.Pupils))
	for i, p := range e.Pupils {
		out[i] = p.Pupil
	}
	return out
}

type structure struct {
	code, kind string
	line       int
}

type elevesParser struct {
	out     *Eleves
	pupils  []Pupil
	byID    map[model.PupilID]int
	structs map[model.PupilID][]structure
	order   []structRef // pupils of STRUCTURES, in the order met
}

type structRef struct {
	id   model.PupilID
	line int
}

// ParseEleves reads an ElevesSansAdresses or ElevesAvecAdresses export (bare
// or zipped). Pupils whose DATE_SORTIE is on or before asOf, and those whose
// only division is the pseudo-division Inactifs, are skipped with the reason;
// a zero asOf skips no one on dates. A pupil with groups but no division is
// imported without division; a pupil with no structure at all is imported too
// (SIECLE still counts him in the school) and noted, since no roll call will
// list him until he has a division or group.
func ParseEleves(file string, data []byte, asOf model.Date) (*Eleves, error) {
	file, xml, err := xmlin.Unwrap(file, data)
	if err != nil {
		return nil, err
	}
	p := &elevesParser{
		out:     &Eleves{Header: Header{File: file}},
		byID:    map[model.PupilID]int{},
		structs: map[model.PupilID][]structure{},
	}
	err = xmlin.Walk(file, xml, rootCheck(file, "BEE_ELEVES", formats.KindSiecle), xmlin.Handlers{
		"PARAMETRES":                          func(n *xmlin.Node) error { p.out.readParams(n, &p.out.Notes); return nil },
		"DONNEES/ELEVES/ELEVE":                p.eleve,
		"DONNEES/STRUCTURES/STRUCTURES_ELEVE": p.structures,
	})
	if err != nil {
		return nil, err
	}
	p.assemble(asOf)
	return p.out, nil
}

// eleve reads one ELEVE element.
func (p *elevesParser) eleve(n *xmlin.Node) error {
	file := p.out.File
	id := model.PupilID(n.Attr("ELEVE_ID"))
	if id == "" {
		return formats.Errorf(file, n.Line, "élève sans attribut ELEVE_ID")
	}
	if i, dup := p.byID[id]; dup {
		return formats.Errorf(file, n.Line, "élève ELEVE_ID %s en double (déjà ligne %d)", id, p.pupils[i].Line)
	}
	pu := Pupil{Line: n.Line, BirthName: n.Value("NOM_DE_FAMILLE"), MEF: n.Value("CODE_MEF")}
	pu.ID, pu.INE, pu.FirstName = id, n.Value("ID_NATIONAL"), n.Value("PRENOM")
	pu.LastName = cmpOr(n.Value("NOM_USAGE"), pu.BirthName)
	pu.Sex = sexOf(n.Value("CODE_SEXE"))
	if pu.LastName == "" {
		return formats.Errorf(file, n.Line, "élève ELEVE_ID %s sans nom (NOM_DE_FAMILLE et NOM_USAGE vides)", id)
	}
	if s := n.Value("DATE_SORTIE"); s != "" {
		left, err := model.ParseDate(s)
		if err != nil {
			return formats.Errorf(file, n.Child("DATE_SORTIE").Line, "élève %s : date de sortie %q illisible (attendu JJ/MM/AAAA)", formats.Excerpt(id), formats.Excerpt(s))
		}
		pu.Left = left
	}
	if s := n.Value("DATE_NAISS"); s != "" {
		birth, err := model.ParseDate(s)
		if err != nil {
			p.out.Notes.Add(n.Child("DATE_NAISS").Line, "élève %s : date de naissance %q illisible, ignorée", formats.Excerpt(id), formats.Excerpt(s))
		}
		pu.BirthDate = birth
	}
	if pu.FirstName == "" {
		p.out.Notes.Add(n.Line, "élève %s (%s) sans prénom", id, pu.LastName)
	}
	p.byID[id] = len(p.pupils)
	p.pupils = append(p.pupils, pu)
	return nil
}

// structures reads one STRUCTURES_ELEVE element.
func (p *elevesParser) structures(n *xmlin.Node) error {
	id := model.PupilID(n.Attr("ELEVE_ID"))
	if id == "" {
		return formats.Errorf(p.out.File, n.Line, "structures sans attribut ELEVE_ID")
	}
	if _, seen := p.structs[id]; !seen {
		p.order = append(p.order, structRef{id, n.Line})
		p.structs[id] = nil
	}
	for _, s := range n.Find("STRUCTURE") {
		code, kind := s.Value("CODE_STRUCTURE"), strings.ToUpper(s.Value("TYPE_STRUCTURE"))
		switch {
		case code == "":
			p.out.Notes.Add(s.Line, "élève %s : structure sans code, ignorée", id)
		case kind != "D" && kind != "G":
			p.out.Notes.Add(s.Line, "élève %s : structure %q de type %q inconnu (D ou G attendu), ignorée", formats.Excerpt(id), formats.Excerpt(code), formats.Excerpt(kind))
		default:
			p.structs[id] = append(p.structs[id], structure{code: code, kind: kind, line: s.Line})
		}
	}
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sortedKeys returns the keys of a set in order.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
