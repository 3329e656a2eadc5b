// Package calendar computes the French school calendar: the public holidays
// (jours fériés) of any year, and the school years of metropolitan France by
// zone (A, B, C) with their vacances, trimestres and A/B week alternation.
//
// It imports the standard library and model only.
package calendar

import (
	"slices"
	"time"

	"appel/model"
)

// Easter returns Easter Sunday of the Gregorian calendar for year, by the
// anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func Easter(year int) model.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return model.NewDate(year, time.Month(month), day)
}

// PublicHolidays returns the eleven national jours fériés of metropolitan
// France for year, in date order, each as a one-day Holiday (Ascension may
// fall on 1 or 8 May: both are then listed). The two extra days of
// Alsace-Moselle (Vendredi saint, Saint-Étienne) are not included.
func PublicHolidays(year int) []model.Holiday {
	easter := Easter(year)
	day := func(name string, d model.Date) model.Holiday {
		return model.Holiday{Name: name, From: d, To: d}
	}
	fixed := func(name string, m time.Month, d int) model.Holiday {
		return day(name, model.NewDate(year, m, d))
	}
	out := []model.Holiday{
		fixed("Jour de l'an", time.January, 1),
		day("Lundi de Pâques", easter.AddDays(1)),
		fixed("Fête du Travail", time.May, 1),
		fixed("Victoire 1945", time.May, 8),
		day("Ascension", easter.AddDays(39)),
		day("Lundi de Pentecôte", easter.AddDays(50)),
		fixed("Fête nationale", time.July, 14),
		fixed("Assomption", time.August, 15),
		fixed("Toussaint", time.November, 1),
		fixed("Armistice 1918", time.November, 11),
		fixed("Noël", time.December, 25),
	}
	slices.SortStableFunc(out, func(a, b model.Holiday) int { return a.From.Compare(b.From) })
	return out
}
