package model

import (
	"slices"
	"strings"
)

// Enrolment is a span of a pupil's schooling in one division and one set of
// groups: from From (included) until the next enrolment's From. A zero From
// means since the pupil came (the start of the year, or Pupil.Arrived).
type Enrolment struct {
	From     Date     `json:"from,omitempty"`
	Division string   `json:"division,omitempty"`
	Groups   []string `json:"groups,omitempty"`
}

// Stint is a span of days a pupil spent in one division, both ends included;
// a zero From or To is open.
type Stint struct {
	Division string
	From, To Date
}

// Contains reports whether d falls within the stint.
func (s Stint) Contains(d Date) bool {
	return (s.From.IsZero() || !d.Before(s.From)) && (s.To.IsZero() || !d.After(s.To))
}

// Enrolments returns the pupil's enrolments, oldest first, the current one
// (Division, Groups from Since) last.
func (p Pupil) Enrolments() []Enrolment {
	out := make([]Enrolment, 0, len(p.Before)+1)
	out = append(out, p.Before...)
	return append(out, Enrolment{From: p.Since, Division: p.Division, Groups: p.Groups})
}

// EnrolmentOn returns the enrolment the pupil was in on d: the last one that
// began on or before d (the first one for a day before any of them).
func (p Pupil) EnrolmentOn(d Date) Enrolment {
	if p.Since.IsZero() || !d.Before(p.Since) || len(p.Before) == 0 {
		return Enrolment{From: p.Since, Division: p.Division, Groups: p.Groups}
	}
	for i := len(p.Before) - 1; i > 0; i-- {
		if !d.Before(p.Before[i].From) {
			return p.Before[i]
		}
	}
	return p.Before[0]
}

// DivisionOn returns the division the pupil was in on d.
func (p Pupil) DivisionOn(d Date) string { return p.EnrolmentOn(d).Division }

// InGroupOn reports whether the pupil was in the group on d.
func (p Pupil) InGroupOn(code string, d Date) bool {
	return slices.Contains(p.EnrolmentOn(d).Groups, code)
}

// Moved reports whether the pupil has changed division or groups during the year.
func (p Pupil) Moved() bool { return len(p.Before) > 0 }

// Targets returns every division and group the pupil has belonged to this year.
func (p Pupil) Targets() []Target {
	var out []Target
	for _, e := range p.Enrolments() {
		if e.Division != "" {
			out = appendTarget(out, Target{TargetDivision, e.Division})
		}
		for _, g := range e.Groups {
			out = appendTarget(out, Target{TargetGroup, g})
		}
	}
	return out
}

func appendTarget(list []Target, t Target) []Target {
	if slices.Contains(list, t) {
		return list
	}
	return append(list, t)
}

// MoveTo returns the pupil in division and groups from the day on: his
// current enrolment becomes history up to the day before. A change dated on or
// before an earlier one replaces the enrolments from that day (a correction);
// the same division and groups change nothing.
func (p Pupil) MoveTo(on Date, division string, groups []string) Pupil {
	cur := p.EnrolmentOn(on)
	if cur.Division == division && slices.Equal(cur.Groups, groups) && !on.Before(p.Since) {
		return p
	}
	var kept []Enrolment
	for _, e := range p.Enrolments() {
		if e.From.IsZero() && len(kept) == 0 || !e.From.IsZero() && e.From.Before(on) {
			kept = append(kept, e)
		}
	}
	if p.Arrived == on || !p.Arrived.IsZero() && on.Before(p.Arrived) {
		kept = nil
	}
	p.Division, p.Groups = division, groups
	if len(kept) == 0 {
		p.Since, p.Before = Date{}, nil
		return p
	}
	p.Since, p.Before = on, kept
	return p
}

// Stints returns the spans the pupil spent in each division between from and
// to (both included), within his enrolment in the school (Arrived, Left), in
// date order; a change of groups only does not end a stint.
func (p Pupil) Stints(from, to Date) []Stint {
	lo, hi := from, to
	if !p.Arrived.IsZero() && p.Arrived.After(lo) {
		lo = p.Arrived
	}
	if !p.Left.IsZero() && !p.Left.After(hi) {
		hi = p.Left.AddDays(-1)
	}
	if hi.Before(lo) {
		return nil
	}
	var out []Stint
	all := p.Enrolments()
	for i, e := range all {
		s := Stint{Division: e.Division, From: e.From, To: Date{}}
		if i+1 < len(all) {
			s.To = all[i+1].From.AddDays(-1)
		}
		if !s.From.IsZero() && s.From.Before(lo) || s.From.IsZero() {
			s.From = lo
		}
		if s.To.IsZero() || s.To.After(hi) {
			s.To = hi
		}
		if s.To.Before(s.From) {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Division == s.Division {
			out[n-1].To = s.To
			continue
		}
		out = append(out, s)
	}
	return out
}

// StintNote says how a stint of the pupil begins and ends when it is not
// the whole year: « arrivé le 16/11/2026 », « en 4B depuis le 16/11/2026 »,
// « en 4A jusqu'au 15/11/2026 », « parti le 03/02/2027 »; empty otherwise.
func (p Pupil) StintNote(s Stint) string {
	var parts []string
	starts := map[Date]bool{}
	for _, e := range p.Enrolments()[1:] {
		starts[e.From] = true
	}
	switch {
	case !p.Arrived.IsZero() && s.From == p.Arrived:
		parts = append(parts, "arrivé le "+p.Arrived.French())
	case starts[s.From]:
		parts = append(parts, "en "+s.Division+" depuis le "+s.From.French())
	}
	switch {
	case !p.Left.IsZero() && s.To == p.Left.AddDays(-1):
		parts = append(parts, "parti le "+p.Left.French())
	case starts[s.To.AddDays(1)]:
		parts = append(parts, "en "+s.Division+" jusqu'au "+s.To.French())
	}
	return strings.Join(parts, ", ")
}

// LeftNote is « parti le 03/02/2027 » for a pupil who has left the school by
// day, empty otherwise: what searches and files show beside his name.
func (p Pupil) LeftNote(day Date) string {
	if !p.Gone(day) {
		return ""
	}
	return "parti le " + p.Left.French()
}

// HistoryNotes describe the pupil's year in short French phrases: his
// arrival, each change of division (« 4A → 4B le 16/11/2026 ») or of groups,
// and his departure by day (« parti le … »).
func (p Pupil) HistoryNotes(day Date) []string {
	var out []string
	if !p.Arrived.IsZero() {
		out = append(out, "arrivé le "+p.Arrived.French())
	}
	all := p.Enrolments()
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Division != b.Division {
			out = append(out, a.Division+" → "+b.Division+" le "+b.From.French())
		} else {
			out = append(out, "groupes changés le "+b.From.French())
		}
	}
	if n := p.LeftNote(day); n != "" {
		out = append(out, n)
	}
	return out
}
