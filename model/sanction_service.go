package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pronounce records a sanction (the direction only; the exclusion
// définitive by the conseil de discipline). An exclusion that is not wholly
// suspended marks the pupil excluded (E) in every séance of its days, in the
// same transaction: excluded, not absent, he counts in no half-day.
func (s *Service) Pronounce(x Sanction) (Sanction, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return x, err
	}
	if err := pol.Require(PermSanction); err != nil {
		return x, Forbidden("seule la direction prononce une sanction")
	}
	pupil, ok := dir.Pupil(x.Pupil)
	if !ok {
		return x, NotFound("élève %s introuvable", x.Pupil)
	}
	x.Facts = strings.TrimSpace(x.Facts)
	if err := CheckField("faits", x.Facts, Note); err != nil {
		return x, err
	}
	if x.Date.IsZero() {
		x.Date = s.Today()
	}
	if x.Authority == "" {
		x.Authority = AuthorityHead
	}
	now := s.now().In(dir.Location())
	x.By, x.At, x.Anonymised = s.actor.Login, now, false
	if d, ok := dir.Division(pupil.DivisionOn(x.Date)); ok {
		x.Level = d.Level
	}
	_, err = s.update("sanction", func(tx Tx) error {
		all, err := tx.Sanctions()
		if err != nil {
			return err
		}
		x.ID = nextID("san", x.Date, idTaken(all, func(v Sanction) string { return v.ID }))
		if err := x.Validate(); err != nil {
			return err
		}
		if err := tx.PutSanction(x); err != nil {
			return err
		}
		for _, se := range ExclusionSeances(dir, pupil, x) {
			if _, err := writeMark(tx, dir, se, pupil.ID, KindExcluded, 0, s.actor.Login, now); err != nil {
				return err
			}
		}
		return nil
	})
	return x, err
}

// ExclusionDays returns the days a sanction excludes the pupil: from its
// first day, as many days on which the pupil has lessons as it counts
// (ExcludedDays), looked for over at most sixty days.
func ExclusionDays(dir *Directory, p Pupil, x Sanction) []Date {
	n := x.ExcludedDays()
	var out []Date
	for d := x.From; n > 0 && len(out) < n && d.Before(x.From.AddDays(60)); d = d.AddDays(1) {
		if slices.ContainsFunc(dir.PupilSeances(p, d, d), func(se Seance) bool { return !se.Cancelled }) {
			out = append(out, d)
		}
	}
	return out
}

// ExclusionSeances returns the pupil's séances on the days a sanction
// excludes him.
func ExclusionSeances(dir *Directory, p Pupil, x Sanction) []Seance {
	var out []Seance
	for _, d := range ExclusionDays(dir, p, x) {
		for _, se := range dir.PupilSeances(p, d, d) {
			if !se.Cancelled {
				out = append(out, se)
			}
		}
	}
	return out
}

// Sanctions returns the sanctions q selects, latest first, for the vie
// scolaire and the direction; erased ones are left out unless withErased.
func (s *Service) Sanctions(q DisciplineQuery, withErased bool) ([]Sanction, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermSeeSanctions); err != nil {
		return nil, Forbidden("le détail des sanctions est réservé à la vie scolaire et à la direction")
	}
	var all []Sanction
	if err := s.store.View(func(tx ReadTx) error { all, err = tx.Sanctions(); return err }); err != nil {
		return nil, err
	}
	today := s.Today()
	var out []Sanction
	for _, x := range all {
		if (withErased || !x.Erased(today)) && q.keepDay(x.Date) && (q.Kind == "" || q.Kind == string(x.Kind)) &&
			q.keepPupils(dir, x.Date, x.Pupil) {
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(a, b Sanction) int { return cmp.Or(b.Date.Compare(a.Date), strings.Compare(b.ID, a.ID)) })
	return out, nil
}

// RegisterLine is one line of the registre des sanctions: the sanction and
// the facts, without the pupil's name.
type RegisterLine struct {
	Number    int
	Date      Date
	Kind      SanctionKind
	Authority Authority
	Facts     string
	Sursis    Sursis
	Measure   string
	Level     string
}

