package model_test

import (
	"testing"
	"time"

	"appel/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    model.Date
		wantErr bool
	}{
		{"2026-11-23", model.Date{Year: 2026, Month: 11, Day: 23}, false},
		{"23/11/2026", model.Date{Year: 2026, Month: 11, Day: 23}, false},
		{" 01/09/2026 ", model.Date{Year: 2026, Month: 9, Day: 1}, false},
		{"2026-02-30", model.Date{}, true},
		{"23-11-2026", model.Date{}, true},
		{"", model.Date{}, true},
	}
	for _, tt := range tests {
		got, err := model.ParseDate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, err %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := model.NewDate(2026, 11, 23)
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"weekday", d.Weekday(), time.Monday},
		{"monday of a wednesday", model.NewDate(2026, 11, 25).Monday(), d},
		{"monday of a sunday", model.NewDate(2026, 11, 29).Monday(), d},
		{"month end", model.NewDate(2026, 10, 31).AddDays(1), model.NewDate(2026, 11, 1)},
		{"year end", model.NewDate(2026, 12, 31).AddDays(1), model.NewDate(2027, 1, 1)},
		{"dst change keeps dates", model.NewDate(2026, 10, 24).AddDays(1), model.NewDate(2026, 10, 25)},
		{"days until", d.DaysUntil(model.NewDate(2026, 12, 3)), 10},
		{"compact", d.Compact(), "20261123"},
		{"french", d.French(), "23/11/2026"},
		{"month key", d.MonthKey(), "2026-11"},
		{"within", d.Within(d, d), true},
		{"before", d.Before(d.AddDays(1)), true},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestDateTimeAcrossDST(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tz database")
	}
	for _, d := range []model.Date{model.NewDate(2027, 3, 28), model.NewDate(2026, 10, 25)} {
		got := d.Time(8*60+5, paris)
		if got.Hour() != 8 || got.Minute() != 5 || model.DateOf(got) != d {
			t.Errorf("%v 08:05 gave %v", d, got)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in      string
		want    model.Clock
		wantErr bool
	}{
		{"08:05", 485, false},
		{"8:05", 485, false},
		{"  09h00", 540, false},
		{"8H", 480, false},
		{"0830", 510, false},
		{"24:00", 0, true},
		{"12:60", 0, true},
		{"midi", 0, true},
	}
	for _, tt := range tests {
		got, err := model.ParseClock(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v, err %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	if s := model.Clock(485).String(); s != "08:05" {
		t.Errorf("String = %q", s)
	}
}

func TestDateTextRoundTrip(t *testing.T) {
	for _, d := range []model.Date{{}, model.NewDate(2027, 7, 3)} {
		b, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back model.Date
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Errorf("round trip of %v gave %v, %v", d, back, err)
		}
	}
}
