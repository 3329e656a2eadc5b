package model

import "slices"

// Preview is what a motive key would do to a selection, computed from what is
// stored without writing anything: the outcome ApplyMotive would report, and
// each touched pupil's half-day counts and monthly threshold before and after.
type Preview struct {
	// Motive is the motive previewed; nil previews removing the motive.
	Motive *Motive
	// Outcome holds the numbers ApplyMotive would report (without Action).
	Outcome BulkOutcome
	// Pupils holds one entry per touched pupil and calendar month of his
	// touched marks, in the order the selection first names the pupils.
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

// Touched counts the marks the motive would change.
func (p Preview) Touched() int {
	n := 0
	for _, x := range p.Pupils {
		n += x.Touched
	}
	return n
}

// KindsPreview is what each kind of motive key would do to a selection, shown
// before a key is pressed: a valable motive and a non valable one, neither
// replacing a motive already given (that is asked after the key).
type KindsPreview struct {
	// Valid and Invalid are nil when no motive of that kind is offered.
	Valid, Invalid *Preview
	// Replaced are the motives already given in the selection, by who gave
	// them: any motive key other than theirs asks before replacing them.
	Replaced []Given
}

// PreviewKinds says what a valable and a non valable motive key would do to
// the absences and latenesses shown, now, without doing it.
func (s *Service) PreviewKinds(shown []Shown) (KindsPreview, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return KindsPreview{}, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return KindsPreview{}, err
	}
	var codes [2]string
	for _, m := range dir.Motives {
		if i := b2i(!m.Valid); !m.Retired && codes[i] == "" {
			codes[i] = m.Code
		}
	}
	kp := KindsPreview{Replaced: Replaced(shown, "")}
	out := [2]**Preview{&kp.Valid, &kp.Invalid}
	err = s.store.View(func(tx ReadTx) error {
		for i, code := range codes {
			if code == "" {
				continue
			}
			pv, err := s.simulate(tx, dir, MotiveRequest{Shown: shown, Code: code})
			if err != nil {
				return err
			}
			*out[i] = &pv
		}
		return nil
	})
	return kp, err
}

// Preview says what ApplyMotive(req) would do now, without doing it.
func (s *Service) Preview(req MotiveRequest) (Preview, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Preview{}, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return Preview{}, err
	}
	var pv Preview
	err = s.store.View(func(tx ReadTx) error {
		var err error
		pv, err = s.simulate(tx, dir, req)
		return err
	})
	return pv, err
}

// simulate applies req to a copy of the selected pupils' marks, the way
// ApplyMotive would inside its transaction, and counts before and after.
func (s *Service) simulate(tx ReadTx, dir *Directory, req MotiveRequest) (Preview, error) {
	motive, _, err := offeredMotive(dir, req.Code)
	if err != nil {
		return Preview{}, err
	}
	now := s.now().In(dir.Location())
	pv := Preview{Motive: motive}
	change := motiveChange(req, motive, s.actor.Login, now)
	for _, g := range shownByPupil(req.Shown) {
		p, ok := dir.Pupil(g[0].Key.Pupil)
		from, to, months := shownMonthSpan(g)
		if !ok || from.IsZero() {
			continue
		}
		in, err := readRecorded(tx, dir, []Pupil{p}, from, to)
		if err != nil {
			return Preview{}, err
		}
		before := FiguresAt(dir, []Pupil{p}, from, to, now, in.Marks, in.Notices)[0]
		changed := simulateShown(&pv.Outcome, before.Records(), g, change)
		after := FiguresAt(dir, []Pupil{p}, from, to, now, replaceMarks(in.Marks, changed), in.Notices)[0]
		for _, m := range months {
			if n := countInMonth(changed, m); n > 0 {
				pv.Pupils = append(pv.Pupils, PupilPreview{Pupil: p, Touched: n, Before: before.Month(m), After: after.Month(m)})
			}
		}
	}
	return pv, nil
}

// simulateShown classifies the records shown of one pupil as editShown
// would, from his attendances as stored (records: marked ones begun by the
// clock), into out, and returns the marks the action would write.
func simulateShown(out *BulkOutcome, records []Attendance, shown []Shown, change func(Shown, Attendance) (*Mark, bulkVerdict)) []Mark {
	byKey := make(map[MarkKey]Attendance, len(records))
	for _, a := range records {
		byKey[MarkKey{a.Seance.ID, a.Pupil}] = a
	}
	var changed []Mark
	for _, x := range shown {
		cur, ok := byKey[x.Key]
		if !ok {
			cur = Attendance{Pupil: x.Key.Pupil, Kind: KindPresent, Upcoming: x.Upcoming}
		}
		if cur.Upcoming || !x.Matches(cur) || !Missed(cur) {
			out.leave(x, cur)
			continue
		}
		after, verdict := change(x, cur)
		if verdict == verdictDone && after != nil && !sameValue(cur.Mark, after) {
			changed = append(changed, *after)
		}
		out.count(verdict, cur)
	}
	return changed
}

// shownByPupil groups the records shown by pupil, in the order of first
// appearance, each (séance, pupil) once.
func shownByPupil(shown []Shown) [][]Shown {
	index := map[PupilID]int{}
	seen := map[MarkKey]bool{}
	var out [][]Shown
	for _, x := range shown {
		if seen[x.Key] {
			continue
		}
		seen[x.Key] = true
		i, ok := index[x.Key.Pupil]
		if !ok {
			i = len(out)
			index[x.Key.Pupil] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], x)
	}
	return out
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

func countInMonth(marks []Mark, month string) int {
	n := 0
	for _, m := range marks {
		if d, err := m.Seance.Date(); err == nil && d.MonthKey() == month {
			n++
		}
	}
	return n
}

// shownMonthSpan returns the first day of the earliest month and the last day
// of the latest month of the records' séances, and those months in order.
func shownMonthSpan(shown []Shown) (from, to Date, months []string) {
	for _, x := range shown {
		d, err := x.Key.Seance.Date()
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
	from, to = MonthSpan(from, to)
	return from, to, months
}
