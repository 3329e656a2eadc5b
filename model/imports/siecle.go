package imports

import (
	"slices"
	"strings"

	"appel/model"
	"appel/model/formats/siecle"
)

// siecleInput is a parsed BEE_ELEVES export.
type siecleInput struct{ f *siecle.Eleves }

// parseSiecle reads the export without skipping anyone on dates: whether a
// pupil who left is skipped or updated depends on whether the school has him.
func parseSiecle(src Source) (input, error) {
	f, err := siecle.ParseEleves(src.Name, src.Data, model.Date{})
	return siecleInput{f}, err
}

func (in siecleInput) plan(e *env) *Plan {
	f := in.f
	e.p.Kind, e.p.File, e.p.Format = Siecle, f.File, "SIECLE Base élèves (BEE_ELEVES)"
	e.checkSchool(f.UAJ)
	e.notes(f.Notes)
	e.checkYear(f.Year)
	e.changeDay(f.Exported)
	seen := map[model.PupilID]bool{}
	var kept []model.Pupil
	levels := map[string][]string{}
	total := len(f.Pupils) + len(f.Skipped)
	for i, pu := range f.Pupils {
		seen[pu.ID] = true
		if p, ok := e.pupil(pu); ok {
			kept = append(kept, p)
			levels[p.Division] = append(levels[p.Division], model.LevelOfMEF(pu.MEF))
		}
		e.tick(i+1, total)
	}
	for i, s := range f.Skipped {
		seen[s.ID] = true
		e.inactive(s, f.Exported)
		e.tick(len(f.Pupils)+i+1, total)
	}
	e.structures(kept, levels)
	e.missingPupils(seen)
	return e.p
}

// pupil plans one pupil of the export; ok is false when he is skipped.
func (e *env) pupil(pu siecle.Pupil) (model.Pupil, bool) {
	p := pu.Pupil
	p.Groups = slices.Clone(p.Groups)
	slices.Sort(p.Groups)
	old, had := e.dir.Pupil(p.ID)
	it := Item{Entity: model.EntityPupil, Key: string(p.ID), Name: p.FullName(), Line: pu.Line}
	if !p.EnrolledOn(e.today) && !had {
		it.Action, it.Detail = Skipped, "sorti de l'établissement le "+p.Left.French()+" (DATE_SORTIE)"
		e.add(it, nil)
		return p, false
	}
	p = e.enrol(old, had, p)
	it.Action = putOrKeep(had, old, p)
	switch {
	case it.Action == Updated:
		it.Detail = pupilChanges(old, p)
	case it.Action == Created && p.INE == "":
		it.Detail = "sans INE (ID_NATIONAL absent)"
	}
	e.add(it, func(tx model.Tx) error { return tx.PutPupil(p) })
	return p, true
}

// changeDay sets the day on which the re-import's changes are recorded:
// --from, else the file's date of export (not after today), else today.
func (e *env) changeDay(exported model.Date) {
	switch {
	case !e.from.IsZero():
	case exported.IsZero() || exported.After(e.today):
		e.from = e.today
	default:
		e.from = exported
	}
}

// enrol gives the pupil of the file his history: a pupil the school has
// keeps his, and a change of division or groups is recorded from the day
// of the change; a pupil new to a school that already has pupils, after the
// rentrée, arrives on that day.
func (e *env) enrol(old model.Pupil, had bool, p model.Pupil) model.Pupil {
	if !had {
		if len(e.dir.Pupils) > 0 && e.from.After(e.dir.School.YearStart) {
			p.Arrived = e.from
		}
		return p
	}
	next := old.MoveTo(e.from, p.Division, p.Groups)
	next.INE, next.LastName, next.FirstName = p.INE, p.LastName, p.FirstName
	next.BirthDate, next.Sex, next.Left = p.BirthDate, p.Sex, p.Left
	return next
}

func pupilChanges(a, b model.Pupil) string {
	var c changes
	c.diff("nom", a.FullName(), b.FullName())
	c.diff("INE", a.INE, b.INE)
	switch {
	case a.Division != b.Division && !b.Since.IsZero():
		c.add("division « %s » → « %s » le %s", a.Division, b.Division, b.Since.French())
	default:
		c.diff("division", a.Division, b.Division)
	}
	c.diff("groupes", strings.Join(a.Groups, ", "), strings.Join(b.Groups, ", "))
	c.diff("naissance", dateText(a.BirthDate), dateText(b.BirthDate))
	c.diff("sexe", a.Sex, b.Sex)
	switch {
	case a.Left != b.Left && b.Left.IsZero():
		c.add("de retour (plus de date de sortie)")
	case a.Left != b.Left:
		c.add("sorti le %s", b.Left.French())
	}
	return c.String()
}

