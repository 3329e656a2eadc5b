package model

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Kinds of notice to a family.
const (
	// FamilyAvis is the avis d'absence, sent the same day.
	FamilyAvis = "avis"
	// FamilyRelance asks again for a motive, days later.
	FamilyRelance = "relance"
	// FamilyLateness is the avis de retard, when the school wants them.
	FamilyLateness = "retard"
	// FamilyPunishment and FamilySanction tell a family of a punishment or
	// a sanction (discipline_notices.go).
	FamilyPunishment = "punition"
	FamilySanction   = "sanction"
)

// Channels of a notice.
const (
	ChannelMail   = "mél"
	ChannelLetter = "courrier"
	ChannelNone   = "aucun"
)

// States of a notice to a family.
const (
	StatusQueued      = "en attente"
	StatusSending     = "envoi en cours"
	StatusSent        = "envoyé"
	StatusRetry       = "à réessayer"
	StatusFailed      = "en échec"
	StatusHeld        = "retenu"
	StatusToPrint     = "à imprimer"
	StatusUnreachable = "injoignable"
	StatusCancelled   = "annulé"
)

// FamilyNotice is one notice to one household about one half-day: the outbox
// entry while it waits, then the record of what was sent, when, and how it went.
type FamilyNotice struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Channel string  `json:"channel"`
	Date    Date    `json:"date"`
	Half    HalfDay `json:"half"`
	// Household is the household's ID; Guardians their identifiers, Names
	// their names and To their e-mail addresses as they were when due.
	Household string     `json:"household"`
	Guardians []string   `json:"guardians"`
	Names     string     `json:"names"`
	To        []string   `json:"to,omitempty"`
	Pupils    []PupilID  `json:"pupils"`
	Seances   []SeanceID `json:"seances"`
	Status    string     `json:"status"`
	Due       time.Time  `json:"due"`
	// Attempts counts the sendings begun; NextTry is when the next may
	// start; ClaimedAt is when the last began.
	Attempts  int       `json:"attempts,omitempty"`
	ClaimedAt time.Time `json:"claimed_at,omitzero"`
	NextTry   time.Time `json:"next_try,omitzero"`
	// Reply is the relay's last answer (or why it could not be reached).
	Reply     string    `json:"reply,omitempty"`
	MessageID string    `json:"message_id,omitempty"`
	SentAt    time.Time `json:"sent_at,omitzero"`
	// Resent: a sending cut (crash) was begun again with the same Message-ID.
	Resent bool   `json:"resent,omitempty"`
	By     string `json:"by,omitempty"`
	// Record is the punishment or sanction a discipline notice tells of;
	// Measure and Facts what it said of it when it was queued.
	Record  string `json:"record,omitempty"`
	Measure string `json:"measure,omitempty"`
	Facts   string `json:"facts,omitempty"`
}

// Label describes the notice in one line for lists.
func (n FamilyNotice) Label() string {
	kind := "avis d'absence"
	switch n.Kind {
	case FamilyRelance:
		kind = "relance"
	case FamilyLateness:
		kind = "avis de retard"
	case TemplateLetter, TemplateMeeting, TemplateCommission, TemplateDASEN:
		return TemplateLabel(n.Kind) + " jusqu'au " + n.Date.French()
	case FamilyPunishment, FamilySanction:
		return fmt.Sprintf("%s du %s : %s", n.Kind, n.Date.French(), n.Measure)
	}
	return fmt.Sprintf("%s du %s %s", kind, n.Date.French(), n.Half)
}

// Pending reports whether the sender still has to try it.
func (n FamilyNotice) Pending() bool {
	return n.Status == StatusQueued || n.Status == StatusRetry || n.Status == StatusSending
}

// absenceKey is a pupil's half-day.
type absenceKey struct {
	pupil PupilID
	date  Date
	half  HalfDay
}

// unexcused gathers, by pupil and half-day, the séances of the marks in
// [from, to] in which the pupil is absent at now, the family having neither
// announced it nor given a motive, and marked before cutoff.
// With pupils set, only their marks are read.
func unexcused(tx ReadTx, dir *Directory, from, to Date, now, cutoff time.Time, pupils []PupilID) (map[absenceKey][]SeanceID, error) {
	return unexcusedOf(tx, dir, KindAbsent, from, to, now, cutoff, pupils)
}

