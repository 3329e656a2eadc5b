package model

import (
	"fmt"
	"slices"
	"strings"
)

// CallOutcomes are the usual outcomes of a call to a family, in the order a
// call form offers them.
var CallOutcomes = []string{
	"Responsable joint",
	"Message laissé",
	"Pas de réponse",
	"Numéro erroné",
	"Rendez-vous fixé",
}

// AddCall logs a call to a pupil's family, made by the actor: c gives the
// pupil, the person called, the outcome, a note and the time (zero: now).
// The identifier and the caller are set here.
func (s *Service) AddCall(c FamilyCall) (FamilyCall, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return FamilyCall{}, err
	}
	if err := pol.Require(PermLogCall); err != nil {
		return FamilyCall{}, err
	}
	if _, ok := dir.Pupil(c.Pupil); !ok {
		return FamilyCall{}, NotFound("élève %s introuvable", c.Pupil)
	}
	now := s.now().In(dir.Location())
	c.Outcome, c.Person, c.Note = strings.TrimSpace(c.Outcome), strings.TrimSpace(c.Person), strings.TrimSpace(c.Note)
	if err := firstErr(CheckField("issue de l'appel", c.Outcome, Plain),
		CheckField("personne appelée", c.Person, Plain), CheckField("note", c.Note, Note)); err != nil {
		return FamilyCall{}, err
	}
	switch {
	case c.Outcome == "":
		return FamilyCall{}, Invalid("indiquez l'issue de l'appel")
	case c.At.IsZero():
		c.At = now
	case c.At.After(now):
		return FamilyCall{}, Invalid("un appel ne peut pas être daté après maintenant (%s)", now.Format("15:04"))
	}
	c.By = s.actor.Login
	_, err = s.update("appel à la famille", func(tx Tx) error {
		calls, err := tx.Calls(c.Pupil)
		if err != nil {
			return err
		}
		c.ID = newCallID(c, calls)
		return tx.PutCall(c)
	})
	return c, err
}

// newCallID numbers a pupil's calls: C-<pupil>-<n>, the first n not taken.
func newCallID(c FamilyCall, existing []FamilyCall) string {
	for n := len(existing) + 1; ; n++ {
		id := fmt.Sprintf("C-%s-%d", c.Pupil, n)
		if !slices.ContainsFunc(existing, func(x FamilyCall) bool { return x.ID == id }) {
			return id
		}
	}
}
