package sts

import (
	"slices"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/xmlin"
)

type parser struct {
	out      *File
	people   map[string]Teacher
	order    []string // individuals' IDs in the file's order
	teaching map[string]bool
	divs     map[string]int // code → index in out.Divisions
	groups   map[string]int // code → index in out.Groups
	services []Service
}

func newParser(file string) *parser {
	return &parser{
		out:      &File{File: file, Subjects: map[string]Subject{}},
		people:   map[string]Teacher{},
		teaching: map[string]bool{},
		divs:     map[string]int{},
		groups:   map[string]int{},
	}
}

func (p *parser) division(n *xmlin.Node) error {
	code := n.Attr("CODE")
	if code == "" {
		return formats.Errorf(p.out.File, n.Line, "division sans attribut CODE")
	}
	var levels []string
	for _, m := range n.Find("MEFS_APPARTENANCE", "MEF_APPARTENANCE") {
		levels = append(levels, model.LevelOfMEF(m.Attr("CODE")))
	}
	if i, dup := p.divs[code]; dup {
		p.out.Notes.Add(n.Line, "division %s décrite deux fois : services réunis", code)
		if d := &p.out.Divisions[i]; d.Level == "" {
			d.Level = model.MainLevel(levels)
		}
	} else {
		p.divs[code] = len(p.out.Divisions)
		p.out.Divisions = append(p.out.Divisions, model.Division{Code: code, Label: n.Value("LIBELLE_LONG"), Level: model.MainLevel(levels)})
	}
	p.readServices(n, model.Target{Kind: model.TargetDivision, Code: code})
	return nil
}

func (p *parser) group(n *xmlin.Node) error {
	code := n.Attr("CODE")
	if code == "" {
		return formats.Errorf(p.out.File, n.Line, "groupe sans attribut CODE")
	}
	var divisions []string
	for _, d := range n.Find("DIVISIONS_APPARTENANCE", "DIVISION_APPARTENANCE") {
		if c := d.Attr("CODE"); c != "" && !slices.Contains(divisions, c) {
			divisions = append(divisions, c)
		}
	}
	slices.Sort(divisions)
	if i, dup := p.groups[code]; dup {
		p.out.Notes.Add(n.Line, "groupe %s décrit deux fois : divisions et services réunis", code)
		g := &p.out.Groups[i]
		g.Divisions = slices.Compact(slices.Sorted(slices.Values(append(g.Divisions, divisions...))))
	} else {
		p.groups[code] = len(p.out.Groups)
		p.out.Groups = append(p.out.Groups, model.Group{Code: code, Label: n.Value("LIBELLE_LONG"), Divisions: divisions})
	}
	p.readServices(n, model.Target{Kind: model.TargetGroup, Code: code})
	return nil
}

func (p *parser) readServices(n *xmlin.Node, target model.Target) {
	for _, s := range n.Find("SERVICES", "SERVICE") {
		code := s.Attr("CODE_MATIERE")
		if code == "" {
			p.out.Notes.Add(s.Line, "%s : service sans CODE_MATIERE, ignoré", target.Code)
			continue
		}
		sv := Service{Target: target, Subject: code, Line: s.Line}
		for _, e := range s.Find("ENSEIGNANTS", "ENSEIGNANT") {
			if id := e.Attr("ID"); id != "" && !slices.Contains(sv.Teachers, id) {
				sv.Teachers = append(sv.Teachers, id)
			}
		}
		p.services = append(p.services, sv)
	}
}

// assemble resolves the services' teachers and subjects and builds the
// teacher list: FONCTION ENS, plus anyone a service names.
func (p *parser) assemble() {
	named := map[string]bool{}
	for _, sv := range p.services {
		var known []string
		for _, id := range sv.Teachers {
			if _, ok := p.people[id]; !ok {
				p.out.Notes.Add(sv.Line, "%s : enseignant ID %s absent des individus : ignoré", sv.Target.Code, id)
				continue
			}
			known = append(known, id)
			named[id] = true
		}
		sv.Teachers = known
		sv.SubjectLabel = p.subjectLabel(sv)
		p.out.Services = append(p.out.Services, sv)
	}
	others := 0
	for _, id := range p.order {
		t := p.people[id]
		switch {
		case p.teaching[id]:
		case named[id]:
			p.out.Notes.Add(t.Line, "%s (ID %s) n'a pas la fonction ENS mais assure un service : compté comme enseignant", t.DisplayName(), id)
		default:
			others++
			if StaffRole(t.Function) != "" {
				p.out.Staff = append(p.out.Staff, t)
			}
			continue
		}
		p.out.Teachers = append(p.out.Teachers, t)
	}
	if others > 0 {
		p.out.Notes.Add(0, "%d personnel(s) sans fonction d'enseignement ni service : ignoré(s)", others)
	}
	sortTeachers(p.out.Teachers)
	AssignLogins(p.out.Teachers, nil)
	taken := map[string]bool{}
	for _, t := range p.out.Teachers {
		taken[t.Login] = true
	}
	sortTeachers(p.out.Staff)
	AssignLogins(p.out.Staff, func(l string) bool { return taken[l] })
}

func (p *parser) subjectLabel(sv Service) string {
	s, ok := p.out.Subjects[sv.Subject]
	if !ok {
		p.out.Notes.Add(sv.Line, "%s : matière %s absente de la nomenclature, désignée par son code", sv.Target.Code, sv.Subject)
		return sv.Subject
	}
	return s.Label()
}
