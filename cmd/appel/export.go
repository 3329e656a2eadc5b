package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"appel/internal/atomicfile"
	"appel/model"
	"appel/model/formats/export"
)

// exportFlags are the options every export shares.
type exportFlags struct {
	from, to, format, out string
	// pupil is the pupil of `export explain` (ELEVE_ID or INE).
	pupil string
}

// exportOptions reads the options of an export from its input.
func exportOptions(in input) exportFlags {
	e := exportFlags{from: in.str("from"), to: in.str("to"), format: in.str("format"), out: in.str("out")}
	if in.flags.Lookup("pupil") != nil {
		e.pupil = in.str("pupil")
	}
	return e
}

// span reads the directory and returns it with the dates of --from and
// --to, the school year by default.
func (e exportFlags) span(svc *model.Service) (dir *model.Directory, from, to model.Date, err error) {
	if dir, err = svc.Directory(); err != nil {
		return nil, from, to, err
	}
	from, to, err = e.dates(dir.School)
	return dir, from, to, err
}

// dates returns the dates of --from and --to, the school year by default.
func (e exportFlags) dates(school model.School) (model.Date, model.Date, error) {
	from, to := school.YearStart, school.YearEnd
	var err error
	if e.from != "" {
		if from, err = model.ParseDate(e.from); err != nil {
			return from, to, err
		}
	}
	if e.to != "" {
		if to, err = model.ParseDate(e.to); err != nil {
			return from, to, err
		}
	}
	if to.Before(from) {
		return from, to, model.Invalid("--to (%s) précède --from (%s)", to, from)
	}
	return from, to, nil
}

// tableWriter writes one export as a table.
type tableWriter func(*cli, *model.Service, exportFlags, export.Format, io.Writer) error

// runExport runs `export marks|seances|explain` with its writer.
func runExport(write tableWriter) func(*cli, input) error {
	return func(c *cli, in input) error {
		ef := exportOptions(in)
		format, err := export.ParseFormat(ef.format)
		if err != nil {
			return err
		}
		remote := c.remoteLine("out") + " > " + cmpOr(ef.out, "FICHIER")
		return c.withOperatorFor(remote, func(svc *model.Service) error {
			return c.output(ef.out, func(w io.Writer) error { return write(c, svc, ef, format, w) })
		})
	}
}

// output runs write on stdout (path "" or "-"), or on a temporary file
// renamed to path once complete.
func (c *cli) output(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(c.stdout)
	}
	err := atomicfile.Write(path, write)
	if errors.Is(err, atomicfile.ErrFolder) {
		return fmt.Errorf("écriture impossible dans %s : %v", filepath.Dir(path), err)
	}
	return err
}

func writeMarks(c *cli, svc *model.Service, ef exportFlags, f export.Format, w io.Writer) error {
	_, from, to, err := ef.span(svc)
	if err != nil {
		return err
	}
	p := c.progress("Lecture des marques", 0)
	records, err := svc.MarkRecords(from, to)
	p.done()
	if err != nil {
		return err
	}
	return c.writeTable(w, f, "Marques", export.MarkHeader, len(records), func(i int) []export.Value {
		return markRow(records[i]).Values()
	})
}

func markRow(r model.MarkRecord) export.MarkRow {
	a := r.Attendance
	by, at := a.EnteredBy()
	row := export.MarkRow{
		Date: r.Seance.Date, Start: r.Seance.Start, End: r.Seance.End, Seance: r.Seance.Target.Code,
		Teacher: r.Teacher(), PupilID: r.Pupil.ID, INE: r.Pupil.INE, LastName: r.Pupil.LastName,
		FirstName: r.Pupil.FirstName, Division: r.Pupil.Division, Kind: a.Kind, Minutes: a.Minutes,
		Valid: a.Valid(), Justified: a.Justified(), By: by, At: at,
	}
	if a.Justification != nil {
		row.Motive = a.Justification.Label
	}
	return row
}

var seanceHeader = []string{"date", "debut", "fin", "seance", "matiere", "enseignant", "salle",
	"annulee", "appel_fait", "appel_par", "appel_le", "absents", "retards"}

func writeSeances(c *cli, svc *model.Service, ef exportFlags, f export.Format, w io.Writer) error {
	_, from, to, err := ef.span(svc)
	if err != nil {
		return err
	}
	p := c.progress("Lecture des séances", 0)
	log, err := svc.SeanceLog(from, to)
	p.done()
	if err != nil {
		return err
	}
	return c.writeTable(w, f, "Séances", seanceHeader, len(log), func(i int) []export.Value {
		return seanceValues(log[i])
	})
}

func seanceValues(st model.SeanceStatus) []export.Value {
	se := st.Seance
	teacher := strings.Join(se.Teachers, ",")
	if se.Substitute != "" {
		teacher = se.Substitute
	}
	done, by, at := export.YesNo(false), export.Text(""), export.Value{}
	if st.Done != nil {
		done, by, at = export.YesNo(true), export.Text(st.Done.By), export.DateTime(st.Done.At)
	}
	return []export.Value{
		export.Date(se.Date), export.Clock(se.Start), export.Clock(se.End), export.Text(se.Target.Code),
		export.Text(se.Subject), export.Text(teacher), export.Text(se.Room), export.YesNo(se.Cancelled),
		done, by, at, export.Int(st.Absent), export.Int(st.Late),
	}
}

// remoteLine is the command line as it is typed over SSH: without the
// options of this machine (--db, --now, --as) nor those named.
func (c *cli) remoteLine(drop ...string) string {
	return strings.Join(c.remoteArgs(drop...), " ")
}

// remoteArgs are the words of remoteLine.
func (c *cli) remoteArgs(drop ...string) []string {
	args := c.args
	for _, o := range globalFlags {
		args = dropFlag(args, o.name)
	}
	for _, name := range drop {
		args = dropFlag(args, name)
	}
	return args
}

// stdinLine is remoteLine with file, the command's file argument, sent on
// the standard input, every other option kept: « import sts - --force < emp.xml ».
func (c *cli) stdinLine(file string) string {
	args := slices.Clone(c.remoteArgs())
	if i := slices.Index(args, file); i >= 0 && file != "-" {
		args[i] = "-"
		return strings.Join(args, " ") + " < " + file
	}
	return strings.Join(args, " ")
}

// dropFlag returns args without the flag --name (or -name) and its value.
func dropFlag(args []string, name string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := strings.TrimLeft(args[i], "-")
		switch {
		case a == name && strings.HasPrefix(args[i], "-"):
			i++
		case strings.HasPrefix(a, name+"=") && strings.HasPrefix(args[i], "-"):
		default:
			out = append(out, args[i])
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
