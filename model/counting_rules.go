package model

import (
	"slices"
)

// CountingChange is what new counting rules do to the figures of the year
// so far: how many pupils are counted, and how many of them would get other
// figures (half-days, lateness) — computed by the one computation every
// figure uses (FiguresAt).
type CountingChange struct {
	Settings Settings
	From, To Date
	Pupils   int
	Changed  int
}

// CountingPreview tells how many pupils' figures of the year so far next
// would change, writing nothing.
func (s *Service) CountingPreview(next Settings) (CountingChange, error) {
	return s.countingChange(next)
}

// SetCounting replaces the school's counting rules (method, midday
// boundary, lateness counted as absence); the change is audited with the
// school and every figure follows it. It returns the preview's numbers.
func (s *Service) SetCounting(next Settings) (CountingChange, error) {
	ch, err := s.countingChange(next)
	if err != nil {
		return ch, err
	}
	_, err = s.updateSchool("règles de décompte", func(school School) (School, error) {
		idle := school.Settings.IdleMinutes
		school.Settings = ch.Settings
		school.Settings.IdleMinutes = idle
		return school, nil
	})
	return ch, err
}

// countingChange checks next and counts the change: the rules are next's,
// the other settings (IdleMinutes) the school's.
func (s *Service) countingChange(next Settings) (CountingChange, error) {
	if err := s.Require(PermSetup); err != nil {
		return CountingChange{}, err
	}
	dir, err := s.store.Directory()
	if err != nil {
		return CountingChange{}, err
	}
	school := dir.School
	next.IdleMinutes = school.Settings.IdleMinutes
	school.Settings = next
	if err := school.Validate(); err != nil {
		return CountingChange{}, err
	}
	if next.LateAsAbsentAfter < 0 || next.MiddayBoundary < 0 || next.MiddayBoundary >= 24*60 {
		return CountingChange{}, invalid("règles de décompte invalides (retard compté comme absence après %d min, midi à %s)", next.LateAsAbsentAfter, next.MiddayBoundary)
	}
	from, to := dir.School.YearStart, s.todayIn(dir.Location())
	if to.After(dir.School.YearEnd) {
		to = dir.School.YearEnd
	}
	ch := CountingChange{Settings: next, From: from, To: to}
	if to.Before(from) {
		return ch, nil
	}
	var in Recorded
	err = s.store.View(func(tx ReadTx) error {
		var err error
		in, err = readRecorded(tx, dir, nil, from, to)
		return err
	})
	if err != nil {
		return ch, err
	}
	other := dir.withSchool(school)
	pupils := statsPupils(dir, from, to)
	now := s.now()
	before := FiguresAt(dir, pupils, from, to, now, in.Marks, in.Notices)
	after := FiguresAt(other, pupils, from, to, now, in.Marks, in.Notices)
	ch.Pupils = len(before)
	byID := map[PupilID]Figures{}
	for _, f := range after {
		byID[f.Pupil.ID] = f.Explanation.Totals
	}
	for _, f := range before {
		if byID[f.Pupil.ID] != f.Explanation.Totals {
			ch.Changed++
		}
	}
	return ch, nil
}

// withSchool returns a directory like d whose school is s (its counting
// rules, its grid), for previews.
func (d *Directory) withSchool(s School) *Directory {
	return NewDirectory(Directory{
		School: s, Divisions: d.Divisions, Groups: d.Groups, Pupils: slices.Clone(d.Pupils),
		Accounts: d.Accounts, Courses: d.Courses, Motives: slices.Clone(d.Motives),
		Changes: d.Changes, Extras: d.Extras,
	})
}
