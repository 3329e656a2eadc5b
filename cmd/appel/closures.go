package main

import (
	"fmt"

	"appel/model"
)

// closureCommands are `appel settings closures`, `… add` and `… remove`.
func closureCommands() []command {
	return []command{
		{path: "settings closures", remote: true,
			summary: "les périodes sans cours de l'année : vacances et fermetures de l'établissement", run: runClosuresShow},
		{path: "settings closures add", remote: true, args: []arg{{name: "NOM"}, {name: "DEBUT"}, {name: "FIN", optional: true}},
			summary: "ajoute une fermeture (jours sans cours, FIN incluse ; défaut : DEBUT seul) qui commence après aujourd'hui",
			run:     runClosuresAdd},
		{path: "settings closures remove", remote: true, args: []arg{{name: "NOM"}},
			summary: "retire une période sans cours qui n'a pas commencé", run: runClosuresRemove},
	}
}

func runClosuresShow(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		dir, err := svc.Directory()
		if err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, "nom;debut;fin")
		for _, h := range dir.School.Holidays {
			fmt.Fprintf(c.stdout, "%s;%s;%s\n", model.Visible(h.Name), h.From, h.To)
		}
		return nil
	})
}

func runClosuresAdd(c *cli, in input) error {
	from, to, err := daySpan(in, 1)
	if err != nil {
		return err
	}
	return withOperator(c, func(svc *model.Service) error {
		if err := svc.AddClosure(model.Holiday{Name: in.arg(0), From: from, To: to}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Fermeture %s enregistrée : pas de cours du %s au %s.\n", model.Visible(in.arg(0)), from.French(), to.French())
		return nil
	})
}

func runClosuresRemove(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		if err := svc.RemoveClosure(in.arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s retirée du calendrier.\n", model.Visible(in.arg(0)))
		return nil
	})
}

// daySpan reads the arguments i (first day) and i+1 (last day, the first
// when left out).
func daySpan(in input, i int) (from, to model.Date, err error) {
	if from, err = model.ParseDate(in.arg(i)); err != nil {
		return from, from, err
	}
	if in.arg(i+1) == "" {
		return from, from, nil
	}
	to, err = model.ParseDate(in.arg(i + 1))
	return from, to, err
}
