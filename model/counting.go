package model

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Figures are the counts of DOMAIN.md "Counting" for one pupil, or summed over
// pupils, over a period. Half-days come first; hours, lateness and exclusions
// are kept beside them and never mixed in.
type Figures struct {
	// ValidHalfDays and InvalidHalfDays are the half-days of absence that are
	// valable and non valable; HalfDays is their sum.
	ValidHalfDays   int
	InvalidHalfDays int
	// MissedMinutes is the time of the missed séances; séances that overlap
	// (a timetable error) count their common time once, in the first half-day.
	MissedMinutes int
	// Lates and LateMinutes count the latenesses that did not count as absences.
	Lates       int
	LateMinutes int
	// Exclusions counts the séances the pupil was excluded from.
	Exclusions int
}

// HalfDays returns the half-days of absence: valable plus non valable, by construction.
func (f Figures) HalfDays() int { return f.ValidHalfDays + f.InvalidHalfDays }

// Hours returns the missed time in hours rounded to the hundredth, as appel
// writes it (RoundHours).
func (f Figures) Hours() float64 { return RoundHours(f.MissedMinutes) }

// RoundHours returns minutes as hours rounded to the hundredth (1 h 30 is
// 1.5, 55 min is 0.92): the precision of every figure of hours appel writes.
func RoundHours(minutes int) float64 { return math.Round(float64(minutes)*100/60) / 100 }

