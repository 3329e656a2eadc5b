package imports

import (
	"fmt"
	"strings"

	"appel/model"
	"appel/model/formats/siecle"
)

// responsablesInput is a parsed BEE_RESPONSABLES export.
type responsablesInput struct{ f *siecle.Responsables }

func parseResponsables(src Source) (input, error) {
	f, err := siecle.ParseResponsables(src.Name, src.Data)
	return responsablesInput{f}, err
}

func (in responsablesInput) plan(e *env) *Plan {
	f := in.f
	e.p.Kind, e.p.File, e.p.Format = Responsables, f.File, "SIECLE responsables (BEE_RESPONSABLES)"
	e.checkSchool(f.UAJ)
	e.notes(f.Notes)
	stored, err := e.tx.AllGuardians()
	if err != nil {
		e.refuse(0, "lecture des responsables enregistrés : %s", model.UserMessage(err))
		return e.p
	}
	byID := make(map[string]model.Guardian, len(stored))
	for _, g := range stored {
		byID[g.ID] = g
	}
	for i, g := range f.Guardians {
		e.guardian(g, byID, f.Lines[g.ID])
		e.tick(i+1, len(f.Guardians))
	}
	return e.p
}

// guardian plans one person: his links to pupils the school does not have
// are dropped (and said); a person left with no link is skipped.
func (e *env) guardian(g model.Guardian, stored map[string]model.Guardian, line int) {
	it := Item{Entity: model.EntityGuardian, Key: g.ID, Name: strings.TrimSpace(g.LastName + " " + g.FirstName), Line: line}
	var kept []model.Kinship
	var unknown []string
	for _, k := range g.Links {
		if _, ok := e.dir.Pupil(k.Pupil); ok {
			kept = append(kept, k)
		} else {
			unknown = append(unknown, string(k.Pupil))
		}
	}
	if len(kept) == 0 {
		it.Action, it.Detail = Skipped, fmt.Sprintf("lié seulement à des élèves absents de l'établissement (%s)", strings.Join(unknown, ", "))
		e.add(it, nil)
		return
	}
	g.Links = kept
	old, had := stored[g.ID]
	it.Action = putOrKeep(had, old, g)
	var c changes
	if it.Action == Updated {
		c.diff("nom", old.LastName+" "+old.FirstName, g.LastName+" "+g.FirstName)
		c.diff("adresse", strings.Join(old.Address, " / "), strings.Join(g.Address, " / "))
		c.diff("portable", old.Phone, g.Phone)
		c.diff("mél", old.Email, g.Email)
	}
	if len(unknown) > 0 {
		c.add("liens vers des élèves inconnus ignorés (%s)", strings.Join(unknown, ", "))
	}
	it.Detail = c.String()
	e.add(it, func(tx model.Tx) error { return tx.PutGuardian(g) })
}
