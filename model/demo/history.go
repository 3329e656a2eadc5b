package demo

import (
	"cmp"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"appel/model"
)

// hist builds the attendance history of the school days before today.
type hist struct {
	d       *model.Dataset
	st      *structure
	dir     *model.Directory
	loc     *time.Location
	now     time.Time
	today   model.Date
	days    []model.Date // every school day of the year
	cut     int          // days[:cut] are before today
	byDay   map[model.Date][]model.Seance
	taken   map[model.SeanceID]bool
	index   map[model.MarkKey]int
	motives map[string]model.Motive
}

// buildHistory fills the dataset's attendance for the days before now's date.
func buildHistory(d *model.Dataset, st *structure, now time.Time) {
	h := &hist{d: d, st: st, loc: d.School.Location(), now: now, today: model.DateOf(now),
		byDay: map[model.Date][]model.Seance{}, taken: map[model.SeanceID]bool{},
		index: map[model.MarkKey]int{}, motives: map[string]model.Motive{}}
	for _, m := range d.Motives {
		h.motives[m.Code] = m
	}
	h.days = schoolDays(d.School)
	h.cut = slices.IndexFunc(h.days, func(x model.Date) bool { return !x.Before(h.today) })
	if h.cut < 0 {
		h.cut = len(h.days)
	}
	d.Changes = h.teacherAbsences()
	h.dir = directoryOf(d)
	for _, day := range h.days[:h.cut] {
		h.byDay[day] = h.dir.SeancesOn(day)
	}
	h.rollCalls()
	h.pupilEvents()
	h.reports()
	h.announcedToday()
	h.sortAll()
}

func schoolDays(s model.School) []model.Date {
	var out []model.Date
	for day := s.YearStart; !day.After(s.YearEnd); day = day.AddDays(1) {
		if s.IsSchoolDay(day) {
			out = append(out, day)
		}
	}
	return out
}

// directoryOf indexes a copy of the dataset's structure (NewDirectory sorts
// the pupils it is given).
func directoryOf(d *model.Dataset) *model.Directory {
	return model.NewDirectory(model.Directory{
		School: d.School, Divisions: slices.Clone(d.Divisions), Groups: slices.Clone(d.Groups),
		Pupils: slices.Clone(d.Pupils), Accounts: slices.Clone(d.Accounts),
		Courses: slices.Clone(d.Courses), Motives: slices.Clone(d.Motives),
		Changes: slices.Clone(d.Changes), Extras: slices.Clone(d.Extras),
	})
}

// teacherAbsences cancels the séances of a few teachers (never prof) for one
// to three days each, on days already past.
func (h *hist) teacherAbsences() []model.SeanceChange {
	r := rand.New(rand.NewPCG(seed, streamEvents))
	plain := directoryOf(h.d)
	var out []model.SeanceChange
	for range 9 {
		acc := h.d.Accounts[r.IntN(len(h.d.Accounts))]
		first, length := r.IntN(len(h.days)), 1+r.IntN(3)
		if !acc.Has(model.RoleTeacher) || acc.Login == ProfLogin {
			continue
		}
		for di := first; di < min(first+length, h.cut); di++ {
			for _, s := range plain.TeacherSeances(acc.Login, h.days[di]) {
				out = append(out, model.SeanceChange{Seance: s.ID, Cancelled: true, Note: "Professeur absent"})
			}
		}
	}
	slices.SortFunc(out, func(a, b model.SeanceChange) int { return cmp.Compare(a.Seance, b.Seance) })
	return slices.CompactFunc(out, func(a, b model.SeanceChange) bool { return a.Seance == b.Seance })
}

// missRate is the share of roll calls a teacher forgets: a few forgetful
// teachers miss one in twenty, the others almost none.
func missRate(login string) float64 {
	if hashUnit(login, "oubli") < 0.08 {
		return 0.05
	}
	return 0.008
}

// rollCalls records the roll call of nearly every séance that took place,
// a few minutes after it began.
func (h *hist) rollCalls() {
	for _, day := range h.days[:h.cut] {
		for _, s := range h.byDay[day] {
			if s.Cancelled || hashUnit(string(s.ID), "appel") < missRate(s.Teachers[0]) {
				continue
			}
			h.taken[s.ID] = true
			at := h.at(s.Date, s.Start+model.Clock(2+int(hashUnit(string(s.ID), "heure")*8)))
			h.d.RollCalls = append(h.d.RollCalls, model.RollCall{Seance: s.ID, By: s.Teachers[0], At: at})
		}
	}
}

// hashUnit maps strings to [0, 1) deterministically, for per-séance draws
// that must not depend on the order of generation.
func hashUnit(parts ...string) float64 {
	f := fnv.New64a()
	f.Write([]byte(strings.Join(parts, "\x00")))
	return float64(f.Sum64()>>11) / (1 << 53)
}

// at is the instant of a date and clock in the school's time zone.
func (h *hist) at(day model.Date, c model.Clock) time.Time { return day.Time(c, h.loc) }

// pupilSeances returns the séances of pupil p on day that took place and
// whose roll call was taken.
func (h *hist) pupilSeances(p model.Pupil, day model.Date) []model.Seance {
	var out []model.Seance
	for _, s := range h.byDay[day] {
		if !s.Cancelled && h.taken[s.ID] && h.dir.Attends(p, s) {
			out = append(out, s)
		}
	}
	return out
}

// addMark records a mark unless the pupil already has one in that séance.
func (h *hist) addMark(m model.Mark) bool {
	if _, dup := h.index[m.Key()]; dup {
		return false
	}
	h.index[m.Key()] = len(h.d.Marks)
	h.d.Marks = append(h.d.Marks, m)
	return true
}

func (h *hist) sortAll() {
	d := h.d
	slices.SortFunc(d.Marks, func(a, b model.Mark) int {
		return cmp.Or(cmp.Compare(a.Seance, b.Seance), cmp.Compare(a.Pupil, b.Pupil))
	})
	slices.SortFunc(d.RollCalls, func(a, b model.RollCall) int { return cmp.Compare(a.Seance, b.Seance) })
	slices.SortFunc(d.Notices, func(a, b model.Notice) int {
		return cmp.Or(a.From.Compare(b.From), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(d.Calls, func(a, b model.FamilyCall) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
	})
}
