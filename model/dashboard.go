package model

import "time"

// Dashboard is the day at a glance, for the direction and the vie scolaire.
type Dashboard struct {
	Day Date
	At  time.Time
	// AbsentPupils and LatePupils count the pupils absent from, or late to,
	// at least one séance of the day that is not cancelled (announced
	// absences included).
	AbsentPupils, LatePupils int
	// Unjustified counts the absences (missed séances) without a motive from
	// the school year's start to the day; UnjustifiedPupils the pupils concerned.
	Unjustified, UnjustifiedPupils int
	// Started counts the day's séances started by At and not cancelled;
	// NotDone lists those whose roll call is not done, by start.
	Started int
	NotDone []Seance
	// Month is the day's calendar month; Crossed the pupils over the
	// threshold in it, by the day they reached it.
	Month   string
	Crossed []ThresholdLine
}

// Dashboard returns the figures of the day at the clock's time, from one read
// of the store.
func (s *Service) Dashboard() (Dashboard, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return Dashboard{}, err
	}
	if err := pol.Require(PermStats); err != nil {
		return Dashboard{}, err
	}
	now := s.now().In(dir.Location())
	day := DateOf(now)
	from := dir.School.YearStart
	if day.Before(from) {
		from = day
	}
	var in statsInput
	var calls []RollCall
	err = s.store.View(func(tx ReadTx) error {
		var err error
		if in, err = readStatsInput(tx, dir, from, day); err != nil {
			return err
		}
		calls, err = tx.RollCallsBetween(day, day)
		return err
	})
	if err != nil {
		return Dashboard{}, err
	}
	db := Dashboard{Day: day, At: now, Month: day.MonthKey()}
	db.rollCalls(dir, calls, now)
	db.attendance(dir, in, from)
	return db, nil
}

// rollCalls lists the séances of the day started by now whose roll call is not done.
func (db *Dashboard) rollCalls(dir *Directory, calls []RollCall, now time.Time) {
	done := make(map[SeanceID]bool, len(calls))
	for _, c := range calls {
		done[c.Seance] = true
	}
	for _, se := range dir.SeancesOn(db.Day) {
		if se.Cancelled || se.Date.Time(se.Start, dir.Location()).After(now) {
			continue
		}
		db.Started++
		if !done[se.ID] {
			db.NotDone = append(db.NotDone, se)
		}
	}
}

// attendance counts the day's absences and lateness, the backlog since from,
// and the month's threshold crossings, at the clock: FiguresAt.
func (db *Dashboard) attendance(dir *Directory, in statsInput, from Date) {
	pupils := statsPupils(dir, db.Day, db.Day)
	var counts []PupilCount
	for _, f := range FiguresAt(dir, pupils, from, db.Day, db.At, in.Marks, in.Notices) {
		if len(f.Explanation.HalfDays) == 0 {
			continue
		}
		db.tally(f)
		counts = append(counts, f.Count())
	}
	for _, l := range thresholdLines(dir, counts, in.reports) {
		if l.Crossing.Month == db.Month {
			db.Crossed = append(db.Crossed, l)
		}
	}
}

// tally adds one pupil's figures to the day's counts and the backlog.
func (db *Dashboard) tally(f PupilFigures) {
	absent, late := false, false
	for i := len(f.Explanation.HalfDays) - 1; i >= 0 && f.Explanation.HalfDays[i].Date == db.Day; i-- {
		for _, l := range f.Explanation.HalfDays[i].Seances {
			if a := l.Attendance; !a.Upcoming && !a.Seance.Cancelled {
				absent = absent || a.Kind == KindAbsent
				late = late || a.Kind == KindLate
			}
		}
	}
	unjustified := f.Unjustified()
	db.Unjustified += unjustified
	db.UnjustifiedPupils += b2i(unjustified > 0)
	db.AbsentPupils += b2i(absent)
	db.LatePupils += b2i(late)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
