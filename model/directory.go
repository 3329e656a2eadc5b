package model

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Directory is an immutable snapshot of the school's structure: the school and
// its calendar, divisions, groups, pupils, accounts, courses, motives and the
// exceptions to the timetable, with the indexes that screens need. Storage
// builds one after every structural change; readers share it without locks.
type Directory struct {
	School    School
	Divisions []Division
	Groups    []Group
	Pupils    []Pupil
	Accounts  []Account
	Courses   []Course
	Motives   []Motive
	Changes   []SeanceChange
	// Extras are séances added outside the timetable.
	Extras []Seance

	loc          *time.Location
	pupilByID    map[PupilID]int
	accountByID  map[string]int
	keyOwner     map[string]string
	byDivision   map[string][]PupilID
	byGroup      map[string][]PupilID
	coursesByDay map[time.Weekday][]int
	changeByID   map[SeanceID]SeanceChange
	extrasByDate map[Date][]Seance
	divisionByID map[string]int
	groupByID    map[string]int
	// expanded caches SeancesOn by date: the directory never changes.
	expanded *sync.Map
}

// NewDirectory indexes the parts of a school. It copies nothing: callers hand
// over slices they will not modify.
func NewDirectory(d Directory) *Directory {
	d.expanded = &sync.Map{}
	d.loc = d.School.Location()
	d.indexPeople()
	d.indexTimetable()
	SortPupils(d.Pupils)
	d.indexPeople()
	sort.SliceStable(d.Motives, func(i, j int) bool { return d.Motives[i].Order < d.Motives[j].Order })
	return &d
}

func (d *Directory) indexPeople() {
	d.pupilByID = make(map[PupilID]int, len(d.Pupils))
	d.byDivision = map[string][]PupilID{}
	d.byGroup = map[string][]PupilID{}
	for i, p := range d.Pupils {
		d.pupilByID[p.ID] = i
		// A pupil is indexed under every division and group of his year;
		// Members and Attends keep those of the day.
		for _, t := range p.Targets() {
			if t.Kind == TargetGroup {
				d.byGroup[t.Code] = append(d.byGroup[t.Code], p.ID)
			} else {
				d.byDivision[t.Code] = append(d.byDivision[t.Code], p.ID)
			}
		}
	}
	d.accountByID = make(map[string]int, len(d.Accounts))
	d.keyOwner = map[string]string{}
	for i, a := range d.Accounts {
		d.accountByID[a.Login] = i
		for _, k := range a.Keys {
			d.keyOwner[k.Fingerprint] = a.Login
		}
	}
	d.divisionByID = map[string]int{}
	for i, x := range d.Divisions {
		d.divisionByID[x.Code] = i
	}
	d.groupByID = map[string]int{}
	for i, x := range d.Groups {
		d.groupByID[x.Code] = i
	}
}

func (d *Directory) indexTimetable() {
	d.coursesByDay = map[time.Weekday][]int{}
	for i, c := range d.Courses {
		d.coursesByDay[c.Weekday] = append(d.coursesByDay[c.Weekday], i)
	}
	// In the order of CompareSeances, so that SeancesOn mostly finds its result sorted.
	for _, idx := range d.coursesByDay {
		slices.SortFunc(idx, func(i, j int) int {
			a, b := d.Courses[i], d.Courses[j]
			return cmp.Or(cmp.Compare(a.Start, b.Start), strings.Compare(a.Target.Code, b.Target.Code), strings.Compare(a.ID, b.ID))
		})
	}
	d.changeByID = make(map[SeanceID]SeanceChange, len(d.Changes))
	for _, c := range d.Changes {
		d.changeByID[c.Seance] = c
	}
	d.extrasByDate = map[Date][]Seance{}
	for _, s := range d.Extras {
		d.extrasByDate[s.Date] = append(d.extrasByDate[s.Date], s)
	}
}

// Location returns the school's time zone.
func (d *Directory) Location() *time.Location { return d.loc }

// Pupil returns the pupil with that identifier.
func (d *Directory) Pupil(id PupilID) (Pupil, bool) {
	i, ok := d.pupilByID[id]
	if !ok {
		return Pupil{}, false
	}
	return d.Pupils[i], true
}

// Account returns the account with that login.
func (d *Directory) Account(login string) (Account, bool) {
	i, ok := d.accountByID[login]
	if !ok {
		return Account{}, false
	}
	return d.Accounts[i], true
}

// KeyOwner returns the login that an SSH key fingerprint (SHA256:…) belongs to.
func (d *Directory) KeyOwner(fingerprint string) (string, bool) {
	login, ok := d.keyOwner[fingerprint]
	return login, ok
}

// Division returns the division with that code.
func (d *Directory) Division(code string) (Division, bool) {
	i, ok := d.divisionByID[code]
	if !ok {
		return Division{}, false
	}
	return d.Divisions[i], true
}

// Group returns the group with that code.
func (d *Directory) Group(code string) (Group, bool) {
	i, ok := d.groupByID[code]
	if !ok {
		return Group{}, false
	}
	return d.Groups[i], true
}

// Members returns the pupils of a division or group enrolled in it on date
// (their enrolment of that day), in registre order; a zero date gives its
// current members, those who left included.
func (d *Directory) Members(t Target, on Date) []Pupil {
	ids := d.byDivision[t.Code]
	if t.Kind == TargetGroup {
		ids = d.byGroup[t.Code]
	}
	out := make([]Pupil, 0, len(ids))
	for _, id := range ids {
		p := d.Pupils[d.pupilByID[id]]
		if on.IsZero() && p.in(t) || !on.IsZero() && d.memberOn(p, t, on) {
			out = append(out, p)
		}
	}
	return out
}

