package tui

import (
	"fmt"
	"strings"

	"appel/model"
)

// timetableLines draws the pupil's emploi du temps of the week: one line per
// slot, one column per day, the subject of each séance (of that week's type,
// A or B), holidays and cancelled séances said so.
func (s *pupilsScreen) timetableLines(width int) []string {
	st, f := s.env.styles, s.file
	if len(f.Week) == 0 {
		return []string{st.Muted.Render("  Pas de cours cette semaine.")}
	}
	title := "Semaine du " + f.Week[0].Date.Monday().French()
	if wt := f.Week[0].WeekType; wt != "" {
		title += " · semaine " + wt
	}
	const slotW = 9
	colW := max((width-slotW)/len(f.Week), 4)
	head := strings.Repeat(" ", slotW)
	for _, d := range f.Week {
		head += padRight(shortDate(d.Date), colW)
	}
	lines := []string{st.Header.Render(title) + st.Muted.Render("  ([ ] semaine précédente, suivante)"), truncate(head, width)}
	for k, sl := range f.Slots {
		line := padRight(sl.Code+" "+sl.Start.String(), slotW)
		for _, d := range f.Week {
			line += padRight(truncate(timetableCell(f, d, sl, k == 0), colW-1), colW)
		}
		lines = append(lines, truncate(line, width))
	}
	return lines
}

// timetableCell is what the pupil has on day d at slot sl.
func timetableCell(f *model.PupilFile, d model.GridDay, sl model.Slot, first bool) string {
	for _, se := range f.Timetable {
		if se.Date != d.Date || se.Start >= sl.End || se.End <= sl.Start {
			continue
		}
		if se.Cancelled {
			return "x " + se.Subject + " (annulé)"
		}
		text := se.Subject
		if c := courseWeeks(f, se); c != "" {
			text += " (" + c + ")"
		}
		return text
	}
	if d.Holiday != "" {
		if first {
			return fmt.Sprintf("~ %s", d.Holiday)
		}
		return "~"
	}
	return ""
}

// courseWeeks says "sem. A" for a séance of a course given in week A only.
func courseWeeks(f *model.PupilFile, se model.Seance) string {
	if w, ok := f.CourseWeeks[se.Course]; ok && w != "" {
		return "sem. " + w
	}
	return ""
}
