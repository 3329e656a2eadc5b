package calendar

import (
	"testing"
	"time"

	"appel/model"
)

func TestWeekTypes2026C(t *testing.T) {
	s := mustYear(t, 2026, "C")
	tests := []struct {
		monday model.Date
		want   string
	}{
		{d(2026, time.August, 31), "A"}, // the rentrée is on the Tuesday
		{d(2026, time.September, 7), "B"},
		{d(2026, time.October, 12), "A"},
		{d(2026, time.October, 19), ""}, // Toussaint
		{d(2026, time.October, 26), ""},
		{d(2026, time.November, 2), "B"},
		{d(2026, time.November, 23), "A"},
		{d(2026, time.December, 21), ""},
		{d(2027, time.February, 8), ""}, // zone C winter
		{d(2027, time.January, 4), "A"},
		{d(2027, time.March, 29), "A"}, // Lundi de Pâques, four days of class
		{d(2027, time.April, 19), "B"},
		{d(2027, time.May, 3), "B"},
		{d(2027, time.July, 5), ""},
	}
	for _, tt := range tests {
		if got := s.WeekType(tt.monday); got != tt.want {
			t.Errorf("week of %s: %q, want %q", tt.monday, got, tt.want)
		}
	}
}

func TestWeekTypesAlternate(t *testing.T) {
	for _, zone := range Zones {
		s := mustYear(t, 2026, zone)
		prev := ""
		typed := 0
		for m := s.YearStart.Monday(); !m.After(s.YearEnd); m = m.AddDays(7) {
			wt, ok := s.WeekTypes[m]
			if ok != hasSchoolDay(s, m) {
				t.Errorf("zone %s, week of %s: typed %v, school days %v", zone, m, ok, !ok)
			}
			if !ok {
				continue
			}
			if wt == prev || (prev == "" && wt != "A") {
				t.Errorf("zone %s, week of %s: %q after %q", zone, m, wt, prev)
			}
			prev = wt
			typed++
		}
		if typed != len(s.WeekTypes) || typed < 34 || typed > 38 {
			t.Errorf("zone %s: %d typed weeks (map %d)", zone, typed, len(s.WeekTypes))
		}
	}
}

func TestWeekTypesEmptySchool(t *testing.T) {
	if got := WeekTypes(model.School{}); len(got) != 0 {
		t.Errorf("empty school: %v", got)
	}
}
