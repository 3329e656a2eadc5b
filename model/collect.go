package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// CollectAttendance resolves what the counts need to know of pupils from from
// to to (both included): for each pupil, his attendances (Resolve) in every
// séance of every day on which something is recorded for him (a mark, or an
// announced absence overlapping the day), cancelled séances included, in time
// order. Days on which nothing is recorded for a pupil count for nothing and
// are left out, so the result stays small over a whole year; a day that is kept
// is kept whole, as method toutes needs every séance of a half-day.
//
// marks and notices may hold more than the pupils and the period: the rest is
// ignored. The attendances point into marks and notices. Of two marks for the
// same pupil and séance, the last entered (At) is used. A pupil's notices are
// tried in order of start, then identifier (Resolve takes the first covering one).
//
// Each date's séances are expanded once for all pupils. The second result lists
// the marks of these pupils dated in the period that match no séance of their
// pupil (a timetable changed after the roll call, a pupil moved out of a group):
// they count for nothing, and a screen should show them.
func CollectAttendance(dir *Directory, pupils []Pupil, from, to Date, marks []Mark, notices []Notice) (map[PupilID][]Attendance, []Mark) {
	c := newCollector(dir, pupils, from, to)
	c.indexMarks(marks)
	c.indexNotices(notices)
	for day := from; !day.After(to); day = day.AddDays(1) {
		c.collectDay(day)
	}
	return c.out, c.unplaced()
}

type collector struct {
	dir      *Directory
	loc      *time.Location
	from, to Date
	pupils   []Pupil
	index    map[PupilID]int
	marks    map[MarkKey]*Mark
	used     map[MarkKey]bool
	notices  [][]Notice
	// days lists, per date, the indexes of the pupils with something recorded.
	days map[Date][]int
	seen []bool
	out  map[PupilID][]Attendance
}

func newCollector(dir *Directory, pupils []Pupil, from, to Date) *collector {
	c := &collector{
		dir: dir, loc: dir.Location(), from: from, to: to,
		index: make(map[PupilID]int, len(pupils)), marks: map[MarkKey]*Mark{},
		used: map[MarkKey]bool{}, days: map[Date][]int{}, out: map[PupilID][]Attendance{},
	}
	for _, p := range pupils {
		if _, dup := c.index[p.ID]; !dup {
			c.index[p.ID] = len(c.pupils)
			c.pupils = append(c.pupils, p)
		}
	}
	c.notices = make([][]Notice, len(c.pupils))
	c.seen = make([]bool, len(c.pupils))
	return c
}

func (c *collector) indexMarks(marks []Mark) {
	for i := range marks {
		m := &marks[i]
		p, ok := c.index[m.Pupil]
		if !ok {
			continue
		}
		day, err := m.Seance.Date()
		if err != nil || !day.Within(c.from, c.to) {
			continue
		}
		key := m.Key()
		if old, dup := c.marks[key]; dup {
			m = laterMark(old, m)
		} else {
			c.days[day] = append(c.days[day], p)
		}
		c.marks[key] = m
	}
}

// laterMark returns the mark entered last; equal times are decided by content.
func laterMark(a, b *Mark) *Mark {
	if c := cmp.Or(a.At.Compare(b.At), strings.Compare(string(a.Kind), string(b.Kind)),
		cmp.Compare(a.Minutes, b.Minutes)); c < 0 {
		return b
	}
	return a
}

func (c *collector) indexNotices(notices []Notice) {
	for _, n := range notices {
		p, ok := c.index[n.Pupil]
		if !ok || !n.To.After(n.From) {
			continue
		}
		first := DateOf(n.From.In(c.loc))
		last := DateOf(n.To.In(c.loc))
		if last.Before(c.from) || first.After(c.to) {
			continue
		}
		c.notices[p] = append(c.notices[p], n)
		for day := latest(first, c.from); !day.After(last) && !day.After(c.to); day = day.AddDays(1) {
			c.days[day] = append(c.days[day], p)
		}
	}
	for _, ns := range c.notices {
		slices.SortFunc(ns, func(a, b Notice) int {
			return cmp.Or(a.From.Compare(b.From), strings.Compare(a.ID, b.ID))
		})
	}
}

func latest(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

// collectDay resolves, for the pupils with something recorded on day, all
// their séances of that day.
func (c *collector) collectDay(day Date) {
	flagged := c.flagged(day)
	if len(flagged) == 0 {
		return
	}
	for _, s := range c.dir.SeancesOn(day) {
		for _, p := range flagged {
			pupil := &c.pupils[p]
			if !c.dir.Attends(*pupil, s) {
				continue
			}
			key := MarkKey{s.ID, pupil.ID}
			m := c.marks[key]
			if m != nil {
				c.used[key] = true
			}
			c.out[pupil.ID] = append(c.out[pupil.ID], Resolve(s, pupil.ID, m, c.notices[p], c.loc))
		}
	}
}

// flagged returns the indexes of the pupils with something recorded on day, once each.
func (c *collector) flagged(day Date) []int {
	var out []int
	for _, p := range c.days[day] {
		if !c.seen[p] {
			c.seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range out {
		c.seen[p] = false
	}
	return out
}

func (c *collector) unplaced() []Mark {
	var out []Mark
	for key, m := range c.marks {
		if !c.used[key] {
			out = append(out, *m)
		}
	}
	slices.SortFunc(out, func(a, b Mark) int {
		return cmp.Or(strings.Compare(string(a.Seance), string(b.Seance)), strings.Compare(string(a.Pupil), string(b.Pupil)))
	})
	return out
}
