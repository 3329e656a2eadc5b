package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// DeskFilter narrows the vie scolaire's list of the day's absences. Its zero
// value keeps every line.
type DeskFilter struct {
	// Audience is a division or group code; "" keeps every pupil.
	Audience string
	// Unjustified keeps the pupils with an absence or lateness still without motive.
	Unjustified bool
	// Name keeps the pupils whose last or first name (or one of their words)
	// starts with it, ignoring case and accents.
	Name string
}

// Keep reports whether the filter shows line l.
func (f DeskFilter) Keep(l DeskLine) bool {
	p := l.Pupil
	e := l.enrolment()
	switch {
	case f.Audience != "" && e.Division != f.Audience && !slices.Contains(e.Groups, f.Audience):
		return false
	case f.Unjustified && l.Unjustified() == 0:
		return false
	}
	return f.Name == "" || NameMatches(p, f.Name)
}

// NameMatches reports whether q (folded) starts the pupil's name, "Nom Prénom"
// or "Prénom Nom", or one of its words.
func NameMatches(p Pupil, q string) bool {
	q = FoldAccents(strings.TrimSpace(q))
	for _, s := range []string{p.LastName + " " + p.FirstName, p.FirstName + " " + p.LastName} {
		if HasPrefixOrWord(FoldAccents(s), q) {
			return true
		}
	}
	return false
}

// HasPrefixOrWord reports whether q starts s or one of its words (split at
// spaces, hyphens and apostrophes).
func HasPrefixOrWord(s, q string) bool {
	if strings.HasPrefix(s, q) {
		return true
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' }) {
		if strings.HasPrefix(w, q) {
			return true
		}
	}
	return false
}

// DeskLine is one pupil absent or late on a day, with everything recorded for
// him that day.
type DeskLine struct {
	Pupil Pupil
	// Entries are his séances of the day that are not cancelled with
	// something other than plain presence (absence, lateness, infirmary, an
	// announced absence…), in time order; those not begun at the clock are
	// Upcoming (an announced absence to come) and count for nothing yet.
	Entries []Attendance
	// FamilyTold: a notice about the day went to the family (sent, or a
	// letter to print); FamilyFailed: one failed or finds nobody.
	FamilyTold, FamilyFailed bool
}

// enrolment is the pupil's division and groups on the line's day.
func (l DeskLine) enrolment() Enrolment {
	if len(l.Entries) > 0 {
		return l.Pupil.EnrolmentOn(l.Entries[0].Seance.Date)
	}
	return Enrolment{From: l.Pupil.Since, Division: l.Pupil.Division, Groups: l.Pupil.Groups}
}

// Missed reports whether an attendance is one a motive applies to: an absence
// or a lateness.
func Missed(a Attendance) bool { return a.Kind == KindAbsent || a.Kind == KindLate }

// Targets returns the line's absences and latenesses of begun séances, as
// shown, for a motive key; with unjustified set, those without a motive only.
func (l DeskLine) Targets(unjustified bool) []Shown {
	return Targets(l.Entries, unjustified)
}

// Targets returns the absences and latenesses of begun séances among atts, as
// shown, for a motive key; with unjustified set, those without a motive only.
func Targets(atts []Attendance, unjustified bool) []Shown {
	var out []Shown
	for _, a := range atts {
		if Missed(a) && !a.Upcoming && (!unjustified || !a.Justified()) {
			out = append(out, ShownOf(a))
		}
	}
	return out
}

// Unjustified counts the line's absences and latenesses of begun séances
// without a motive.
func (l DeskLine) Unjustified() int { return len(l.Targets(true)) }

// Absences counts the line's absences of begun séances (latenesses apart).
func (l DeskLine) Absences() int {
	n := 0
	for _, a := range l.Entries {
		if a.IsAbsence() {
			n++
		}
	}
	return n
}

// Announced counts the line's séances to come that an announced absence covers.
func (l DeskLine) Announced() int {
	n := 0
	for _, a := range l.Entries {
		if a.Upcoming && a.Kind == KindAbsent {
			n++
		}
	}
	return n
}

// DayAbsences returns one line per pupil absent or late on day (announced
// absences included) that the filter keeps, by division then registre order.
func (s *Service) DayAbsences(day Date, f DeskFilter) ([]DeskLine, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermReadAttendance); err != nil {
		return nil, err
	}
	var out []DeskLine
	err = s.store.View(func(tx ReadTx) error {
		marks, notices, _, err := dayData(tx, dir, day)
		if err != nil {
			return err
		}
		told, err := familyStates(tx, day)
		if err != nil {
			return err
		}
		for _, l := range deskLines(dir, day, s.now(), marks, notices) {
			for i := range l.Entries {
				l.Entries[i] = pol.View(l.Entries[i])
			}
			l.FamilyTold, l.FamilyFailed = told[l.Pupil.ID]&1 != 0, told[l.Pupil.ID]&2 != 0
			if f.Keep(l) {
				out = append(out, l)
			}
		}
		return nil
	})
	return out, err
}

