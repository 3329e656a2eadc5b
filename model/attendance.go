package model

import "time"

// Attendance is what appel knows of one pupil in one séance: the teacher's (or
// the vie scolaire's) mark merged with the absences announced by the family.
type Attendance struct {
	Seance  Seance
	Pupil   PupilID
	Kind    MarkKind
	Minutes int
	// Justification is the mark's own, else the covering notice's.
	Justification *Justification
	// Mark is the stored mark, if any; Notice the announced absence covering the séance, if any.
	Mark   *Mark
	Notice *Notice
	// Upcoming: the séance had not begun at the clock the attendance was
	// read at. It counts for nothing yet, whatever is recorded in it: an
	// announced absence is a promise, and becomes an absence séance by
	// séance as they begin.
	Upcoming bool
}

// Resolve merges what is stored about pupil in séance s: the mark (nil if
// none) and the notices of that pupil (those that do not cover s are ignored).
// A notice with no mark makes the pupil absent, justified by the notice; a mark
// keeps its kind and takes the notice's justification when it has none; a
// teacher's explicit "present" over a notice stays present (a discordance).
func Resolve(s Seance, pupil PupilID, mark *Mark, notices []Notice, loc *time.Location) Attendance {
	a := Attendance{Seance: s, Pupil: pupil, Kind: KindPresent}
	for i := range notices {
		n := &notices[i]
		if n.Pupil == pupil && n.Covers(s, loc) && (a.Notice == nil || earlierNotice(n, a.Notice)) {
			a.Notice = n
		}
	}
	if mark != nil {
		a.Mark, a.Kind, a.Minutes, a.Justification = mark, mark.Kind, mark.Minutes, mark.Justification
	} else if a.Notice != nil {
		a.Kind = KindAbsent
	}
	if a.Justification == nil && a.Notice != nil && a.Kind == KindAbsent {
		a.Justification = a.Notice.Justification
	}
	return a
}

// earlierNotice orders notices by start, then identifier, so that Resolve picks
// the same covering notice whatever the order it is given them in.
func earlierNotice(a, b *Notice) bool {
	if !a.From.Equal(b.From) {
		return a.From.Before(b.From)
	}
	return a.ID < b.ID
}

// IsAbsence reports whether the pupil counts as absent: an absence in a séance
// that took place (begun, not cancelled).
func (a Attendance) IsAbsence() bool {
	return a.Kind == KindAbsent && !a.Seance.Cancelled && !a.Upcoming
}

// At returns the attendance as read at the clock at: Upcoming is set when
// its séance has not begun by then.
func (a Attendance) At(at time.Time, loc *time.Location) Attendance {
	a.Upcoming = !a.Seance.Begun(at, loc)
	return a
}

// Justified reports whether the family gave a reason (a motive was applied).
func (a Attendance) Justified() bool { return a.Justification != nil }

// Valid reports whether the absence is valable: justified with a valid motive.
// An absence without a motive is non valable.
func (a Attendance) Valid() bool { return a.Justification != nil && a.Justification.Valid }

// Discordant reports whether a teacher declared the pupil present during an
// absence announced by the family.
func (a Attendance) Discordant() bool {
	return a.Notice != nil && a.Mark != nil && a.Mark.Kind == KindPresent
}

// Marked reports whether the pupil has something other than plain presence.
func (a Attendance) Marked() bool { return a.Kind != KindPresent }

// Recorded reports whether the attendance puts its half-day in the counts'
// explanation: a begun séance with a mark other than presence, an announced
// absence, or a discordance.
func (a Attendance) Recorded() bool { return !a.Upcoming && (a.Marked() || a.Discordant()) }

// EnteredBy returns who entered what the attendance shows, and when.
func (a Attendance) EnteredBy() (string, time.Time) {
	if a.Mark != nil {
		return a.Mark.By, a.Mark.At
	}
	if a.Notice != nil {
		return a.Notice.By, a.Notice.At
	}
	return "", time.Time{}
}

// Redacted returns a copy for a reader who may not see motives: the
// justification keeps only the fact that there is one.
func (a Attendance) Redacted() Attendance {
	if a.Justification != nil {
		a.Justification = &Justification{By: a.Justification.By, At: a.Justification.At}
	}
	if a.Notice != nil {
		n := *a.Notice
		n.Note = ""
		if n.Justification != nil {
			n.Justification = &Justification{By: n.Justification.By, At: n.Justification.At}
		}
		a.Notice = &n
	}
	return a
}
