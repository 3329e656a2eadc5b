package model_test

import (
	"testing"
	stdtime "time"

	"appel/model"
)

func TestCheckPeriods(t *testing.T) {
	d := model.NewDate
	school := model.School{YearStart: d(2026, 9, 1), YearEnd: d(2027, 7, 3)}
	p := func(name string, y1, m1, d1, y2, m2, d2 int) model.Period {
		return model.Period{Name: name, From: d(y1, stdtime.Month(m1), d1), To: d(y2, stdtime.Month(m2), d2)}
	}
	cases := []struct {
		name    string
		periods []model.Period
		ok      bool
	}{
		{"semestres", []model.Period{p("S2", 2027, 1, 25, 2027, 7, 3), p("S1", 2026, 9, 1, 2027, 1, 24)}, true},
		{"none", nil, false},
		{"overlap", []model.Period{p("S1", 2026, 9, 1, 2027, 1, 25), p("S2", 2027, 1, 25, 2027, 7, 3)}, false},
		{"outside", []model.Period{p("T1", 2026, 8, 20, 2026, 11, 30)}, false},
		{"reversed", []model.Period{p("T1", 2026, 11, 30, 2026, 9, 1)}, false},
		{"same name", []model.Period{p("T1", 2026, 9, 1, 2026, 9, 30), p("t1", 2026, 10, 1, 2026, 10, 30)}, false},
		{"no name", []model.Period{p("", 2026, 9, 1, 2026, 9, 30)}, false},
	}
	for _, c := range cases {
		if err := model.CheckPeriods(school, c.periods); (err == nil) != c.ok {
			t.Errorf("%s: %v, want ok=%v", c.name, err, c.ok)
		}
	}
}
