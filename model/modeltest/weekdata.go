package modeltest

import "appel/model"

// WeekA is the Monday of GridSchool's reference week of marks (week A);
// WeekB the Monday of the week before (week B, with the Armistice).
var (
	WeekA = model.NewDate(2026, 11, 16)
	WeekB = model.NewDate(2026, 11, 9)
)

// GridNow is the clock of the grid's fixtures: Thursday of WeekA, 10:30.
var GridNow = At(WeekA.AddDays(3), 10, 30)

// WithGridWeek adds to a GridSchool dataset (of at least 8 pupils) the
// attendance of WeekA up to GridNow, and one absence in WeekB:
//   - E001 absent Monday 08:00 (no motive); in WeekB absent Monday 13:30 (Technologie).
//   - E002 absent Monday 08:00 and 08:55, Maladie (valable).
//   - E003 absent Tuesday 08:55, Panne de réveil (non valable).
//   - E004 late 12 minutes Monday 08:00.
//   - E005 announced absent (Maladie) all Thursday.
//   - E006 at the infirmary Tuesday 10:05.
//   - E007 announced absent Wednesday, yet marked present at 08:00 (a discordance).
//   - E008 excluded Monday 11:00.
//
// Tuesday's Musique is cancelled; every roll call up to Wednesday is done
// except Wednesday 08:55's.
func WithGridWeek(d model.Dataset) model.Dataset {
	mon, tue, wed, thu := WeekA, WeekA.AddDays(1), WeekA.AddDays(2), WeekA.AddDays(3)
	motive := func(code string) *model.Justification {
		for _, m := range d.Motives {
			if m.Code == code {
				return m.Justify("cpe", At(mon, 17, 0))
			}
		}
		panic("modeltest: no motive " + code)
	}
	mark := func(id model.SeanceID, p string, kind model.MarkKind, j *model.Justification) model.Mark {
		day, _ := id.Date()
		m := model.Mark{Seance: id, Pupil: model.PupilID(p), Kind: kind, Justification: j, By: "prof", At: At(day, 8, 5)}
		if kind == model.KindLate {
			m.Minutes = 12
		}
		return m
	}
	d.Marks = append(d.Marks,
		mark(MathsSeance(mon), "E001", model.KindAbsent, nil),
		mark(MathsSeance(mon), "E002", model.KindAbsent, motive("maladie")),
		mark(WeekSeance(mon, "fr-1"), "E002", model.KindAbsent, motive("maladie")),
		mark(WeekSeance(tue, "hg-2"), "E003", model.KindAbsent, motive("reveil")),
		mark(MathsSeance(mon), "E004", model.KindLate, nil),
		mark(WeekSeance(tue, "fr-2"), "E006", model.KindInfirmary, nil),
		mark(MathsSeance(wed), "E007", model.KindPresent, nil),
		mark(WeekSeance(mon, "en-1"), "E008", model.KindExcluded, nil),
		mark(WeekSeance(WeekB, "tec-1"), "E001", model.KindAbsent, nil),
	)
	d.Notices = append(d.Notices,
		model.Notice{ID: "N-E005", Pupil: "E005", From: At(thu, 0, 0), To: At(thu.AddDays(1), 0, 0),
			Justification: motive("maladie"), By: "aed", At: At(thu, 7, 50)},
		model.Notice{ID: "N-E007", Pupil: "E007", From: At(wed, 0, 0), To: At(wed.AddDays(1), 0, 0),
			By: "aed", At: At(tue, 18, 0)})
	d.Changes = append(d.Changes, model.SeanceChange{Seance: WeekSeance(tue, "mu-2"), Cancelled: true})
	d.RollCalls = append(d.RollCalls, weekRollCalls(d, WeekB, wed)...)
	return d
}

// weekRollCalls marks done every roll call from from to to, except
// Wednesday's 08:55 one of 4B in WeekA.
func weekRollCalls(d model.Dataset, from, to model.Date) []model.RollCall {
	dir := model.NewDirectory(model.Directory{School: d.School, Courses: d.Courses, Changes: d.Changes})
	skip := WeekSeance(WeekA.AddDays(2), "en-3")
	var out []model.RollCall
	for _, s := range dir.SeancesBetween(from, to) {
		if s.Cancelled || s.ID == skip {
			continue
		}
		out = append(out, model.RollCall{Seance: s.ID, By: s.Teachers[0], At: s.Date.Time(s.Start+5, Paris)})
	}
	return out
}
