package demo

import (
	"slices"
	"sync"
	"testing"
	"time"

	"appel/model"
)

var paris = mustLoc("Europe/Paris")

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// refNow is the clock of the acceptance checks: Monday 23 November 2026, 08:05.
var refNow = time.Date(2026, time.November, 23, 8, 5, 0, 0, paris)

var (
	refOnce sync.Once
	refData model.Dataset
)

// reference builds the dataset at refNow once for the tests that only read it.
func reference(t testing.TB) model.Dataset {
	t.Helper()
	refOnce.Do(func() { refData = Build(refNow) })
	return refData
}

// checker expands the timetable of a dataset through model.Directory.
type checker struct {
	d     model.Dataset
	dir   *model.Directory
	byDay map[model.Date][]model.Seance
}

func newChecker(d model.Dataset) *checker {
	dir := model.NewDirectory(model.Directory{
		School: d.School, Divisions: slices.Clone(d.Divisions), Groups: slices.Clone(d.Groups),
		Pupils: slices.Clone(d.Pupils), Accounts: slices.Clone(d.Accounts), Courses: slices.Clone(d.Courses),
		Motives: slices.Clone(d.Motives), Changes: slices.Clone(d.Changes), Extras: slices.Clone(d.Extras),
	})
	return &checker{d: d, dir: dir, byDay: map[model.Date][]model.Seance{}}
}

func (c *checker) seancesOn(day model.Date) []model.Seance {
	if s, ok := c.byDay[day]; ok {
		return s
	}
	s := c.dir.SeancesOn(day)
	c.byDay[day] = s
	return s
}

func (c *checker) seance(id model.SeanceID) (model.Seance, bool) {
	day, err := id.Date()
	if err != nil {
		return model.Seance{}, false
	}
	for _, s := range c.seancesOn(day) {
		if s.ID == id {
			return s, true
		}
	}
	return model.Seance{}, false
}

type halfDayKey struct {
	pupil model.PupilID
	day   model.Date
	half  model.HalfDay
}

// absences resolves every absence before the clock's date (marks, and
// announced absences that cover séances without a mark) into half-days,
// each flagged valable or not (brute counting of DOMAIN.md).
func (c *checker) absences(today model.Date) map[halfDayKey]bool {
	notices := map[model.PupilID][]model.Notice{}
	for _, n := range c.d.Notices {
		notices[n.Pupil] = append(notices[n.Pupil], n)
	}
	marks := map[model.MarkKey]*model.Mark{}
	for i := range c.d.Marks {
		marks[c.d.Marks[i].Key()] = &c.d.Marks[i]
	}
	valid := map[halfDayKey]bool{}
	record := func(s model.Seance, p model.PupilID) {
		a := model.Resolve(s, p, marks[model.MarkKey{Seance: s.ID, Pupil: p}], notices[p], c.dir.Location())
		if !a.IsAbsence() {
			return
		}
		k := halfDayKey{p, s.Date, s.HalfDay}
		was, seen := valid[k]
		valid[k] = a.Valid() && (!seen || was)
	}
	for _, m := range c.d.Marks {
		s, _ := c.seance(m.Seance)
		record(s, m.Pupil)
	}
	for _, n := range c.d.Notices {
		p, _ := c.dir.Pupil(n.Pupil)
		from, to := model.DateOf(n.From.In(paris)), model.DateOf(n.To.In(paris))
		for day := from; !day.After(to) && day.Before(today); day = day.AddDays(1) {
			for _, s := range c.seancesOn(day) {
				if c.dir.Attends(p, s) && n.Covers(s, paris) {
					record(s, p.ID)
				}
			}
		}
	}
	return valid
}
