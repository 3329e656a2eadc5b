// Package absences reads an absence history brought from another tool
// (docs/CONTRACT.md, `appel import absences`): a CSV with the columns eleve, date,
// debut, fin, marque, minutes, motif and justifiee, found by name.
//
// Reading is strict, since skipping a row would lose an absence: a row whose
// date, times, mark, minutes or justification cannot be read refuses the
// file, naming its line. Whether the pupil and the motive exist is for the
// importer to check against the school.
package absences

import (
	"strconv"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/csvfr"
)

// Row is one line of the history: a mark of a pupil over [From, To) on Date.
type Row struct {
	Line int
	// Pupil is the INE or the SIECLE ELEVE_ID, as written.
	Pupil    string
	Date     model.Date
	From, To model.Clock
	Kind     model.MarkKind
	// Minutes of lateness, for late marks.
	Minutes int
	// Motive is the motive's label as written, or "".
	Motive    string
	Justified bool
}

type columns struct {
	pupil, date, from, to, kind, minutes, motive, justified int
}

// Parse reads the history file called file.
func Parse(file string, data []byte) ([]Row, error) {
	tab, err := csvfr.Read(file, data)
	if err != nil {
		return nil, err
	}
	var cols columns
	for _, need := range []struct {
		dst  *int
		name string
	}{{&cols.pupil, "eleve"}, {&cols.date, "date"}, {&cols.from, "debut"}, {&cols.to, "fin"}} {
		if *need.dst, err = tab.Need(need.name); err != nil {
			return nil, err
		}
	}
	cols.kind, cols.minutes = tab.Column("marque"), tab.Column("minutes")
	cols.motive, cols.justified = tab.Column("motif"), tab.Column("justifiee")
	rows := make([]Row, 0, len(tab.Rows))
	for _, r := range tab.Rows {
		row, err := cols.read(r)
		if err != nil {
			return nil, formats.Errorf(file, r.Line, "%v", err)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func (c columns) read(r csvfr.Row) (Row, error) {
	row := Row{Line: r.Line, Pupil: r.Cell(c.pupil), Motive: r.Cell(c.motive)}
	if row.Pupil == "" {
		return row, model.Invalid("élève manquant (colonne eleve : INE ou ELEVE_ID)")
	}
	var err error
	if row.Date, err = model.ParseDate(r.Cell(c.date)); err != nil {
		return row, err
	}
	if row.From, row.To, err = times(r.Cell(c.from), r.Cell(c.to)); err != nil {
		return row, err
	}
	if row.Kind, err = kind(r.Cell(c.kind)); err != nil {
		return row, err
	}
	if row.Minutes, err = minutes(r.Cell(c.minutes), row.Kind); err != nil {
		return row, err
	}
	row.Justified, err = yesNo(r.Cell(c.justified))
	return row, err
}

func times(from, to string) (model.Clock, model.Clock, error) {
	f, err := model.ParseClock(from)
	if err != nil {
		return 0, 0, err
	}
	t, err := model.ParseClock(to)
	if err != nil {
		return 0, 0, err
	}
	if t <= f {
		return 0, 0, model.Invalid("fin %s avant le début %s", t, f)
	}
	return f, t, nil
}

func kind(s string) (model.MarkKind, error) {
	k, err := model.ParseMarkKind(formats.FoldName(s))
	if err != nil {
		return "", err
	}
	if k == model.KindPresent {
		return "", model.Invalid("marque %q : un historique d'absences ne contient pas de présences", formats.Excerpt(s))
	}
	return k, nil
}

func minutes(s string, k model.MarkKind) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil || n < 0 || n > 600:
		return 0, model.Invalid("minutes %q illisibles (nombre entier de 0 à 600 attendu)", formats.Excerpt(s))
	case n > 0 && k != model.KindLate:
		return 0, model.Invalid("%d minutes pour une marque %s : les minutes ne vont qu'avec un retard", n, k.Export())
	}
	return n, nil
}

func yesNo(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "oui":
		return true, nil
	case "non", "":
		return false, nil
	}
	return false, model.Invalid("justifiee %q : oui ou non attendu", formats.Excerpt(s))
}
