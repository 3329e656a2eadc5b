package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// NoticeLine is an announced absence as the vie scolaire's list shows it.
type NoticeLine struct {
	Notice Notice
	Pupil  Pupil
	// Seances counts the pupil's séances that the notice covers.
	Seances int
}

// Notices returns the announced absences that cover day or a later date, by
// start then pupil.
func (s *Service) Notices(day Date) ([]NoticeLine, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, err
	}
	if err := pol.Require(PermReadAttendance); err != nil {
		return nil, err
	}
	loc := dir.Location()
	from := day.Time(0, loc)
	var notices []Notice
	err = s.store.View(func(tx ReadTx) error {
		notices, err = tx.NoticesOverlapping(from, from.Add(MaxNoticeSpan))
		return err
	})
	var out []NoticeLine
	for _, n := range notices {
		if p, ok := dir.Pupil(n.Pupil); ok {
			out = append(out, NoticeLine{Notice: n, Pupil: p, Seances: coveredSeances(dir, p, n)})
		}
	}
	slices.SortFunc(out, func(a, b NoticeLine) int {
		return cmp.Or(a.Notice.From.Compare(b.Notice.From), ComparePupils(a.Pupil, b.Pupil))
	})
	return out, err
}

func coveredSeances(dir *Directory, p Pupil, n Notice) int {
	loc := dir.Location()
	count := 0
	for _, se := range dir.PupilSeances(p, DateOf(n.From.In(loc)), DateOf(n.To.In(loc))) {
		if !se.Cancelled && n.Covers(se, loc) {
			count++
		}
	}
	return count
}

// Announce records an absence announced by the family: it covers every séance
// of the pupil that overlaps [from, to), future ones included, justified by the
// motive with that code ("" for none yet). It is one undoable action.
func (s *Service) Announce(pupil PupilID, from, to time.Time, code, note string) (Notice, error) {
	dir, motive, err := s.noticeSession(code)
	if err != nil {
		return Notice{}, err
	}
	if err := CheckField("note", note, Note); err != nil {
		return Notice{}, err
	}
	if _, ok := dir.Pupil(pupil); !ok {
		return Notice{}, NotFound("élève %s introuvable", pupil)
	}
	now := s.now().In(dir.Location())
	n := Notice{Pupil: pupil, From: from, To: to, Note: strings.TrimSpace(note), By: s.actor.Login, At: now}
	if motive != nil {
		n.Justification = motive.Justify(s.actor.Login, now)
	}
	base := fmt.Sprintf("%s-%s", pupil, now.Format("20060102T150405"))
	_, err = s.act("absence annoncée", func(tx Tx, a *Action) error {
		id, err := freeNoticeID(tx, base)
		if err != nil {
			return err
		}
		n.ID = id
		return putNoticeEdit(tx, a, NoticeEdit{ID: id, After: &n})
	})
	return n, err
}

func (s *Service) noticeSession(code string) (*Directory, *Motive, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return nil, nil, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return nil, nil, err
	}
	motive, _, err := offeredMotive(dir, code)
	return dir, motive, err
}

func freeNoticeID(tx Tx, base string) (string, error) {
	for i := 1; ; i++ {
		id := fmt.Sprintf("%s-%d", base, i)
		_, exists, err := tx.Notice(id)
		if err != nil || !exists {
			return id, err
		}
	}
}

// putNoticeEdit validates and writes one notice change and records it in a.
func putNoticeEdit(tx Tx, a *Action, e NoticeEdit) error {
	if e.After != nil {
		if err := e.After.Validate(); err != nil {
			return err
		}
	}
	if err := putNotice(tx, e.ID, e.After); err != nil {
		return err
	}
	a.Notices = append(a.Notices, e)
	return nil
}

// EditNotice changes an announced absence's span and motive. shown is the
// notice as the screen showed it: when someone changed it since, nothing is
// written (a conflict that names who). The justification it had is kept when
// the motive stays the same; replacing (or removing) a motive already given
// needs replace, which the screen sets once the user said so.
func (s *Service) EditNotice(shown Notice, from, to time.Time, code string, replace bool) (Notice, error) {
	dir, motive, err := s.noticeSession(code)
	if err != nil {
		return Notice{}, err
	}
	now := s.now().In(dir.Location())
	var out Notice
	_, err = s.act("absence annoncée modifiée", func(tx Tx, a *Action) error {
		cur, ok, err := tx.Notice(shown.ID)
		if err != nil || !ok {
			return firstErr(err, NotFound("absence annoncée %s introuvable", shown.ID))
		}
		if !sameNotice(cur, shown) {
			return Conflict("absence annoncée modifiée entre-temps par %s : rien n'a été changé, voyez l'écran à jour", changedNoticeBy(cur))
		}
		out = cur
		out.From, out.To = from, to
		if NoticeReplaces(cur, code) && !replace {
			return Conflict("l'absence annoncée a déjà le motif %s (par %s) : le remplacer demande confirmation",
				cur.Justification.Label, cur.Justification.By)
		}
		if motive == nil {
			out.Justification = nil
		} else if cur.Justification == nil || cur.Justification.Motive != motive.Code {
			out.Justification = motive.Justify(s.actor.Login, now)
		}
		if sameValue(&cur, &out) {
			return nil
		}
		return putNoticeEdit(tx, a, NoticeEdit{ID: shown.ID, Before: &cur, After: &out})
	})
	return out, err
}

// NoticeReplaces reports whether giving notice n the motive code ("": none)
// would replace a motive already given.
func NoticeReplaces(n Notice, code string) bool {
	return n.Justification != nil && n.Justification.Motive != code
}

// sameNotice reports whether a notice is still as it was shown: same pupil,
// span, motive and author. Its free text is left out: a screen shows it
// escaped, and a change of it alone is no reason to refuse.
func sameNotice(cur, shown Notice) bool {
	return cur.Pupil == shown.Pupil && cur.From.Equal(shown.From) && cur.To.Equal(shown.To) &&
		sameJustification(cur.Justification, shown.Justification) && cur.By == shown.By && cur.At.Equal(shown.At)
}

// changedNoticeBy names who last changed a notice: who gave its motive, else who announced it.
func changedNoticeBy(n Notice) string {
	if j := n.Justification; j != nil && j.At.After(n.At) {
		return j.By
	}
	return n.By
}

// CancelNotice withdraws an announced absence, as the screen showed it
// (undoable; the audit keeps it). When someone changed it since, nothing is
// withdrawn (a conflict that names who).
func (s *Service) CancelNotice(shown Notice) error {
	if _, _, err := s.noticeSession(""); err != nil {
		return err
	}
	_, err := s.act("absence annoncée annulée", func(tx Tx, a *Action) error {
		cur, ok, err := tx.Notice(shown.ID)
		if err != nil || !ok {
			return firstErr(err, NotFound("absence annoncée %s introuvable", shown.ID))
		}
		if !sameNotice(cur, shown) {
			return Conflict("absence annoncée modifiée entre-temps par %s : rien n'a été retiré, voyez l'écran à jour", changedNoticeBy(cur))
		}
		return putNoticeEdit(tx, a, NoticeEdit{ID: shown.ID, Before: &cur})
	})
	return err
}
