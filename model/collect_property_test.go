package model_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"appel/model"
)

// naiveAttendance resolves every séance of every pupil of the directory, with
// no day left out and no index of its own: the reference that
// CollectAttendance must agree with.
func naiveAttendance(dir *model.Directory, from, to model.Date, marks []model.Mark, notices []model.Notice) map[model.PupilID][]model.Attendance {
	byKey := map[model.MarkKey]*model.Mark{}
	for i := range marks {
		byKey[marks[i].Key()] = &marks[i]
	}
	own := map[model.PupilID][]model.Notice{}
	for _, n := range notices {
		own[n.Pupil] = append(own[n.Pupil], n)
	}
	for _, ns := range own {
		slices.SortFunc(ns, func(a, b model.Notice) int {
			return cmp.Or(a.From.Compare(b.From), strings.Compare(a.ID, b.ID))
		})
	}
	out := map[model.PupilID][]model.Attendance{}
	for d := from; !d.After(to); d = d.AddDays(1) {
		for _, s := range dir.SeancesOn(d) {
			for _, p := range dir.Members(s.Target, d) {
				m := byKey[model.MarkKey{Seance: s.ID, Pupil: p.ID}]
				out[p.ID] = append(out[p.ID], model.Resolve(s, p.ID, m, own[p.ID], dir.Location()))
			}
		}
	}
	return out
}

// randomRecords draws marks on séances the pupils attend, plus marks that match
// nothing, and notices of a few hours to a few days.
func randomRecords(r *rand.Rand, dir *model.Directory, from, to model.Date) (marks, ghosts []model.Mark, notices []model.Notice) {
	kinds := []model.MarkKind{model.KindAbsent, model.KindAbsent, model.KindLate, model.KindInfirmary, model.KindExcluded, model.KindExempt, model.KindOuting, model.KindPresent}
	days := from.DaysUntil(to) + 1
	for _, p := range dir.Pupils {
		for range r.IntN(12) {
			d := from.AddDays(r.IntN(days))
			seances := dir.PupilSeances(p, d, d)
			if len(seances) == 0 {
				continue
			}
			s := seances[r.IntN(len(seances))]
			m := model.Mark{Seance: s.ID, Pupil: p.ID, Kind: kinds[r.IntN(len(kinds))], By: "prof", At: t0}
			if m.Kind == model.KindLate {
				m.Minutes = 1 + r.IntN(40)
			}
			m.Justification = []*model.Justification{nil, just(maladie), just(reveil)}[r.IntN(3)]
			if !slices.ContainsFunc(marks, func(x model.Mark) bool { return x.Key() == m.Key() }) {
				marks = append(marks, m)
			}
		}
		for i := range r.IntN(3) {
			start := from.AddDays(r.IntN(days)).Time(model.Clock(7*60+r.IntN(11*60)), dir.Location())
			span := time.Duration(1+r.IntN(80)) * time.Hour
			n := model.Notice{ID: fmt.Sprint(p.ID, "-", i), Pupil: p.ID, From: start, To: start.Add(span),
				Justification: []*model.Justification{nil, just(maladie)}[r.IntN(2)], By: "aed1", At: t0}
			notices = append(notices, n)
		}
	}
	ghost := model.Mark{Seance: model.NewSeanceID(from, model.Clock(7*60), "disparu"), Pupil: "p1", Kind: model.KindAbsent}
	return marks, []model.Mark{ghost}, notices
}

func TestPropertyCollectEqualsFullExpansion(t *testing.T) {
	dir := testDirectory(t)
	from, to := day("2026-10-01"), day("2026-12-31")
	counted := 0
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 7))
		marks, ghosts, notices := randomRecords(r, dir, from, to)
		s := randomSettings(r)
		all := append(slices.Clone(marks), ghosts...)
		r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
		got, unplaced := model.CollectAttendance(dir, dir.Pupils, from, to, afterYear, all, notices)
		if !reflect.DeepEqual(unplaced, ghosts) {
			t.Fatalf("graine %d : non placées %v, attendu %v", seed, unplaced, ghosts)
		}
		full := naiveAttendance(dir, from, to, marks, notices)
		for _, p := range dir.Pupils {
			want := model.Explain(p.ID, full[p.ID], s)
			if e := model.Explain(p.ID, got[p.ID], s); !reflect.DeepEqual(e, want) {
				t.Fatalf("graine %d, %s : %+v\nattendu %+v", seed, p.ID, e.Totals, want.Totals)
			}
			counted += want.Totals.HalfDays()
		}
	}
	if counted == 0 {
		t.Fatal("aucune demi-journée tirée : le test ne vérifie rien")
	}
}
