package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// CollectAttendance resolves what the counts need to know of pupils from from
// to to (both included) at the clock at: for each pupil, his attendances
// (Resolve) in every séance of every half-day in which something is recorded
// for him in a séance begun by at (a mark other than presence, an announced
// absence, a discordance: Attendance.Recorded), cancelled séances included,
// in time order. Séances not begun by at are marked Upcoming: they count for
// nothing (FiguresAt is the one place that counts; see the package
// documentation, "Time"). Half-days in which nothing is recorded count for
// nothing and are left out, so the result stays small over a whole year; a
// half-day that is kept is kept whole, as method toutes needs all its séances.
// Explain gives the same result on this as on every séance of the period.
//
// marks and notices may hold more than the pupils and the period: the rest is
// ignored. The attendances point into marks, and into a copy of the notices.
// Of two marks for the same pupil and séance, the last entered (At) is used. A
// pupil's notices are tried in order of start, then identifier (Resolve takes
// the first covering one).
//
// Each date's séances are expanded once for all pupils. The second result lists
// the marks of these pupils dated in the period that match no séance of their
// pupil (a timetable changed after the roll call, a pupil moved out of a group):
// they count for nothing, and a screen should show them.
func CollectAttendance(dir *Directory, pupils []Pupil, from, to Date, at time.Time, marks []Mark, notices []Notice) (map[PupilID][]Attendance, []Mark) {
	c := newCollector(dir, pupils, from, to)
	c.at = wallClockOf(at, dir.Location())
	c.indexMarks(marks)
	c.indexNotices(notices)
	for day := from; !day.After(to); day = day.AddDays(1) {
		c.collectDay(day)
	}
	out := c.resolveAll()
	slices.SortFunc(c.unplaced, func(a, b Mark) int {
		return cmp.Or(strings.Compare(string(a.Seance), string(b.Seance)), strings.Compare(string(a.Pupil), string(b.Pupil)))
	})
	return out, c.unplaced
}

// collector holds the indexes of one CollectAttendance, and scratch state for
// the day being collected, indexed like pupils.
type collector struct {
	dir      *Directory
	loc      *time.Location
	from, to Date
	at       wallClock
	pupils   []Pupil
	index    map[PupilID]int
	audience map[Target][]int
	// dayMarks and dayNotices hold what is recorded, by date; notices holds
	// each pupil's notices, sorted, that attendances point into.
	dayMarks   map[Date][]*Mark
	dayNotices map[Date][]pupilNotice
	notices    [][]Notice
	// refs are the attendances kept, in time order; count how many per pupil.
	refs     []ref
	count    []int
	unplaced []Mark

	// The day's scratch state: window is the span of the pupil's notices
	// that overlap the day.
	flagged []int
	on      []bool
	marksOf [][]dayMark
	window  [][2]int
	halves  [][2]bool
}

// ref is an attendance to keep, resolved once the number per pupil is known:
// the séance (in its date's expansion), the mark, the pupil and the window of
// his notices.
type ref struct {
	seance        *Seance
	mark          *Mark
	pupil, lo, hi int32
	upcoming      bool
}

// pupilNotice is notice number index of pupil (in collector.notices).
type pupilNotice struct {
	pupil, index int
}

type dayMark struct {
	mark *Mark
	used bool
}

func newCollector(dir *Directory, pupils []Pupil, from, to Date) *collector {
	c := &collector{
		dir: dir, loc: dir.Location(), from: from, to: to,
		index: make(map[PupilID]int, len(pupils)), audience: map[Target][]int{},
		dayMarks: map[Date][]*Mark{}, dayNotices: map[Date][]pupilNotice{},
	}
	for _, p := range pupils {
		if _, dup := c.index[p.ID]; dup {
			continue
		}
		i := len(c.pupils)
		c.index[p.ID] = i
		c.pupils = append(c.pupils, p)
		for _, t := range p.Targets() {
			c.audience[t] = append(c.audience[t], i)
		}
	}
	n := len(c.pupils)
	c.on, c.marksOf, c.halves = make([]bool, n), make([][]dayMark, n), make([][2]bool, n)
	c.notices, c.window, c.count = make([][]Notice, n), make([][2]int, n), make([]int, n)
	return c
}

func (c *collector) indexMarks(marks []Mark) {
	for i := range marks {
		if _, ok := c.index[marks[i].Pupil]; !ok {
			continue
		}
		if day, err := marks[i].Seance.Date(); err == nil && day.Within(c.from, c.to) {
			c.dayMarks[day] = append(c.dayMarks[day], &marks[i])
		}
	}
}

func (c *collector) indexNotices(notices []Notice) {
	sorted := make([]*Notice, 0, len(notices))
	for i := range notices {
		if _, ok := c.index[notices[i].Pupil]; ok && notices[i].To.After(notices[i].From) {
			sorted = append(sorted, &notices[i])
		}
	}
	slices.SortFunc(sorted, func(a, b *Notice) int {
		return cmp.Or(a.From.Compare(b.From), strings.Compare(a.ID, b.ID))
	})
	for _, n := range sorted {
		first, last := DateOf(n.From.In(c.loc)), DateOf(n.To.In(c.loc))
		if last.Before(c.from) || first.After(c.to) {
			continue
		}
		p := c.index[n.Pupil]
		ref := pupilNotice{p, len(c.notices[p])}
		c.notices[p] = append(c.notices[p], *n)
		for day := latest(first, c.from); !day.After(last) && !day.After(c.to); day = day.AddDays(1) {
			c.dayNotices[day] = append(c.dayNotices[day], ref)
		}
	}
}

