// Package register prints the registre d'appel of a division (R131-5) as a
// PDF: for every séance of the range, in time order, its subject, teachers
// and room, whether the roll call was taken (by whom, when), and the
// division's pupils who were absent, late or otherwise not in class, with
// what the school knows of why (valable, non valable, sans motif). Text is
// real text in the Go fonts, embedded as UTF-8 TrueType (as the letters are).
package register

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"appel/model"
)

const (
	margin     = 15.0
	lineHeight = 4.5
)

// Write prints the register to w.
func Write(w io.Writer, r model.Register) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("Go", "B", gobold.TTF)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	title := fmt.Sprintf("Registre d'appel %s, du %s au %s", r.Division.Code, r.From.French(), r.To.French())
	pdf.SetTitle(title, true)
	pdf.SetCreator("appel", true)
	pdf.SetCreationDate(r.At)
	pdf.SetModificationDate(r.At)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont("Go", "", 7)
		pdf.CellFormat(0, 4, fmt.Sprintf("%s · %s · page %d", model.Visible(r.School.Name), title, pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	header(pdf, r, title)
	var day model.Date
	for _, s := range r.Seances {
		if s.Seance.Date != day {
			day = s.Seance.Date
			pdf.Ln(2)
			pdf.SetFont("Go", "B", 10)
			pdf.MultiCell(0, lineHeight+1, dayTitle(day), "B", "L", false)
		}
		seance(pdf, r, s)
	}
	if len(r.Seances) == 0 {
		pdf.SetFont("Go", "", 9)
		pdf.MultiCell(0, lineHeight, "Aucune séance commencée sur la période.", "", "L", false)
	}
	return pdf.Output(w)
}

func header(pdf *fpdf.Fpdf, r model.Register, title string) {
	pdf.SetFont("Go", "B", 13)
	pdf.MultiCell(0, 6, title, "", "L", false)
	pdf.SetFont("Go", "", 9)
	school := fmt.Sprintf("%s (%s), année %s", model.Visible(r.School.Name), r.School.UAI, r.School.YearLabel())
	pdf.MultiCell(0, lineHeight, school, "", "L", false)
	pdf.MultiCell(0, lineHeight, fmt.Sprintf("Élèves de la division sur la période : %d. Arrêté au %s.",
		len(r.Pupils), r.At.In(r.School.Location()).Format("02/01/2006 15:04")), "", "L", false)
	for _, p := range r.Pupils {
		if notes := p.HistoryNotes(r.To.AddDays(1)); len(notes) > 0 {
			pdf.MultiCell(0, lineHeight, "  "+model.Visible(p.FullName())+" : "+strings.Join(notes, ", "), "", "L", false)
		}
	}
}

var weekdays = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}

func dayTitle(d model.Date) string { return weekdays[d.Weekday()] + " " + d.French() }

func seance(pdf *fpdf.Fpdf, r model.Register, rs model.RegisterSeance) {
	s := rs.Seance
	var teachers []string
	for _, t := range s.Teachers {
		teachers = append(teachers, r.Name(t))
	}
	call := "appel non fait"
	if rs.RollCall != nil {
		call = fmt.Sprintf("appel fait par %s à %s", r.Name(rs.RollCall.By), rs.RollCall.At.In(r.School.Location()).Format("15:04"))
	}
	where := s.Target.Code
	if s.Room != "" {
		where += ", " + s.Room
	}
	pdf.SetFont("Go", "B", 9)
	pdf.MultiCell(0, lineHeight, fmt.Sprintf("%s–%s  %s (%s) — %s — %s", s.Start, s.End, model.Visible(s.Subject),
		model.Visible(where), model.Visible(strings.Join(teachers, ", ")), call), "", "L", false)
	pdf.SetFont("Go", "", 9)
	if len(rs.Lines) == 0 {
		pdf.MultiCell(0, lineHeight, "    tous présents", "", "L", false)
		return
	}
	var parts []string
	for _, a := range rs.Lines {
		parts = append(parts, model.Visible(r.PupilName(a.Pupil))+" : "+what(a))
	}
	pdf.MultiCell(0, lineHeight, "    "+strings.Join(parts, " ; "), "", "L", false)
}

// what says a pupil's line: the mark, the minutes of a lateness, the state
// of its justification.
func what(a model.Attendance) string {
	out := a.Kind.Label()
	if a.Kind == model.KindLate && a.Minutes > 0 {
		out += fmt.Sprintf(" %d min", a.Minutes)
	}
	if !a.IsAbsence() {
		return out
	}
	switch {
	case a.Justification == nil:
		return out + ", sans motif"
	case a.Justification.Valid:
		return out + ", motif valable"
	}
	return out + ", motif non valable"
}
