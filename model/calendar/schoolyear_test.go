package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"appel/model"
)

func mustYear(t *testing.T, year int, zone string) model.School {
	t.Helper()
	s, err := SchoolYear(year, zone)
	if err != nil {
		t.Fatalf("SchoolYear(%d, %q): %v", year, zone, err)
	}
	return s
}

func TestSchoolYearBounds(t *testing.T) {
	s := mustYear(t, 2026, "C")
	if s.YearStart != d(2026, time.September, 1) || s.YearStart.Weekday() != time.Tuesday {
		t.Errorf("rentrée = %s (%s), want Tuesday 2026-09-01", s.YearStart, s.YearStart.Weekday())
	}
	if s.YearEnd != d(2027, time.July, 2) {
		t.Errorf("end = %s, want 2027-07-02", s.YearEnd)
	}
	if s.Zone != "C" || s.TimeZone != "Europe/Paris" || len(s.Slots) != 9 || len(s.Weekdays) != 5 {
		t.Errorf("zone %q, tz %q, %d slots, %d weekdays", s.Zone, s.TimeZone, len(s.Slots), len(s.Weekdays))
	}
	s.UAI = "0930000V"
	if err := s.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestSchoolDays(t *testing.T) {
	tests := []struct {
		zone   string
		day    model.Date
		school bool
	}{
		{"C", d(2026, time.August, 31), false},  // before the rentrée
		{"C", d(2026, time.September, 1), true}, // rentrée
		{"C", d(2026, time.October, 16), true},  // last day before Toussaint
		{"C", d(2026, time.October, 19), false}, // Toussaint
		{"C", d(2026, time.November, 2), true},  // reprise
		{"C", d(2026, time.November, 11), false},
		{"C", d(2026, time.December, 18), true},
		{"C", d(2027, time.January, 1), false},
		{"C", d(2027, time.January, 4), true},
		{"C", d(2027, time.February, 8), false}, // zone C winter
		{"A", d(2027, time.February, 8), true},
		{"B", d(2027, time.February, 8), true},
		{"A", d(2027, time.February, 15), false},
		{"B", d(2027, time.March, 1), false},
		{"C", d(2027, time.February, 22), true},
		{"C", d(2027, time.March, 29), false}, // Lundi de Pâques
		{"C", d(2027, time.April, 5), false},
		{"B", d(2027, time.April, 5), true},
		{"B", d(2027, time.April, 26), false},
		{"C", d(2027, time.May, 6), false}, // Ascension
		{"C", d(2027, time.May, 7), false}, // bridge
		{"C", d(2027, time.May, 10), true},
		{"C", d(2027, time.May, 17), false}, // Lundi de Pentecôte
		{"C", d(2027, time.July, 2), true},
		{"C", d(2027, time.July, 5), false},
		{"C", d(2026, time.September, 5), false}, // Saturday
		{"A", d(2025, time.September, 1), true},
		{"C", d(2026, time.April, 20), false}, // 2025-2026, zone C spring
		{"A", d(2026, time.April, 20), true},
	}
	for _, tt := range tests {
		s := mustYear(t, StartYearOf(tt.day), tt.zone)
		if got := s.IsSchoolDay(tt.day); got != tt.school {
			t.Errorf("zone %s, %s (%s): school day = %v, want %v", tt.zone, tt.day, tt.day.Weekday(), got, tt.school)
		}
	}
}

func TestHolidaysAreSortedWeekendBounded(t *testing.T) {
	for _, year := range KnownYears() {
		for _, zone := range Zones {
			s := mustYear(t, year, zone)
			for i, h := range s.Holidays {
				if i > 0 && h.From.Before(s.Holidays[i-1].From) {
					t.Errorf("%d %s: %s out of order", year, zone, h.Name)
				}
				if !h.From.Within(s.YearStart, s.YearEnd) || h.To.Before(h.From) {
					t.Errorf("%d %s: %s %s → %s outside the year", year, zone, h.Name, h.From, h.To)
				}
				if strings.HasPrefix(h.Name, "Vacances") && (h.From.Weekday() != time.Saturday || h.To.Weekday() != time.Sunday) {
					t.Errorf("%d %s: %s runs %s → %s, want Saturday → Sunday", year, zone, h.Name, h.From, h.To)
				}
			}
		}
	}
}

func TestPeriodsCoverTheYear(t *testing.T) {
	s := mustYear(t, 2026, "B")
	if len(s.Periods) != 3 || s.Periods[0].From != s.YearStart || s.Periods[2].To != s.YearEnd {
		t.Fatalf("periods %+v", s.Periods)
	}
	for i := 1; i < len(s.Periods); i++ {
		if s.Periods[i].From != s.Periods[i-1].To.AddDays(1) {
			t.Errorf("gap between %s and %s", s.Periods[i-1].Name, s.Periods[i].Name)
		}
	}
	if p, _ := s.PeriodOf(d(2026, time.November, 23)); p.Name != "Trimestre 1" {
		t.Errorf("23/11/2026 in %q", p.Name)
	}
}

func TestSchoolYearErrors(t *testing.T) {
	tests := []struct {
		year int
		zone string
		want string
	}{
		{2030, "C", "calendrier scolaire 2030-2031 inconnu"},
		{2026, "D", "zone \"D\" inconnue"},
		{2026, "", "zone \"\" inconnue"},
	}
	for _, tt := range tests {
		_, err := SchoolYear(tt.year, tt.zone)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, model.ErrInvalid) {
			t.Errorf("SchoolYear(%d, %q) = %v, want %q", tt.year, tt.zone, err, tt.want)
		}
	}
}

