package model

import (
	"slices"
	"strings"
	"time"
)

// MarkRecord is one line of the register: what is known of a pupil in a séance
// other than plain presence.
type MarkRecord struct {
	Seance     Seance
	Pupil      Pupil
	Attendance Attendance
}

// Teacher returns the login of who gives the séance (the substitute first).
func (r MarkRecord) Teacher() string {
	if r.Seance.Substitute != "" {
		return r.Seance.Substitute
	}
	return strings.Join(r.Seance.Teachers, ",")
}

// MarkRecords returns the register from from to to (both included): every
// stored mark, and every séance that an announced absence covers without a mark
// (up to now), ordered by séance then pupil.
func (s *Service) MarkRecords(from, to Date) ([]MarkRecord, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermExport); err != nil {
		return nil, err
	}
	var out []MarkRecord
	err = s.store.View(func(tx ReadTx) error {
		marks, err := tx.MarksBetween(from, to)
		if err != nil {
			return err
		}
		loc := dir.Location()
		notices, err := tx.NoticesOverlapping(from.Time(0, loc), to.AddDays(1).Time(0, loc))
		if err != nil {
			return err
		}
		out = registerRecords(dir, marks, notices, from, to, s.now())
		return nil
	})
	return out, err
}

func registerRecords(dir *Directory, marks []Mark, notices []Notice, from, to Date, now time.Time) []MarkRecord {
	loc := dir.Location()
	seances := map[Date][]Seance{}
	seanceOf := func(id SeanceID) (Seance, bool) {
		d, err := id.Date()
		if err != nil {
			return Seance{}, false
		}
		if _, ok := seances[d]; !ok {
			seances[d] = dir.SeancesOn(d)
		}
		i := slices.IndexFunc(seances[d], func(x Seance) bool { return x.ID == id })
		if i < 0 {
			return Seance{}, false
		}
		return seances[d][i], true
	}
	var out []MarkRecord
	marked := map[MarkKey]bool{}
	for i := range marks {
		m := &marks[i]
		marked[m.Key()] = true
		se, ok := seanceOf(m.Seance)
		p, known := dir.Pupil(m.Pupil)
		if !ok || !known || m.Kind == KindPresent {
			continue
		}
		out = append(out, MarkRecord{se, p, Resolve(se, p.ID, m, notices, loc)})
	}
	out = append(out, noticeRecords(dir, notices, marked, from, to, now)...)
	slices.SortFunc(out, compareRecords)
	return out
}

func noticeRecords(dir *Directory, notices []Notice, marked map[MarkKey]bool, from, to Date, now time.Time) []MarkRecord {
	loc := dir.Location()
	var out []MarkRecord
	for _, n := range notices {
		p, ok := dir.Pupil(n.Pupil)
		if !ok {
			continue
		}
		first, last := maxDate(from, DateOf(n.From.In(loc))), minDate(to, DateOf(n.To.In(loc)))
		for _, se := range dir.PupilSeances(p, first, last) {
			started := !se.Date.Time(se.Start, loc).After(now)
			if se.Cancelled || marked[MarkKey{se.ID, p.ID}] || !started || !n.Covers(se, loc) {
				continue
			}
			marked[MarkKey{se.ID, p.ID}] = true
			out = append(out, MarkRecord{se, p, Resolve(se, p.ID, nil, []Notice{n}, loc)})
		}
	}
	return out
}

func compareRecords(a, b MarkRecord) int {
	if c := CompareSeances(a.Seance, b.Seance); c != 0 {
		return c
	}
	return ComparePupils(a.Pupil, b.Pupil)
}

func maxDate(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

func minDate(a, b Date) Date {
	if a.Before(b) {
		return a
	}
	return b
}
