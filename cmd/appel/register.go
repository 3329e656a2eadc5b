package main

import (
	"io"

	"appel/model"
	"appel/model/formats/export"
	"appel/model/register"
)

// registerHeader are the columns of `export register` as CSV or ODS.
var registerHeader = []string{"date", "debut", "fin", "matiere", "cible", "enseignants", "appel_fait_par", "appel_fait_le",
	"eleve_id", "nom", "prenom", "marque", "minutes", "justification"}

// runExportRegister writes the registre d'appel of a division: PDF, ODS or CSV.
func runExportRegister(c *cli, in input) error {
	ef := exportOptions(in)
	division, format := in.str("division"), in.str("format")
	remote := c.remoteLine("out") + " > " + cmpOr(ef.out, "FICHIER")
	return c.withOperatorFor(remote, func(svc *model.Service) error {
		_, from, to, err := ef.span(svc)
		if err != nil {
			return err
		}
		r, err := svc.Register(division, from, to)
		if err != nil {
			return err
		}
		if format == "pdf" {
			return c.output(ef.out, func(w io.Writer) error { return register.Write(w, r) })
		}
		f, err := export.ParseFormat(format)
		if err != nil {
			return err
		}
		return c.output(ef.out, func(w io.Writer) error { return writeRegisterTable(c, r, f, w) })
	})
}

// writeRegisterTable writes one row per pupil marked in a séance, and one
// row without a pupil for a séance where everyone was present.
func writeRegisterTable(c *cli, r model.Register, f export.Format, w io.Writer) error {
	var rows [][]export.Value
	loc := r.School.Location()
	for _, rs := range r.Seances {
		s := rs.Seance
		var teachers []string
		for _, t := range s.Teachers {
			teachers = append(teachers, r.Name(t))
		}
		by, at := "", ""
		if rs.RollCall != nil {
			by, at = r.Name(rs.RollCall.By), rs.RollCall.At.In(loc).Format("02/01/2006 15:04")
		}
		base := []export.Value{export.Text(s.Date.French()), export.Text(s.Start.String()), export.Text(s.End.String()),
			export.Text(s.Subject), export.Text(s.Target.Code), export.Text(joinNames(teachers)), export.Text(by), export.Text(at)}
		if len(rs.Lines) == 0 {
			rows = append(rows, append(base, export.Text(""), export.Text(""), export.Text(""), export.Text("tous présents"),
				export.Text(""), export.Text("")))
			continue
		}
		for _, a := range rs.Lines {
			p := pupilOf(r, a.Pupil)
			rows = append(rows, append(append([]export.Value{}, base...), export.Text(string(p.ID)), export.Text(p.LastName),
				export.Text(p.FirstName), export.Text(a.Kind.Export()), export.Int(a.Minutes), export.Text(justification(a))))
		}
	}
	return c.writeTable(w, f, "Registre "+r.Division.Code, registerHeader, len(rows), func(i int) []export.Value { return rows[i] })
}

func pupilOf(r model.Register, id model.PupilID) model.Pupil {
	for _, p := range r.Pupils {
		if p.ID == id {
			return p
		}
	}
	return model.Pupil{ID: id}
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

// justification is « valable », « non valable » or « sans motif » for an
// absence, empty otherwise.
func justification(a model.Attendance) string {
	switch {
	case !a.IsAbsence():
		return ""
	case a.Justification == nil:
		return "sans motif"
	case a.Justification.Valid:
		return "valable"
	}
	return "non valable"
}
