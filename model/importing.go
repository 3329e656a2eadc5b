package model

import (
	"cmp"
	"errors"
	"slices"
	"strings"
)

// SetupView runs fn on the current directory and a consistent snapshot of the
// store, for an actor allowed PermSetup: what an import's check reads.
func (s *Service) SetupView(fn func(*Directory, ReadTx) error) error {
	dir, err := s.requireSetup()
	if err != nil {
		return err
	}
	return s.store.View(func(tx ReadTx) error { return fn(dir, tx) })
}

// SetupUpdate runs fn in one transaction audited under verb, for an actor
// allowed PermSetup: an import applied all at once, or not at all. fn gets
// the structure as the transaction sees it, so that it plans against what
// was committed before it, even in the same commit. fn may run more than
// once (see Store.Update) and must only read and write through tx.
func (s *Service) SetupUpdate(verb string, fn func(*Directory, Tx) error) (Receipt, error) {
	if _, err := s.requireSetup(); err != nil {
		return Receipt{}, err
	}
	return s.update(verb, func(tx Tx) error {
		dir, err := tx.Directory()
		if err != nil {
			return err
		}
		return fn(dir, tx)
	})
}

func (s *Service) requireSetup() (*Directory, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	return dir, pol.Require(PermSetup)
}

// Dataset returns the whole school as plain values, every list in a stable
// order (identifiers, then dates): what a full export writes. Admin only.
func (s *Service) Dataset() (Dataset, error) {
	dir, err := s.requireSetup()
	if err != nil {
		return Dataset{}, err
	}
	d := datasetOf(dir)
	err = s.store.View(func(tx ReadTx) error { return d.readHistory(tx) })
	if err != nil {
		return Dataset{}, err
	}
	d.sort()
	return d, nil
}

func datasetOf(dir *Directory) Dataset {
	return Dataset{
		School: dir.School, Divisions: slices.Clone(dir.Divisions), Groups: slices.Clone(dir.Groups),
		Pupils: slices.Clone(dir.Pupils), Accounts: slices.Clone(dir.Accounts), Courses: slices.Clone(dir.Courses),
		Motives: slices.Clone(dir.Motives), Changes: slices.Clone(dir.Changes), Extras: slices.Clone(dir.Extras),
	}
}

func (d *Dataset) readHistory(tx ReadTx) error {
	var err error
	steps := []func(){
		func() { d.Guardians, err = tx.AllGuardians() },
		func() { d.Marks, err = tx.MarksBetween(Date{}, Date{}) },
		func() { d.RollCalls, err = tx.RollCallsBetween(Date{}, Date{}) },
		func() { d.Notices, err = tx.AllNotices() },
		func() { d.Calls, err = tx.AllCalls() },
		func() { d.Reports, err = tx.Reports() },
		func() { d.Settings, err = tx.Settings() },
		func() { d.FamilyNotices, err = tx.AllFamilyNotices() },
		func() { d.Templates, err = tx.Templates() },
		func() { d.Incidents, err = tx.Incidents() },
		func() { d.Punishments, err = tx.Punishments() },
		func() { d.Detentions, err = tx.Detentions() },
		func() { d.Sanctions, err = tx.Sanctions() },
		func() { d.DisciplineLists, err = disciplineLists(tx) },
	}
	for _, step := range steps {
		if step(); err != nil {
			return err
		}
	}
	return nil
}

// sort orders every list by its key, so that two dumps of the same school
// are equal.
func (d *Dataset) sort() {
	slices.SortFunc(d.Divisions, func(a, b Division) int { return strings.Compare(a.Code, b.Code) })
	slices.SortFunc(d.Groups, func(a, b Group) int { return strings.Compare(a.Code, b.Code) })
	slices.SortFunc(d.Pupils, func(a, b Pupil) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Guardians, func(a, b Guardian) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Accounts, func(a, b Account) int { return strings.Compare(a.Login, b.Login) })
	slices.SortFunc(d.Courses, func(a, b Course) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Motives, func(a, b Motive) int { return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.Code, b.Code)) })
	slices.SortFunc(d.Changes, func(a, b SeanceChange) int { return cmp.Compare(a.Seance, b.Seance) })
	slices.SortFunc(d.Extras, func(a, b Seance) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Marks, func(a, b Mark) int { return cmp.Or(cmp.Compare(a.Seance, b.Seance), cmp.Compare(a.Pupil, b.Pupil)) })
	slices.SortFunc(d.RollCalls, func(a, b RollCall) int { return cmp.Compare(a.Seance, b.Seance) })
	slices.SortFunc(d.Notices, func(a, b Notice) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Calls, func(a, b FamilyCall) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Reports, func(a, b Report) int { return cmp.Or(cmp.Compare(a.Pupil, b.Pupil), strings.Compare(a.Month, b.Month)) })
}

// Restore writes a whole school into a store that holds none yet, in one
// transaction: the full import. Only the machine's operator may do it.
func (s *Service) Restore(data Dataset) (Receipt, error) {
	if !s.system {
		return Receipt{}, Forbidden("seul l'opérateur de la machine peut restaurer un établissement complet")
	}
	if _, err := s.store.Directory(); !errors.Is(err, ErrNotFound) {
		if err == nil {
			err = Conflict("la base contient déjà un établissement : la restauration demande une base vide")
		}
		return Receipt{}, err
	}
	return s.update("restauration complète", data.Write)
}

// disciplineLists returns the lists of kinds the school stored (nil when
// it keeps both defaults).
func disciplineLists(tx ReadTx) (map[string][]DisciplineKind, error) {
	var out map[string][]DisciplineKind
	for _, name := range []string{ListIncidentKinds, ListPunishmentKinds} {
		list, ok, err := tx.DisciplineList(name)
		if err != nil {
			return nil, err
		}
		if ok {
			if out == nil {
				out = map[string][]DisciplineKind{}
			}
			out[name] = list
		}
	}
	return out, nil
}
