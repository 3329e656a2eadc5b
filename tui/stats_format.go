package tui

import (
	"fmt"
	"strconv"
	"strings"

	"appel/model"
)

var monthAbbrev = [...]string{"", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
	"sept.", "oct.", "nov.", "déc."}

// statsPeriod is a period the statistics screen offers.
type statsPeriod struct {
	label    string
	from, to model.Date
}

// periodsOf returns the school year, its periods (trimestres), then its months.
func periodsOf(s model.School) []statsPeriod {
	out := []statsPeriod{{"Année " + s.YearLabel(), s.YearStart, s.YearEnd}}
	for _, p := range s.Periods {
		out = append(out, statsPeriod{p.Name, p.From, p.To})
	}
	for d := model.NewDate(s.YearStart.Year, s.YearStart.Month, 1); !d.After(s.YearEnd); d = model.NewDate(d.Year, d.Month+1, 1) {
		last := model.NewDate(d.Year, d.Month+1, 0)
		out = append(out, statsPeriod{monthLabel(d.MonthKey()), maxOf(d, s.YearStart), minOf(last, s.YearEnd)})
	}
	return out
}

func maxOf(a, b model.Date) model.Date {
	if a.After(b) {
		return a
	}
	return b
}

func minOf(a, b model.Date) model.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// monthLabel formats 2026-11 as "novembre 2026".
func monthLabel(key string) string {
	d, err := model.ParseDate(key + "-01")
	if err != nil {
		return key
	}
	return monthLong[d.Month] + " " + strconv.Itoa(d.Year)
}

// monthShort formats 2026-11 as "nov. 2026".
func monthShort(key string) string {
	d, err := model.ParseDate(key + "-01")
	if err != nil {
		return key
	}
	return monthAbbrev[d.Month] + " " + strconv.Itoa(d.Year)
}

// monthsShort formats report months as "nov. déc. 2026" (the year once, last).
func monthsShort(keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = monthShort(k)
		if i+1 < len(keys) && keys[i+1][:4] == k[:4] {
			parts[i] = strings.Fields(parts[i])[0]
		}
	}
	return strings.Join(parts, " ")
}

// decimal formats f with a decimal comma and at most two decimals (3,5).
func decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return strings.Replace(s, ".", ",", 1)
}

// decimalHours formats missed minutes as hours with a decimal comma (3,5):
// model.HoursText, the one way appel writes hours.
func decimalHours(f model.Figures) string { return model.HoursText(f.MissedMinutes) }

// figuresShort is "11 DJ (2 val., 9 non val.) · 11 h · 1 retard (10 min)", for summary lines.
func figuresShort(f model.Figures) string {
	return fmt.Sprintf("%d DJ (%d val., %d non val.) · %s · %s (%d min)", f.HalfDays(), f.ValidHalfDays,
		f.InvalidHalfDays, hoursText(f.MissedMinutes), plural(f.Lates, "retard", "retards"), f.LateMinutes)
}

// percent formats a share as "1,65 %".
func percent(share float64) string { return decimal(100*share) + " %" }

// halfDayText is "jeu. 26/11 matin".
func halfDayText(d model.Date, h model.HalfDay) string {
	if d.IsZero() {
		return ""
	}
	return shortDate(d) + " " + h.String()
}
