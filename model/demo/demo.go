// Package demo builds the demonstration school of appel: a collège of about
// 600 pupils in 24 divisions, its groups, 45 teachers and the other
// well-known accounts, a full weekly timetable with A/B weeks, the 2026-2027
// calendar of zone C, and a plausible attendance history up to the day
// before the clock.
//
// Build is deterministic: the same clock gives the same dataset. Everything
// is drawn from fixed-seed generators (math/rand/v2, PCG), one stream per
// concern, so that the history of a day does not depend on the clock, only
// whether it is shown.
package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"appel/model"
	"appel/model/calendar"
)

// The demo school.
const (
	UAI        = "0939999N"
	SchoolName = "Collège des Tilleuls (démonstration)"
	Zone       = "C"
	StartYear  = 2026
)

const seed uint64 = 20260901

// Random streams, one per concern.
const (
	streamPeople uint64 = iota + 1
	streamStaff
	streamEvents
	streamFollowUp
	streamPupils    uint64 = 1_000
	streamTimetable uint64 = 100_000
)

// Build returns the demo school as it stands at now: its structure,
// timetable and, for the school days before now's date (in the school's time
// zone), the roll calls, marks, justifications, announced absences, calls to
// families and reports. Nothing is dated on or after now's date except one or
// two absences announced for today and the next days, for pupils whom prof
// does not teach.
func Build(now time.Time) model.Dataset {
	school := demoSchool()
	now = now.In(school.Location())
	st := buildStructure(rand.New(rand.NewPCG(seed, streamPeople)), StartYear)
	ts := buildTeachers(rand.New(rand.NewPCG(seed, streamStaff)))
	d := model.Dataset{
		School:    school,
		Divisions: st.divisions,
		Groups:    st.groups,
		Pupils:    st.pupils,
		Guardians: st.guardians,
		Accounts:  append(teacherAccounts(ts), staffAccounts()...),
		Courses:   buildTimetable(seed, st, ts),
		Motives:   model.DefaultMotives(),
	}
	markLeaver(&d, st, now)
	buildHistory(&d, st, now)
	return d
}

// demoSchool is the 2026-2027 calendar of zone C with the school's identity.
func demoSchool() model.School {
	s, err := calendar.SchoolYear(StartYear, Zone)
	if err != nil {
		panic("demo: " + err.Error())
	}
	s.UAI, s.Name = UAI, SchoolName
	return s
}

// markLeaver records that one pupil left the school during the Toussaint
// holidays, once that date has passed.
func markLeaver(d *model.Dataset, st *structure, now time.Time) {
	h, ok := holidayNamed(d.School, "Vacances de la Toussaint")
	if !ok {
		return
	}
	left := h.To.AddDays(1)
	if !model.DateOf(now).After(left) {
		return
	}
	pupils := st.pupilsIn("6E")
	i := st.pupilIndex(pupils[len(pupils)/2].ID)
	d.Pupils[i].Left = left
}

func holidayNamed(s model.School, name string) (model.Holiday, bool) {
	i := slices.IndexFunc(s.Holidays, func(h model.Holiday) bool { return h.Name == name })
	if i < 0 {
		return model.Holiday{}, false
	}
	return s.Holidays[i], true
}
