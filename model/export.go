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

// MarkRecords returns the register from from to to (both included) at the
// service's clock: every attendance of a begun séance with something other
// than plain presence (marks, and séances that an announced absence covers
// without a mark), as FiguresAt resolves them, then the marks that match no
// séance of their pupil (they count for nothing), ordered by séance then pupil.
func (s *Service) MarkRecords(from, to Date) ([]MarkRecord, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermExport); err != nil {
		return nil, err
	}
	var in Recorded
	err = s.store.View(func(tx ReadTx) error {
		var err error
		in, err = readRecorded(tx, dir, nil, from, to)
		return err
	})
	if err != nil {
		return nil, err
	}
	return registerRecords(dir, in, from, to, s.now()), nil
}

func registerRecords(dir *Directory, in Recorded, from, to Date, now time.Time) []MarkRecord {
	var out []MarkRecord
	for _, f := range FiguresAt(dir, dir.Pupils, from, to, now, in.Marks, in.Notices) {
		for _, a := range f.Records() {
			out = append(out, MarkRecord{a.Seance, f.Pupil, a})
		}
		for i := range f.Unplaced {
			m := &f.Unplaced[i]
			se, ok := dir.Seance(m.Seance)
			if ok && m.Kind != KindPresent && se.Begun(now, dir.Location()) {
				out = append(out, MarkRecord{se, f.Pupil, Attendance{Seance: se, Pupil: m.Pupil, Kind: m.Kind,
					Minutes: m.Minutes, Justification: m.Justification, Mark: m}})
			}
		}
	}
	slices.SortFunc(out, compareRecords)
	return out
}

func compareRecords(a, b MarkRecord) int {
	if c := CompareSeances(a.Seance, b.Seance); c != 0 {
		return c
	}
	return ComparePupils(a.Pupil, b.Pupil)
}
