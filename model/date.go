package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil date (no time, no zone), comparable and usable as a map key.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// NewDate builds a date, normalising out-of-range days (32 January is 1 February).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 12, 0, 0, 0, time.UTC))
}

// ParseDate reads 2026-11-23 or 23/11/2026.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "02/01/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return DateOf(t), nil
		}
	}
	return Date{}, fmt.Errorf("date invalide %q (attendu AAAA-MM-JJ ou JJ/MM/AAAA)", s)
}

// IsZero reports whether d is the zero date.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as 2026-11-23.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Compact formats d as 20261123, the form used in sortable keys.
func (d Date) Compact() string {
	var b [8]byte
	if digits(b[0:4], d.Year) && digits(b[4:6], int(d.Month)) && digits(b[6:8], d.Day) {
		return string(b[:])
	}
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// digits writes n in b's width, zero-padded, and reports whether it fits.
// The Compact forms are built for every séance expanded: fmt is kept for the
// out-of-range values only.
func digits(b []byte, n int) bool {
	if n < 0 {
		return false
	}
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return n == 0
}

// French formats d as 23/11/2026.
func (d Date) French() string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year) }

// Time returns the instant of d at clock c in loc.
func (d Date) Time(c Clock, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, int(c)/60, int(c)%60, 0, 0, loc)
}

func (d Date) utcNoon() time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.utcNoon().Weekday() }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.utcNoon().AddDate(0, 0, n)) }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

// Within reports whether from <= d <= to.
func (d Date) Within(from, to Date) bool { return !d.Before(from) && !d.After(to) }

// Monday returns the Monday of d's week.
func (d Date) Monday() Date {
	offset := (int(d.Weekday()) + 6) % 7
	return d.AddDays(-offset)
}

// DaysUntil returns the number of days from d to e (negative when e is before d).
func (d Date) DaysUntil(e Date) int {
	return int(e.utcNoon().Sub(d.utcNoon()).Hours() / 24)
}

// MonthKey returns the calendar month of d as 2026-11.
func (d Date) MonthKey() string { return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month)) }

// MarshalText implements encoding.TextMarshaler (2026-11-23).
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	*d = v
	return err
}

// Clock is a time of day in minutes after midnight (08:05 is 485).
type Clock int

// ClockOf returns the time of day of t in t's location.
func ClockOf(t time.Time) Clock { return Clock(t.Hour()*60 + t.Minute()) }

// ParseClock reads 08:05, 8:05, 8h05, 08h, 0805 or 8H.
func ParseClock(s string) (Clock, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.Replace(t, "h", ":", 1)
	var hh, mm string
	switch {
	case strings.Contains(t, ":"):
		hh, mm, _ = strings.Cut(t, ":")
	case len(t) == 4:
		hh, mm = t[:2], t[2:]
	default:
		hh = t
	}
	if mm == "" {
		mm = "0"
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, fmt.Errorf("heure invalide %q (attendu HH:MM)", s)
	}
	return Clock(h*60 + m), nil
}

// String formats c as 08:05.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// Compact formats c as 0805, the form used in sortable keys.
func (c Clock) Compact() string {
	var b [4]byte
	if digits(b[0:2], int(c)/60) && digits(b[2:4], int(c)%60) {
		return string(b[:])
	}
	return fmt.Sprintf("%02d%02d", int(c)/60, int(c)%60)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
