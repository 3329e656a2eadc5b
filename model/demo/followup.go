package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"appel/model"
)

// reports records that the CPE reported to the DASEN the first pupil (in
// registre order) with four or more non valable half-days in a month that
// has ended, a few school days into the next month.
func (h *hist) reports() {
	counts := h.nonValidHalfDays()
	thisMonth := h.today.MonthKey()
	for _, p := range h.d.Pupils {
		byMonth := counts[p.ID]
		months := make([]string, 0, len(byMonth))
		for m := range byMonth {
			months = append(months, m)
		}
		slices.Sort(months)
		for _, m := range months {
			if m >= thisMonth || byMonth[m] < 4 {
				continue
			}
			if at, ok := h.reportTime(m); ok {
				h.d.Reports = append(h.d.Reports, model.Report{Pupil: p.ID, Month: m, By: "cpe", At: at,
					Note: "Signalement à la DASEN (art. L131-8) après la commission éducative"})
				return
			}
		}
	}
}

// reportTime is 11:00 on the third school day of the month after month, if
// that moment has passed.
func (h *hist) reportTime(month string) (time.Time, bool) {
	i := slices.IndexFunc(h.days, func(x model.Date) bool { return x.MonthKey() > month })
	if i < 0 || i+2 >= len(h.days) {
		return time.Time{}, false
	}
	at := h.at(h.days[i+2], 11*60)
	return at, at.Before(h.now)
}

// nonValidHalfDays counts, per pupil and month, the half-days with at least
// one absence without a valid motive (the mark's own, or the announced
// absence's that covers it).
func (h *hist) nonValidHalfDays() map[model.PupilID]map[string]int {
	seances := map[model.SeanceID]model.Seance{}
	for _, day := range h.days[:h.cut] {
		for _, s := range h.byDay[day] {
			seances[s.ID] = s
		}
	}
	notices := map[model.PupilID][]model.Notice{}
	for _, n := range h.d.Notices {
		notices[n.Pupil] = append(notices[n.Pupil], n)
	}
	type halfDay struct {
		pupil model.PupilID
		day   model.Date
		half  model.HalfDay
	}
	seen := map[halfDay]bool{}
	out := map[model.PupilID]map[string]int{}
	for i := range h.d.Marks {
		m := &h.d.Marks[i]
		s := seances[m.Seance]
		if m.Kind != model.KindAbsent || model.Resolve(s, m.Pupil, m, notices[m.Pupil], h.loc).Valid() {
			continue
		}
		k := halfDay{m.Pupil, s.Date, s.HalfDay}
		if seen[k] {
			continue
		}
		seen[k] = true
		if out[m.Pupil] == nil {
			out[m.Pupil] = map[string]int{}
		}
		out[m.Pupil][s.Date.MonthKey()]++
	}
	return out
}

// announcedToday records one or two absences that families announced the
// previous evening, covering today and the next days, for pupils whom prof
// does not teach (prof's roll call at the clock's time stays untouched).
func (h *hist) announcedToday() {
	if !h.today.Within(h.d.School.YearStart, h.d.School.YearEnd) {
		return
	}
	eligible := h.notProfs()
	if len(eligible) < 2 {
		return
	}
	r := rand.New(rand.NewPCG(seed, streamFollowUp+1))
	first := r.IntN(len(eligible))
	second := (first + 1 + r.IntN(len(eligible)-1)) % len(eligible)
	at := h.at(previousWeekday(h.today), 17*60+30)
	end := model.DefaultSlots()[len(model.DefaultSlots())-1].End
	specs := []struct {
		pupil  model.Pupil
		days   int
		motive string
		note   string
	}{
		{eligible[first], 2, "maladie", "Gastro-entérite, certificat médical à venir"},
		{eligible[second], 1, "famille", "Obsèques d'un grand-parent"},
	}
	for _, sp := range specs {
		h.d.Notices = append(h.d.Notices, model.Notice{
			ID: fmt.Sprintf("AA-%s-%s", h.today.Compact(), sp.pupil.ID), Pupil: sp.pupil.ID,
			From: h.at(h.today, 8*60), To: h.at(h.today.AddDays(sp.days), end),
			Justification: h.motives[sp.motive].Justify("aed", at), Note: sp.note, By: "aed", At: at,
		})
	}
}

// notProfs returns the pupils enrolled today who attend none of prof's courses.
func (h *hist) notProfs() []model.Pupil {
	taught := map[string]bool{}
	for _, c := range h.d.Courses {
		if c.Teaches(ProfLogin) {
			taught[c.Target.Code] = true
		}
	}
	var out []model.Pupil
	for _, p := range h.d.Pupils {
		if !p.EnrolledOn(h.today) || taught[p.Division] || slices.ContainsFunc(p.Groups, func(g string) bool { return taught[g] }) {
			continue
		}
		out = append(out, p)
	}
	return out
}
