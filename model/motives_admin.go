package model

import (
	"slices"
	"strconv"
	"strings"
)

// Motives returns the motive list, retired motives included, in order.
func (s *Service) Motives() ([]Motive, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if !pol.Allows(PermSeeMotives) && !pol.Allows(PermSetup) {
		return nil, Forbidden("la liste des motifs n'est pas ouverte à votre rôle")
	}
	return slices.Clone(dir.Motives), nil
}

// SaveMotive adds a motive (an unknown or empty code: the code is then made
// from the label) or changes one's label, key, validity or order. The whole
// list is checked (no key used twice, none taken from navigation). Absences
// already justified keep the label and validity they were given.
func (s *Service) SaveMotive(m Motive) (Motive, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Motive{}, err
	}
	if err := pol.Require(PermSetup); err != nil {
		return Motive{}, err
	}
	m.Label, m.Key = strings.TrimSpace(m.Label), strings.ToLower(strings.TrimSpace(m.Key))
	if err := CheckField("libellé du motif", m.Label, Plain); err != nil {
		return Motive{}, err
	}
	list := slices.Clone(dir.Motives)
	i := slices.IndexFunc(list, func(x Motive) bool { return x.Code == m.Code && m.Code != "" })
	verb := "motif modifié"
	if i < 0 {
		m, verb = newMotive(list, m), "motif ajouté"
		list = append(list, m)
	} else {
		list[i] = m
	}
	if err := ValidateMotives(list); err != nil {
		return Motive{}, err
	}
	_, err = s.update(verb, func(tx Tx) error { return tx.PutMotive(m) })
	return m, err
}

// newMotive gives a new motive a code of its own (from its label) and places
// it last unless it has an order.
func newMotive(list []Motive, m Motive) Motive {
	base := motiveSlug(m.Label)
	if m.Code != "" {
		base = m.Code
	}
	m.Code = base
	for n := 2; slices.ContainsFunc(list, func(x Motive) bool { return x.Code == m.Code }); n++ {
		m.Code = base + "-" + strconv.Itoa(n)
	}
	if m.Order == 0 {
		for _, x := range list {
			m.Order = max(m.Order, x.Order)
		}
		m.Order++
	}
	return m
}

// motiveSlug turns "Sortie scolaire" into "sortie-scolaire".
func motiveSlug(label string) string {
	var b strings.Builder
	dash := false
	for _, r := range FoldAccents(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 30 {
			break
		}
	}
	if s := strings.Trim(b.String(), "-"); s != "" {
		return s
	}
	return "motif"
}

// RetireMotive withdraws a motive from the keys (retired true) or offers it
// again; absences justified with it keep it.
func (s *Service) RetireMotive(code string, retired bool) error {
	dir, pol, err := s.Session()
	if err != nil {
		return err
	}
	if err := pol.Require(PermSetup); err != nil {
		return err
	}
	m, ok := dir.MotiveByCode(code)
	if !ok {
		return NotFound("motif %q inconnu", code)
	}
	if m.Retired == retired {
		return nil
	}
	m.Retired = retired
	_, err = s.SaveMotive(m)
	return err
}