// unexcusedOf is unexcused for the marks of a kind: absences, or
// latenesses (late in a séance begun, without motive).
func unexcusedOf(tx ReadTx, dir *Directory, kind MarkKind, from, to Date, now, cutoff time.Time, pupils []PupilID) (map[absenceKey][]SeanceID, error) {
	marks, err := marksOf(tx, from, to, pupils)
	if err != nil {
		return nil, err
	}
	loc := dir.Location()
	out := map[absenceKey][]SeanceID{}
	notices := map[PupilID][]Notice{}
	for i := range marks {
		m := &marks[i]
		if m.Kind != kind || m.Justification != nil || m.At.After(cutoff) {
			continue
		}
		se, ok := dir.Seance(m.Seance)
		if !ok {
			continue
		}
		ns, seen := notices[m.Pupil]
		if !seen {
			if ns, err = tx.NoticesOfPupil(m.Pupil); err != nil {
				return nil, err
			}
			notices[m.Pupil] = ns
		}
		if !owed(Resolve(se, m.Pupil, m, ns, loc).At(now, loc), kind) {
			continue
		}
		k := absenceKey{m.Pupil, se.Date, se.HalfDay}
		out[k] = append(out[k], se.ID)
	}
	return out, nil
}

// owed reports whether an attendance still calls for a notice of a kind
// of mark: an absence or a lateness in a séance begun, without motive, not
// announced by the family.
func owed(a Attendance, kind MarkKind) bool {
	if a.Kind != kind || a.Upcoming || a.Seance.Cancelled || a.Justified() {
		return false
	}
	return kind == KindLate || a.Notice == nil
}

// marksOf reads the marks from from to to: every pupil's, or those of pupils.
func marksOf(tx ReadTx, from, to Date, pupils []PupilID) ([]Mark, error) {
	if pupils == nil {
		return tx.MarksBetween(from, to)
	}
	var out []Mark
	for _, p := range pupils {
		ms, err := tx.MarksOfPupil(p, from, to)
		if err != nil {
			return nil, err
		}
		out = append(out, ms...)
	}
	return out, nil
}

// FamilyNoticeID names the notice of a kind to a household for a half-day:
// there is at most one.
func FamilyNoticeID(kind string, d Date, h HalfDay, household string) string {
	half := "M"
	if h == Afternoon {
		half = "S"
	}
	return fmt.Sprintf("%s-%s-%s-%s", d.Compact(), half, kind, household)
}

// NoticePlan is what a planning pass found due.
type NoticePlan struct {
	// New are the notices it queued (or would queue, dry run); Grown those
	// still queued to which a sibling's séances were added.
	New   []FamilyNotice
	Grown []FamilyNotice
}

// PlanFamilyNotices decides, at the clock, which notices are due and writes
// them to the outbox in the transactions that read what made them due: an
// avis d'absence once notices.delay minutes have passed since the mark, a
// relance once notices.relance days have passed without a motive. A
// household gets one notice of each kind per half-day. dryRun only says what
// it would queue. The pupils concerned are decided on in groups of
// planChunk, each group in its own transaction that reads their marks again,
// so that a morning when thousands fall due never holds the writer long.
func (s *Service) PlanFamilyNotices(dryRun bool) (NoticePlan, error) {
	dir, pol, err := s.Session()
	if err != nil {
		return NoticePlan{}, err
	}
	if err := pol.Require(PermFamilies); err != nil {
		return NoticePlan{}, err
	}
	now := s.now().In(dir.Location())
	var plan NoticePlan
	var pupils []PupilID
	err = s.store.View(func(tx ReadTx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		if dryRun {
			return plan.decide(readOnlyTx{tx}, dir, NewSettingValues(set), now, s.actor.Login, nil)
		}
		pupils, err = duePupils(tx, dir, NewSettingValues(set), now)
		return err
	})
	for start := 0; err == nil && start < len(pupils); start += planChunk {
		chunk := pupils[start:min(start+planChunk, len(pupils))]
		var part NoticePlan
		_, err = s.update("avis aux familles dus", func(tx Tx) error {
			part = NoticePlan{}
			set, err := tx.Settings()
			if err != nil {
				return err
			}
			return part.decide(tx, dir, NewSettingValues(set), now, s.actor.Login, chunk)
		})
		plan.New, plan.Grown = append(plan.New, part.New...), append(plan.Grown, part.Grown...)
	}
	return plan, err
}

// planChunk bounds the pupils decided on in one transaction.
const planChunk = 100

// duePupils returns, sorted, the pupils with an absence that makes a notice
// due at now (before checking whether it was already sent).
func duePupils(tx ReadTx, dir *Directory, set SettingValues, now time.Time) ([]PupilID, error) {
	seen := map[PupilID]bool{}
	err := eachDue(tx, dir, set, now, nil, func(_ string, due map[absenceKey][]SeanceID) error {
		for k := range due {
			seen[k.pupil] = true
		}
		return nil
	})
	out := slices.Sorted(maps.Keys(seen))
	return out, err
}

// readOnlyTx lets a dry run share the planning code: it never writes.
type readOnlyTx struct{ ReadTx }

func (readOnlyTx) PutFamilyNotice(FamilyNotice) error { return nil }