// MembersBetween returns the pupils enrolled in a division or group on at
// least one day from from to to (both included), in registre order: those who
// came or left or changed division within the range included.
func (d *Directory) MembersBetween(t Target, from, to Date) []Pupil {
	ids := d.byDivision[t.Code]
	if t.Kind == TargetGroup {
		ids = d.byGroup[t.Code]
	}
	var out []Pupil
	for _, id := range ids {
		p := d.Pupils[d.pupilByID[id]]
		for day := from; !day.After(to); day = day.AddDays(1) {
			if d.memberOn(p, t, day) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// in reports whether the pupil's current enrolment is in the target.
func (p Pupil) in(t Target) bool {
	if t.Kind == TargetGroup {
		return p.InGroup(t.Code)
	}
	return p.Division == t.Code
}

// memberOn reports whether p is enrolled in t on day.
func (d *Directory) memberOn(p Pupil, t Target, day Date) bool {
	if !p.EnrolledOn(day) {
		return false
	}
	if t.Kind == TargetGroup {
		return p.InGroupOn(t.Code, day)
	}
	return p.DivisionOn(day) == t.Code
}

// SeancesOn expands the timetable for one date: the courses of that weekday
// whose weeks match, outside holidays, with the day's exceptions applied, plus
// the séances added that day; cancelled séances are included and flagged. Every
// séance's HalfDay is placed by School.HalfDayOf. The result is shared:
// callers must not modify it.
func (d *Directory) SeancesOn(day Date) []Seance {
	if v, ok := d.expanded.Load(day); ok {
		return v.([]Seance)
	}
	out := d.expand(day)
	d.expanded.Store(day, out)
	return out
}

func (d *Directory) expand(day Date) []Seance {
	plan, open := d.School.dayPlan(day)
	out := make([]Seance, 0, len(d.coursesByDay[plan.weekday])+len(d.extrasByDate[day]))
	then := d.School.On(day)
	if open {
		for _, i := range d.coursesByDay[plan.weekday] {
			if c := d.Courses[i]; plan.runs(c, day) {
				out = append(out, d.withChange(d.seanceOf(then, c, day)))
			}
		}
	}
	for _, s := range d.extrasByDate[day] {
		// An added séance is placed like the others: by its slot, else the midday boundary.
		s.HalfDay = then.HalfDayOf(s.Start)
		out = append(out, d.withChange(s))
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortFunc(out, CompareSeances)
	return out
}

// seanceOf is the séance of course c on day, placed by the grid then in force.
func (d *Directory) seanceOf(then School, c Course, day Date) Seance {
	return Seance{
		ID: NewSeanceID(day, c.Start, c.ID), Date: day, Start: c.Start, End: c.End,
		Course: c.ID, Target: c.Target, Teachers: c.Teachers, Subject: c.Subject,
		Room: c.Room, HalfDay: then.HalfDayOf(c.Start),
	}
}

func (d *Directory) withChange(s Seance) Seance {
	if c, ok := d.changeByID[s.ID]; ok {
		return c.apply(s)
	}
	return s
}

// Seance returns the séance with that identifier, expanding its date.
func (d *Directory) Seance(id SeanceID) (Seance, bool) {
	day, err := id.Date()
	if err != nil {
		return Seance{}, false
	}
	for _, s := range d.SeancesOn(day) {
		if s.ID == id {
			return s, true
		}
	}
	return Seance{}, false
}

// SeancesBetween expands every date from from to to, both included.
func (d *Directory) SeancesBetween(from, to Date) []Seance {
	var out []Seance
	for day := from; !day.After(to); day = day.AddDays(1) {
		out = append(out, d.SeancesOn(day)...)
	}
	return out
}

// TeacherSeances returns the séances that login gives on day (his own and those
// he replaces), cancelled ones included.
func (d *Directory) TeacherSeances(login string, day Date) []Seance {
	var out []Seance
	for _, s := range d.SeancesOn(day) {
		if s.TaughtBy(login) {
			out = append(out, s)
		}
	}
	return out
}

// Attends reports whether pupil p is in the audience of séance s: enrolled
// that day in its division or group.
func (d *Directory) Attends(p Pupil, s Seance) bool { return d.memberOn(p, s.Target, s.Date) }

// PupilSeances returns the séances of pupil p from from to to, both included.
func (d *Directory) PupilSeances(p Pupil, from, to Date) []Seance {
	var out []Seance
	for day := from; !day.After(to); day = day.AddDays(1) {
		for _, s := range d.SeancesOn(day) {
			if d.Attends(p, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// MotiveByCode returns the motive with that code, retired ones included.
func (d *Directory) MotiveByCode(code string) (Motive, bool) {
	for _, m := range d.Motives {
		if m.Code == code {
			return m, true
		}
	}
	return Motive{}, false
}

// FindPupils returns the pupils whose name starts with, or contains, the folded
// query, best matches first (prefix of last name, then of first name, then anywhere).
func (d *Directory) FindPupils(query string, limit int) []Pupil {
	q := FoldAccents(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	var buckets [3][]Pupil
	for _, p := range d.Pupils {
		last, first := FoldAccents(p.LastName), FoldAccents(p.FirstName)
		switch {
		case strings.HasPrefix(last, q) || strings.HasPrefix(last+" "+first, q):
			buckets[0] = append(buckets[0], p)
		case strings.HasPrefix(first, q) || strings.HasPrefix(first+" "+last, q):
			buckets[1] = append(buckets[1], p)
		case strings.Contains(last+" "+first, q):
			buckets[2] = append(buckets[2], p)
		}
	}
	out := append(append(buckets[0], buckets[1]...), buckets[2]...)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
