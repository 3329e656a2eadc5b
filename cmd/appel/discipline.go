package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"appel/model"
	"appel/model/formats/export"
	"appel/model/letters"
)

// disciplineCommands are `appel incident|punishment|detention|sanction|discipline …`.
func disciplineCommands() []command {
	list := arg{name: "LISTE", choices: []string{model.ListIncidentKinds, model.ListPunishmentKinds}}
	pupil := option{name: "pupil", value: "ID", required: true, usage: "l'élève : ELEVE_ID ou INE"}
	date := option{name: "date", value: "DATE", usage: "le jour, ex. 2026-11-23", defText: "aujourd'hui"}
	filters := []option{
		{name: "from", value: "DATE", usage: "premier jour", defText: "sans limite"},
		{name: "to", value: "DATE", usage: "dernier jour", defText: "sans limite"},
		{name: "division", value: "CODE", usage: "une seule division", defText: "toutes"},
		{name: "kind", value: "CODE", usage: "une seule nature", defText: "toutes"},
	}
	format := option{name: "format", value: "csv|ods", def: "csv", choices: []string{"csv", "ods"},
		usage: "csv (point-virgule, UTF-8) ou ods (LibreOffice Calc)"}
	out := option{name: "out", value: "FICHIER", usage: "le fichier à écrire", defText: "la sortie standard", file: fileOut}
	return []command{
		{path: "incident", summary: "les incidents : ce qui s'est passé, qui était impliqué"},
		{path: "incident add", remote: true, summary: "signale un incident (tout personnel)",
			flags: []option{date,
				{name: "time", value: "HH:MM", usage: "l'heure", defText: "maintenant"},
				{name: "place", value: "LIEU", usage: "le lieu"},
				{name: "kind", value: "CODE", required: true, usage: "la nature (appel discipline kind list incidents)"},
				{name: "description", value: "TEXTE", required: true, usage: "ce qui s'est passé"},
				{name: "pupils", value: "ID:RÔLE,…", usage: "élèves impliqués et leur rôle (auteur, victime, temoin), ex. E001:auteur,E002:victime"},
				{name: "staff", value: "NOM:RÔLE,…", usage: "personnels impliqués et leur rôle"},
			}, run: runIncidentAdd},
		{path: "incident list", remote: true, summary: "les incidents que votre rôle peut voir, les plus récents d'abord",
			flags: filters, run: runIncidentList},
		{path: "punishment", summary: "les punitions scolaires (circulaire 2014-059)"},
		{path: "punishment add", remote: true, summary: "donne une punition (un enseignant à ses élèves, la vie scolaire à tous)",
			help: "Une retenue est placée dans la prochaine séance de retenue qui a de la place.",
			flags: []option{pupil, date,
				{name: "kind", value: "CODE", required: true, usage: "la nature (appel discipline kind list punitions)"},
				{name: "reason", value: "TEXTE", usage: "le motif"},
				{name: "incident", value: "ID", usage: "l'incident d'où elle vient"},
			}, run: runPunishmentAdd},
		{path: "punishment list", remote: true, summary: "les punitions que votre rôle peut voir, les plus récentes d'abord",
			flags: slices.Concat(filters, []option{{name: "missing", usage: "seulement les exclusions de cours sans rapport"}}),
			run:   runPunishmentList},
		{path: "punishment state", remote: true, args: []arg{{name: "ID"}, {name: "ÉTAT", choices: []string{"faite", "non-faite", "a-faire"}}},
			summary: "dit si une punition a été faite", run: runPunishmentState},
		{path: "punishment report", remote: true, args: []arg{{name: "ID"}, {name: "TEXTE", many: true}},
			summary: "écrit le rapport d'une exclusion ponctuelle de cours", run: runPunishmentReport},
		{path: "detention", summary: "les séances de retenue et leur appel"},
		{path: "detention plan", remote: true, summary: "planifie une séance de retenue (vie scolaire)",
			flags: []option{{name: "date", value: "DATE", required: true, usage: "le jour"},
				{name: "start", value: "HH:MM", required: true, usage: "le début"},
				{name: "end", value: "HH:MM", required: true, usage: "la fin"},
				{name: "room", value: "SALLE", usage: "la salle"},
				{name: "supervisor", value: "LOGIN", required: true, usage: "le compte du surveillant"},
				{name: "capacity", value: "N", def: 0, usage: "le nombre de places", defText: "sans limite"},
			}, run: runDetentionPlan},
		{path: "detention list", remote: true, summary: "les séances de retenue à venir et les élèves placés",
			flags: []option{{name: "from", value: "DATE", usage: "premier jour", defText: "aujourd'hui"}}, run: runDetentionList},
		{path: "detention place", remote: true, args: []arg{{name: "PUNITION"}, {name: "SÉANCE", optional: true}},
			summary: "place une retenue dans une séance (la prochaine libre par défaut)", run: runDetentionPlace},
		{path: "detention roll", remote: true, args: []arg{{name: "SÉANCE"}, {name: "ABSENTS", optional: true, many: true}},
			summary: "fait l'appel d'une séance de retenue : les élèves absents, les autres présents",
			help:    "Les retenues des présents deviennent faites, celles des absents non faites (à suivre).",
			run:     runDetentionRoll},
		{path: "sanction", summary: "les sanctions disciplinaires (R511-13, les six seulement)"},
		{path: "sanction add", remote: true, summary: "prononce une sanction (direction)",
			help: "Natures : " + sanctionChoices() + ". Une exclusion sans sursis total rend l'élève exclu (E) aux appels de ses jours.",
			flags: []option{pupil, date,
				{name: "kind", value: "NATURE", required: true, usage: "la sanction : " + strings.Join(sanctionCodes(), ", ") + " (ou son numéro, 1 à 6)"},
				{name: "facts", value: "TEXTE", required: true, usage: "les faits"},
				{name: "council", usage: "prononcée par le conseil de discipline"},
				{name: "sursis", value: "total|partiel", choices: []string{"total", "partiel"}, usage: "le sursis", defText: "aucun"},
				{name: "sursis-days", value: "N", def: 0, usage: "sursis partiel : jours (ou heures) suspendus"},
				{name: "from", value: "DATE", usage: "exclusion : premier jour"},
				{name: "days", value: "N", def: 0, usage: "exclusion : nombre de jours (1 à 8)"},
				{name: "hours", value: "N", def: 0, usage: "mesure de responsabilisation : heures (1 à 20)"},
				{name: "incident", value: "ID", usage: "l'incident d'où elle vient"},
			}, run: runSanctionAdd},
		{path: "sanction list", remote: true, summary: "les sanctions non effacées (vie scolaire, direction)",
			flags: slices.Concat(filters, []option{{name: "erased", usage: "aussi les sanctions effacées du dossier"}}),
			run:   runSanctionList},
		{path: "sanction register", remote: true, summary: "le registre des sanctions de l'année, sans le nom des élèves",
			flags: []option{{name: "year", value: "DATE", usage: "un jour de l'année scolaire voulue", defText: "l'année en cours"},
				format, out},
			run: runSanctionRegister},
		{path: "sanction cancel", remote: true, args: []arg{{name: "SANCTION"}, {name: "MOTIF", many: true}},
			summary: "retire une sanction (annulée en appel, erreur ; direction) : ses marques E sont retirées, le journal garde tout",
			run:     runSanctionCancel},
		{path: "sanction erase", remote: true, summary: "anonymise les sanctions effacées du dossier (R511-13) : le registre garde les faits, plus l'élève",
			help: "À lancer à chaque rentrée : une sanction dont la date d'effacement est passée perd l'identifiant de l'élève.",
			run:  runSanctionErase},
		{path: "discipline", summary: "les listes de la discipline et ses statistiques"},
		{path: "discipline kind", summary: "les listes de natures d'incident et de punition"},
		{path: "discipline kind list", remote: true, args: []arg{list}, summary: "une liste : code, libellé, retiré",
			run: runKindsList},
		{path: "discipline kind add", remote: true, args: []arg{list, {name: "LIBELLÉ", many: true}},
			summary: "ajoute une nature à une liste (administrateur)", run: runKindAdd},
		{path: "discipline kind retire", remote: true, args: []arg{list, {name: "CODE"}},
			flags:   []option{{name: "undo", usage: "la proposer de nouveau"}},
			summary: "retire une nature d'une liste (les fiches qui l'ont la gardent)", run: runKindRetire},
		{path: "discipline tell", remote: true, args: []arg{{name: "PUNITION|SANCTION"}},
			summary: "prévient la famille d'une punition ou d'une sanction : un mél, ou un courrier à imprimer, par foyer",
			help:    "Les textes sont les modèles « punition » et « sanction » (appel templates) ; les méls partent au passage d'« appel notify » ou du serveur.",
			run:     runDisciplineTell},
		{path: "discipline letters", remote: true, summary: "imprime les courriers de punition et de sanction en attente (un PDF), puis les note imprimés",
			flags: []option{{name: "out", value: "FICHIER.pdf", required: true, file: fileOut, usage: "le PDF à écrire (« - » : la sortie standard)"}},
			run:   runDisciplineLetters},
		{path: "discipline stats", remote: true, summary: "incidents, punitions et sanctions par division, mois et nature",
			flags: []option{
				{name: "from", value: "DATE", usage: "premier jour", defText: "la rentrée"},
				{name: "to", value: "DATE", usage: "dernier jour", defText: "la fin de l'année scolaire"},
				format, out,
			}, run: runDisciplineStats},
	}
}

