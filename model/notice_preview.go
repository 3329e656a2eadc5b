package model

import "time"

// NoticePreview is what announcing an absence (or changing one) would do
// now, computed without writing anything: an announced absence is a promise
// about séances to come, and counts only for those that have begun.
type NoticePreview struct {
	// Seances counts the pupil's séances (not cancelled) that the span
	// covers; Begun those begun at the clock, the only ones that count now
	// (the others will count as they begin).
	Seances, Begun int
	// Own counts the covered séances begun whose mark has a motive of its
	// own: the announced absence's motive does not replace it.
	Own int
	// Before is the pupil's figures over the span's days now; Valid,
	// Invalid and NoMotive the same with the announced absence given a
	// valable motive, a non valable one, or none (Valid and Invalid are nil
	// when no motive of that kind is offered).
	Before                   Figures
	Valid, Invalid, NoMotive *Figures
}

// PreviewNotice says what an announced absence of pupil from from to to
// would do now; replacing names the announced absence it would replace ("":
// a new one).
func (s *Service) PreviewNotice(pupil PupilID, from, to time.Time, replacing string) (NoticePreview, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return NoticePreview{}, err
	}
	if err := pol.Require(PermJustify); err != nil {
		return NoticePreview{}, err
	}
	p, ok := dir.Pupil(pupil)
	if !ok {
		return NoticePreview{}, NotFound("élève %s introuvable", pupil)
	}
	if !to.After(from) {
		return NoticePreview{}, invalid("absence annoncée : la fin doit suivre le début")
	}
	loc, now := dir.Location(), s.now()
	first, last := DateOf(from.In(loc)), DateOf(to.Add(-time.Nanosecond).In(loc))
	var in Recorded
	err = s.store.View(func(tx ReadTx) error {
		var err error
		in, err = readRecorded(tx, dir, []Pupil{p}, first, last)
		return err
	})
	if err != nil {
		return NoticePreview{}, err
	}
	count := func(notices []Notice) *Figures {
		f := FiguresAt(dir, []Pupil{p}, first, last, now, in.Marks, notices)[0].Figures()
		return &f
	}
	pv := NoticePreview{Before: *count(in.Notices)}
	pv.covered(dir, p, from, to, now, in.Marks)
	base := Notice{ID: replacing, Pupil: pupil, From: from, To: to}
	if base.ID == "" {
		base.ID = "aperçu"
	}
	others := make([]Notice, 0, len(in.Notices)+1)
	for _, n := range in.Notices {
		if n.ID != replacing {
			others = append(others, n)
		}
	}
	pv.NoMotive = count(append(others, base))
	for _, m := range dir.Motives {
		target := &pv.Invalid
		if m.Valid {
			target = &pv.Valid
		}
		if m.Retired || *target != nil {
			continue
		}
		n := base
		n.Justification = m.Justify(s.actor.Login, now)
		*target = count(append(others, n))
	}
	return pv, nil
}

// covered counts the séances that [from, to) covers, those begun by now and
// those of them whose mark has its own motive.
func (pv *NoticePreview) covered(dir *Directory, p Pupil, from, to, now time.Time, marks []Mark) {
	loc := dir.Location()
	own := make(map[SeanceID]bool, len(marks))
	for _, m := range marks {
		own[m.Seance] = m.Justification != nil
	}
	n := Notice{From: from, To: to}
	for _, se := range dir.PupilSeances(p, DateOf(from.In(loc)), DateOf(to.In(loc))) {
		if se.Cancelled || !n.Covers(se, loc) {
			continue
		}
		pv.Seances++
		if se.Begun(now, loc) {
			pv.Begun++
			if own[se.ID] {
				pv.Own++
			}
		}
	}
}
