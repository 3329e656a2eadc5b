package main

import (
	"fmt"

	"appel/model"
)

// academieCommands are `appel settings academie` and `settings academie set`.
func academieCommands() []command {
	return []command{
		{path: "settings academie", remote: true,
			summary: "la zone de vacances de l'établissement (A, B, C, Corse, académie d'outre-mer) et son fuseau horaire",
			run:     runAcademieShow},
		{path: "settings academie set", remote: true, args: []arg{{name: "ZONE"}},
			summary: "change la zone de vacances et le fuseau horaire (A, B, C, Corse, Guadeloupe, La Réunion…)",
			run:     runAcademieSet},
	}
}

func runAcademieShow(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		dir, err := svc.Directory()
		if err == nil {
			fmt.Fprintln(c.stdout, model.Academie{Zone: dir.School.Zone, TimeZone: dir.School.Location().String()})
		}
		return err
	})
}

func runAcademieSet(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		before, err := svc.SetAcademie(in.arg(0))
		if err != nil {
			return err
		}
		a, _ := model.LookupAcademie(in.arg(0))
		fmt.Fprintf(c.stdout, "Académie : %s (avant : %s). Les séances gardent leurs dates et heures ; "+
			"les vacances de la zone viennent du calendrier du ministère : appel import calendrier FICHIER\n", a, before)
		return nil
	})
}