func sanctionCodes() []string {
	out := make([]string, len(model.SanctionKinds))
	for i, k := range model.SanctionKinds {
		out[i] = string(k)
	}
	return out
}

func sanctionChoices() string {
	var parts []string
	for i, k := range model.SanctionKinds {
		parts = append(parts, fmt.Sprintf("%d° %s (%s)", i+1, k, k.Label()))
	}
	return strings.Join(parts, ", ")
}

// optDate reads a date flag, def when it is not given.
func optDate(in input, name string, def model.Date) (model.Date, error) {
	if v := in.str(name); v != "" {
		return model.ParseDate(v)
	}
	return def, nil
}

// findPupil resolves --pupil (ELEVE_ID or INE).
func findPupil(svc *model.Service, ref string) (model.Pupil, error) {
	dir, err := svc.Directory()
	if err != nil {
		return model.Pupil{}, err
	}
	p, ok := dir.FindPupil(ref)
	if !ok {
		return p, model.NotFound("élève %q introuvable", model.Visible(ref))
	}
	return p, nil
}

// parseInvolved reads "E001:auteur,E002:victime" (staff when staff).
func parseInvolved(svc *model.Service, s string, staff bool) ([]model.Involved, error) {
	var out []model.Involved
	for part := range strings.SplitSeq(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		who, role, ok := strings.Cut(part, ":")
		if !ok {
			role = string(model.InvolvedAuthor)
		}
		r, err := model.ParseInvolvedRole(role)
		if err != nil {
			return nil, err
		}
		if staff {
			out = append(out, model.Involved{Staff: strings.TrimSpace(who), Role: r})
			continue
		}
		p, err := findPupil(svc, strings.TrimSpace(who))
		if err != nil {
			return nil, err
		}
		out = append(out, model.Involved{Pupil: p.ID, Role: r})
	}
	return out, nil
}

