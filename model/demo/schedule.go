package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"appel/model"
)

const (
	days        = 5
	slotsPerDay = 9
	morning     = 5 // slots M1–M5; S1–S4 follow
	wednesday   = 2
	maxPerDay   = 7 // slots a division may have in one day
)

// grid is the weekly occupancy of divisions and teachers, one bit per week
// type (1 = week A, 2 = week B), with the subjects each division has per day.
type grid struct {
	div  [][days][slotsPerDay]uint8
	tch  [][days][slotsPerDay]uint8
	subj [][days][]string
}

func weekMask(weeks string) uint8 {
	switch weeks {
	case "A":
		return 1
	case "B":
		return 2
	}
	return 3
}

// schedule places every unit greedily, hardest first: pinned units, then the
// ones that tie most divisions and teachers together. It returns each unit's
// place, or false when one could not be placed.
func schedule(r *rand.Rand, units []unit, nDivs, nTeachers int) ([]pos, bool) {
	g := &grid{
		div: make([][days][slotsPerDay]uint8, nDivs), tch: make([][days][slotsPerDay]uint8, nTeachers),
		subj: make([][days][]string, nDivs),
	}
	placed := make([]pos, len(units))
	for _, i := range order(r, units) {
		u := units[i]
		at, ok := g.best(r, u)
		if !ok {
			return nil, false
		}
		g.occupy(u, at)
		placed[i] = at
	}
	return placed, true
}

// order returns the indexes of units in placement order.
func order(r *rand.Rand, units []unit) []int {
	idx := make([]int, len(units))
	for i := range idx {
		idx[i] = i
	}
	r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	weight := func(u unit) int {
		w := 3*len(u.divs) + 2*len(u.parts) + u.length
		if u.pinned != nil {
			w += 1000
		}
		if u.weeks == "" {
			w++
		}
		return w
	}
	slices.SortStableFunc(idx, func(a, b int) int { return weight(units[b]) - weight(units[a]) })
	return idx
}

// best returns the free place of least cost for u.
func (g *grid) best(r *rand.Rand, u unit) (pos, bool) {
	if u.pinned != nil {
		return *u.pinned, g.free(u, *u.pinned)
	}
	var found bool
	var at pos
	bestCost := 0.0
	for day := range days {
		for slot := range slotsPerDay {
			p := pos{day, slot}
			if !g.fits(u, p) || !g.free(u, p) {
				continue
			}
			c := g.cost(u, p) + r.Float64()*3
			if !found || c < bestCost {
				found, at, bestCost = true, p, c
			}
		}
	}
	return at, found
}

// fits reports whether u's slots stay within one half-day, outside Wednesday
// afternoon, and within the day's limit for its divisions.
func (g *grid) fits(u unit, p pos) bool {
	last := p.slot + u.length - 1
	if last >= slotsPerDay || (p.slot < morning) != (last < morning) {
		return false
	}
	if p.day == wednesday && last >= morning {
		return false
	}
	for _, d := range u.divs {
		for _, bit := range []uint8{1, 2} {
			if weekMask(u.weeks)&bit != 0 && g.count(d, p.day, bit)+u.length > maxPerDay {
				return false
			}
		}
	}
	return true
}

func (g *grid) free(u unit, p pos) bool {
	m := weekMask(u.weeks)
	for s := p.slot; s < p.slot+u.length; s++ {
		for _, d := range u.divs {
			if g.div[d][p.day][s]&m != 0 {
				return false
			}
		}
		for _, pt := range u.parts {
			if g.tch[pt.teacher][p.day][s]&m != 0 {
				return false
			}
		}
	}
	return true
}

func (g *grid) count(d, day int, bit uint8) int {
	n := 0
	for _, v := range g.div[d][day] {
		if v&bit != 0 {
			n++
		}
	}
	return n
}

// cost prefers light days, compact days without holes, a subject once a
// day, few courses at the end of the afternoon, and Latin at the edge of a
// half-day (where the pupils who do not take it simply come later or leave
// earlier).
func (g *grid) cost(u unit, p pos) float64 {
	c := 0.0
	last := p.slot + u.length - 1
	for _, d := range u.divs {
		c += 2 * float64(max(g.count(d, p.day, 1), g.count(d, p.day, 2)))
		for _, pt := range u.parts {
			if slices.Contains(g.subj[d][p.day], pt.subject) {
				c += 30
			}
		}
		c += g.holeCost(d, p.day, p.slot, last, weekMask(u.weeks))
	}
	if last == slotsPerDay-1 {
		c += 4
	}
	if u.edge {
		if p.slot == 0 || last == slotsPerDay-1 || last == morning-1 {
			c -= 8
		} else {
			c += 8
		}
	}
	return c
}

// holeCost rewards a unit placed next to the division's courses of the same
// half-day and week, and penalises one that leaves a gap.
func (g *grid) holeCost(d, day, first, last int, mask uint8) float64 {
	lo, hi := 0, morning
	if first >= morning {
		lo, hi = morning, slotsPerDay
	}
	c := 0.0
	for _, bit := range []uint8{1, 2} {
		if mask&bit == 0 {
			continue
		}
		busy := false
		for s := lo; s < hi; s++ {
			busy = busy || g.div[d][day][s]&bit != 0
		}
		switch {
		case !busy:
		case first > lo && g.div[d][day][first-1]&bit != 0 || last+1 < hi && g.div[d][day][last+1]&bit != 0:
			c -= 3
		default:
			c += 3
		}
	}
	return c
}

func (g *grid) occupy(u unit, p pos) {
	m := weekMask(u.weeks)
	for s := p.slot; s < p.slot+u.length; s++ {
		for _, d := range u.divs {
			g.div[d][p.day][s] |= m
		}
		for _, pt := range u.parts {
			g.tch[pt.teacher][p.day][s] |= m
		}
	}
	for _, d := range u.divs {
		for _, pt := range u.parts {
			g.subj[d][p.day] = append(g.subj[d][p.day], pt.subject)
		}
	}
}

// toCourses turns the placed units into courses, numbered per audience and
// subject in weekly order (4B-FRA-1 is 4B's first Français of the week).
func toCourses(units []unit, placed []pos, ts []teacher) []model.Course {
	slots := model.DefaultSlots()
	var out []model.Course
	for i, u := range units {
		p := placed[i]
		for _, pt := range u.parts {
			out = append(out, model.Course{
				Weekday: time.Monday + time.Weekday(p.day),
				Start:   slots[p.slot].Start, End: slots[p.slot+u.length-1].End,
				Target: pt.target, Teachers: []string{ts[pt.teacher].login},
				Subject: subjects[pt.subject], Room: ts[pt.teacher].room, Weeks: u.weeks,
				ID: pt.subject, // replaced below once sorted
			})
		}
	}
	slices.SortFunc(out, compareCourses)
	seen := map[string]int{}
	for i := range out {
		key := strings.ReplaceAll(out[i].Target.Code, " ", "_") + "-" + out[i].ID
		seen[key]++
		out[i].ID = fmt.Sprintf("%s-%d", key, seen[key])
	}
	return out
}

func compareCourses(a, b model.Course) int {
	if c := strings.Compare(a.Target.Code, b.Target.Code); c != 0 {
		return c
	}
	if a.Weekday != b.Weekday {
		return int(a.Weekday) - int(b.Weekday)
	}
	if a.Start != b.Start {
		return int(a.Start) - int(b.Start)
	}
	if c := strings.Compare(a.Weeks, b.Weeks); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}
