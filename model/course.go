package model

import (
	"fmt"
	"strings"
	"time"
)

// TargetKind says whether a course is given to a division or to a group.
type TargetKind string

// The two kinds of audience.
const (
	TargetDivision TargetKind = "division"
	TargetGroup    TargetKind = "group"
)

// Target is the audience of a course: a division or a group.
type Target struct {
	Kind TargetKind `json:"kind"`
	Code string     `json:"code"`
}

// String returns the code of the division or group.
func (t Target) String() string { return t.Code }

// Course is a timetable entry: every matching week, on a weekday, at a time.
type Course struct {
	ID       string       `json:"id"`
	Weekday  time.Weekday `json:"weekday"`
	Start    Clock        `json:"start"`
	End      Clock        `json:"end"`
	Target   Target       `json:"target"`
	Teachers []string     `json:"teachers"`
	Subject  string       `json:"subject"`
	Room     string       `json:"room,omitempty"`
	// Weeks is "" for every week, else a week type ("A", "B") or a named week set.
	Weeks string `json:"weeks,omitempty"`
	// From and To, when set, bound the dates on which the course runs.
	From Date `json:"from,omitempty"`
	To   Date `json:"to,omitempty"`
}

// Validate reports the first inconsistency of a course.
func (c Course) Validate() error {
	switch {
	case c.ID == "" || strings.ContainsAny(c.ID, "/\x00"):
		return invalid("cours sans identifiant valide")
	case c.End <= c.Start:
		return invalid("cours %s : fin %s avant le début %s", c.ID, c.End, c.Start)
	case c.Target.Code == "" || (c.Target.Kind != TargetDivision && c.Target.Kind != TargetGroup):
		return invalid("cours %s : ni division ni groupe", c.ID)
	case c.Weekday < time.Sunday || c.Weekday > time.Saturday:
		return invalid("cours %s : jour invalide", c.ID)
	}
	return nil
}

// Teaches reports whether login is one of the course's teachers.
func (c Course) Teaches(login string) bool { return contains(c.Teachers, login) }

// SeanceID identifies a séance. It begins with the date and start time
// (20261123-0800-…) so that identifiers sort by time.
type SeanceID string

// NewSeanceID builds the identifier of the séance of a course on a date.
func NewSeanceID(d Date, start Clock, course string) SeanceID {
	return SeanceID(d.Compact() + "-" + start.Compact() + "-" + course)
}

// Course returns the course encoded in the identifier ("" when malformed).
func (id SeanceID) Course() string {
	if len(id) < 14 || id[8] != '-' || id[13] != '-' {
		return ""
	}
	return string(id[14:])
}

// Date returns the date encoded in the identifier.
func (id SeanceID) Date() (Date, error) {
	s := string(id)
	if len(s) < 8 {
		return Date{}, invalid("séance %q invalide", s)
	}
	t, err := time.Parse("20060102", s[:8])
	if err != nil {
		return Date{}, invalid("séance %q invalide", s)
	}
	return DateOf(t), nil
}

// Seance is one dated occurrence of a course, the unit of the roll call.
type Seance struct {
	ID       SeanceID `json:"id"`
	Date     Date     `json:"date"`
	Start    Clock    `json:"start"`
	End      Clock    `json:"end"`
	Course   string   `json:"course,omitempty"`
	Target   Target   `json:"target"`
	Teachers []string `json:"teachers"`
	// Substitute is the teacher who replaces the usual ones for this séance.
	Substitute string  `json:"substitute,omitempty"`
	Subject    string  `json:"subject"`
	Room       string  `json:"room,omitempty"`
	HalfDay    HalfDay `json:"half_day"`
	Cancelled  bool    `json:"cancelled,omitempty"`
	// Extra marks a séance added outside the timetable.
	Extra bool `json:"extra,omitempty"`
}

// TaughtBy reports whether login gives this séance (as a teacher or substitute).
func (s Seance) TaughtBy(login string) bool {
	if s.Substitute != "" {
		return s.Substitute == login || contains(s.Teachers, login)
	}
	return contains(s.Teachers, login)
}

// Begun reports whether the séance has begun at the clock at (its start is at
// or before at, on the school's wall clock in loc): the one test of "has it
// happened yet" (see the package documentation, "Time").
func (s Seance) Begun(at time.Time, loc *time.Location) bool {
	return wallClockOf(at, loc).reached(&s)
}

// wallClock is an instant as the school's clock on the wall shows it, to the
// minute: séances start on the minute, so a séance has begun at an instant
// when it has begun at the instant's minute.
type wallClock struct {
	date  Date
	clock Clock
}

func wallClockOf(at time.Time, loc *time.Location) wallClock {
	local := at.In(loc)
	return wallClock{DateOf(local), Clock(local.Hour()*60 + local.Minute())}
}

// reached reports whether the séance has begun by w.
func (w wallClock) reached(s *Seance) bool {
	if s.Date != w.date {
		return s.Date.Before(w.date)
	}
	return s.Start <= w.clock
}

// Minutes returns the séance's duration in minutes.
func (s Seance) Minutes() int { return int(s.End - s.Start) }

// TimeRange formats the séance's time as 08:00–08:55.
func (s Seance) TimeRange() string { return s.Start.String() + "–" + s.End.String() }

// Label returns "4B · Mathématiques · 08:00–08:55".
func (s Seance) Label() string {
	return fmt.Sprintf("%s · %s · %s", s.Target.Code, s.Subject, s.TimeRange())
}

// SeanceChange is an exception to the timetable for one séance.
type SeanceChange struct {
	Seance     SeanceID `json:"seance"`
	Cancelled  bool     `json:"cancelled,omitempty"`
	Substitute string   `json:"substitute,omitempty"`
	Room       string   `json:"room,omitempty"`
	Note       string   `json:"note,omitempty"`
}

// apply returns s with the change applied.
func (c SeanceChange) apply(s Seance) Seance {
	s.Cancelled = c.Cancelled
	if c.Substitute != "" {
		s.Substitute = c.Substitute
	}
	if c.Room != "" {
		s.Room = c.Room
	}
	return s
}

// CompareSeances orders séances by date, start, audience code, then identifier.
func CompareSeances(a, b Seance) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	if a.Start != b.Start {
		return sign(int(a.Start - b.Start))
	}
	if c := strings.Compare(a.Target.Code, b.Target.Code); c != 0 {
		return c
	}
	return strings.Compare(string(a.ID), string(b.ID))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