func runIncidentAdd(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		i := model.Incident{Kind: in.str("kind"), Place: in.str("place"), Description: in.str("description"),
			Time: model.ClockOf(svc.Now())}
		var err error
		if i.Date, err = optDate(in, "date", svc.Today()); err != nil {
			return err
		}
		if t := in.str("time"); t != "" {
			if i.Time, err = model.ParseClock(t); err != nil {
				return err
			}
		}
		pupils, err := parseInvolved(svc, in.str("pupils"), false)
		if err != nil {
			return err
		}
		staff, err := parseInvolved(svc, in.str("staff"), true)
		if err != nil {
			return err
		}
		i.Involved = append(pupils, staff...)
		if i, err = svc.ReportIncident(i); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "incident %s enregistré\n", i.ID)
		return nil
	})
}

// disciplineQuery reads the list filters.
func disciplineQuery(in input) (model.DisciplineQuery, error) {
	q := model.DisciplineQuery{Division: in.str("division"), Kind: in.str("kind")}
	var err error
	if q.From, err = optDate(in, "from", model.Date{}); err != nil {
		return q, err
	}
	q.To, err = optDate(in, "to", model.Date{})
	return q, err
}

func pupilLabel(dir *model.Directory, id model.PupilID) string {
	if p, ok := dir.Pupil(id); ok {
		return model.Visible(p.FullName()) + " (" + model.Visible(p.Division) + ")"
	}
	return string(id)
}

