package main

import (
	"fmt"
	"io"
	"strings"

	"appel/model"
)

// runExportPupil writes everything the school holds on one pupil, as a text
// a person reads (the family's right of access).
func runExportPupil(c *cli, in input) error {
	ef := exportFlags{pupil: in.str("pupil"), out: in.str("out")}
	remote := c.remoteLine("out") + " > " + cmpOr(ef.out, "FICHIER")
	return c.withOperatorFor(remote, func(svc *model.Service) error {
		dir, err := svc.Directory()
		if err != nil {
			return err
		}
		p, ok := dir.FindPupil(ef.pupil)
		if !ok {
			return model.NotFound("élève %q introuvable (ELEVE_ID ou INE)", ef.pupil)
		}
		r, err := svc.PupilRecord(p.ID)
		if err != nil {
			return err
		}
		return c.output(ef.out, func(w io.Writer) error { return writePupilRecord(w, r) })
	})
}

// recordWriter writes the sections of a pupil's record.
type recordWriter struct {
	w   io.Writer
	r   model.PupilRecord
	err error
}

func (rw *recordWriter) line(format string, args ...any) {
	if rw.err == nil {
		_, rw.err = fmt.Fprintf(rw.w, format+"\n", args...)
	}
}

// section starts a part of the record; n counts its entries (-1: not a list).
func (rw *recordWriter) section(title string, n int) {
	if n >= 0 {
		title = fmt.Sprintf("%s (%d)", title, n)
	}
	rw.line("")
	rw.line("%s", title)
	rw.line("%s", strings.Repeat("-", len([]rune(title))))
	if n == 0 {
		rw.line("  aucun")
	}
}

// writePupilRecord writes the record: every text shown escaped (model.Visible).
func writePupilRecord(w io.Writer, r model.PupilRecord) error {
	v := model.Visible
	rw := &recordWriter{w: w, r: r}
	loc := r.School.Location()
	p := r.Pupil
	rw.line("Données détenues par %s (%s) sur %s, au %s", v(r.School.Name), r.School.UAI, v(p.FullName()), r.At.In(loc).Format("02/01/2006 15:04"))
	rw.line("Année scolaire %s. Ces données sont conservées pour la seule année scolaire (article R131-6 du code de l'éducation).", r.School.YearLabel())
	rw.section("Identité et scolarité", -1)
	rw.line("  identifiant : %s ; INE : %s", v(string(p.ID)), v(orNone(p.INE)))
	rw.line("  nom : %s ; prénom : %s ; né(e) le %s ; sexe : %s", v(p.LastName), v(p.FirstName), dateOrDash(p.BirthDate), v(orNone(p.Sex)))
	rw.line("  division : %s ; groupes : %s", v(orNone(p.Division)), v(orNone(strings.Join(p.Groups, ", "))))
	for _, n := range p.HistoryNotes(model.DateOf(r.At.In(loc))) {
		rw.line("  %s", v(n))
	}
	rw.section("Responsables", len(r.Guardians))
	for _, g := range r.Guardians {
		rw.line("  %s %s %s ; tél. %s ; courriel %s ; adresse %s", v(g.Civility), v(g.LastName), v(g.FirstName),
			v(orNone(strings.Join(nonEmpty(g.Phone, g.HomePhone, g.WorkPhone), ", "))), v(orNone(g.Email)), v(orNone(strings.Join(g.Address, ", "))))
	}
	rw.section("Absences, retards et autres marques", len(r.Marks))
	for _, m := range r.Marks {
		rw.line("  %s : %s%s%s ; saisi par %s le %s", seanceText(m.Seance), m.Kind.Label(), minutesText(m), justificationText(m.Justification),
			v(r.Name(m.By)), m.At.In(loc).Format("02/01/2006 15:04"))
	}
	rw.section("Absences annoncées par la famille", len(r.Notices))
	for _, n := range r.Notices {
		rw.line("  du %s au %s%s ; note : %s ; saisie par %s", n.From.In(loc).Format("02/01/2006 15:04"), n.To.In(loc).Format("02/01/2006 15:04"),
			justificationText(n.Justification), v(orNone(n.Note)), v(r.Name(n.By)))
	}
	rw.section("Appels à la famille", len(r.Calls))
	for _, c := range r.Calls {
		rw.line("  le %s par %s, à %s : %s ; note : %s", c.At.In(loc).Format("02/01/2006 15:04"), v(r.Name(c.By)), v(orNone(c.Person)), v(c.Outcome), v(orNone(c.Note)))
	}
	rw.section("Signalements à l'autorité académique (DASEN)", len(r.Reports))
	for _, rep := range r.Reports {
		rw.line("  mois %s, enregistré par %s le %s ; note : %s", rep.Month, v(r.Name(rep.By)), rep.At.In(loc).Format("02/01/2006"), v(orNone(rep.Note)))
	}
	rw.section("Avis et courriers envoyés à la famille", len(r.Sent))
	for _, n := range r.Sent {
		rw.line("  %s, %s, à %s : %s", v(n.Label()), v(n.Channel), v(orNone(strings.Join(n.To, ", "))), v(n.Status))
	}
	writeDiscipline(rw, r)
	rw.line("")
	rw.line("Journal des modifications : %d entrées concernent cet élève (qui, quand, quoi ; appel audit).", r.Audited)
	return rw.err
}

