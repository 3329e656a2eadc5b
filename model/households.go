package model

import (
	"net/mail"
	"slices"
	"strings"
)

// Household is the guardians of a pupil who live at one postal address: they
// get one letter, one e-mail (to each of their addresses), not one each.
// Guardians without an address are a household each.
type Household struct {
	// ID is the sorted identifiers of its guardians joined by "+": siblings
	// with the same guardians share their households.
	ID        string
	Guardians []Guardian
	Address   []string
}

// Emails returns the household's e-mail addresses, without repeats.
func (h Household) Emails() []string {
	var out []string
	for _, g := range h.Guardians {
		if g.Email != "" && !slices.Contains(out, g.Email) {
			out = append(out, g.Email)
		}
	}
	return out
}

// Names returns « Mme DUPONT Claire, M. DUPONT Marc ».
func (h Household) Names() string {
	names := make([]string, len(h.Guardians))
	for i, g := range h.Guardians {
		names[i] = g.DisplayName()
	}
	return strings.Join(names, ", ")
}

// HasAddress reports whether a letter can be posted to the household.
func (h Household) HasAddress() bool { return len(h.Address) >= 2 }

// DisplayName returns « Mme DUPONT Claire » (civility when known).
func (g Guardian) DisplayName() string {
	return strings.TrimSpace(g.Civility + " " + strings.ToUpper(g.LastName) + " " + g.FirstName)
}

// LinkTo returns the guardian's link to a pupil.
func (g Guardian) LinkTo(p PupilID) (Kinship, bool) {
	for _, k := range g.Links {
		if k.Pupil == p {
			return k, true
		}
	}
	return Kinship{}, false
}

// HouseholdsOf groups the legal guardians of pupil (level 1; the persons in
// charge, level 2, when he has no legal guardian) by postal address, in a
// stable order.
func HouseholdsOf(pupil PupilID, guardians []Guardian) []Household {
	for _, level := range []int{1, 2} {
		var chosen []Guardian
		for _, g := range guardians {
			if k, ok := g.LinkTo(pupil); ok && k.Level == level {
				chosen = append(chosen, g)
			}
		}
		if len(chosen) > 0 {
			return groupByAddress(chosen)
		}
	}
	return nil
}

func groupByAddress(gs []Guardian) []Household {
	slices.SortFunc(gs, func(a, b Guardian) int { return strings.Compare(a.ID, b.ID) })
	var out []Household
	index := map[string]int{}
	for _, g := range gs {
		key := addressKey(g.Address)
		if key == "" {
			key = "\x00" + g.ID
		}
		if i, ok := index[key]; ok {
			out[i].Guardians = append(out[i].Guardians, g)
			out[i].ID += "+" + g.ID
			continue
		}
		index[key] = len(out)
		out = append(out, Household{ID: g.ID, Guardians: []Guardian{g}, Address: slices.Clone(g.Address)})
	}
	return out
}

// addressKey compares postal addresses without case, accents or spacing.
func addressKey(lines []string) string {
	return strings.Join(strings.Fields(FoldAccents(strings.Join(lines, " "))), " ")
}

// CheckEmail refuses an address that is not one plain e-mail address.
func CheckEmail(field, s string) error {
	if s == "" {
		return nil
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.IndexByte(s, '@')+1:], ".") {
		return Invalid("%s : « %s » n'est pas une adresse électronique (ex. prenom.nom@exemple.fr)", field, Visible(s))
	}
	return nil
}

// GuardianContacts is what the vie scolaire may change of a guardian.
type GuardianContacts struct {
	Email   string
	Phone   string
	Address []string
}

// EditGuardian changes a guardian's e-mail, mobile phone and postal address
// (audited as « responsable modifié »). The e-mail is checked first.
func (s *Service) EditGuardian(id string, c GuardianContacts) (Guardian, error) {
	if err := s.Require(PermFamilies); err != nil {
		return Guardian{}, err
	}
	c.Email, c.Phone = strings.TrimSpace(c.Email), strings.TrimSpace(c.Phone)
	if err := CheckEmail("mél", c.Email); err != nil {
		return Guardian{}, err
	}
	if err := CheckField("portable", c.Phone, Plain); err != nil {
		return Guardian{}, err
	}
	var lines []string
	for _, l := range c.Address {
		if err := CheckField("adresse", l, Plain); err != nil {
			return Guardian{}, err
		}
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	var out Guardian
	_, err := s.update("responsable modifié", func(tx Tx) error {
		all, err := tx.AllGuardians()
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(g Guardian) bool { return g.ID == id })
		if i < 0 {
			return NotFound("responsable %s introuvable", id)
		}
		out = all[i]
		out.Email, out.Phone, out.Address = c.Email, c.Phone, lines
		return tx.PutGuardian(out)
	})
	return out, err
}

// Guardian returns one guardian, for the screens and the command line.
func (s *Service) Guardian(id string) (Guardian, error) {
	if err := s.Require(PermContacts); err != nil {
		return Guardian{}, err
	}
	var out Guardian
	err := s.store.View(func(tx ReadTx) error {
		all, err := tx.AllGuardians()
		if i := slices.IndexFunc(all, func(g Guardian) bool { return g.ID == id }); i >= 0 {
			out = all[i]
			return err
		}
		return firstErr(err, NotFound("responsable %s introuvable", id))
	})
	return out, err
}
