package ods

import (
	"math"
	"time"

	"appel/model"
)

type cellKind uint8

const (
	kindEmpty cellKind = iota
	kindString
	kindFloat
	kindPercent
	kindDate
	kindTime
	kindDateTime
)

// Cell is one typed cell of a row. Build cells with String, Float, Int,
// Percent, Date, Time and DateTime; the zero Cell is empty.
type Cell struct {
	kind cellKind
	s    string
	f    float64
	d    model.Date
	c    model.Clock
	t    time.Time
}

// String returns a text cell, shown as is (never a formula).
func String(s string) Cell { return Cell{kind: kindString, s: s} }

// Float returns a number cell; NaN and infinities give an empty cell.
func Float(f float64) Cell {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Cell{}
	}
	return Cell{kind: kindFloat, f: f}
}

// Int returns a whole number cell.
func Int(n int) Cell { return Cell{kind: kindFloat, f: float64(n)} }

// Percent returns a percentage cell: 0.25 shows as 25 %.
func Percent(f float64) Cell {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Cell{}
	}
	return Cell{kind: kindPercent, f: f}
}

// Date returns a date cell shown dd/mm/yyyy; the zero date gives an empty cell.
func Date(d model.Date) Cell {
	if d.IsZero() {
		return Cell{}
	}
	return Cell{kind: kindDate, d: d}
}

// Time returns a time-of-day cell shown HH:MM.
func Time(c model.Clock) Cell { return Cell{kind: kindTime, c: c} }

// DateTime returns a date and time cell shown dd/mm/yyyy HH:MM, in t's
// location; the zero time gives an empty cell.
func DateTime(t time.Time) Cell {
	if t.IsZero() {
		return Cell{}
	}
	return Cell{kind: kindDateTime, t: t}
}
