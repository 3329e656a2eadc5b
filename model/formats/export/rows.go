package export

import (
	"io"
	"strings"
	"time"

	"appel/model"
)

// MarkHeader is the marks export's header (docs/CONTRACT.md), in this order.
var MarkHeader = []string{"date", "debut", "fin", "seance", "enseignant", "eleve_id", "ine", "nom", "prenom",
	"division", "marque", "minutes", "motif", "valable", "justifiee", "saisi_par", "saisi_le"}

// MarkRow is one mark of the export.
type MarkRow struct {
	Date       model.Date
	Start, End model.Clock
	// Seance is the division or group code of the séance.
	Seance string
	// Teacher is the login of the séance's teacher.
	Teacher   string
	PupilID   model.PupilID
	INE       string
	LastName  string
	FirstName string
	Division  string
	Kind      model.MarkKind
	// Minutes of lateness; written for late marks only.
	Minutes int
	// Motive is the motive's label, or "".
	Motive    string
	Valid     bool
	Justified bool
	// By is the login that entered the mark, At when.
	By string
	At time.Time
}

// Values returns the row's cells in MarkHeader's order.
func (r MarkRow) Values() []Value {
	minutes := Value{}
	if r.Kind == model.KindLate {
		minutes = Int(r.Minutes)
	}
	return []Value{
		Date(r.Date), Clock(r.Start), Clock(r.End), Text(r.Seance), Text(r.Teacher), Text(string(r.PupilID)),
		Text(r.INE), Text(r.LastName), Text(r.FirstName), Text(r.Division), Text(r.Kind.Export()), minutes,
		Text(r.Motive), YesNo(r.Valid), YesNo(r.Justified), Text(r.By), DateTime(r.At),
	}
}

// StatsHeader is the per-pupil statistics header (docs/CONTRACT.md), in this order.
var StatsHeader = []string{"eleve_id", "ine", "nom", "prenom", "division", "demi_journees", "dj_valables",
	"dj_non_valables", "heures", "retards", "minutes_retard", "mois_signalement"}

// StatsRow is one pupil's counts over the exported range.
type StatsRow struct {
	PupilID   model.PupilID
	INE       string
	LastName  string
	FirstName string
	Division  string
	// HalfDays must equal ValidHalfDays + InvalidHalfDays (DOMAIN.md).
	HalfDays        int
	ValidHalfDays   int
	InvalidHalfDays int
	// Hours missed, written with two decimals at most.
	Hours       float64
	Lates       int
	LateMinutes int
	// ReportMonths are the months (2026-11) with four or more non valable half-days.
	ReportMonths []string
}

// Values returns the row's cells in StatsHeader's order.
func (r StatsRow) Values() []Value {
	return []Value{
		Text(string(r.PupilID)), Text(r.INE), Text(r.LastName), Text(r.FirstName), Text(r.Division),
		Int(r.HalfDays), Int(r.ValidHalfDays), Int(r.InvalidHalfDays), Decimal(round2(r.Hours)),
		Int(r.Lates), Int(r.LateMinutes), Text(strings.Join(r.ReportMonths, ",")),
	}
}

// check refuses a row whose half-days do not add up: a wrong count is the
// worst defect a family could be shown.
func (r StatsRow) check() error {
	if r.HalfDays != r.ValidHalfDays+r.InvalidHalfDays {
		return model.Invalid("élève %s : %d demi-journées au total, mais %d valables + %d non valables",
			r.PupilID, r.HalfDays, r.ValidHalfDays, r.InvalidHalfDays)
	}
	return nil
}

// WriteMarks writes the marks export to w.
func WriteMarks(w io.Writer, f Format, rows []MarkRow) error {
	t, err := NewTable(w, f, "Marques", MarkHeader)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := t.Row(r.Values()...); err != nil {
			return err
		}
	}
	return t.Close()
}

// WriteStats writes the per-pupil statistics to w, refusing a row whose
// half-days do not add up.
func WriteStats(w io.Writer, f Format, rows []StatsRow) error {
	for _, r := range rows {
		if err := r.check(); err != nil {
			return err
		}
	}
	t, err := NewTable(w, f, "Statistiques", StatsHeader)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := t.Row(r.Values()...); err != nil {
			return err
		}
	}
	return t.Close()
}
