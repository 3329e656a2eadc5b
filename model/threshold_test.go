package model_test

import (
	"reflect"
	"testing"

	"appel/model"
)

// halfDays builds p1's absences, one séance per half-day: "2026-10-31 matin" or
// "… après-midi", with the justification j.
func halfDays(j *model.Justification, keys ...string) []model.Attendance {
	var out []model.Attendance
	for _, k := range keys {
		date, half := k[:10], k[11:]
		if half == "matin" {
			out = append(out, att(date, "08:00", "08:55", model.KindAbsent, j))
		} else {
			out = append(out, att(date, "13:30", "14:25", model.KindAbsent, j))
		}
	}
	return out
}

func p1Count(atts []model.Attendance) model.PupilCount {
	return countPupil(model.Pupil{ID: "p1", Division: "4A"}, atts, brute)
}

func TestMonthBoundary(t *testing.T) {
	atts := halfDays(nil, "2026-10-28 matin", "2026-10-30 après-midi", "2026-10-31 matin", "2026-11-02 matin")
	c := p1Count(atts)
	if got := []int{c.Month("2026-10").Figures.InvalidHalfDays, c.Month("2026-11").Figures.InvalidHalfDays}; !reflect.DeepEqual(got, []int{3, 1}) {
		t.Fatalf("octobre, novembre = %v, attendu [3 1]", got)
	}
	if th := model.Thresholds([]model.PupilCount{c}); len(th) != 0 {
		t.Fatalf("3 + 1 de part et d'autre du mois ne font pas un seuil : %+v", th)
	}
	// One more in October: the fourth is reached on Saturday 31 October, the month's last day.
	atts = append(atts, halfDays(nil, "2026-10-29 après-midi")...)
	th := model.Thresholds([]model.PupilCount{p1Count(atts)})
	want := []model.Crossing{{Pupil: "p1", Division: "4A", Month: "2026-10", InvalidHalfDays: 4,
		ReachedOn: day("2026-10-31"), ReachedHalf: model.Morning}}
	if !reflect.DeepEqual(th, want) {
		t.Fatalf("seuils %+v, attendu %+v", th, want)
	}
	// The last half-day of a month belongs to it.
	c = p1Count(halfDays(nil, "2026-11-30 après-midi", "2026-12-01 matin"))
	if c.Month("2026-11").Figures.InvalidHalfDays != 1 || c.Month("2026-12").Figures.InvalidHalfDays != 1 {
		t.Fatalf("mois : %+v", c.Months)
	}
}

func TestThresholdReachedOn(t *testing.T) {
	cases := []struct {
		name     string
		atts     []model.Attendance
		reached  string
		half     model.HalfDay
		count    int
		badMotiv bool
	}{
		{
			name: "quatrième le 9 après-midi, une valable entre-temps",
			atts: append(halfDays(nil, "2026-11-02 matin", "2026-11-02 après-midi", "2026-11-05 matin",
				"2026-11-09 après-midi", "2026-11-12 matin"), halfDays(just(maladie), "2026-11-06 matin")...),
			reached: "2026-11-09", half: model.Afternoon, count: 5,
		},
		{
			name: "troisième et quatrième le même jour",
			atts: append(halfDays(nil, "2026-11-02 matin", "2026-11-04 matin", "2026-11-05 après-midi"),
				halfDays(just(reveil), "2026-11-05 matin")...),
			reached: "2026-11-05", half: model.Afternoon, count: 4, badMotiv: true,
		},
		{
			name:    "trois seulement",
			atts:    halfDays(nil, "2026-11-02 matin", "2026-11-04 matin", "2026-11-05 après-midi"),
			reached: "", count: 3,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := p1Count(tc.atts)
			m := c.Month("2026-11")
			if m.Figures.InvalidHalfDays != tc.count || m.InvalidMotive != tc.badMotiv {
				t.Fatalf("novembre %+v", m)
			}
			th := model.Thresholds([]model.PupilCount{c})
			if tc.reached == "" {
				if len(th) != 0 || m.OverThreshold() || !m.ReachedOn.IsZero() || len(c.ReportMonths()) != 0 {
					t.Fatalf("seuil atteint à tort : %+v", th)
				}
				return
			}
			if len(th) != 1 || th[0].ReachedOn != day(tc.reached) || th[0].ReachedHalf != tc.half {
				t.Fatalf("seuils %+v, attendu le %s %s", th, tc.reached, tc.half)
			}
			if !reflect.DeepEqual(c.ReportMonths(), []string{"2026-11"}) {
				t.Fatalf("mois de signalement %v", c.ReportMonths())
			}
		})
	}
}

func TestAggregations(t *testing.T) {
	mk := func(id, div string, months ...model.MonthCount) model.PupilCount {
		c := model.PupilCount{Pupil: model.PupilID(id), Division: div, Months: months}
		for _, m := range months {
			c.Total = c.Total.Add(m.Figures)
		}
		return c
	}
	nov := func(valid, invalid, minutes int) model.MonthCount {
		return model.MonthCount{Month: "2026-11", Figures: model.Figures{ValidHalfDays: valid, InvalidHalfDays: invalid, MissedMinutes: minutes}}
	}
	oct := model.MonthCount{Month: "2026-10", Figures: model.Figures{InvalidHalfDays: 1, Lates: 2, LateMinutes: 9}}
	counts := []model.PupilCount{
		mk("b", "4B", nov(1, 4, 300)), mk("a", "4A", oct, nov(0, 2, 110)), mk("c", "4A"),
	}
	wantDiv := []model.DivisionCount{
		{Division: "4A", Pupils: 2, Figures: model.Figures{InvalidHalfDays: 3, MissedMinutes: 110, Lates: 2, LateMinutes: 9}},
		{Division: "4B", Pupils: 1, OverThreshold: 1, Figures: model.Figures{ValidHalfDays: 1, InvalidHalfDays: 4, MissedMinutes: 300}},
	}
	if got := model.ByDivision(counts); !reflect.DeepEqual(got, wantDiv) {
		t.Errorf("par division %+v\nattendu %+v", got, wantDiv)
	}
	wantMonth := []model.MonthTotal{
		{Month: "2026-10", Figures: oct.Figures},
		{Month: "2026-11", OverThreshold: 1, Figures: model.Figures{ValidHalfDays: 1, InvalidHalfDays: 6, MissedMinutes: 410}},
	}
	if got := model.ByMonth(counts); !reflect.DeepEqual(got, wantMonth) {
		t.Errorf("par mois %+v\nattendu %+v", got, wantMonth)
	}
	want := model.Figures{ValidHalfDays: 1, InvalidHalfDays: 7, MissedMinutes: 410, Lates: 2, LateMinutes: 9}
	if got := model.TotalOf(counts); got != want {
		t.Errorf("total %+v, attendu %+v", got, want)
	}
}

func TestCountPupilsOncePerPupil(t *testing.T) {
	dir := testDirectory(t)
	atts := map[model.PupilID][]model.Attendance{"p1": halfDays(nil, "2026-11-02 matin")}
	counts := countPupils(pupils(dir, "p1", "p2", "p1"), atts, brute)
	if len(counts) != 2 || counts[0].Total.InvalidHalfDays != 1 || counts[1].Total != (model.Figures{}) {
		t.Fatalf("comptes %+v", counts)
	}
	if counts[0].Division != "4A" || counts[0].Month("2026-12").Month != "2026-12" {
		t.Fatalf("compte de p1 %+v", counts[0])
	}
}