// orNone is s, or « — » when it is blank.
func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func dateOrDash(d model.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.French()
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func seanceText(id model.SeanceID) string {
	d, err := id.Date()
	if err != nil {
		return model.Visible(string(id))
	}
	s := string(id)
	if len(s) >= 13 {
		return d.French() + " " + s[9:11] + ":" + s[11:13]
	}
	return d.French()
}

func minutesText(m model.Mark) string {
	if m.Kind == model.KindLate && m.Minutes > 0 {
		return fmt.Sprintf(" %d min", m.Minutes)
	}
	return ""
}

func justificationText(j *model.Justification) string {
	if j == nil {
		return ""
	}
	state := "valable"
	if !j.Valid {
		state = "non valable"
	}
	return fmt.Sprintf(" ; motif : %s (%s)", model.Visible(j.Label), state)
}

// writeDiscipline writes the incidents, punishments and sanctions of the record.
func writeDiscipline(rw *recordWriter, r model.PupilRecord) {
	v := model.Visible
	rw.section("Incidents où il est impliqué", len(r.Incidents))
	for _, i := range r.Incidents {
		role := ""
		for _, x := range i.Involved {
			if x.Pupil == r.Pupil.ID {
				role = x.Role.Label()
			}
		}
		rw.line("  le %s à %s, %s (%s) : %s ; lieu : %s ; signalé par %s", i.Date.French(), i.Time, v(i.Kind), role,
			v(i.Description), v(orNone(i.Place)), v(r.Name(i.By)))
	}
	rw.section("Punitions", len(r.Punishments))
	for _, p := range r.Punishments {
		rw.line("  le %s, %s : %s%s ; %s ; donnée par %s", p.Date.French(), v(p.Kind), v(orNone(p.Reason)),
			reportText(p), p.State.Label(), v(r.Name(p.By)))
	}
	rw.section("Sanctions disciplinaires", len(r.Sanctions))
	for _, x := range r.Sanctions {
		erase := "jamais effacée du dossier"
		if e, ok := x.Erasure(); ok {
			erase = "effacée du dossier le " + e.French()
		}
		rw.line("  le %s, %s %s (%s) : %s ; %s", x.Date.French(), x.Kind.Label(), x.Measure(), x.Authority.Label(), v(x.Facts), erase)
	}
}

func reportText(p model.Punishment) string {
	if p.Kind != model.PunishExclusion {
		return ""
	}
	return " ; rapport : " + model.Visible(orNone(p.Report))
}
