package siecle

import (
	"fmt"
	"slices"
	"strings"

	"appel/model"
)

// assemble places every pupil in his structures, skips those who left or are
// inactive, and derives the divisions and groups.
func (p *elevesParser) assemble(asOf model.Date) {
	for _, ref := range p.order {
		if _, ok := p.byID[ref.id]; !ok {
			p.out.Notes.Add(ref.line, "structures de l'élève ELEVE_ID %s, absent de la liste des élèves : ignorées", ref.id)
		}
	}
	divisions := map[string]bool{}
	groups := map[string]map[string]bool{}
	for _, pu := range p.pupils {
		pu, reason := p.place(pu, asOf)
		if reason != "" {
			p.out.Skipped = append(p.out.Skipped, Skipped{ID: pu.ID, Name: pu.FullName(), Line: pu.Line, Reason: reason})
			continue
		}
		p.out.Pupils = append(p.out.Pupils, pu)
		if pu.Division != "" {
			divisions[pu.Division] = true
		}
		for _, g := range pu.Groups {
			if groups[g] == nil {
				groups[g] = map[string]bool{}
			}
			if pu.Division != "" {
				groups[g][pu.Division] = true
			}
		}
	}
	for _, code := range sortedKeys(divisions) {
		p.out.Divisions = append(p.out.Divisions, model.Division{Code: code})
	}
	for _, code := range sortedGroupKeys(groups) {
		p.out.Groups = append(p.out.Groups, model.Group{Code: code, Divisions: sortedKeys(groups[code])})
	}
}

// place applies a pupil's structures; a non-empty reason says why he is skipped.
func (p *elevesParser) place(pu Pupil, asOf model.Date) (Pupil, string) {
	if !asOf.IsZero() && !pu.EnrolledOn(asOf) {
		return pu, fmt.Sprintf("sorti de l'établissement le %s (DATE_SORTIE)", pu.Left.French())
	}
	var divisions []structure
	inactive := false
	for _, s := range p.structs[pu.ID] {
		switch {
		case s.kind == "D" && strings.EqualFold(s.code, Inactive):
			inactive = true
		case s.kind == "D":
			if !slices.ContainsFunc(divisions, func(d structure) bool { return d.code == s.code }) {
				divisions = append(divisions, s)
			}
		case !slices.Contains(pu.Groups, s.code):
			pu.Groups = append(pu.Groups, s.code)
		}
	}
	if inactive && len(divisions) == 0 {
		return pu, "dans la pseudo-division « Inactifs » (n'est plus scolarisé)"
	}
	p.noteStructures(pu, divisions)
	if len(divisions) > 0 {
		pu.Division = divisions[0].code
	}
	return pu, ""
}

func (p *elevesParser) noteStructures(pu Pupil, divisions []structure) {
	switch {
	case len(divisions) > 1:
		codes := make([]string, len(divisions))
		for i, d := range divisions {
			codes[i] = d.code
		}
		p.out.Notes.Add(divisions[1].line, "élève %s (%s) dans plusieurs divisions (%s) : %s retenue",
			pu.ID, pu.FullName(), strings.Join(codes, ", "), codes[0])
	case len(divisions) == 0 && len(pu.Groups) == 0:
		p.out.Notes.Add(pu.Line, "élève %s (%s) sans division ni groupe : importé, mais il ne figurera dans aucun appel",
			pu.ID, pu.FullName())
	case len(divisions) == 0:
		p.out.Notes.Add(pu.Line, "élève %s (%s) sans division, seulement dans des groupes (%s)",
			pu.ID, pu.FullName(), strings.Join(pu.Groups, ", "))
	}
}

func sortedGroupKeys(m map[string]map[string]bool) []string {
	set := make(map[string]bool, len(m))
	for k := range m {
		set[k] = true
	}
	return sortedKeys(set)
}
