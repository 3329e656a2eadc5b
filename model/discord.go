package model

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// DiscordanceKind says how a teacher's mark and what else is known disagree.
type DiscordanceKind int

// The discordances of DOMAIN.md.
const (
	// DiscordNotice: marked present by a teacher during an absence announced
	// by the family.
	DiscordNotice DiscordanceKind = iota + 1
	// DiscordAdjacent: absent (without motive) in one séance and present in
	// the adjacent one of the same half-day, whose roll call is done.
	DiscordAdjacent
)

// Discordance is a disagreement to show to the vie scolaire, never resolved
// silently.
type Discordance struct {
	Kind  DiscordanceKind
	Pupil Pupil
	// Present is the séance where the pupil was seen.
	Present Attendance
	// Absent is the adjacent séance where he was marked absent (DiscordAdjacent).
	Absent *Attendance
}

// Describe says the discordance in French.
func (d Discordance) Describe() string {
	if d.Kind == DiscordNotice {
		return fmt.Sprintf("présent à %s (%s) malgré l'absence annoncée", d.Present.Seance.Start, d.Present.Seance.Subject)
	}
	return fmt.Sprintf("absent à %s (%s), présent à %s (%s)", d.Absent.Seance.Start, d.Absent.Seance.Subject,
		d.Present.Seance.Start, d.Present.Seance.Subject)
}

// Resolution is how the vie scolaire settles a discordance.
type Resolution int

// The resolutions.
const (
	// ResolveAbsent: the pupil was absent; the séance where he was seen gets
	// an absence (an announced absence then justifies it).
	ResolveAbsent Resolution = iota + 1
	// ResolvePresent: the pupil was there. An announced absence stops
	// covering the séance (it ends before it, or starts after it); an
	// adjacent absence is removed (the audit keeps it).
	ResolvePresent
	// ResolveConfirm: both marks are right (adjacent only): the presence is
	// recorded as checked, and the discordance no longer shows.
	ResolveConfirm
)

// Discordances returns the day's discordances, by pupil then time.
func (s *Service) Discordances(day Date) ([]Discordance, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermReadAttendance); err != nil {
		return nil, err
	}
	var out []Discordance
	err = s.store.View(func(tx ReadTx) error {
		marks, notices, calls, err := dayData(tx, dir, day)
		if err != nil {
			return err
		}
		for _, p := range dayPupils(dir, marks, nil) {
			out = append(out, pupilDiscordances(dir, p, day, marks, notices, calls)...)
		}
		return nil
	})
	slices.SortStableFunc(out, func(a, b Discordance) int {
		return cmp.Or(ComparePupils(a.Pupil, b.Pupil), cmp.Compare(a.Present.Seance.Start, b.Present.Seance.Start))
	})
	return out, err
}

func pupilDiscordances(dir *Directory, p Pupil, day Date, marks map[MarkKey]*Mark, notices []Notice, calls map[SeanceID]RollCall) []Discordance {
	var atts []Attendance
	for _, se := range dir.PupilSeances(p, day, day) {
		if !se.Cancelled {
			atts = append(atts, Resolve(se, p.ID, marks[MarkKey{se.ID, p.ID}], notices, dir.Location()))
		}
	}
	var out []Discordance
	for i, a := range atts {
		if a.Discordant() {
			out = append(out, Discordance{Kind: DiscordNotice, Pupil: p, Present: a})
		}
		if i == 0 || atts[i-1].Seance.HalfDay != a.Seance.HalfDay {
			continue
		}
		for _, pair := range [][2]Attendance{{atts[i-1], a}, {a, atts[i-1]}} {
			if adjacentDiscord(pair[0], pair[1], calls) {
				absent := pair[0]
				out = append(out, Discordance{Kind: DiscordAdjacent, Pupil: p, Present: pair[1], Absent: &absent})
			}
		}
	}
	return out
}

// adjacentDiscord: absent without motive in one, present (not checked) in the
// other, whose roll call is done.
func adjacentDiscord(absent, present Attendance, calls map[SeanceID]RollCall) bool {
	_, done := calls[present.Seance.ID]
	return absent.IsAbsence() && !absent.Justified() && present.Kind == KindPresent && present.Mark == nil && done
}

// ResolveDiscordance settles a discordance, in one undoable action.
func (s *Service) ResolveDiscordance(d Discordance, r Resolution) error {
	dir, pol, err := s.Session()
	if err != nil {
		return err
	}
	if err := pol.Require(PermEditMarks); err != nil {
		return err
	}
	now, login := s.now().In(dir.Location()), s.actor.Login
	seen := MarkKey{d.Present.Seance.ID, d.Pupil.ID}
	mark := func(kind MarkKind) func(Attendance) (*Mark, bool) {
		return func(Attendance) (*Mark, bool) {
			return &Mark{Seance: seen.Seance, Pupil: seen.Pupil, Kind: kind, By: login, At: now}, true
		}
	}
	switch {
	case r == ResolveAbsent:
		_, err = s.editMarks(dir, "discordance : absent", []MarkKey{seen}, now, mark(KindAbsent))
	case r == ResolvePresent && d.Kind == DiscordNotice:
		err = s.cutNotice(dir, d.Present)
	case r == ResolvePresent && d.Absent != nil:
		gone := MarkKey{d.Absent.Seance.ID, d.Pupil.ID}
		_, err = s.editMarks(dir, "discordance : présent", []MarkKey{gone}, now, func(Attendance) (*Mark, bool) { return nil, true })
	case r == ResolveConfirm && d.Kind == DiscordAdjacent:
		_, err = s.editMarks(dir, "discordance : présence vérifiée", []MarkKey{seen}, now, mark(KindPresent))
	default:
		err = Invalid("cette résolution ne s'applique pas à cette discordance")
	}
	return err
}

// cutNotice makes the notice covering a stop covering its séance: it ends at
// the séance's start, or, when the séance starts before it, starts at its end.
// A notice left covering no séance is withdrawn.
func (s *Service) cutNotice(dir *Directory, a Attendance) error {
	if a.Notice == nil {
		return Invalid("aucune absence annoncée sur cette séance")
	}
	loc := dir.Location()
	start, end := a.Seance.Date.Time(a.Seance.Start, loc), a.Seance.Date.Time(a.Seance.End, loc)
	id := a.Notice.ID
	_, err := s.act("discordance : absence annoncée écourtée", func(tx Tx, act *Action) error {
		cur, ok, err := tx.Notice(id)
		if err != nil || !ok {
			return firstErr(err, NotFound("absence annoncée %s introuvable", id))
		}
		after := cutAround(cur, start, end)
		if p, ok := dir.Pupil(cur.Pupil); after != nil && ok && coveredSeances(dir, p, *after) == 0 {
			after = nil
		}
		return putNoticeEdit(tx, act, NoticeEdit{ID: id, Before: &cur, After: after})
	})
	return err
}

func cutAround(n Notice, start, end time.Time) *Notice {
	if start.After(n.From) {
		n.To = start
	} else {
		n.From = end
	}
	if !n.To.After(n.From) {
		return nil
	}
	return &n
}
