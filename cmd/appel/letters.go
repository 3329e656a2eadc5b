package main

import (
	"fmt"
	"io"
	"text/template"

	"appel/model"
	"appel/model/letters"
)

// maxTemplate bounds a template file.
const maxTemplate = 64 << 10

// lettersCommand is `appel letters`.
func lettersCommand() command {
	return command{path: "letters", remote: true,
		summary: "les courriers aux familles des absences sans motif d'une période, un par foyer, en PDF",
		help: "Une page par foyer (responsables légaux à une même adresse), adresse placée pour une enveloppe " +
			"à fenêtre ; une dernière page liste les familles injoignables (sans adresse postale), aussi " +
			"écrites sur la sortie d'erreur. --template remplace le texte du courrier : un champ inconnu est refusé.",
		flags: []option{
			{name: "from", value: "DATE", usage: "premier jour, ex. 2026-11-16", defText: "lundi de cette semaine"},
			{name: "to", value: "DATE", usage: "dernier jour", defText: "aujourd'hui"},
			{name: "division", value: "CODE", usage: "une seule division", defText: "toutes"},
			{name: "kind", value: "KIND", def: "absences", choices: []string{"absences", "convocation", "commission", "dasen"},
				usage: "le courrier : absences (motif demandé), convocation (entretien, R131-7), commission (commission éducative), dasen (signalement, L131-8)"},
			{name: "template", value: "FICHIER", file: fileIn,
				usage:   "texte du courrier (1re ligne : objet ; champs {{.Eleve}}, {{.Classe}}, {{.Date}}…)",
				defText: "le texte livré"},
			{name: "out", value: "FICHIER.pdf", required: true, file: fileOut, usage: "le PDF à écrire (- : sortie standard)"},
		}, run: runLetters}
}

func runLetters(c *cli, in input) error {
	var tpl *template.Template
	if path := in.str("template"); path != "" {
		text, err := readTemplate(c, path)
		if err != nil {
			return err
		}
		if tpl, err = model.ParseTemplate(text); err != nil {
			return err
		}
	}
	out := in.str("out")
	return c.withOperatorFor(c.remoteLine("out")+" > lettres.pdf", func(svc *model.Service) error {
		today := svc.Today()
		from, to := today.Monday(), today
		var err error
		if s := in.str("from"); s != "" {
			if from, err = model.ParseDate(s); err != nil {
				return err
			}
		}
		if s := in.str("to"); s != "" {
			if to, err = model.ParseDate(s); err != nil {
				return err
			}
		}
		batch, err := svc.Letters(from, to, in.str("division"))
		if err != nil {
			return err
		}
		kind := letterKind(in.str("kind"))
		if tpl == nil {
			if tpl, err = svc.TemplateFor(kind); err != nil {
				return err
			}
		}
		if err := c.output(out, func(w io.Writer) error { return letters.Write(w, batch, tpl, svc.Now()) }); err != nil {
			return err
		}
		if err := svc.RecordLetters(batch, kind); err != nil {
			return err
		}
		for _, u := range batch.Unreachable {
			fmt.Fprintf(c.stderr, "injoignable : %s (%s) · %s · %s\n", model.Visible(u.Pupil.FullName()), model.Visible(u.Pupil.Division),
				model.Visible(u.Household.Names()), model.Visible(u.Why))
		}
		fmt.Fprintf(c.stderr, "%d courriers, %d familles injoignables\n", len(batch.Letters), len(batch.Unreachable))
		return nil
	})
}

func readTemplate(c *cli, path string) (string, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(io.LimitReader(c.stdin, maxTemplate+1))
	} else {
		data, err = readSmallFile(path, maxTemplate+1)
	}
	switch {
	case err != nil:
		return "", model.Invalid("lecture de %s impossible : fichier absent, illisible ou qui n'est pas un fichier ordinaire", path)
	case len(data) > maxTemplate:
		return "", model.Invalid("modèle de plus de %d Ko refusé", maxTemplate>>10)
	}
	return string(data), nil
}

// letterKind is the template of --kind: absences is the courrier.
func letterKind(flag string) string {
	if flag == "absences" {
		return model.TemplateLetter
	}
	return flag
}
