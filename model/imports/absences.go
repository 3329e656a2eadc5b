package imports

import (
	"fmt"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/absences"
)

// absencesInput is a parsed absence history.
type absencesInput struct {
	file string
	rows []absences.Row
}

func parseAbsences(src Source) (input, error) {
	rows, err := absences.Parse(src.Name, src.Data)
	return absencesInput{src.Name, rows}, err
}

// plan is strict: an unknown pupil or motive, a row that covers no séance or
// contradicts another refuses the file, since skipping would lose absences.
func (in absencesInput) plan(e *env) *Plan {
	e.p.Kind, e.p.File, e.p.Format = Absences, in.file, "historique d'absences (CSV)"
	pupils := make(map[string]model.Pupil, 2*len(e.dir.Pupils))
	for _, p := range e.dir.Pupils {
		if p.INE != "" {
			pupils[p.INE] = p
		}
	}
	for _, p := range e.dir.Pupils {
		pupils[string(p.ID)] = p
	}
	covered := map[model.MarkKey]int{}
	for i, r := range in.rows {
		e.absence(r, pupils, covered)
		e.tick(i+1, len(in.rows))
	}
	return e.p
}

// absence plans the marks of one row: one per séance of the pupil that
// overlaps [debut, fin) that day.
func (e *env) absence(r absences.Row, pupils map[string]model.Pupil, covered map[model.MarkKey]int) {
	p, ok := pupils[r.Pupil]
	if !ok {
		e.refuse(r.Line, "élève %q inconnu (ni ELEVE_ID ni INE d'un élève de l'établissement)", formats.Excerpt(r.Pupil))
		return
	}
	if r.Date.After(e.today) {
		e.refuse(r.Line, "le %s est à venir : un historique ne contient que des absences passées", r.Date.French())
		return
	}
	j, ok := e.justification(r)
	if !ok {
		return
	}
	seances := e.overlapping(p, r)
	if len(seances) == 0 {
		e.refuse(r.Line, "aucune séance de %s le %s entre %s et %s", p.FullName(), r.Date.French(), r.From, r.To)
		return
	}
	for _, se := range seances {
		k := model.MarkKey{Seance: se.ID, Pupil: p.ID}
		if prev, dup := covered[k]; dup {
			e.refuse(r.Line, "la séance %s de %s est déjà couverte ligne %d", se.Label(), p.FullName(), prev)
			continue
		}
		covered[k] = r.Line
		e.mark(model.Mark{Seance: se.ID, Pupil: p.ID, Kind: r.Kind, Minutes: r.Minutes, Justification: j, By: e.login, At: e.now},
			Item{Entity: model.EntityMark, Key: k.String(), Name: p.FullName() + " · " + se.Date.French() + " " + se.Label(), Line: r.Line})
	}
}

// justification returns the row's justification (nil when none); ok is false
// when the row is refused.
func (e *env) justification(r absences.Row) (*model.Justification, bool) {
	switch {
	case r.Motive == "" && !r.Justified:
		return nil, true
	case r.Motive == "":
		return &model.Justification{By: e.login, At: e.now}, true
	case r.Kind != model.KindAbsent && r.Kind != model.KindLate:
		e.refuse(r.Line, "motif « %s » sur une marque %s : un motif ne justifie qu'une absence ou un retard", formats.Excerpt(r.Motive), r.Kind.Export())
		return nil, false
	case !r.Justified:
		e.refuse(r.Line, "motif « %s » mais justifiee non : contradictoire", formats.Excerpt(r.Motive))
		return nil, false
	}
	m, ok := model.MotiveByLabel(e.dir.Motives, r.Motive)
	if !ok {
		e.refuse(r.Line, "motif « %s » inconnu (motifs : %s)", formats.Excerpt(r.Motive), motiveLabels(e.dir.Motives))
		return nil, false
	}
	return m.Justify(e.login, e.now), true
}

func motiveLabels(ms []model.Motive) string {
	labels := make([]string, 0, len(ms))
	for _, m := range ms {
		labels = append(labels, m.Label)
	}
	return strings.Join(labels, ", ")
}

// overlapping returns the séances (not cancelled) of p that day that meet [From, To).
func (e *env) overlapping(p model.Pupil, r absences.Row) []model.Seance {
	var out []model.Seance
	for _, se := range e.dir.PupilSeances(p, r.Date, r.Date) {
		if !se.Cancelled && se.Start < r.To && se.End > r.From {
			out = append(out, se)
		}
	}
	return out
}

// mark plans one mark: created, or updated when the stored one says
// something else; one that says the same is left with its author and time.
func (e *env) mark(m model.Mark, it Item) {
	old, had, err := e.tx.Mark(m.Key())
	if err != nil {
		e.refuse(it.Line, "lecture de la marque %s : %s", it.Key, model.UserMessage(err))
		return
	}
	switch {
	case !had:
		it.Action = Created
	case sameMark(old, m):
		it.Action = Unchanged
	default:
		it.Action, it.Detail = Updated, "était : "+markText(old)
	}
	e.add(it, func(tx model.Tx) error { return tx.PutMark(m) })
}

func sameMark(a, b model.Mark) bool {
	if a.Kind != b.Kind || a.Minutes != b.Minutes || (a.Justification == nil) != (b.Justification == nil) {
		return false
	}
	ja, jb := a.Justification, b.Justification
	return ja == nil || ja.Motive == jb.Motive && ja.Valid == jb.Valid && ja.Overruled == jb.Overruled
}

func markText(m model.Mark) string {
	s := m.Kind.Label()
	if m.Kind == model.KindLate {
		s += fmt.Sprintf(" (%d min)", m.Minutes)
	}
	if j := m.Justification; j != nil {
		s += ", justifié " + cmpOr(j.Label, "sans motif")
	}
	return s + " (saisi par " + m.By + ")"
}
