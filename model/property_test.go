package model_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"appel/model"
)

const iterations = 400

// randomAttendances draws one pupil's séances over October–December 2026:
// random days, random slots of the default grid, sometimes an overlapping
// séance off the grid, every kind of mark, cancellations and motives.
func randomAttendances(r *rand.Rand, pupil model.PupilID) []model.Attendance {
	var out []model.Attendance
	start := day("2026-10-01")
	for _, offset := range r.Perm(92)[:r.IntN(30)] {
		d := start.AddDays(offset)
		for _, sl := range model.DefaultSlots() {
			if r.IntN(10) < 7 {
				out = append(out, randomAttendance(r, pupil, d, sl.Start, sl.End, sl.Code))
			}
		}
		if r.IntN(10) == 0 {
			s := model.Clock(8*60 + r.IntN(9*60))
			out = append(out, randomAttendance(r, pupil, d, s, s+model.Clock(30+r.IntN(90)), "extra"))
		}
	}
	return out
}

func randomAttendance(r *rand.Rand, pupil model.PupilID, d model.Date, start, end model.Clock, course string) model.Attendance {
	s := model.Seance{
		ID: model.NewSeanceID(d, start, course), Date: d, Start: start, End: end,
		HalfDay: gridSchool.HalfDayOf(start), Cancelled: r.IntN(14) == 0,
	}
	a := model.Attendance{Seance: s, Pupil: pupil, Kind: model.KindPresent}
	switch k := r.IntN(100); {
	case k < 25:
		a.Kind = model.KindAbsent
	case k < 33:
		a.Kind, a.Minutes = model.KindLate, r.IntN(45)
	case k < 40:
		a.Kind = []model.MarkKind{model.KindInfirmary, model.KindExcluded, model.KindExempt, model.KindOuting}[r.IntN(4)]
	}
	if a.Kind == model.KindAbsent || a.Kind == model.KindLate {
		a.Justification = []*model.Justification{nil, nil, just(maladie), just(rdv), just(reveil)}[r.IntN(5)]
	}
	return a
}

func randomSettings(r *rand.Rand) model.Settings {
	m := []model.CountingMethod{model.CountAnySeance, model.CountAllSeances, ""}[r.IntN(3)]
	return settings(m, []int{0, 0, 10, 20}[r.IntN(4)])
}

type halfKey struct {
	date model.Date
	half model.HalfDay
}

// oracle counts the DOMAIN.md way, independently of Explain: sets of half-days
// and of missed minutes.
type oracle struct {
	figures model.Figures
	// invalid lists the non valable half-days, in order.
	invalid []halfKey
}

func countOracle(pupil model.PupilID, atts []model.Attendance, s model.Settings) oracle {
	var o oracle
	seen := map[model.SeanceID]bool{}
	held, missed, bad := map[halfKey]int{}, map[halfKey]int{}, map[halfKey]bool{}
	minutes := map[model.Date]*[24 * 60]bool{}
	for _, a := range atts {
		if a.Pupil != pupil || seen[a.Seance.ID] || a.Seance.Cancelled {
			continue
		}
		seen[a.Seance.ID] = true
		k := halfKey{a.Seance.Date, a.Seance.HalfDay}
		held[k]++
		longLate := a.Kind == model.KindLate && s.LateAsAbsentAfter > 0 && a.Minutes > s.LateAsAbsentAfter
		switch {
		case a.Kind == model.KindAbsent || longLate:
			missed[k]++
			bad[k] = bad[k] || a.Justification == nil || !a.Justification.Valid
			if minutes[a.Seance.Date] == nil {
				minutes[a.Seance.Date] = new([24 * 60]bool)
			}
			for m := a.Seance.Start; m < a.Seance.End; m++ {
				minutes[a.Seance.Date][m] = true
			}
		case a.Kind == model.KindLate:
			o.figures.Lates++
			o.figures.LateMinutes += a.Minutes
		case a.Kind == model.KindExcluded:
			o.figures.Exclusions++
		}
	}
	for k, n := range missed {
		switch {
		case s.Method == model.CountAllSeances && n < held[k]:
		case bad[k]:
			o.figures.InvalidHalfDays++
			o.invalid = append(o.invalid, k)
		default:
			o.figures.ValidHalfDays++
		}
	}
	for _, day := range minutes {
		for _, missed := range day {
			if missed {
				o.figures.MissedMinutes++
			}
		}
	}
	slices.SortFunc(o.invalid, func(a, b halfKey) int {
		if c := a.date.Compare(b.date); c != 0 {
			return c
		}
		return int(a.half - b.half)
	})
	return o
}

// forRandom runs check on iterations seeded random cases.
func forRandom(t *testing.T, check func(t *testing.T, r *rand.Rand)) {
	for seed := range uint64(iterations) {
		r := rand.New(rand.NewPCG(seed, 6))
		t.Run(fmt.Sprint(seed), func(t *testing.T) { check(t, r) })
		if t.Failed() {
			return
		}
	}
}

func TestPropertyMatchesOracle(t *testing.T) {
	forRandom(t, func(t *testing.T, r *rand.Rand) {
		atts, s := randomAttendances(r, "p1"), randomSettings(r)
		e := model.Explain("p1", atts, s)
		o := countOracle("p1", atts, s)
		if e.Totals != o.figures {
			t.Fatalf("%+v : Explain %+v, oracle %+v", s, e.Totals, o.figures)
		}
		if e.Totals.HalfDays() != e.Totals.ValidHalfDays+e.Totals.InvalidHalfDays {
			t.Fatal("demi-journées ≠ valables + non valables")
		}
		checkExplanation(t, e)
	})
}

