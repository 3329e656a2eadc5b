package demo

import (
	"math/rand/v2"

	"appel/model"
)

// profPins are prof's Français séances at 08:00 (slot M1): every weekday,
// every week, in 4B (29 pupils) and 3B (28 pupils). Days count from Monday.
var profPins = map[string][]int{"4B": {0, 2, 4}, "3B": {1, 3}}

// profDivisions are the divisions whose Français prof teaches.
var profDivisions = []string{"4B", "3B", "5B"}

// part is one course of a unit: an audience, a subject and its teacher.
type part struct {
	target  model.Target
	subject string
	teacher int
}

// unit is a set of courses given at the same time (a whole class; the two
// halves of a class in two labs; the LV2 groups of a band; Latin for the
// level), lasting length slots, every week or in week A or B only.
type unit struct {
	parts  []part
	divs   []int
	length int
	weeks  string
	pinned *pos
	edge   bool
}

// pos is a place in the weekly grid: a day (0 = Monday) and a slot index.
type pos struct{ day, slot int }

// planner assigns teachers to classes and lists the units to schedule.
type planner struct {
	st       *structure
	teachers []teacher
	load     []int // in half-slots a week
	divIndex map[string]int
	units    []unit
}

func newPlanner(st *structure, ts []teacher) *planner {
	p := &planner{st: st, teachers: ts, load: make([]int, len(ts)), divIndex: map[string]int{}}
	for i, d := range st.divisions {
		p.divIndex[d.Code] = i
	}
	return p
}

// plan lists every unit of the school's week.
func (p *planner) plan() []unit {
	for i := range len(sections) {
		for _, level := range levels {
			p.divisionUnits(level, sections[i])
		}
	}
	for _, level := range levels[1:] {
		for _, b := range bands {
			p.lv2Units(level, b)
		}
	}
	latin := p.leastLoaded("FRA", ProfLogin)
	for _, level := range levels[1:] {
		for range latinUnits(level) {
			p.add(unit{parts: []part{{groupTarget(latinCode(level)), "LAT", latin}},
				divs: p.levelDivs(level), length: 1, edge: true})
		}
	}
	return p.units
}

func (p *planner) divisionUnits(level int, section byte) {
	div := divisionCode(level, section)
	d := p.divIndex[div]
	weeks := alternator(level, section)
	for _, n := range levelNeeds(level) {
		t := p.teacherFor(n.subject, div)
		pins := []int(nil)
		if n.subject == "FRA" {
			pins = profPins[div]
		}
		for i, l := range n.units {
			u := unit{parts: []part{{divTarget(div), n.subject, t}}, divs: []int{d}, length: l}
			if i < len(pins) {
				u.pinned = &pos{day: pins[i]}
			}
			p.add(u)
		}
		if n.half {
			p.add(unit{parts: []part{{divTarget(div), n.subject, t}}, divs: []int{d}, length: 1, weeks: weeks()})
		}
	}
	p.scienceUnits(div, d, weeks)
}

// scienceUnits splits the class for SVT and Physique-chimie: while group 1
// is in one lab, group 2 is in the other, then they swap; each subject also
// has a whole-class slot every other week.
func (p *planner) scienceUnits(div string, d int, weeks func() string) {
	svt, pc := p.teacherFor("SVT", div), p.teacherFor("PC", div)
	g1, g2 := groupTarget(halfCode(div, 1)), groupTarget(halfCode(div, 2))
	p.add(unit{parts: []part{{g1, "SVT", svt}, {g2, "PC", pc}}, divs: []int{d}, length: 1})
	p.add(unit{parts: []part{{g1, "PC", pc}, {g2, "SVT", svt}}, divs: []int{d}, length: 1})
	p.add(unit{parts: []part{{divTarget(div), "SVT", svt}}, divs: []int{d}, length: 1, weeks: weeks()})
	p.add(unit{parts: []part{{divTarget(div), "PC", pc}}, divs: []int{d}, length: 1, weeks: weeks()})
}

// alternator returns the weeks of a division's every-other-week slots in
// turn, starting with the opposite of its LV2 band's week so that both weeks
// carry the same number of hours.
func alternator(level int, section byte) func() string {
	next := "A"
	if level != 6 && bandOf(section).week == "A" {
		next = "B"
	}
	return func() string {
		w := next
		next = map[string]string{"A": "B", "B": "A"}[w]
		return w
	}
}

func (p *planner) lv2Units(level int, b band) {
	divs := []int{p.divIndex[divisionCode(level, b.sections[0])], p.divIndex[divisionCode(level, b.sections[1])]}
	var parts []part
	for _, lang := range b.lv2 {
		parts = append(parts, part{groupTarget(lv2Code(lang, level, b)), lang, p.leastLoaded(lang, "")})
	}
	for range 2 {
		p.add(unit{parts: parts, divs: divs, length: 1})
	}
	p.add(unit{parts: parts, divs: divs, length: 1, weeks: b.week})
}

func (p *planner) levelDivs(level int) []int {
	var out []int
	for i := range len(sections) {
		out = append(out, p.divIndex[divisionCode(level, sections[i])])
	}
	return out
}

// add records a unit and charges its teachers.
func (p *planner) add(u unit) {
	cost := 2 * u.length
	if u.weeks != "" {
		cost = 1
	}
	for _, pt := range u.parts {
		p.load[pt.teacher] += cost
	}
	p.units = append(p.units, u)
}

// teacherFor picks the teacher of subject for a division: prof for his
// divisions of Français, else the least loaded teacher of the subject.
func (p *planner) teacherFor(subject, div string) int {
	if subject == "FRA" {
		for _, d := range profDivisions {
			if d == div {
				return p.index(ProfLogin)
			}
		}
	}
	return p.leastLoaded(subject, ProfLogin)
}

func (p *planner) leastLoaded(subject, except string) int {
	best := -1
	for i, t := range p.teachers {
		if t.subject != subject || t.login == except {
			continue
		}
		if best < 0 || p.load[i] < p.load[best] {
			best = i
		}
	}
	return best
}

func (p *planner) index(login string) int {
	for i, t := range p.teachers {
		if t.login == login {
			return i
		}
	}
	return -1
}

func divTarget(code string) model.Target   { return model.Target{Kind: model.TargetDivision, Code: code} }
func groupTarget(code string) model.Target { return model.Target{Kind: model.TargetGroup, Code: code} }

// buildTimetable plans and schedules the week, retrying with another draw in
// the rare case where the greedy placement gets stuck.
func buildTimetable(seed uint64, st *structure, ts []teacher) []model.Course {
	for attempt := range uint64(50) {
		p := newPlanner(st, ts)
		units := p.plan()
		r := rand.New(rand.NewPCG(seed, streamTimetable+attempt))
		if placed, ok := schedule(r, units, len(st.divisions), len(ts)); ok {
			return toCourses(units, placed, ts)
		}
	}
	panic("demo: emploi du temps impossible à construire")
}