// SanctionRegister returns the registre des sanctions of the school year
// that holds day (every year with a zero day), oldest first, anonymised:
// the facts stay, the pupil's name does not (erased sanctions stay too).
func (s *Service) SanctionRegister(day Date) ([]RegisterLine, error) {
	dir, _, err := s.Session()
	if err != nil {
		return nil, err
	}
	list, err := s.Sanctions(DisciplineQuery{}, true)
	if err != nil {
		return nil, err
	}
	slices.Reverse(list)
	var out []RegisterLine
	for _, x := range list {
		if !day.IsZero() && SchoolYearOf(x.Date) != SchoolYearOf(day) {
			continue
		}
		line := RegisterLine{Number: len(out) + 1, Date: x.Date, Kind: x.Kind, Authority: x.Authority,
			Facts: x.Facts, Sursis: x.Sursis, Measure: x.Measure(), Level: x.Level}
		if p, ok := dir.Pupil(x.Pupil); ok && line.Level == "" {
			if d, ok := dir.Division(p.DivisionOn(x.Date)); ok {
				line.Level = d.Level
			}
		}
		out = append(out, line)
	}
	return out, nil
}

// Measure tells the sanction's size in French: « 3 jours à partir du
// 12/10/2026 (sursis partiel : 1) », « 10 heures ».
func (x Sanction) Measure() string {
	var b strings.Builder
	switch {
	case x.Days > 0:
		b.WriteString(countOf(x.Days, "jour"))
		if !x.From.IsZero() {
			b.WriteString(" à partir du " + x.From.French())
		}
	case x.Hours > 0:
		b.WriteString(countOf(x.Hours, "heure"))
	}
	switch x.Sursis {
	case SursisFull:
		b.WriteString(" (avec sursis)")
	case SursisPartial:
		b.WriteString(fmt.Sprintf(" (sursis partiel : %d)", x.SursisDays))
	}
	return strings.TrimSpace(b.String())
}

// countOf writes « 1 jour », « 3 jours ».
func countOf(n int, unit string) string {
	if n > 1 {
		unit += "s"
	}
	return fmt.Sprintf("%d %s", n, unit)
}

// EraseSanctions anonymises the sanctions erased by the clock (R511-13):
// each loses the pupil's identifier and keeps its facts, level and dates
// for the registre des sanctions. It returns how many it anonymised; run it
// at the start of each school year (appel sanction erase).
func (s *Service) EraseSanctions() (int, error) {
	if err := s.Require(PermSanction); err != nil {
		return 0, err
	}
	today := s.Today()
	n := 0
	_, err := s.update("sanctions effacées", func(tx Tx) error {
		n = 0
		all, err := tx.Sanctions()
		if err != nil {
			return err
		}
		for _, x := range all {
			if x.Anonymised || !x.Erased(today) {
				continue
			}
			x.Pupil, x.Incident, x.Anonymised = "", "", true
			if err := tx.PutSanction(x); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// CancelSanction withdraws a sanction that should not stand (annulled on
// appeal, pronounced by mistake): the direction only. It is removed (the
// audit keeps it, with the reason as the action's verb), and the E marks
// it wrote that nobody changed since are removed with it.
func (s *Service) CancelSanction(id, reason string) error {
	dir, pol, err := s.Session()
	if err != nil {
		return err
	}
	if err := pol.Require(PermSanction); err != nil {
		return Forbidden("seule la direction retire une sanction")
	}
	reason = strings.TrimSpace(reason)
	if err := CheckField("motif du retrait", reason, Plain); err != nil {
		return err
	}
	if reason == "" {
		return invalid("motif du retrait manquant (annulée en appel, erreur…)")
	}
	_, err = s.update("sanction retirée : "+reason, func(tx Tx) error {
		all, err := tx.Sanctions()
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(x Sanction) bool { return x.ID == id })
		if i < 0 {
			return NotFound("sanction %s introuvable", Visible(id))
		}
		x := all[i]
		if p, ok := dir.Pupil(x.Pupil); ok {
			if err := dropExclusionMarks(tx, dir, p, x); err != nil {
				return err
			}
		}
		return tx.DeleteSanction(x.ID)
	})
	return err
}

// dropExclusionMarks removes the E marks that pronouncing x wrote, when
// they are still as written.
func dropExclusionMarks(tx Tx, dir *Directory, p Pupil, x Sanction) error {
	for _, se := range ExclusionSeances(dir, p, x) {
		m, ok, err := tx.Mark(MarkKey{se.ID, p.ID})
		if err != nil {
			return err
		}
		if ok && m.Kind == KindExcluded && m.By == x.By && m.At.Equal(x.At) {
			if err := tx.DeleteMark(m.Key()); err != nil {
				return err
			}
		}
	}
	return nil
}