func TestPropertyOrderDuplicatesAndPruning(t *testing.T) {
	forRandom(t, func(t *testing.T, r *rand.Rand) {
		atts, s := randomAttendances(r, "p1"), randomSettings(r)
		orig := slices.Clone(atts)
		want := model.Explain("p1", atts, s)
		if !reflect.DeepEqual(atts, orig) {
			t.Fatal("Explain a modifié ses entrées")
		}
		if again := model.Explain("p1", atts, s); !reflect.DeepEqual(again, want) {
			t.Fatal("deux décomptes diffèrent")
		}
		shuffled := slices.Clone(atts)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := model.Explain("p1", shuffled, s); !reflect.DeepEqual(got, want) {
			t.Fatal("l'ordre des entrées change le décompte")
		}
		doubled := append(slices.Clone(shuffled), atts[:r.IntN(len(atts)+1)]...)
		r.Shuffle(len(doubled), func(i, j int) { doubled[i], doubled[j] = doubled[j], doubled[i] })
		if got := model.Explain("p1", doubled, s); !reflect.DeepEqual(got, want) {
			t.Fatal("des entrées en double changent le décompte")
		}
		if got := model.Explain("p1", pruned(atts), s); !reflect.DeepEqual(got, want) {
			t.Fatal("retirer les jours sans rien de noté change le décompte")
		}
	})
}

// pruned drops the half-days in which nothing is recorded, as CollectAttendance does.
func pruned(atts []model.Attendance) []model.Attendance {
	recorded := map[halfKey]bool{}
	for _, a := range atts {
		k := halfKey{a.Seance.Date, a.Seance.HalfDay}
		recorded[k] = recorded[k] || a.Marked() || a.Discordant()
	}
	var out []model.Attendance
	for _, a := range atts {
		if recorded[halfKey{a.Seance.Date, a.Seance.HalfDay}] {
			out = append(out, a)
		}
	}
	return out
}

func TestPropertyConflictingDuplicatesDeterministic(t *testing.T) {
	forRandom(t, func(t *testing.T, r *rand.Rand) {
		atts, s := randomAttendances(r, "p1"), randomSettings(r)
		for i := range r.IntN(len(atts) + 1) {
			other := atts[i]
			other.Kind = []model.MarkKind{model.KindAbsent, model.KindPresent, model.KindLate}[r.IntN(3)]
			atts = append(atts, other)
		}
		want := model.Explain("p1", atts, s)
		shuffled := slices.Clone(atts)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := model.Explain("p1", shuffled, s); !reflect.DeepEqual(got, want) {
			t.Fatal("des doublons contradictoires rendent le décompte dépendant de l'ordre")
		}
	})
}

func TestPropertyAggregatesAndThresholds(t *testing.T) {
	forRandom(t, func(t *testing.T, r *rand.Rand) {
		s := randomSettings(r)
		var ps []model.Pupil
		atts := map[model.PupilID][]model.Attendance{}
		for i := range 2 + r.IntN(6) {
			p := model.Pupil{ID: model.PupilID(fmt.Sprint("e", i)), Division: []string{"4A", "4B", "3A"}[r.IntN(3)]}
			ps = append(ps, p)
			atts[p.ID] = randomAttendances(r, p.ID)
		}
		counts := countPupils(ps, atts, s)
		checkDivisions(t, ps, atts, s, model.ByDivision(counts))
		checkThresholds(t, ps, atts, s, model.Thresholds(counts))
		var months model.Figures
		for _, m := range model.ByMonth(counts) {
			months = months.Add(m.Figures)
		}
		if total := model.TotalOf(counts); months != total {
			t.Fatalf("somme des mois %+v ≠ total %+v", months, total)
		}
	})
}

func checkDivisions(t *testing.T, ps []model.Pupil, atts map[model.PupilID][]model.Attendance, s model.Settings, divs []model.DivisionCount) {
	t.Helper()
	want := map[string]model.Figures{}
	for _, p := range ps {
		want[p.Division] = want[p.Division].Add(countOracle(p.ID, atts[p.ID], s).figures)
	}
	if len(divs) != len(want) {
		t.Fatalf("%d divisions, attendu %d", len(divs), len(want))
	}
	for _, d := range divs {
		if d.Figures != want[d.Division] {
			t.Fatalf("division %s : %+v, somme des élèves %+v", d.Division, d.Figures, want[d.Division])
		}
	}
}

// checkThresholds verifies: ≥ 4 non valable half-days in a month ⇔ listed for
// that month, reached on the oracle's fourth non valable half-day.
func checkThresholds(t *testing.T, ps []model.Pupil, atts map[model.PupilID][]model.Attendance, s model.Settings, th []model.Crossing) {
	t.Helper()
	listed := map[string]model.Crossing{}
	for _, c := range th {
		listed[string(c.Pupil)+" "+c.Month] = c
	}
	expected := 0
	for _, p := range ps {
		byMonth := map[string][]halfKey{}
		for _, k := range countOracle(p.ID, atts[p.ID], s).invalid {
			byMonth[k.date.MonthKey()] = append(byMonth[k.date.MonthKey()], k)
		}
		for month, ks := range byMonth {
			c, ok := listed[string(p.ID)+" "+month]
			if ok != (len(ks) >= model.ReportThreshold) {
				t.Fatalf("%s %s : %d non valables, listé %v", p.ID, month, len(ks), ok)
			}
			if !ok {
				continue
			}
			expected++
			fourth := ks[model.ReportThreshold-1]
			if c.ReachedOn != fourth.date || c.ReachedHalf != fourth.half || c.InvalidHalfDays != len(ks) {
				t.Fatalf("%s %s : %+v, attendu %d le %s %s", p.ID, month, c, len(ks), fourth.date, fourth.half)
			}
		}
	}
	if expected != len(th) {
		t.Fatalf("%d seuils listés, attendu %d", len(th), expected)
	}
}
