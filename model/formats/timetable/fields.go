package timetable

import (
	"strconv"
	"strings"
	"time"

	"appel/model"
	"appel/model/formats"
)

// parseDay reads a French day name (lundi, Lundi, LUNDI, « lun »).
func parseDay(s string) (time.Weekday, bool) { return model.ParseWeekday(formats.FoldName(s)) }

// parseDuration reads a duration as EDT (« 1h00 », « 0h55 », « 2h ») or
// emp_sts (« 0130 ») write it.
func parseDuration(s string) (int, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	var hh, mm string
	switch {
	case strings.Contains(t, "h"):
		hh, mm, _ = strings.Cut(t, "h")
	case len(t) == 4:
		hh, mm = t[:2], t[2:]
	default:
		return 0, false
	}
	if mm == "" {
		mm = "0"
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || h > 12 || m < 0 || m > 59 || h*60+m == 0 {
		return 0, false
	}
	return h*60 + m, true
}

// endOf returns start + minutes, or false past midnight.
func endOf(start model.Clock, minutes int) (model.Clock, bool) {
	end := start + model.Clock(minutes)
	return end, end <= 24*60
}

// weekCode maps the alternation codes EDT and UDT write to appel's weeks: ""
// every week, « A », « B »; ok is false for a code it does not know.
func weekCode(s string) (string, bool) {
	switch strings.ToUpper(strings.Join(strings.Fields(s), "")) {
	case "", "H", "HEBDO", "HEBDOMADAIRE":
		return "", true
	case "Q1", "A", "SA", "SEMA", "SEMAINEA":
		return "A", true
	case "Q2", "B", "SB", "SEMB", "SEMAINEB":
		return "B", true
	}
	return "", false
}

// splitList splits a comma-separated list, trimming and dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
