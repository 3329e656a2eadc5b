package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"appel/model"
)

// pupilEvents draws every pupil's year and records what happened before
// today: absences first, then the other marks, the school trips, and
// lateness last (a pupil already marked in a séance keeps that mark).
func (h *hist) pupilEvents() {
	plans := make([][]event, len(h.d.Pupils))
	for i := range h.d.Pupils {
		plans[i] = planPupil(rand.New(rand.NewPCG(seed, streamPupils+uint64(i))), len(h.days))
	}
	passes := []func(event) bool{
		func(e event) bool { return e.kind == model.KindAbsent },
		func(e event) bool { return e.kind != model.KindAbsent && e.kind != model.KindLate },
	}
	for _, keep := range passes {
		for i, p := range h.d.Pupils {
			for _, e := range plans[i] {
				if keep(e) {
					h.apply(p, e)
				}
			}
		}
	}
	h.outings()
	for i, p := range h.d.Pupils {
		for _, e := range plans[i] {
			if e.kind == model.KindLate {
				h.apply(p, e)
			}
		}
	}
}

// apply records the part of event e that happened before today.
func (h *hist) apply(p model.Pupil, e event) {
	if e.first >= h.cut {
		return
	}
	var notice *model.Notice
	if e.notice {
		notice = h.notice(p, e)
	}
	just := h.justification(e)
	for di := e.first; di <= e.last && di < h.cut; di++ {
		for _, s := range h.targets(p, e, h.days[di]) {
			if notice != nil && (di > e.first || s.Start >= e.noticeClock) {
				continue
			}
			h.addMark(h.markFor(p, e, s, just))
		}
	}
	if e.call {
		h.call(p, e)
	}
}

// targets returns the séances of day that event e concerns.
func (h *hist) targets(p model.Pupil, e event, day model.Date) []model.Seance {
	var out []model.Seance
	for _, s := range h.pupilSeances(p, day) {
		if (e.half < 0 || int(s.HalfDay) == e.half) && (!e.epsOnly || s.Subject == subjects["EPS"]) {
			out = append(out, s)
		}
	}
	switch {
	case len(out) == 0:
		return nil
	case e.firstOnly:
		return out[:1]
	case e.pick >= 0:
		i := int(e.pick * float64(len(out)))
		return out[i : i+1]
	}
	return out
}

// markFor is the mark the séance's teacher entered for event e: at the roll
// call, or at arrival for a late pupil, or during the séance.
func (h *hist) markFor(p model.Pupil, e event, s model.Seance, just *model.Justification) model.Mark {
	m := model.Mark{Seance: s.ID, Pupil: p.ID, Kind: e.kind, By: s.Teachers[0]}
	offset := 1 + int(hashUnit(string(s.ID), string(p.ID))*5)
	switch e.kind {
	case model.KindLate:
		m.Minutes, offset = e.minutes, e.minutes
		if e.motive != "" {
			just = h.motives[e.motive].Justify(e.jBy, h.at(s.Date, s.Start+model.Clock(e.minutes)))
		}
	case model.KindInfirmary, model.KindExcluded:
		offset = 10 + int(hashUnit(string(s.ID), string(p.ID))*35)
	}
	m.At = h.at(s.Date, s.Start+model.Clock(offset))
	if just != nil {
		copied := *just
		m.Justification = &copied
	}
	return m
}

// justification is the motive given for e, a few school days after its last
// day, if that moment has come; nil otherwise (or without a motive).
func (h *hist) justification(e event) *model.Justification {
	if e.motive == "" || e.notice || e.kind == model.KindLate {
		return nil
	}
	di := min(len(h.days)-1, e.last+e.jDelay)
	clock := e.jClock
	if e.jDelay == 0 {
		clock = 17*60 + e.jClock%30 // the same day, after the last séance
	}
	at := h.at(h.days[di], clock)
	if !at.Before(h.now) {
		return nil
	}
	return h.motives[e.motive].Justify(e.jBy, at)
}

// notice records an absence announced by the family on the first morning,
// up to the end of the last day (and never beyond today's start).
func (h *hist) notice(p model.Pupil, e event) *model.Notice {
	first := h.days[e.first]
	at := h.at(first, e.noticeClock)
	to := h.at(h.days[e.last], model.DefaultSlots()[len(model.DefaultSlots())-1].End)
	if midnight := h.at(h.today, 0); to.After(midnight) {
		to = midnight
	}
	n := model.Notice{
		ID: fmt.Sprintf("AA-%s-%s", first.Compact(), p.ID), Pupil: p.ID,
		From: h.at(first, 8*60), To: to, Justification: h.motives["maladie"].Justify("aed", at),
		Note: "Appel de la famille", By: "aed", At: at,
	}
	h.d.Notices = append(h.d.Notices, n)
	return &n
}

// call logs the vie scolaire's call to the family on the event's first day.
func (h *hist) call(p model.Pupil, e event) {
	day := h.days[e.first]
	c := model.FamilyCall{
		ID: fmt.Sprintf("T-%s-%s", day.Compact(), p.ID), Pupil: p.ID, At: h.at(day, e.callClock),
		By: e.callBy, Outcome: outcomes[e.outcome],
	}
	if gs := h.st.guardiansOf[p.ID]; len(gs) > 0 {
		c.Person = personLabel(h.st.guardians[gs[0]])
	}
	if c.At.Before(h.now) {
		h.d.Calls = append(h.d.Calls, c)
	}
}

// outings takes three divisions out for a day during the year (a museum, a
// theatre): every pupil present that day is marked "sortie" in each séance.
func (h *hist) outings() {
	r := rand.New(rand.NewPCG(seed, streamFollowUp))
	for range 3 {
		div := h.d.Divisions[r.IntN(len(h.d.Divisions))].Code
		di := r.IntN(len(h.days))
		if di >= h.cut {
			continue
		}
		for _, p := range h.d.Pupils {
			if p.Division != div {
				continue
			}
			for _, s := range h.pupilSeances(p, h.days[di]) {
				h.addMark(model.Mark{Seance: s.ID, Pupil: p.ID, Kind: model.KindOuting, By: s.Teachers[0],
					At: h.at(s.Date, s.Start+2)})
			}
		}
	}
}

// previousWeekday returns the last weekday (Monday to Friday) before day.
func previousWeekday(day model.Date) model.Date {
	for {
		day = day.AddDays(-1)
		if w := day.Weekday(); w != time.Saturday && w != time.Sunday {
			return day
		}
	}
}