func latest(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

// collectDay finds, for the pupils with something recorded on day, all their
// séances of that day, and keeps those of the half-days with something recorded.
func (c *collector) collectDay(day Date) {
	if !c.gather(day) {
		return
	}
	seances := c.dir.SeancesOn(day)
	first := len(c.refs)
	for i := range seances {
		s := &seances[i]
		upcoming := !c.at.reached(s)
		for _, p := range c.audience[s.Target] {
			if !c.on[p] || !c.dir.Attends(c.pupils[p], *s) {
				continue
			}
			r := ref{seance: s, mark: c.takeMark(p, s.ID), pupil: int32(p), lo: int32(c.window[p][0]), hi: int32(c.window[p][1]), upcoming: upcoming}
			if c.recorded(r) {
				c.halves[p][s.HalfDay] = true
			}
			c.refs = append(c.refs, r)
		}
	}
	kept := c.refs[:first]
	for _, r := range c.refs[first:] {
		if c.halves[r.pupil][r.seance.HalfDay] {
			kept = append(kept, r)
			c.count[r.pupil]++
		}
	}
	c.refs = kept
	c.endDay()
}

// recorded reports whether the attendance of r is Recorded, without
// resolving it when no notice could cover it: nothing in a séance not begun
// is; a mark other than presence is; otherwise only a covering notice makes
// it so (an absence, or a discordance under a "present" mark).
func (c *collector) recorded(r ref) bool {
	if r.upcoming {
		return false
	}
	if r.mark != nil && r.mark.Kind != KindPresent {
		return true
	}
	return r.hi > r.lo && c.resolve(r).Notice != nil
}

func (c *collector) resolve(r ref) Attendance {
	a := Resolve(*r.seance, c.pupils[r.pupil].ID, r.mark, c.notices[r.pupil][r.lo:r.hi], c.loc)
	a.Upcoming = r.upcoming
	return a
}

// resolveAll resolves the kept attendances into one array, each pupil's in a
// part of it that appending cannot overrun.
func (c *collector) resolveAll() map[PupilID][]Attendance {
	all := make([]Attendance, len(c.refs))
	next := make([]int, len(c.pupils))
	out := map[PupilID][]Attendance{}
	offset := 0
	for p, n := range c.count {
		next[p] = offset
		if n > 0 {
			out[c.pupils[p].ID] = all[offset : offset+n : offset+n]
		}
		offset += n
	}
	for _, r := range c.refs {
		all[next[r.pupil]] = c.resolve(r)
		next[r.pupil]++
	}
	return out
}

// gather loads the day's marks and notices into the scratch state and reports
// whether any pupil has something recorded.
func (c *collector) gather(day Date) bool {
	for _, m := range c.dayMarks[day] {
		p := c.flag(c.index[m.Pupil])
		c.marksOf[p] = addMark(c.marksOf[p], m)
	}
	// A notice that does not overlap the day may sit inside the window: Resolve
	// skips it, and the order of the others is kept.
	for _, pn := range c.dayNotices[day] {
		p := c.flag(pn.pupil)
		if w := &c.window[p]; w[0] == w[1] {
			*w = [2]int{pn.index, pn.index + 1}
		} else {
			w[0], w[1] = min(w[0], pn.index), max(w[1], pn.index+1)
		}
	}
	return len(c.flagged) > 0
}

func (c *collector) flag(p int) int {
	if !c.on[p] {
		c.on[p] = true
		c.flagged = append(c.flagged, p)
	}
	return p
}

// addMark adds m to a pupil's marks of the day; of two marks of the same
// séance, the one entered last stays (equal times are decided by content).
func addMark(ms []dayMark, m *Mark) []dayMark {
	for i := range ms {
		if ms[i].mark.Seance != m.Seance {
			continue
		}
		o := ms[i].mark
		if cmp.Or(o.At.Compare(m.At), strings.Compare(string(o.Kind), string(m.Kind)), cmp.Compare(o.Minutes, m.Minutes)) < 0 {
			ms[i].mark = m
		}
		return ms
	}
	return append(ms, dayMark{mark: m})
}

// takeMark returns pupil p's mark of séance id, if any, and notes it was used.
func (c *collector) takeMark(p int, id SeanceID) *Mark {
	for i := range c.marksOf[p] {
		if c.marksOf[p][i].mark.Seance == id {
			c.marksOf[p][i].used = true
			return c.marksOf[p][i].mark
		}
	}
	return nil
}

// endDay records the marks no séance used and clears the scratch state.
func (c *collector) endDay() {
	for _, p := range c.flagged {
		for _, dm := range c.marksOf[p] {
			if !dm.used {
				c.unplaced = append(c.unplaced, *dm.mark)
			}
		}
		c.on[p], c.halves[p], c.window[p] = false, [2]bool{}, [2]int{}
		c.marksOf[p] = c.marksOf[p][:0]
	}
	c.flagged = c.flagged[:0]
}