// familyStates returns, by pupil, 1 when a notice about day reached (or is
// to be posted to) his family, 2 when one failed or finds nobody.
func familyStates(tx ReadTx, day Date) (map[PupilID]int, error) {
	ns, err := tx.FamilyNoticesOn(day)
	out := map[PupilID]int{}
	for _, n := range ns {
		bit := 0
		switch n.Status {
		case StatusSent, StatusToPrint, StatusPrinted:
			bit = 1
		case StatusFailed, StatusUnreachable:
			bit = 2
		}
		for _, p := range n.Pupils {
			out[p] |= bit
		}
	}
	return out, err
}

func deskLines(dir *Directory, day Date, now time.Time, marks map[MarkKey]*Mark, notices []Notice) []DeskLine {
	var out []DeskLine
	for _, p := range dayPupils(dir, marks, notices) {
		l := DeskLine{Pupil: p}
		missed := false
		for _, se := range dir.PupilSeances(p, day, day) {
			if se.Cancelled {
				continue
			}
			a := Resolve(se, p.ID, marks[MarkKey{se.ID, p.ID}], notices, dir.Location()).At(now, dir.Location())
			if a.Marked() {
				l.Entries = append(l.Entries, a)
				missed = missed || Missed(a)
			}
		}
		if missed {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(a, b DeskLine) int {
		return cmp.Or(compareFold(a.Pupil.Division, b.Pupil.Division), ComparePupils(a.Pupil, b.Pupil))
	})
	return out
}

// dayPupils returns the pupils with a mark or an announced absence on the day.
func dayPupils(dir *Directory, marks map[MarkKey]*Mark, notices []Notice) []Pupil {
	seen := map[PupilID]bool{}
	var out []Pupil
	add := func(id PupilID) {
		if p, ok := dir.Pupil(id); ok && !seen[id] {
			seen[id] = true
			out = append(out, p)
		}
	}
	for k := range marks {
		add(k.Pupil)
	}
	for _, n := range notices {
		add(n.Pupil)
	}
	return out
}

// PupilAbsences returns a pupil's absences and latenesses (announced ones
// included) in the séances from from to to, both included, in time order, at
// the clock (those not begun are Upcoming).
func (s *Service) PupilAbsences(pupil PupilID, from, to Date) ([]Attendance, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	p, ok := dir.Pupil(pupil)
	if !ok {
		return nil, NotFound("élève %s introuvable", pupil)
	}
	if !pol.CanReadPupil(dir, p) {
		return nil, Forbidden("vous ne suivez pas cet élève")
	}
	var out []Attendance
	err = s.store.View(func(tx ReadTx) error {
		marks, err := tx.MarksOfPupil(pupil, from, to)
		if err != nil {
			return err
		}
		notices, err := tx.NoticesOfPupil(pupil)
		if err != nil {
			return err
		}
		out = pupilMissed(dir, p, from, to, s.now(), marks, notices, pol)
		return nil
	})
	return out, err
}

func pupilMissed(dir *Directory, p Pupil, from, to Date, now time.Time, marks []Mark, notices []Notice, pol Policy) []Attendance {
	byKey := make(map[SeanceID]*Mark, len(marks))
	for i := range marks {
		byKey[marks[i].Seance] = &marks[i]
	}
	var out []Attendance
	for _, se := range dir.PupilSeances(p, from, to) {
		if se.Cancelled {
			continue
		}
		if a := Resolve(se, p.ID, byKey[se.ID], notices, dir.Location()).At(now, dir.Location()); Missed(a) {
			out = append(out, pol.View(a))
		}
	}
	return out
}

// AudienceShare is a division or group with the number of its pupils on the
// desk's lines (absent or late) among its members that day.
type AudienceShare struct {
	Target          Target
	Absent, Members int
}

// Audiences returns the divisions and groups of the lines' pupils, the most
// fully absent first (a group away on a school trip comes first), then by the
// number absent, then by code.
func (s *Service) Audiences(day Date, lines []DeskLine) ([]AudienceShare, error) {
	dir, err := s.Directory()
	if err != nil {
		return nil, err
	}
	count := map[Target]int{}
	for _, l := range lines {
		// The division and groups he was in that day.
		e := l.Pupil.EnrolmentOn(day)
		if e.Division != "" {
			count[Target{TargetDivision, e.Division}]++
		}
		for _, g := range e.Groups {
			count[Target{TargetGroup, g}]++
		}
	}
	out := make([]AudienceShare, 0, len(count))
	for t, n := range count {
		out = append(out, AudienceShare{Target: t, Absent: n, Members: len(dir.Members(t, day))})
	}
	slices.SortFunc(out, func(a, b AudienceShare) int {
		return cmp.Or(cmp.Compare(b.Absent*a.Members, a.Absent*b.Members), cmp.Compare(b.Absent, a.Absent),
			compareFold(a.Target.Code, b.Target.Code))
	})
	return out, nil
}
