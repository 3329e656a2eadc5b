package modeltest

import (
	"time"

	"appel/model"
)

// HistoryAt is when the marks of History were entered.
var HistoryAt = time.Date(2026, 11, 1, 9, 0, 0, 0, Paris)

// History adds a small known attendance history to a School(n) dataset (n ≥ 5):
//   - E001 absent without motive at maths Monday 23 to Thursday 26 November
//     (his fourth non valable half-day on Thursday morning), ill Friday 27;
//   - E002 ten minutes late at maths Monday 23;
//   - E004 (in ESP 4AB) announced ill by aed1 for Monday 23 (maths and Spanish);
//   - E005 absent without motive Monday 2 to Thursday 5 November;
//   - E003 absent Tuesday 1 December, motive "panne de réveil" (non valable);
//   - a mark of E002 in a séance that does not exist (it counts for nothing);
//   - the roll call of maths done on Monday 23 by prof.
func History(d *model.Dataset) {
	nov := func(day int) model.Date { return model.NewDate(2026, 11, day) }
	absent := func(day model.Date, p model.PupilID, j *model.Justification) model.Mark {
		return model.Mark{Seance: MathsSeance(day), Pupil: p, Kind: model.KindAbsent, Justification: j, By: "prof", At: HistoryAt}
	}
	for _, day := range []int{23, 24, 25, 26} {
		d.Marks = append(d.Marks, absent(nov(day), "E001", nil))
	}
	for _, day := range []int{2, 3, 4, 5} {
		d.Marks = append(d.Marks, absent(nov(day), "E005", nil))
	}
	d.Marks = append(d.Marks,
		absent(nov(27), "E001", Motive("maladie").Justify("cpe", HistoryAt)),
		absent(model.NewDate(2026, 12, 1), "E003", Motive("reveil").Justify("cpe", HistoryAt)),
		model.Mark{Seance: MathsSeance(Monday), Pupil: "E002", Kind: model.KindLate, Minutes: 10, By: "prof", At: HistoryAt},
		model.Mark{Seance: "20261124-1500-inconnu", Pupil: "E002", Kind: model.KindAbsent, By: "prof", At: HistoryAt},
	)
	d.Notices = append(d.Notices, model.Notice{ID: "n-E004", Pupil: "E004", From: At(Monday, 7, 0), To: At(Monday, 18, 0),
		Justification: Motive("maladie").Justify("aed1", HistoryAt), By: "aed1", At: HistoryAt})
	d.RollCalls = append(d.RollCalls, model.RollCall{Seance: MathsSeance(Monday), By: "prof", At: At(Monday, 8, 5)})
}

// Motive returns the default motive with that code.
func Motive(code string) model.Motive {
	m, ok := model.MotiveByLabel(model.DefaultMotives(), code)
	if !ok {
		panic("modeltest: motif inconnu " + code)
	}
	return m
}
