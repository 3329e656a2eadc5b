package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// explainChrome is the number of lines the explanation draws above its list.
const explainChrome = 4

// explainView lists the half-days that make a pupil's figures over a period,
// each with its séances: what a CPE shows a family who disputes a count.
type explainView struct {
	env      *env
	pupil    model.Pupil
	from, to model.Date
	loads    requests
	e        *model.PupilFigures
	lines    []explainLine
	// cursor is the half-day under the cursor; offset the first line shown.
	cursor, offset int
}

// explainLine is a line of the list: a half-day's header, or one of its séances.
type explainLine struct {
	half   int
	header bool
	// text is the header's, or what the séance counts for (mark, motive, who).
	text string
	// status styles a header: valable, non valable, non comptée.
	status string
	// seance is the séance of a séance line.
	seance model.Seance
}

type explainLoadedMsg struct {
	gen   int
	pupil model.PupilID
	e     model.PupilFigures
	err   error
}

func (v *explainView) load(svc service) tea.Cmd {
	gen, id, from, to := v.loads.next(), v.pupil.ID, v.from, v.to
	return func() tea.Msg {
		e, err := svc.ExplainPupil(id, from, to)
		return explainLoadedMsg{gen: gen, pupil: id, e: e, err: err}
	}
}

func (v *explainView) onLoaded(msg explainLoadedMsg) tea.Cmd {
	if msg.pupil != v.pupil.ID || !v.loads.take(msg.gen) {
		return nil
	}
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	v.e = &msg.e
	v.lines = explainLines(msg.e.Explanation)
	v.cursor = min(v.cursor, max(len(msg.e.Explanation.HalfDays)-1, 0))
	return nil
}

func explainLines(e model.Explanation) []explainLine {
	var out []explainLine
	for i, h := range e.HalfDays {
		out = append(out, explainLine{half: i, header: true, status: h.Status(), text: halfDayHeader(h)})
		for _, l := range h.Seances {
			out = append(out, explainLine{half: i, text: seanceText(l), seance: l.Attendance.Seance})
		}
	}
	return out
}

// halfDayHeader is "lun. 23/11/2026 matin · non valable · 2 séances manquées · 1,83 h".
func halfDayHeader(h model.HalfDayLine) string {
	missed := 0
	for _, l := range h.Seances {
		if l.Effect.Missed() {
			missed++
		}
	}
	parts := []string{fmt.Sprintf("%s %s", shortDate(h.Date)+"/"+fmt.Sprint(h.Date.Year), h.Half), h.Status()}
	if missed > 0 {
		parts = append(parts, plural(missed, "séance manquée", "séances manquées"), hoursText(h.Figures.MissedMinutes))
	}
	if f := h.Figures; f.Lates > 0 {
		parts = append(parts, fmt.Sprintf("%s (%d min)", plural(f.Lates, "retard", "retards"), f.LateMinutes))
	}
	return strings.Join(parts, " · ")
}

// seanceText is what a séance counts for: mark, motive, who entered them.
func seanceText(l model.SeanceLine) string {
	a := l.Attendance
	mark := markText(*a)
	if a.Seance.Cancelled {
		mark = "annulée"
	}
	motive := justificationText(*a)
	if motive == "" && (a.Kind == model.KindAbsent || a.Kind == model.KindLate) {
		motive = "sans motif"
	}
	return strings.Join(slices.DeleteFunc([]string{mark, motive, enteredText(*a)}, func(s string) bool { return s == "" }), " · ")
}

// enteredText says who entered the mark, or announced the absence, and when;
// then who gave the motive when it is someone else.
func enteredText(a model.Attendance) string {
	by, at := a.EnteredBy()
	if by == "" {
		return ""
	}
	verb := "par "
	if a.Mark == nil {
		verb = "annoncée par "
	}
	text := verb + by + " " + at.Format("02/01 15:04")
	if j := a.Justification; j != nil && j.By != "" && j.By != by {
		text += " · motif par " + j.By
	}
	return text
}