// noticeWriter is the part of Tx the planning writes through.
type noticeWriter interface {
	ReadTx
	PutFamilyNotice(FamilyNotice) error
}

// decide queues the notices due at now for pupils (nil: every pupil).
func (p *NoticePlan) decide(tx noticeWriter, dir *Directory, set SettingValues, now time.Time, by string, pupils []PupilID) error {
	return eachDue(tx, dir, set, now, pupils, func(kind string, due map[absenceKey][]SeanceID) error {
		return p.queue(tx, kind, due, now, by)
	})
}

// eachDue gives fn, kind by kind, the absences that make a notice due at
// now, of pupils (nil: every pupil); nothing while notices are off.
func eachDue(tx ReadTx, dir *Directory, set SettingValues, now time.Time, pupils []PupilID, fn func(kind string, due map[absenceKey][]SeanceID) error) error {
	if !set.Bool(SettingNoticesOn) {
		return nil
	}
	today := DateOf(now)
	delay := time.Duration(set.Int(SettingNoticesDelay)) * time.Minute
	due, err := unexcused(tx, dir, today, today, now, now.Add(-delay), pupils)
	if err == nil {
		err = fn(FamilyAvis, due)
	}
	if err == nil && set.Bool(SettingLatenessOn) {
		var late map[absenceKey][]SeanceID
		if late, err = unexcusedOf(tx, dir, KindLate, today, today, now, now.Add(-delay), pupils); err == nil {
			err = fn(FamilyLateness, late)
		}
	}
	if days := set.Int(SettingRelanceDays); err == nil && days > 0 {
		last := today.AddDays(-days)
		var old map[absenceKey][]SeanceID
		if old, err = unexcused(tx, dir, last.AddDays(-relanceWindow), last, now, now, pupils); err == nil {
			err = fn(FamilyRelance, old)
		}
	}
	return err
}

// relanceWindow bounds, in days, how far back a relance is still sent.
const relanceWindow = 14

// queue writes, for each household of each pupil's half-day, its notice
// unless it exists; a queued one takes a sibling's séances.
func (p *NoticePlan) queue(tx noticeWriter, kind string, due map[absenceKey][]SeanceID, now time.Time, by string) error {
	keys := make([]absenceKey, 0, len(due))
	for k := range due {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b absenceKey) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.half, b.half), strings.Compare(string(a.pupil), string(b.pupil)))
	})
	made := map[string]int{}
	for _, k := range keys {
		guardians, err := tx.Guardians(k.pupil)
		if err != nil {
			return err
		}
		households := HouseholdsOf(k.pupil, guardians)
		if len(households) == 0 {
			households = []Household{{ID: "sans-responsable-" + string(k.pupil)}}
		}
		for _, h := range households {
			id := FamilyNoticeID(kind, k.date, k.half, h.ID)
			if i, ok := made[id]; ok {
				p.New[i].add(k.pupil, due[k])
				continue
			}
			cur, exists, err := tx.FamilyNotice(id)
			if err != nil {
				return err
			}
			if exists {
				if cur.Status == StatusQueued && cur.add(k.pupil, due[k]) {
					p.Grown = append(p.Grown, cur)
				}
				continue
			}
			made[id] = len(p.New)
			p.New = append(p.New, newFamilyNotice(id, kind, k, h, due[k], now, by))
		}
	}
	for _, n := range slices.Concat(p.New, p.Grown) {
		if err := tx.PutFamilyNotice(n); err != nil {
			return err
		}
	}
	return nil
}

func newFamilyNotice(id, kind string, k absenceKey, h Household, seances []SeanceID, now time.Time, by string) FamilyNotice {
	n := FamilyNotice{ID: id, Kind: kind, Date: k.date, Half: k.half, Household: h.ID, Names: h.Names(),
		To: h.Emails(), Pupils: []PupilID{k.pupil}, Seances: slices.Clone(seances), Due: now, By: by}
	for _, g := range h.Guardians {
		n.Guardians = append(n.Guardians, g.ID)
	}
	switch {
	case len(n.To) > 0:
		n.Channel, n.Status = ChannelMail, StatusQueued
	case h.HasAddress():
		n.Channel, n.Status = ChannelLetter, StatusToPrint
	default:
		n.Channel, n.Status = ChannelNone, StatusUnreachable
	}
	return n
}

// add puts a pupil's séances in the notice; it reports whether anything was new.
func (n *FamilyNotice) add(p PupilID, seances []SeanceID) bool {
	grown := false
	if !slices.Contains(n.Pupils, p) {
		n.Pupils, grown = append(n.Pupils, p), true
	}
	for _, se := range seances {
		if !slices.Contains(n.Seances, se) {
			n.Seances, grown = append(n.Seances, se), true
		}
	}
	slices.Sort(n.Seances)
	return grown
}
