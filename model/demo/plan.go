package demo

import (
	"math/rand/v2"

	"appel/model"
)

// event is something that happens to a pupil on one or more school days,
// drawn for the whole year before the clock decides what has happened yet.
type event struct {
	kind        model.MarkKind
	first, last int     // indexes of the school days covered
	half        int     // -1 the whole day, else the half-day (model.Morning, model.Afternoon)
	pick        float64 // when >= 0, one séance only: the pick-th fraction of the candidates
	firstOnly   bool    // the first séance of the half-day only (lateness)
	epsOnly     bool    // the EPS séances only (a dispense)
	minutes     int
	motive      string // the motive the family gives later, "" for none
	jDelay      int    // school days between the last day and the justification
	jClock      model.Clock
	jBy         string
	notice      bool // the family announced it on the first morning
	noticeClock model.Clock
	call        bool // the vie scolaire calls the family on the first day
	callBy      string
	callClock   model.Clock
	outcome     int
}

// profile is a pupil's daily (or half-daily) probabilities.
type profile struct {
	illness, halfDay, skip, chronic, late, infirmary, exclusion float64
}

// drawProfile gives most pupils a low absence rate, some a higher one, and a
// handful (about 1.5 %) the habits of chronic absentees.
func drawProfile(r *rand.Rand) profile {
	base := profile{infirmary: 0.003, exclusion: 0.0002}
	switch u := r.Float64(); {
	case u < 0.015:
		base.illness, base.halfDay, base.skip, base.chronic, base.late, base.exclusion = 0.01, 0.01, 0.02, 0.2, 0.06, 0.004
	case u < 0.07:
		base.illness, base.halfDay, base.skip, base.late, base.exclusion = 0.012, 0.012, 0.01, 0.03, 0.003
	case u < 0.45:
		base.illness, base.halfDay, base.skip, base.late = 0.006, 0.005, 0.004, 0.01
	default:
		base.illness, base.halfDay, base.late = 0.003, 0.002, 0.004
	}
	return base
}

// planPupil draws a pupil's events over the nDays school days of the year.
func planPupil(r *rand.Rand, nDays int) []event {
	pr := drawProfile(r)
	var out []event
	if r.Float64() < 0.02 {
		first := r.IntN(nDays)
		out = append(out, event{kind: model.KindExempt, first: first, last: min(nDays-1, first+8+r.IntN(12)),
			half: -1, pick: -1, epsOnly: true})
	}
	for di := 0; di < nDays; di++ {
		if r.Float64() < pr.illness {
			e := illness(r, di, nDays)
			out = append(out, e)
			di = e.last
			continue
		}
		out = append(out, dayEvents(r, pr, di)...)
	}
	return out
}

// dayEvents draws the events of one ordinary day.
func dayEvents(r *rand.Rand, pr profile, di int) []event {
	var out []event
	for half := range 2 {
		if r.Float64() < pr.chronic {
			out = append(out, absence(r, di, half, -1, chronicMotives, 0.2))
		}
	}
	if r.Float64() < pr.halfDay {
		half := r.IntN(2)
		table := halfDayMotives
		if half == int(model.Afternoon) {
			table = afternoonMotives
		}
		out = append(out, absence(r, di, half, -1, table, 0.3))
	}
	if r.Float64() < pr.skip {
		out = append(out, absence(r, di, -1, r.Float64(), skipMotives, 0.1))
	}
	if r.Float64() < pr.late {
		out = append(out, lateness(r, di))
	}
	if r.Float64() < pr.infirmary {
		out = append(out, event{kind: model.KindInfirmary, first: di, last: di, half: -1, pick: r.Float64()})
	}
	if r.Float64() < pr.exclusion {
		out = append(out, event{kind: model.KindExcluded, first: di, last: di, half: -1, pick: r.Float64()})
	}
	return out
}

// illness is one to five days of illness, often justified, sometimes
// announced by the family on the first morning.
func illness(r *rand.Rand, di, nDays int) event {
	length := []int{1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5}[r.IntN(12)]
	e := absence(r, di, -1, -1, illnessMotives, 0.3)
	e.last = min(nDays-1, di+length-1)
	if e.motive == "maladie" && r.IntN(4) == 0 {
		e.notice, e.noticeClock = true, model.Clock(8*60+5+r.IntN(40))
	}
	return e
}

// absence is an absence on day di (a half-day, or one séance when pick >=
// 0) with a motive from table and a chance of a call to the family when no
// motive comes.
func absence(r *rand.Rand, di, half int, pick float64, table []weighted, callRate float64) event {
	e := event{kind: model.KindAbsent, first: di, last: di, half: half, pick: pick, motive: draw(r, table)}
	e.jDelay = []int{0, 1, 1, 1, 1, 1, 2, 2, 2, 3}[r.IntN(10)]
	e.jClock = model.Clock(8*60 + 30 + r.IntN(8*60))
	e.jBy = []string{"aed", "aed", "aed", "aed", "cpe", "cpe", "cpe2"}[r.IntN(7)]
	if e.motive == "" && r.Float64() < callRate {
		e.call, e.callClock, e.outcome = true, model.Clock(9*60+r.IntN(3*60)), r.IntN(len(outcomes))
		e.callBy = []string{"aed", "aed", "cpe"}[r.IntN(3)]
	}
	return e
}

// lateness is a late arrival at the first séance of a half-day, mostly the
// morning, by a few minutes (rarely more than a quarter of an hour).
func lateness(r *rand.Rand, di int) event {
	half := int(model.Morning)
	if r.IntN(6) == 0 {
		half = int(model.Afternoon)
	}
	e := event{kind: model.KindLate, first: di, last: di, half: half, pick: -1, firstOnly: true,
		minutes: min(40, 1+int(r.ExpFloat64()*6))}
	if r.IntN(7) == 0 {
		e.motive, e.jBy = []string{"transport", "transport", "reveil"}[r.IntN(3)], "aed"
	}
	return e
}

// weighted is a motive code ("" for none) with its weight.
type weighted struct {
	code string
	w    int
}

var (
	illnessMotives   = []weighted{{"maladie", 72}, {"rdv-medical", 8}, {"famille", 4}, {"", 16}}
	halfDayMotives   = []weighted{{"rdv-medical", 40}, {"convocation", 5}, {"famille", 8}, {"transport", 7}, {"reveil", 10}, {"convenance", 12}, {"", 18}}
	afternoonMotives = []weighted{{"rdv-medical", 45}, {"convocation", 5}, {"famille", 8}, {"transport", 7}, {"convenance", 17}, {"", 18}}
	skipMotives      = []weighted{{"", 65}, {"non-recevable", 10}, {"convenance", 15}, {"reveil", 10}}
	chronicMotives   = []weighted{{"", 55}, {"convenance", 15}, {"non-recevable", 10}, {"reveil", 10}, {"maladie", 10}}
)

func draw(r *rand.Rand, table []weighted) string {
	total := 0
	for _, x := range table {
		total += x.w
	}
	n := r.IntN(total)
	for _, x := range table {
		if n < x.w {
			return x.code
		}
		n -= x.w
	}
	return ""
}

// outcomes are the results of calls to families.
var outcomes = []string{
	"Message laissé sur le répondeur",
	"Responsable joint : l'élève est malade, justificatif à venir",
	"Responsable joint : ignorait l'absence, va en parler avec l'élève",
	"Pas de réponse",
	"Numéro erroné : demande de mise à jour des coordonnées",
	"Rendez-vous fixé avec la CPE",
}
