package tui

import (
	"fmt"

	"appel/model"
)

var weekdayShort = [...]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}
var weekdayLong = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
var monthLong = [...]string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
	"août", "septembre", "octobre", "novembre", "décembre"}

// shortDate formats "lun. 23/11".
func shortDate(d model.Date) string {
	return fmt.Sprintf("%s %02d/%02d", weekdayShort[d.Weekday()], d.Day, int(d.Month))
}

// longDate formats "lundi 23 novembre 2026".
func longDate(d model.Date) string {
	return fmt.Sprintf("%s %d %s %d", weekdayLong[d.Weekday()], d.Day, monthLong[d.Month], d.Year)
}

// markText is the mark as the roll call writes it; a séance still to come
// says that it counts for nothing yet.
func markText(a model.Attendance) string {
	text := kindText(a)
	if a.Upcoming && a.Kind != model.KindPresent {
		text += " · à venir, pas encore compté"
	}
	return text
}

func kindText(a model.Attendance) string {
	switch a.Kind {
	case model.KindPresent:
		if a.Discordant() {
			return "présent (vu)"
		}
		return "·"
	case model.KindLate:
		return fmt.Sprintf("retard %d min", a.Minutes)
	}
	return a.Kind.Label()
}

// justificationText says whether an absence is justified, with the motive when
// the reader may see it (the service has already hidden it otherwise).
func justificationText(a model.Attendance) string {
	j := a.Justification
	switch {
	case j == nil:
		return ""
	case j.Label == "":
		return "justifiée"
	case j.Valid:
		return j.Label + " (valable)"
	}
	return j.Label + " (non valable)"
}

// plural writes a count in French: 0 and 1 take the singular.
func plural(n int, one, many string) string {
	if n <= 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