func TestParseZone(t *testing.T) {
	for in, want := range map[string]string{"C": "C", "c": "C", " zone b ": "B", "Zone A": "A"} {
		if got, err := ParseZone(in); err != nil || got != want {
			t.Errorf("ParseZone(%q) = %q, %v", in, got, err)
		}
	}
}

func TestStartYearOf(t *testing.T) {
	tests := map[model.Date]int{
		d(2026, time.November, 23): 2026, d(2027, time.March, 1): 2026,
		d(2027, time.July, 31): 2026, d(2027, time.August, 1): 2027,
	}
	for day, want := range tests {
		if got := StartYearOf(day); got != want {
			t.Errorf("StartYearOf(%s) = %d, want %d", day, got, want)
		}
	}
}

// TestNextYearKeepsTheAcademie: a school of Corse or overseas gets its next
// year without --zone: provisional (its vacances come from the ministry's
// file), its zone, time zone and usual week kept.
func TestNextYearKeepsTheAcademie(t *testing.T) {
	for _, a := range []model.Academie{{Zone: "Corse", TimeZone: "Europe/Paris"}, {Zone: "La Réunion", TimeZone: "Indian/Reunion"}, {Zone: "B", TimeZone: "Europe/Paris"}} {
		cur := mustYear(t, 2026, "B")
		cur.UAI, cur.Zone, cur.TimeZone = "9740001A", a.Zone, a.TimeZone
		cur.Weekdays = append(cur.Weekdays, time.Saturday)
		cur.ClosedHalfDays = []model.WeekHalfDay{{Weekday: time.Saturday, HalfDay: model.Afternoon}}
		next, known, err := NextYear(cur, "")
		if err != nil {
			t.Fatalf("%s: %v", a.Zone, err)
		}
		if next.Zone != a.Zone || next.TimeZone != a.TimeZone || next.YearStart.Year != 2027 || len(next.ClosedHalfDays) != 1 || len(next.Weekdays) != 6 {
			t.Errorf("%s: next year %s zone %q tz %q week %v %v", a.Zone, next.YearLabel(), next.Zone, next.TimeZone, next.Weekdays, next.ClosedHalfDays)
		}
		if known != (a.Zone == "B") && known {
			t.Errorf("%s: a calendar claimed known", a.Zone)
		}
	}
}