// HoursText writes minutes as hours with a decimal comma and at most two
// decimals ("21,33", "0,92", "3,5", "0"): the one way appel writes a time
// missed, on screen (followed by " h") and in files (the CSV's decimal comma).
func HoursText(minutes int) string {
	s := strconv.FormatFloat(RoundHours(minutes), 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}

// Add returns the sum of f and g.
func (f Figures) Add(g Figures) Figures {
	return Figures{
		ValidHalfDays:   f.ValidHalfDays + g.ValidHalfDays,
		InvalidHalfDays: f.InvalidHalfDays + g.InvalidHalfDays,
		MissedMinutes:   f.MissedMinutes + g.MissedMinutes,
		Lates:           f.Lates + g.Lates,
		LateMinutes:     f.LateMinutes + g.LateMinutes,
		Exclusions:      f.Exclusions + g.Exclusions,
	}
}

// Effect is what one séance does to a pupil's counts.
type Effect uint8

// The effects of a séance on the counts.
const (
	// EffectNone: present, at the infirmary, exempt or on an outing: nothing counts.
	EffectNone Effect = iota
	// EffectCancelled: the séance did not take place; no mark in it counts.
	EffectCancelled
	// EffectAbsent: a missed séance.
	EffectAbsent
	// EffectLate: a lateness, counted apart.
	EffectLate
	// EffectLateAsAbsent: a lateness longer than Settings.LateAsAbsentAfter,
	// counted as a missed séance and not as a lateness.
	EffectLateAsAbsent
	// EffectExcluded: excluded from the course, counted apart, not an absence.
	EffectExcluded
	// EffectUpcoming: the séance had not begun at the clock; nothing in it
	// counts yet (an announced absence is a promise until then).
	EffectUpcoming
)

// Missed reports whether the séance counts as missed: towards its half-day and the hours.
func (e Effect) Missed() bool { return e == EffectAbsent || e == EffectLateAsAbsent }

// Label returns the effect in French, for explanations.
func (e Effect) Label() string {
	switch e {
	case EffectCancelled:
		return "séance annulée, non comptée"
	case EffectAbsent:
		return "absence"
	case EffectLate:
		return "retard"
	case EffectLateAsAbsent:
		return "retard compté comme absence"
	case EffectExcluded:
		return "exclusion, comptée à part"
	case EffectUpcoming:
		return "à venir, pas encore comptée"
	}
	return "non compté"
}

// EffectOf returns what attendance a does to the counts under the school's settings.
func EffectOf(a Attendance, s Settings) Effect {
	if a.Upcoming {
		return EffectUpcoming
	}
	if a.Seance.Cancelled {
		return EffectCancelled
	}
	switch a.Kind {
	case KindAbsent:
		return EffectAbsent
	case KindLate:
		if s.LateAsAbsentAfter > 0 && a.Minutes > s.LateAsAbsentAfter {
			return EffectLateAsAbsent
		}
		return EffectLate
	case KindExcluded:
		return EffectExcluded
	}
	return EffectNone
}

// SeanceLine is one séance of an explained half-day: the attendance (mark,
// announced absence, motive, who entered them) and what it counts for.
type SeanceLine struct {
	// Attendance points into the attendances given to Explain.
	Attendance *Attendance
	Effect     Effect
}

// HalfDayLine is one half-day of an explanation with every séance the pupil had
// in it, cancelled ones included, in time order, and what the half-day counts for.
type HalfDayLine struct {
	Date    Date
	Half    HalfDay
	Seances []SeanceLine
	// Absent: the half-day is a half-day of absence under the counting method.
	Absent bool
	// Valid: a half-day of absence in which every missed séance has a valid motive.
	Valid bool
	// InvalidMotive: a non valable half-day in which a missed séance carries a
	// motive that is not valid (rather than no motive at all).
	InvalidMotive bool
	// Upcoming counts the half-day's séances that had not begun at the clock
	// (Attendance.Upcoming): they count for nothing yet, and under method
	// toutes the half-day is not decided until its last séance has begun.
	Upcoming int
	// Figures is the half-day's part of the pupil's figures.
	Figures Figures
}

// Month returns the calendar month of the half-day (2026-11).
func (h HalfDayLine) Month() string { return h.Date.MonthKey() }

// Status returns "valable", "non valable" or "non comptée", for screens.
func (h HalfDayLine) Status() string {
	switch {
	case !h.Absent && h.Upcoming > 0 && h.missed() > 0:
		return "en cours"
	case !h.Absent:
		return "non comptée"
	case h.Valid:
		return "valable"
	}
	return "non valable"
}

// missed counts the half-day's missed séances.
func (h HalfDayLine) missed() int {
	n := 0
	for _, l := range h.Seances {
		if l.Effect.Missed() {
			n++
		}
	}
	return n
}

// Missed returns the half-day's missed séances (absences, and latenesses
// counted as absences), in time order: what its verdict is made of.
func (h HalfDayLine) Missed() []*Attendance {
	var out []*Attendance
	for _, l := range h.Seances {
		if l.Effect.Missed() {
			out = append(out, l.Attendance)
		}
	}
	return out
}

// Label returns "23/11/2026 matin".
func (h HalfDayLine) Label() string { return h.Date.French() + " " + h.Half.String() }

// Explanation is how a pupil's figures over a period are made: the half-days in
// which something is recorded for him, in order, and their sum. Count returns
// Totals: the figures shown anywhere are this sum.
type Explanation struct {
	Pupil    PupilID
	Settings Settings
	// HalfDays are the half-days in which the pupil has a mark other than
	// presence, an announced absence, or a discordance, by date then matin
	// before après-midi. Half-days with nothing recorded count for nothing.
	HalfDays []HalfDayLine
	Totals   Figures
}

// Explain counts the half-days of one pupil from his attendances (Resolve's
// results, as stored: never Redacted ones, whose motives have lost their
// validity): the engine of FiguresAt, through which every figure is read; its
// lines point into atts. Attendances of other pupils are
// ignored; an attendance given twice for the same séance counts once; the
// input's order does not matter. The school's rules (DOMAIN.md "Counting"):
//   - A séance belongs to the half-day that Seance.HalfDay says (placed by its
//     slot, else by the midday boundary, from its start: a séance across the
//     boundary belongs to one half-day only).
//   - Method brute (the default, and any value but "toutes"): a half-day is a
//     half-day of absence when at least one of its séances is missed. Method
//     toutes: when every séance of it that was not cancelled is missed (a séance
//     where the pupil is exempt, at the infirmary, excluded or on an outing is
//     not missed, so such a half-day does not count).
//   - Missed séances are absences, and latenesses of more than
//     LateAsAbsentAfter minutes when that setting is positive. Cancelled séances
//     count for nothing, not even a lateness.
//   - A half-day of absence is valable when every missed séance in it has a
//     valid motive; otherwise non valable (no motive is non valable).
//   - Missed time is that of the missed séances, whether or not their half-day
//     counts (under method toutes it may not). Latenesses (count and minutes)
//     and exclusions are counted apart, never as half-days.
//   - A teacher's "present" over an announced absence (a discordance) is
//     presence, as Resolve decides; its half-day is listed for the vie
//     scolaire to see.
//   - Time: a séance counts only once it has begun. An attendance marked
//     Upcoming (CollectAttendance sets it from its clock) counts for nothing,
//     whatever is recorded in it; a half-day in which nothing begun is
//     recorded is left out. Under method toutes a half-day with a séance
//     still to come is not (yet) a half-day of absence; under brute its
//     begun séances decide.
func Explain(pupil PupilID, atts []Attendance, s Settings) Explanation {
	order := ownOrder(pupil, atts)
	e := Explanation{Pupil: pupil, Settings: s, HalfDays: make([]HalfDayLine, 0, halfDayCount(atts, order))}
	// missed holds the spans of the séances already missed that day.
	var missed [][2]Clock
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && sameHalfDay(atts[order[i]], atts[order[j]]) {
			j++
		}
		if len(e.HalfDays) > 0 && e.HalfDays[len(e.HalfDays)-1].Date != atts[order[i]].Seance.Date {
			missed = nil
		}
		if line, ok := explainHalfDay(atts, order[i:j], s, &missed); ok {
			e.HalfDays = append(e.HalfDays, line)
			e.Totals = e.Totals.Add(line.Figures)
		}
		i = j
	}
	return e
}

