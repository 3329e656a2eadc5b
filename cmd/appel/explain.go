package main

import (
	"fmt"
	"io"
	"strings"

	"appel/model"
	"appel/model/formats/export"
)

// explainHeader is the header of `appel export explain`: one row per séance of
// each half-day that makes the pupil's figures (the half-days in which
// something is recorded for him), in time order.
//   - statut: the half-day's verdict (valable, non valable, non comptée);
//     dj_valable, dj_non_valable and minutes_dj (missed time) are the half-day's part of the
//     figures, written on its first row and 0 on the others, so that the
//     columns add up to the pupil's totals;
//   - effet: what the séance counts for (absence, retard, séance annulée…);
//   - marque: the mark (absent, retard, …, present), minutes of lateness;
//   - motif, valable, justifiee: for absences and lateness;
//   - absence_annoncee: an absence announced by the family covers the séance;
//   - saisi_par, saisi_le: who entered the mark (or the announced absence);
//     motif_par, motif_le: who gave the motive.
var explainHeader = []string{"eleve_id", "nom", "prenom", "division", "date", "demi_journee", "statut",
	"dj_valable", "dj_non_valable", "minutes_dj", "debut", "fin", "seance", "matiere", "enseignant", "effet",
	"marque", "minutes", "motif", "valable", "justifiee", "absence_annoncee", "saisi_par", "saisi_le",
	"motif_par", "motif_le"}

// explainRow is one séance of an explained half-day.
type explainRow struct {
	half  *model.HalfDayLine
	line  model.SeanceLine
	first bool
}

func writeExplain(c *cli, svc *model.Service, ef exportFlags, f export.Format, w io.Writer) error {
	dir, from, to, err := ef.span(svc)
	if err != nil {
		return err
	}
	p, ok := dir.FindPupil(ef.pupil)
	if !ok {
		return model.NotFound("élève %q introuvable (ELEVE_ID ou INE)", ef.pupil)
	}
	e, err := svc.ExplainPupil(p.ID, from, to)
	if err != nil {
		return err
	}
	if n := len(e.Unplaced); n > 0 {
		fmt.Fprintf(c.stderr, "appel : %d marque(s) de %s hors de son emploi du temps, non comptée(s)\n", n, p.FullName())
	}
	rows := explainRows(e.Explanation)
	return c.writeTable(w, f, "Explication", explainHeader, len(rows), func(i int) []export.Value {
		return explainValues(p, rows[i])
	})
}

func explainRows(e model.Explanation) []explainRow {
	var out []explainRow
	for i := range e.HalfDays {
		h := &e.HalfDays[i]
		for k, l := range h.Seances {
			out = append(out, explainRow{half: h, line: l, first: k == 0})
		}
	}
	return out
}

func explainValues(p model.Pupil, r explainRow) []export.Value {
	h, a := r.half, r.line.Attendance
	var fig model.Figures
	if r.first {
		fig = h.Figures
	}
	se := a.Seance
	return append([]export.Value{
		export.Text(string(p.ID)), export.Text(p.LastName), export.Text(p.FirstName), export.Text(p.Division),
		export.Date(h.Date), export.Text(h.Half.String()), export.Text(h.Status()),
		export.Int(fig.ValidHalfDays), export.Int(fig.InvalidHalfDays), export.Int(fig.MissedMinutes),
		export.Clock(se.Start), export.Clock(se.End), export.Text(se.Target.Code), export.Text(se.Subject),
		export.Text(teacherOf(se)), export.Text(r.line.Effect.Label()),
	}, attendanceValues(*a)...)
}

// attendanceValues are marque … motif_le.
func attendanceValues(a model.Attendance) []export.Value {
	minutes, motive, valid, justified := export.Value{}, export.Value{}, export.Value{}, export.Value{}
	if a.Kind == model.KindLate {
		minutes = export.Int(a.Minutes)
	}
	var motiveBy, motiveAt export.Value
	if a.Kind == model.KindAbsent || a.Kind == model.KindLate {
		valid, justified = export.YesNo(a.Valid()), export.YesNo(a.Justified())
	}
	if j := a.Justification; j != nil {
		motive, motiveBy, motiveAt = export.Text(j.Label), export.Text(j.By), export.DateTime(j.At)
	}
	by, at := a.EnteredBy()
	return []export.Value{
		export.Text(a.Kind.Export()), minutes, motive, valid, justified, export.YesNo(a.Notice != nil),
		export.Text(by), export.DateTime(at), motiveBy, motiveAt,
	}
}

// teacherOf is the login of who gives the séance (the substitute first).
func teacherOf(se model.Seance) string {
	if se.Substitute != "" {
		return se.Substitute
	}
	return strings.Join(se.Teachers, ",")
}
