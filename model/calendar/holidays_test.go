package calendar

import (
	"testing"
	"time"

	"appel/model"
)

func TestEaster(t *testing.T) {
	tests := []struct {
		year int
		want model.Date
	}{
		{1818, d(1818, time.March, 22)}, // earliest possible date
		{1943, d(1943, time.April, 25)}, // latest possible date
		{2000, d(2000, time.April, 23)},
		{2008, d(2008, time.March, 23)},
		{2019, d(2019, time.April, 21)},
		{2024, d(2024, time.March, 31)},
		{2025, d(2025, time.April, 20)},
		{2026, d(2026, time.April, 5)},
		{2027, d(2027, time.March, 28)},
		{2038, d(2038, time.April, 25)},
		{2285, d(2285, time.March, 22)},
	}
	for _, tt := range tests {
		got := Easter(tt.year)
		if got != tt.want {
			t.Errorf("Easter(%d) = %s, want %s", tt.year, got, tt.want)
		}
		if got.Weekday() != time.Sunday {
			t.Errorf("Easter(%d) = %s is a %s", tt.year, got, got.Weekday())
		}
	}
}

func TestPublicHolidays(t *testing.T) {
	tests := []struct {
		year                         int
		easterMonday, asc, pentecote model.Date
	}{
		{2008, d(2008, time.March, 24), d(2008, time.May, 1), d(2008, time.May, 12)},
		{2026, d(2026, time.April, 6), d(2026, time.May, 14), d(2026, time.May, 25)},
		{2027, d(2027, time.March, 29), d(2027, time.May, 6), d(2027, time.May, 17)},
		{2028, d(2028, time.April, 17), d(2028, time.May, 25), d(2028, time.June, 5)},
	}
	for _, tt := range tests {
		hs := PublicHolidays(tt.year)
		if len(hs) != 11 {
			t.Fatalf("%d: %d holidays, want 11", tt.year, len(hs))
		}
		byName := map[string]model.Date{}
		for i, h := range hs {
			if h.From != h.To || h.From.Year != tt.year {
				t.Errorf("%d: %s spans %s → %s", tt.year, h.Name, h.From, h.To)
			}
			if i > 0 && h.From.Before(hs[i-1].From) {
				t.Errorf("%d: %s out of order", tt.year, h.Name)
			}
			byName[h.Name] = h.From
		}
		checks := map[string]model.Date{
			"Lundi de Pâques": tt.easterMonday, "Ascension": tt.asc, "Lundi de Pentecôte": tt.pentecote,
			"Jour de l'an": d(tt.year, time.January, 1), "Fête du Travail": d(tt.year, time.May, 1),
			"Victoire 1945": d(tt.year, time.May, 8), "Fête nationale": d(tt.year, time.July, 14),
			"Assomption": d(tt.year, time.August, 15), "Toussaint": d(tt.year, time.November, 1),
			"Armistice 1918": d(tt.year, time.November, 11), "Noël": d(tt.year, time.December, 25),
		}
		for name, want := range checks {
			if byName[name] != want {
				t.Errorf("%d: %s = %s, want %s", tt.year, name, byName[name], want)
			}
		}
	}
}