// ownOrder returns the indexes of pupil's attendances in counting order, one per séance.
func ownOrder(pupil PupilID, atts []Attendance) []int {
	order := make([]int, 0, len(atts))
	for i := range atts {
		if atts[i].Pupil == pupil {
			order = append(order, i)
		}
	}
	less := func(i, j int) int { return compareAttendance(&atts[i], &atts[j]) }
	if !slices.IsSortedFunc(order, less) {
		slices.SortFunc(order, less)
	}
	return slices.CompactFunc(order, func(i, j int) bool { return atts[i].Seance.ID == atts[j].Seance.ID })
}

// compareAttendance orders by half-day, start and séance; two attendances of
// the same séance that differ are ordered by their content, so that the one
// kept does not depend on the input's order.
func compareAttendance(a, b *Attendance) int {
	sa, sb := &a.Seance, &b.Seance
	if c := sa.Date.Compare(sb.Date); c != 0 {
		return c
	}
	if sa.HalfDay != sb.HalfDay || sa.Start != sb.Start {
		return cmp.Or(cmp.Compare(sa.HalfDay, sb.HalfDay), cmp.Compare(sa.Start, sb.Start))
	}
	if c := strings.Compare(string(sa.ID), string(sb.ID)); c != 0 {
		return c
	}
	return compareContent(a, b)
}

func compareContent(a, b *Attendance) int {
	if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
		return c
	}
	if c := cmp.Or(cmp.Compare(a.Minutes, b.Minutes), compareBool(a.Seance.Cancelled, b.Seance.Cancelled),
		compareBool(a.Valid(), b.Valid()), compareBool(a.Justified(), b.Justified())); c != 0 || !a.Justified() {
		return c
	}
	return strings.Compare(a.Justification.Motive, b.Justification.Motive)
}

func compareBool(a, b bool) int {
	if a == b {
		return 0
	}
	if a {
		return 1
	}
	return -1
}

