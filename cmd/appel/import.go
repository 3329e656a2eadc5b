package main

import (
	"fmt"
	"io"

	"appel/model"
	"appel/model/imports"
)

// importFlags are the options of `appel import`.
type importFlags struct {
	check, force, detail bool
	// slots takes the timetable's own bell grid (--slots-from-file).
	slots bool
	// from dates a SIECLE re-import's changes (zero: the file's date).
	from model.Date
}

// runImport runs `appel import KIND FILE` (« - »: standard input).
func runImport(kind imports.Kind) func(*cli, input) error {
	return func(c *cli, in input) error {
		f := importFlags{check: in.on("check"), force: in.on("force"), detail: in.on("detail")}
		if kind == imports.Timetable {
			f.slots = in.on("slots-from-file")
		}
		if v := in.str("from"); v != "" {
			d, err := model.ParseDate(v)
			if err != nil {
				return err
			}
			f.from = d
		}
		src, err := readSource(c.stdin, in.arg(0))
		if err != nil {
			return err
		}
		return c.withOperatorFor(c.stdinLine(in.arg(0)), func(svc *model.Service) error {
			return importFile(svc, kind, src, f, c.stdout, c.steps())
		})
	}
}

// readSource reads the file to import; « - » is the standard input (the way
// to send a file to a server over SSH).
func readSource(stdin io.Reader, path string) (imports.Source, error) {
	if path == "-" {
		return imports.ReadAll(stdin, "-")
	}
	return imports.ReadFile(path)
}

// importFile runs one import (or its check) with svc and writes its report
// on out; progress, when not nil, shows how far it is. A refused file
// returns its one-line error after the report has listed every refused row.
func importFile(svc *model.Service, kind imports.Kind, src imports.Source, f importFlags, out io.Writer, progress *steps) error {
	opt := imports.Options{Force: f.force, From: f.from, SlotsFromFile: f.slots}
	if progress != nil {
		defer progress.done()
		opt.Progress = progress.show
	}
	if f.check {
		plan, err := imports.Check(svc, kind, src, opt)
		if plan != nil {
			writePlan(out, plan, f.detail)
			fmt.Fprintln(out, "Vérification seulement (--check) : rien n'a été écrit.")
		}
		return err
	}
	rep, err := imports.Run(svc, kind, src, opt)
	if rep != nil {
		writePlan(out, rep.Plan, f.detail)
		if rep.Applied {
			fmt.Fprintf(out, "Import enregistré : %d modification%s.\n", rep.Written, plural(rep.Written))
		}
	}
	return err
}

// maxDetails bounds the detail lines printed without --detail.
const maxDetails = 200

// writePlan prints a plan: what was read, the counts per entity, the records
// worth reading, the parser's notes and every refused row.
// A refusal of the whole file (another school, another year) comes first,
// and then the detail of what it would have done is left out unless asked.
func writePlan(w io.Writer, p *imports.Plan, all bool) {
	fmt.Fprintf(w, "Fichier %s", model.Visible(p.File))
	if p.Format != "" {
		fmt.Fprintf(w, " : %s", p.Format)
	}
	fmt.Fprintln(w)
	var whole, rows []string
	for _, r := range p.Refused {
		if r.Line == 0 {
			whole = append(whole, r.String())
		} else {
			rows = append(rows, r.String())
		}
	}
	section(w, "Refusé", whole, true)
	if len(whole) > 0 {
		fmt.Fprintln(w, "Sans ce refus, l'import aurait donné :")
	}
	for _, line := range p.Summary() {
		fmt.Fprintln(w, "  "+line)
	}
	if len(whole) > 0 && !all {
		fmt.Fprintln(w, "  (le fichier entier est refusé : --detail montre ce qu'il aurait fait)")
		section(w, "Refusé", rows, true)
		return
	}
	details := p.Details()
	if all {
		details = nil
		for _, it := range p.Items {
			details = append(details, it.String())
		}
	}
	section(w, "Détail", details, all)
	section(w, "Remarques", p.Notes, all)
	section(w, "Refusé", rows, true)
}

func section(w io.Writer, title string, lines []string, all bool) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(w, "%s :\n", title)
	for i, l := range lines {
		if !all && i == maxDetails {
			fmt.Fprintf(w, "  … et %d autres (--detail pour tout voir)\n", len(lines)-i)
			return
		}
		fmt.Fprintln(w, "  "+model.Visible(l))
	}
}

func plural(n int) string {
	if n > 1 {
		return "s"
	}
	return ""
}

// runImportUndo takes back the last import.
func runImportUndo(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		u, err := svc.UndoLastImport()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Import annulé (%s) : %d enregistrement%s supprimé%s, %d remis dans leur état d'avant.\n",
			model.Visible(u.Verb), u.Deleted, plural(u.Deleted), plural(u.Deleted), u.Restored)
		return nil
	})
}