func runIncidentList(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		q, err := disciplineQuery(in)
		if err != nil {
			return err
		}
		list, err := svc.Incidents(q)
		if err != nil {
			return err
		}
		dir, _ := svc.Directory()
		kinds, _ := svc.DisciplineKinds(model.ListIncidentKinds)
		for _, i := range list {
			var who []string
			for _, x := range i.Involved {
				name := model.Visible(x.Staff)
				if x.Pupil != "" {
					name = pupilLabel(dir, x.Pupil)
				}
				who = append(who, name+" : "+x.Role.Label())
			}
			fmt.Fprintf(c.stdout, "%s\t%s %s\t%s\t%s\t%s\t%s\tsignalé par %s\n", i.ID, i.Date.French(), i.Time,
				model.Visible(model.KindLabel(kinds, i.Kind)), model.Visible(i.Place), model.Visible(i.Description),
				strings.Join(who, " ; "), i.By)
		}
		return nil
	})
}

func runPunishmentAdd(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		p, err := findPupil(svc, in.str("pupil"))
		if err != nil {
			return err
		}
		x := model.Punishment{Pupil: p.ID, Kind: in.str("kind"), Reason: in.str("reason"), Incident: in.str("incident")}
		if x.Date, err = optDate(in, "date", svc.Today()); err != nil {
			return err
		}
		if x, err = svc.Punish(x); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "punition %s enregistrée", x.ID)
		if x.Detention != "" {
			fmt.Fprintf(c.stdout, " (retenue %s)", x.Detention)
		}
		fmt.Fprintln(c.stdout)
		return nil
	})
}

func runPunishmentList(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		q, err := disciplineQuery(in)
		if err != nil {
			return err
		}
		list, err := svc.Punishments(q)
		if err != nil {
			return err
		}
		dir, _ := svc.Directory()
		kinds, _ := svc.DisciplineKinds(model.ListPunishmentKinds)
		for _, p := range list {
			if in.on("missing") && !p.MissingReport() {
				continue
			}
			note := model.Visible(p.Reason)
			if p.Kind == model.PunishExclusion {
				note = "rapport : " + cmpOr(model.Visible(p.Report), "manquant")
			}
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%s\t%s\tpar %s\n", p.ID, p.Date.French(), pupilLabel(dir, p.Pupil),
				model.Visible(model.KindLabel(kinds, p.Kind)), p.State.Label(), note, p.By)
		}
		return nil
	})
}

func runPunishmentState(c *cli, in input) error {
	state := map[string]model.PunishmentState{"faite": model.PunishmentDone, "non-faite": model.PunishmentNotDone, "a-faire": model.PunishmentToDo}
	return withOperator(c, func(svc *model.Service) error {
		p, err := svc.SetPunishmentState(in.arg(0), state[in.arg(1)])
		if err == nil {
			fmt.Fprintf(c.stdout, "punition %s : %s\n", p.ID, p.State.Label())
		}
		return err
	})
}

func runPunishmentReport(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		p, err := svc.WriteExclusionReport(in.arg(0), strings.Join(in.args[1:], " "))
		if err == nil {
			fmt.Fprintf(c.stdout, "rapport de l'exclusion %s enregistré\n", p.ID)
		}
		return err
	})
}

func runDetentionPlan(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		d := model.DetentionSession{Room: in.str("room"), Supervisor: in.str("supervisor"), Capacity: in.num("capacity")}
		var err error
		if d.Date, err = model.ParseDate(in.str("date")); err != nil {
			return err
		}
		if d.Start, err = model.ParseClock(in.str("start")); err != nil {
			return err
		}
		if d.End, err = model.ParseClock(in.str("end")); err != nil {
			return err
		}
		if d, err = svc.PlanDetention(d); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "retenue %s planifiée le %s de %s à %s\n", d.ID, d.Date.French(), d.Start, d.End)
		return nil
	})
}

