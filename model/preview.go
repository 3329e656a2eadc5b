package model

import (
	"slices"
	"time"
)

// Preview is what applying a motive to a selection would change, computed from
// what is stored without writing anything: how many absences it touches, and
// each touched pupil's half-day counts and monthly threshold before and after.
type Preview struct {
	// Motive is the motive previewed; nil previews removing the motive.
	Motive *Motive
	// Touched counts the absences and latenesses the motive would change;
	// Skipped the selected marks it would leave as they are.
	Touched, Skipped int
	// Pupils holds one entry per touched pupil and calendar month of his
	// touched marks, in the order the keys first name the pupils.
	Pupils []PupilPreview
}

// PupilPreview is one pupil's counts of one calendar month before and after.
type PupilPreview struct {
	Pupil Pupil
	// Touched counts the pupil's marks of that month the motive would change.
	Touched       int
	Before, After MonthCount
}

// ThresholdChange reports whether the change makes the pupil reach the monthly
// report threshold (+1), fall back under it (-1), or neither (0).
func (p PupilPreview) ThresholdChange() int {
	before, after := p.Before.OverThreshold(), p.After.OverThreshold()
	switch {
	case after && !before:
		return 1
	case before && !after:
		return -1
	}
	return 0
}

// Totals sums the touched pupils' month counts before and after.
func (p Preview) Totals() (before, after Figures) {
	for _, x := range p.Pupils {
		before, after = before.Add(x.Before.Figures), after.Add(x.After.Figures)
	}
	return before, after
}

// Preview says what Justify(keys, code) would do now, without doing it.
func (s *Service) Preview(keys []MarkKey, code string) (Preview, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Preview{}, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return Preview{}, err
	}
	motive, _, err := offeredMotive(dir, code)
	if err != nil {
		return Preview{}, err
	}
	pv := Preview{Motive: motive}
	groups, total := keysByPupil(keys)
	sim := simulation{dir: dir, motive: motive, login: s.actor.Login, now: s.now().In(dir.Location())}
	err = s.store.View(func(tx ReadTx) error {
		for _, g := range groups {
			lines, touched, err := sim.pupil(tx, g.pupil, g.keys)
			if err != nil {
				return err
			}
			pv.Touched += touched
			pv.Pupils = append(pv.Pupils, lines...)
		}
		return nil
	})
	pv.Skipped = total - pv.Touched
	return pv, err
}

type pupilKeys struct {
	pupil PupilID
	keys  map[MarkKey]bool
}

// keysByPupil groups keys by pupil in the order of first appearance; it also
// returns the number of distinct keys.
func keysByPupil(keys []MarkKey) ([]pupilKeys, int) {
	index := map[PupilID]int{}
	var out []pupilKeys
	total := 0
	for _, k := range keys {
		i, ok := index[k.Pupil]
		if !ok {
			i = len(out)
			index[k.Pupil] = i
			out = append(out, pupilKeys{pupil: k.Pupil, keys: map[MarkKey]bool{}})
		}
		if !out[i].keys[k] {
			out[i].keys[k] = true
			total++
		}
	}
	return out, total
}

// simulation applies a motive to a copy of a pupil's marks, the way Justify
// would inside its transaction.
type simulation struct {
	dir    *Directory
	motive *Motive
	login  string
	now    time.Time
}

func (sim simulation) pupil(tx ReadTx, id PupilID, keys map[MarkKey]bool) ([]PupilPreview, int, error) {
	p, ok := sim.dir.Pupil(id)
	from, to, months := keysMonthSpan(keys)
	if !ok || from.IsZero() {
		return nil, 0, nil
	}
	marks, err := tx.MarksOfPupil(id, from, to)
	if err != nil {
		return nil, 0, err
	}
	notices, err := tx.NoticesOfPupil(id)
	if err != nil {
		return nil, 0, err
	}
	settings := sim.dir.School.Settings
	before, _ := CollectAttendance(sim.dir, []Pupil{p}, from, to, marks, notices)
	changed, perMonth := sim.apply(before[id], keys)
	after, _ := CollectAttendance(sim.dir, []Pupil{p}, from, to, replaceMarks(marks, changed), notices)
	countBefore, countAfter := CountPupil(p, before[id], settings), CountPupil(p, after[id], settings)
	var out []PupilPreview
	for _, m := range months {
		if perMonth[m] > 0 {
			out = append(out, PupilPreview{Pupil: p, Touched: perMonth[m], Before: countBefore.Month(m), After: countAfter.Month(m)})
		}
	}
	return out, len(changed), nil
}

// apply returns the marks the motive would write for the selected
// attendances, and how many per month.
func (sim simulation) apply(atts []Attendance, keys map[MarkKey]bool) ([]Mark, map[string]int) {
	var changed []Mark
	perMonth := map[string]int{}
	for _, a := range atts {
		if !keys[MarkKey{a.Seance.ID, a.Pupil}] {
			continue
		}
		m, ok := justified(a, sim.motive, sim.login, sim.now)
		if !ok || sameValue(a.Mark, m) {
			continue
		}
		changed = append(changed, *m)
		perMonth[a.Seance.Date.MonthKey()]++
	}
	return changed, perMonth
}

// replaceMarks returns marks with changed put in place of the marks of the
// same keys (or added).
func replaceMarks(marks, changed []Mark) []Mark {
	out := slices.Clone(marks)
	for _, c := range changed {
		i := slices.IndexFunc(out, func(m Mark) bool { return m.Key() == c.Key() })
		if i < 0 {
			out = append(out, c)
		} else {
			out[i] = c
		}
	}
	return out
}

// keysMonthSpan returns the first day of the earliest month and the last day of
// the latest month of the keys' séances, and those months in order.
func keysMonthSpan(keys map[MarkKey]bool) (from, to Date, months []string) {
	for k := range keys {
		d, err := k.Seance.Date()
		if err != nil {
			continue
		}
		if from.IsZero() || d.Before(from) {
			from = d
		}
		if to.IsZero() || d.After(to) {
			to = d
		}
		if m := d.MonthKey(); !slices.Contains(months, m) {
			months = append(months, m)
		}
	}
	if from.IsZero() {
		return from, to, nil
	}
	slices.Sort(months)
	return NewDate(from.Year, from.Month, 1), NewDate(to.Year, to.Month+1, 0), months
}