// navigate moves the cursor from half-day to half-day.
func (v *explainView) navigate(msg tea.KeyMsg, height int) {
	if v.e == nil {
		return
	}
	page := max((height-explainChrome)/3, 1)
	v.cursor, _ = navMove(msg, v.env.nav, v.cursor, len(v.e.Explanation.HalfDays), page)
}

// window returns the lines to show in height rows, scrolled so that the
// cursor's half-day is in view (its header at least).
func (v *explainView) window(height int) []explainLine {
	height = max(height, 1)
	first, last := -1, -1
	for i, l := range v.lines {
		if l.half == v.cursor {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		if first < v.offset {
			v.offset = first
		}
		if last >= v.offset+height {
			v.offset = min(first, last-height+1)
		}
	}
	v.offset = max(0, min(v.offset, len(v.lines)-height))
	return v.lines[v.offset:min(v.offset+height, len(v.lines))]
}

// view draws the explanation.
func (v *explainView) view(width, height int) string {
	st := v.env.styles
	p := v.pupil
	title := fmt.Sprintf("Explication — %s (%s) · du %s au %s", p.FullName(), p.Division, v.from.French(), v.to.French())
	lines := []string{st.Title.Render(truncate(title, width))}
	if v.e == nil {
		return strings.Join(append(lines, "Chargement…"), "\n")
	}
	e := v.e.Explanation
	f := e.Totals
	total := fmt.Sprintf("Total : %s (%s, %s) · %s", plural(f.HalfDays(), "demi-journée", "demi-journées"),
		plural(f.ValidHalfDays, "valable", "valables"), plural(f.InvalidHalfDays, "non valable", "non valables"), hoursText(f.MissedMinutes))
	lates := fmt.Sprintf("%s (%d min) · ", plural(f.Lates, "retard", "retards"), f.LateMinutes)
	lines = append(lines, truncate(total, width), truncate(lates+v.thresholdText(), width), "")
	if len(e.HalfDays) == 0 {
		lines = append(lines, st.Muted.Render("Aucune absence, aucun retard ni aucune autre marque sur la période."))
	}
	for _, l := range v.window(height - explainChrome) {
		lines = append(lines, v.lineText(l, width))
	}
	return strings.Join(lines, "\n")
}

func (v *explainView) lineText(l explainLine, width int) string {
	st := v.env.styles
	if !l.header {
		se := l.seance
		when, code, subject := se.Start.String(), 6, 14
		if width >= 100 {
			when, code, subject = se.TimeRange(), 9, 20
		}
		return truncate(fmt.Sprintf("    %s %s %s %s", when, padRight(se.Target.Code, code),
			padRight(se.Subject, subject), l.text), width)
	}
	marker, text := "  ", l.text
	if l.half == v.cursor {
		marker, text = "› ", st.Cursor.Render(text)
	}
	style := st.Muted
	switch l.status {
	case "non valable":
		style = st.Absent
	case "valable":
		style = st.Justified
	}
	return truncate(marker+style.Render(text), width)
}

// thresholdText names the months over the threshold, and the marks that count for nothing.
func (v *explainView) thresholdText() string {
	var parts []string
	for _, m := range v.e.Months {
		if m.OverThreshold() {
			parts = append(parts, fmt.Sprintf("%s (4e le %s)", monthLabel(m.Month), halfDayText(m.ReachedOn, m.ReachedHalf)))
		}
	}
	text := "seuil de signalement non atteint"
	if len(parts) > 0 {
		text = "⚠ seuil atteint : " + strings.Join(parts, ", ")
	}
	if n := len(v.e.Unplaced); n > 0 {
		text += fmt.Sprintf(" · %s hors emploi du temps, non comptée(s)", plural(n, "marque", "marques"))
	}
	return text
}