func runDetentionList(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		from, err := optDate(in, "from", svc.Today())
		if err != nil {
			return err
		}
		list, err := svc.Detentions(from)
		if err != nil {
			return err
		}
		for _, d := range list {
			s := d.Session
			roll := "appel à faire"
			if s.Taken() {
				roll = "appel fait par " + s.TakenBy
			}
			fmt.Fprintf(c.stdout, "%s\t%s %s-%s\t%s\tsurveillant %s\t%d élève(s)\t%s\n", s.ID, s.Date.French(), s.Start, s.End,
				model.Visible(s.Room), s.Supervisor, len(d.Placed), roll)
			for _, p := range d.Pupils {
				mark := "présent"
				if d.Absent(p.ID) {
					mark = "absent"
				}
				fmt.Fprintf(c.stdout, "\t%s\t%s (%s)\t%s\n", p.ID, model.Visible(p.FullName()), model.Visible(p.Division), mark)
			}
		}
		return nil
	})
}

func runDetentionPlace(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		p, err := svc.PlaceInDetention(in.arg(0), in.arg(1))
		if err == nil {
			fmt.Fprintf(c.stdout, "punition %s placée dans la retenue %s\n", p.ID, p.Detention)
		}
		return err
	})
}

func runDetentionRoll(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		sheet, err := svc.Detention(in.arg(0))
		if err != nil {
			return err
		}
		absent := in.args[1:]
		for _, p := range sheet.Pupils {
			kind := model.KindPresent
			if slices.Contains(absent, string(p.ID)) {
				kind = model.KindAbsent
			}
			if _, err := svc.SetDetentionMark(sheet.Session.ID, p.ID, kind); err != nil {
				return err
			}
		}
		for _, a := range absent {
			if !slices.ContainsFunc(sheet.Pupils, func(p model.Pupil) bool { return string(p.ID) == a }) {
				return model.NotFound("élève %s absent de la liste de cette retenue", model.Visible(a))
			}
		}
		if sheet, err = svc.TakeDetentionRoll(sheet.Session.ID); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "appel de la retenue %s fait : %d présent(s), %d absent(s)\n", sheet.Session.ID,
			len(sheet.Pupils)-len(sheet.Session.Absent), len(sheet.Session.Absent))
		return nil
	})
}

func runSanctionAdd(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		p, err := findPupil(svc, in.str("pupil"))
		if err != nil {
			return err
		}
		kind, err := model.ParseSanctionKind(in.str("kind"))
		if err != nil {
			return err
		}
		x := model.Sanction{Pupil: p.ID, Kind: kind, Facts: in.str("facts"), Incident: in.str("incident"),
			Authority: model.AuthorityHead, Sursis: model.Sursis(in.str("sursis")), SursisDays: in.num("sursis-days"),
			Days: in.num("days"), Hours: in.num("hours")}
		if in.on("council") {
			x.Authority = model.AuthorityCouncil
		}
		if x.Date, err = optDate(in, "date", svc.Today()); err != nil {
			return err
		}
		if x.From, err = optDate(in, "from", model.Date{}); err != nil {
			return err
		}
		if x, err = svc.Pronounce(x); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "sanction %s prononcée : %s, %s", x.ID, x.Kind.Label(), erasureText(x))
		fmt.Fprintln(c.stdout)
		return nil
	})
}

// erasureText says when the sanction leaves the pupil's file.
func erasureText(x model.Sanction) string {
	if e, ok := x.Erasure(); ok {
		return "effacée du dossier le " + e.French()
	}
	return "jamais effacée du dossier"
}

func runSanctionList(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		q, err := disciplineQuery(in)
		if err != nil {
			return err
		}
		list, err := svc.Sanctions(q, in.on("erased"))
		if err != nil {
			return err
		}
		dir, _ := svc.Directory()
		for _, x := range list {
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.Date.French(), pupilLabel(dir, x.Pupil),
				x.Kind.Label(), x.Measure(), x.Authority.Label(), model.Visible(x.Facts), erasureText(x))
		}
		return nil
	})
}

var sanctionRegisterHeader = []string{"numero", "date", "sanction", "autorite", "mesure", "sursis", "niveau", "faits"}

func runSanctionRegister(c *cli, in input) error {
	f, err := export.ParseFormat(in.str("format"))
	if err != nil {
		return err
	}
	remote := c.remoteLine("out") + " > " + cmpOr(in.str("out"), "FICHIER")
	return c.withOperatorFor(remote, func(svc *model.Service) error {
		day, err := optDate(in, "year", svc.Today())
		if err != nil {
			return err
		}
		lines, err := svc.SanctionRegister(day)
		if err != nil {
			return err
		}
		return c.output(in.str("out"), func(w io.Writer) error {
			return c.writeTable(w, f, "Registre des sanctions", sanctionRegisterHeader, len(lines), func(i int) []export.Value {
				l := lines[i]
				return []export.Value{export.Int(l.Number), export.Date(l.Date), export.Text(l.Kind.Label()),
					export.Text(l.Authority.Label()), export.Text(l.Measure), export.Text(string(l.Sursis)),
					export.Text(l.Level), export.Text(l.Facts)}
			})
		})
	})
}

