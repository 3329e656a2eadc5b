package model_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// TestEnrolmentPartsAddUp: with pupils moving between 4A and 4B on random
// days, arriving and leaving, and random absences in both divisions'
// séances, every pupil's lines add up to his own count, the divisions add
// up to the school, in the period and in every month.
func TestEnrolmentPartsAddUp(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		r := rand.New(rand.NewPCG(seed, 16))
		data := modeltest.School(8)
		someDay := func() model.Date { return model.NewDate(2026, 9, 1).AddDays(r.IntN(110)) }
		for i := range data.Pupils {
			p := &data.Pupils[i]
			switch r.IntN(4) {
			case 0:
				other := map[string]string{"4A": modeltest.Division4B, modeltest.Division4B: "4A"}[p.Division]
				*p = p.MoveTo(someDay(), other, p.Groups)
			case 1:
				p.Arrived = someDay()
			case 2:
				p.Left = someDay()
			}
		}
		for range 120 {
			d := someDay()
			seance := modeltest.MathsSeance(d)
			if r.IntN(2) == 0 {
				seance = model.NewSeanceID(d, 8*60, modeltest.CourseHistory)
			}
			p := data.Pupils[r.IntN(len(data.Pupils))]
			data.Marks = append(data.Marks, model.Mark{Seance: seance, Pupil: p.ID, Kind: model.KindAbsent, By: "prof", At: modeltest.HistoryAt})
		}
		db := storagetest.New(t)
		if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
			t.Fatal(err)
		}
		st, err := serviceAt(db, "cpe", afterHistory).Statistics(day("2026-09-01"), day("2026-12-18"))
		if err != nil {
			t.Fatal(err)
		}
		own := map[model.PupilID]model.Figures{}
		parts := map[model.PupilID]model.Figures{}
		whole := map[model.PupilID]model.PupilCount{}
		moved := 0
		for _, l := range st.Pupils {
			own[l.Pupil.ID] = l.Whole.Total
			parts[l.Pupil.ID] = parts[l.Pupil.ID].Add(l.Count.Total)
			whole[l.Pupil.ID] = l.Whole
			if l.Pupil.Moved() && l.Count.Total.HalfDays() > 0 {
				moved++
			}
		}
		if moved == 0 {
			t.Errorf("seed %d: no pupil who moved has an absence: the case is not tested", seed)
		}
		for id, f := range own {
			if parts[id] != f {
				t.Errorf("seed %d, %s: lines %+v, own %+v", seed, id, parts[id], f)
			}
		}
		var divisions model.Figures
		for _, d := range st.Divisions {
			divisions = divisions.Add(d.Figures)
		}
		if divisions != st.School.Figures {
			t.Errorf("seed %d: divisions %+v, school %+v", seed, divisions, st.School.Figures)
		}
		for _, m := range st.Months {
			var pupils model.Figures
			for _, c := range whole {
				pupils = pupils.Add(c.Month(m.Table.Month).Figures)
			}
			if sum := m.Figures["4A"].Add(m.Figures[modeltest.Division4B]); sum != pupils || sum != m.Figures[model.SchoolLabel] {
				t.Errorf("seed %d, %s: 4A + 4B %+v, pupils' own %+v, school %+v", seed, m.Table.Month, sum, pupils, m.Figures[model.SchoolLabel])
			}
		}
	}
}
