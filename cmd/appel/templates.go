package main

import (
	"fmt"
	"strings"

	"appel/model"
)

// templateCommands are `appel templates list|show|set|reset`.
func templateCommands() []command {
	kind := arg{name: "TYPE", choices: model.TemplateKinds}
	return []command{
		{path: "templates", summary: "les textes des avis et courriers aux familles (avis, relance, courrier)"},
		{path: "templates list", remote: true, summary: "chaque modèle : type, propre à l'établissement ou livré, objet",
			run: runTemplatesList},
		{path: "templates show", remote: true, args: []arg{kind}, summary: "le texte en vigueur d'un modèle",
			run: runTemplateShow},
		{path: "templates set", remote: true, args: []arg{kind, {name: "FICHIER", file: fileIn}},
			summary: "remplace le texte d'un modèle (CPE, administrateur) ; un champ inconnu est refusé",
			help:    "1re ligne : l'objet ; champs " + fieldsHelp() + ". FICHIER - : l'entrée standard.",
			run:     runTemplateSet},
		{path: "templates reset", remote: true, args: []arg{kind}, summary: "remet le texte livré d'un modèle",
			run: runTemplateReset},
	}
}

func fieldsHelp() string {
	out := make([]string, len(model.TemplateFields))
	for i, f := range model.TemplateFields {
		out[i] = "{{." + f + "}}"
	}
	return strings.Join(out, ", ")
}

func runTemplatesList(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		for _, k := range model.TemplateKinds {
			text, custom, err := svc.TemplateText(k)
			if err != nil {
				return err
			}
			origin := "livré"
			if custom {
				origin = "établissement"
			}
			subject, _, _ := strings.Cut(text, "\n")
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\n", k, origin, model.Visible(subject))
		}
		return nil
	})
}

func runTemplateShow(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		text, _, err := svc.TemplateText(in.arg(0))
		if err == nil {
			for _, l := range strings.Split(text, "\n") {
				fmt.Fprintln(c.stdout, model.Visible(l))
			}
		}
		return err
	})
}

func runTemplateSet(c *cli, in input) error {
	text, err := readTemplate(c, in.arg(1))
	if err != nil {
		return err
	}
	return withOperator(c, func(svc *model.Service) error {
		if err := svc.SetTemplate(in.arg(0), text); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "modèle %s enregistré\n", in.arg(0))
		return nil
	})
}

func runTemplateReset(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		if err := svc.ResetTemplate(in.arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "modèle %s : texte livré\n", in.arg(0))
		return nil
	})
}