func runKindsList(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		list, err := svc.DisciplineKinds(in.arg(0))
		if err != nil {
			return err
		}
		for _, k := range list {
			state := ""
			if k.Retired {
				state = "retiré"
			}
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", k.Code, model.Visible(k.Label), state)
		}
		return nil
	})
}

func runKindAdd(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		k, err := svc.SaveDisciplineKind(in.arg(0), model.DisciplineKind{Label: strings.Join(in.args[1:], " ")})
		if err == nil {
			fmt.Fprintf(c.stdout, "nature %s ajoutée\n", k.Code)
		}
		return err
	})
}

func runKindRetire(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		list, err := svc.DisciplineKinds(in.arg(0))
		if err != nil {
			return err
		}
		i := slices.IndexFunc(list, func(k model.DisciplineKind) bool { return k.Code == in.arg(1) })
		if i < 0 {
			return model.NotFound("nature %q inconnue", model.Visible(in.arg(1)))
		}
		list[i].Retired = !in.on("undo")
		if _, err := svc.SaveDisciplineKind(in.arg(0), list[i]); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "nature %s : %s\n", list[i].Code, map[bool]string{true: "retirée", false: "proposée"}[list[i].Retired])
		return nil
	})
}

var disciplineStatsHeader = []string{"division", "mois", "quoi", "nature", "nombre"}

func runDisciplineStats(c *cli, in input) error {
	f, err := export.ParseFormat(in.str("format"))
	if err != nil {
		return err
	}
	remote := c.remoteLine("out") + " > " + cmpOr(in.str("out"), "FICHIER")
	return c.withOperatorFor(remote, func(svc *model.Service) error {
		dir, err := svc.Directory()
		if err != nil {
			return err
		}
		from, to, err := exportFlags{from: in.str("from"), to: in.str("to")}.dates(dir.School)
		if err != nil {
			return err
		}
		rows, err := svc.DisciplineStats(from, to)
		if err != nil {
			return err
		}
		return c.output(in.str("out"), func(w io.Writer) error {
			return c.writeTable(w, f, "Discipline", disciplineStatsHeader, len(rows), func(i int) []export.Value {
				r := rows[i]
				return []export.Value{export.Text(r.Division), export.Text(r.Month), export.Text(r.What),
					export.Text(r.Kind), export.Int(r.Count)}
			})
		})
	})
}

func runDisciplineTell(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		sent, err := svc.TellFamily(in.arg(0))
		if err != nil {
			return err
		}
		if len(sent) == 0 {
			fmt.Fprintln(c.stdout, "la famille en a déjà été avisée : rien de nouveau")
		}
		for _, n := range sent {
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\n", n.ID, model.Visible(n.Names), n.Channel, n.Status)
		}
		return nil
	})
}

func runDisciplineLetters(c *cli, in input) error {
	remote := c.remoteLine("out") + " --out - > lettres.pdf"
	return c.withOperatorFor(remote, func(svc *model.Service) error {
		ls, school, set, err := svc.DisciplineLetters()
		if err != nil {
			return err
		}
		err = c.output(in.str("out"), func(w io.Writer) error { return letters.WriteDiscipline(w, school, set, ls, svc.Now()) })
		if err != nil {
			return err
		}
		if err := svc.MarkPrinted(ls); err != nil {
			return err
		}
		fmt.Fprintf(c.stderr, "%d courrier(s) imprimé(s)\n", len(ls))
		return nil
	})
}

func runSanctionErase(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		n, err := svc.EraseSanctions()
		if err == nil {
			fmt.Fprintf(c.stdout, "%d sanction(s) effacée(s) du dossier des élèves et anonymisée(s)\n", n)
		}
		return err
	})
}

func runSanctionCancel(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		if err := svc.CancelSanction(in.arg(0), strings.Join(in.args[1:], " ")); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "sanction %s retirée\n", in.arg(0))
		return nil
	})
}