// inactive plans a pupil the parser skipped (in « Inactifs »): skipped when
// the school does not have him, else marked as gone since the export.
func (e *env) inactive(s siecle.Skipped, exported model.Date) {
	it := Item{Entity: model.EntityPupil, Key: string(s.ID), Name: s.Name, Line: s.Line, Action: Skipped, Detail: s.Reason}
	old, had := e.dir.Pupil(s.ID)
	if !had || !old.Left.IsZero() {
		e.add(it, nil)
		return
	}
	left := e.from
	p := old
	p.Left = left
	it.Action, it.Detail = Updated, s.Reason+" : sorti le "+left.French()
	e.add(it, func(tx model.Tx) error { return tx.PutPupil(p) })
}

// structures plans the divisions and groups of the pupils kept: new codes
// are created; a division takes the level most of its pupils' MEFs give
// (levels by division); a group learns the divisions its members come from.
func (e *env) structures(pupils []model.Pupil, levels map[string][]string) {
	divisions := map[string]bool{}
	groups := map[string]map[string]bool{}
	for _, p := range pupils {
		if p.Division != "" {
			divisions[p.Division] = true
		}
		for _, g := range p.Groups {
			if groups[g] == nil {
				groups[g] = map[string]bool{}
			}
			if p.Division != "" {
				groups[g][p.Division] = true
			}
		}
	}
	for _, code := range sortedSet(divisions) {
		e.division(model.Division{Code: code, Level: model.MainLevel(levels[code])}, 0)
	}
	for _, code := range sortedKeys(groups) {
		e.group(model.Group{Code: code, Divisions: sortedSet(groups[code])}, 0)
	}
}

// division plans a division: created when new, its label updated when the
// file gives one.
func (e *env) division(d model.Division, line int) {
	old, had := e.dir.Division(d.Code)
	if had {
		label, level := d.Label, d.Level
		d = old
		d.Label, d.Level = cmpOr(label, old.Label), cmpOr(level, old.Level)
	}
	it := Item{Entity: model.EntityDivision, Key: d.Code, Line: line, Action: putOrKeep(had, old, d)}
	if it.Action == Updated {
		it.Detail = divisionChange(old, d)
	}
	e.add(it, func(tx model.Tx) error { return tx.PutDivision(d) })
}

// group plans a group: created when new, else its divisions are merged with
// those the file gives.
func (e *env) group(g model.Group, line int) {
	old, had := e.dir.Group(g.Code)
	if had {
		merged := append(slices.Clone(old.Divisions), g.Divisions...)
		slices.Sort(merged)
		label := g.Label
		g = old
		g.Divisions, g.Label = slices.Compact(merged), cmpOr(label, old.Label)
	}
	it := Item{Entity: model.EntityGroup, Key: g.Code, Line: line, Action: putOrKeep(had, old, g)}
	if it.Action == Updated {
		it.Detail = "divisions " + strings.Join(g.Divisions, ", ")
	}
	e.add(it, func(tx model.Tx) error { return tx.PutGroup(g) })
}

// missingPupils counts the enrolled pupils of the school that the export no
// longer lists: they are left as they are.
func (e *env) missingPupils(seen map[model.PupilID]bool) {
	for _, p := range e.dir.Pupils {
		if !seen[p.ID] && p.EnrolledOn(e.today) {
			e.add(Item{Entity: model.EntityPupil, Key: string(p.ID), Name: p.FullName(), Action: Skipped,
				Detail: "absent du fichier : laissé tel quel"}, nil)
		}
	}
}

func dateText(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.French()
}

func sortedSet(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// divisionChange says what an import changes in a division.
func divisionChange(a, b model.Division) string {
	var parts []string
	if a.Label != b.Label {
		parts = append(parts, "libellé « "+b.Label+" »")
	}
	if a.Level != b.Level {
		parts = append(parts, "niveau « "+b.Level+" »")
	}
	return strings.Join(parts, ", ")
}