// halfDayCount returns the number of half-days that order spans.
func halfDayCount(atts []Attendance, order []int) int {
	n := 0
	for k, i := range order {
		if k == 0 || !sameHalfDay(atts[order[k-1]], atts[i]) {
			n++
		}
	}
	return n
}

func sameHalfDay(a, b Attendance) bool {
	return a.Seance.Date == b.Seance.Date && a.Seance.HalfDay == b.Seance.HalfDay
}

// explainHalfDay counts one half-day given by the indexes idx of atts; it
// reports false when nothing is recorded in it. missed holds the spans of the
// séances missed earlier that day, and gets this half-day's.
func explainHalfDay(atts []Attendance, idx []int, s Settings, missed *[][2]Clock) (HalfDayLine, bool) {
	recorded := false
	for _, i := range idx {
		recorded = recorded || atts[i].Recorded()
	}
	if !recorded {
		return HalfDayLine{}, false
	}
	first := atts[idx[0]].Seance
	line := HalfDayLine{Date: first.Date, Half: first.HalfDay, Seances: make([]SeanceLine, len(idx))}
	for k, i := range idx {
		line.Seances[k] = SeanceLine{Attendance: &atts[i], Effect: EffectOf(atts[i], s)}
	}
	line.tally(s, missed)
	return line, true
}

// tally computes the half-day's verdict and figures from its séance lines;
// its missed time is what its missed séances add to the day's spans.
func (h *HalfDayLine) tally(s Settings, spans *[][2]Clock) {
	held, missed, valid, badMotive := 0, 0, true, false
	before := unionMinutes(*spans)
	for _, l := range h.Seances {
		a := l.Attendance
		if l.Effect != EffectCancelled && l.Effect != EffectUpcoming {
			held++
		}
		switch l.Effect {
		case EffectUpcoming:
			h.Upcoming++
		case EffectAbsent, EffectLateAsAbsent:
			missed++
			valid = valid && a.Valid()
			badMotive = badMotive || (a.Justified() && !a.Valid())
			*spans = append(*spans, [2]Clock{a.Seance.Start, a.Seance.End})
		case EffectLate:
			h.Figures.Lates++
			h.Figures.LateMinutes += a.Minutes
		case EffectExcluded:
			h.Figures.Exclusions++
		}
	}
	h.Figures.MissedMinutes = unionMinutes(*spans) - before
	h.Absent = missed > 0
	if s.Method == CountAllSeances {
		h.Absent = missed > 0 && missed == held && h.Upcoming == 0
	}
	h.Valid = h.Absent && valid
	h.InvalidMotive = h.Absent && !valid && badMotive
	switch {
	case h.Valid:
		h.Figures.ValidHalfDays = 1
	case h.Absent:
		h.Figures.InvalidHalfDays = 1
	}
}

// unionMinutes returns the length of the union of time spans.
func unionMinutes(spans [][2]Clock) int {
	slices.SortFunc(spans, func(a, b [2]Clock) int { return cmp.Compare(a[0], b[0]) })
	total, end := 0, Clock(-1)
	for _, sp := range spans {
		start := max(sp[0], end)
		if sp[1] > start {
			total += int(sp[1] - start)
		}
		end = max(end, sp[1])
	}
	return total
}

// Redacted returns the explanation for a reader who may not see motives: the
// attendances (copied) lose their motives, the verdicts and figures stay as counted.
func (e Explanation) Redacted() Explanation {
	days := make([]HalfDayLine, len(e.HalfDays))
	for i, h := range e.HalfDays {
		lines := make([]SeanceLine, len(h.Seances))
		for k, l := range h.Seances {
			a := l.Attendance.Redacted()
			lines[k] = SeanceLine{Attendance: &a, Effect: l.Effect}
		}
		h.Seances = lines
		days[i] = h
	}
	e.HalfDays = days
	return e
}
