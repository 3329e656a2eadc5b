package main

import (
	"fmt"
	"io"

	"appel/model"
)

// weekCommands are `appel settings week` (the usual week: its days and the
// half-days without courses) and `appel settings days` (dates with courses
// outside the usual week).
func weekCommands() []command {
	return []command{
		{path: "settings week", remote: true,
			summary: "la semaine de cours : ses jours et demi-journées, et tout changement prévu", run: runWeekShow},
		{path: "settings week set", remote: true, args: []arg{{name: "SEMAINE"}},
			flags:   []option{fromOption, {name: "check", usage: "montrer ce que la nouvelle semaine change, sans rien écrire"}},
			summary: "change la semaine de cours à partir d'une date : « lundi mardi mercredi-matin jeudi vendredi samedi-matin »",
			run:     runWeekSet},
		{path: "settings days", remote: true,
			summary: "les jours de cours ajoutés hors de la semaine habituelle (date;nom;emploi_du_temps;demi_journees)", run: runDaysShow},
		{path: "settings days add", remote: true, args: []arg{{name: "DATE"}, {name: "NOM"}},
			flags: []option{
				{name: "follows", value: "JOUR", required: true, usage: "le jour dont l'emploi du temps a lieu ce jour-là (vendredi…)"},
				{name: "half", value: "matin|après-midi", usage: "une seule demi-journée (défaut : la journée)"},
				{name: "check", usage: "lister les séances de ce jour, sans rien écrire"},
			},
			summary: "ajoute un jour de cours (rattrapage d'un pont…) qui suit l'emploi du temps d'un jour de la semaine",
			run:     runDaysAdd},
		{path: "settings days remove", remote: true, args: []arg{{name: "DATE"}},
			summary: "retire un jour de cours ajouté qui n'est pas encore venu", run: runDaysRemove},
	}
}

func runWeekShow(c *cli, _ input) error {
	return withSchoolSetup(c, func(svc *model.Service, dir *model.Directory) error {
		sc := dir.School
		now := sc.On(svc.Today())
		shown := model.WeekText(now.Weekdays, now.ClosedHalfDays)
		fmt.Fprintf(c.stdout, "semaine en vigueur : %s\n", shown)
		for i, e := range sc.Earlier {
			if e.Until.Before(svc.Today()) {
				continue
			}
			next := sc
			if i+1 < len(sc.Earlier) {
				next = sc.On(sc.Earlier[i+1].Until)
			}
			if text := model.WeekText(next.Weekdays, next.ClosedHalfDays); text != shown {
				fmt.Fprintf(c.stdout, "à partir du %s : %s\n", e.Until.AddDays(1).French(), text)
				shown = text
			}
		}
		return nil
	})
}

func runWeekSet(c *cli, in input) error {
	days, closed, err := model.ParseWeek(in.arg(0))
	if err != nil {
		return err
	}
	return withOperator(c, func(svc *model.Service) error {
		from, err := changeDate(in, svc)
		if err != nil {
			return err
		}
		ch, err := svc.WeekPreview(days, closed, from)
		if err != nil {
			return err
		}
		writeWeekChange(c.stdout, ch)
		return applyUnlessCheck(c, in, func() error {
			_, err := svc.SetWeek(days, closed, from)
			return err
		}, "Semaine de cours enregistrée à partir du %s.", from.French())
	})
}

func writeWeekChange(out io.Writer, ch model.WeekChange) {
	fmt.Fprintf(out, "À partir du %s : %s\n", ch.From.French(), model.WeekText(ch.Weekdays, ch.Closed))
	writeCourses(out, "%d cours n'ont plus lieu :", ch.Dropped)
	writeCourses(out, "%d cours ont lieu de nouveau :", ch.Resumed)
	if len(ch.Dropped)+len(ch.Resumed) == 0 {
		fmt.Fprintln(out, "Aucun cours de l'emploi du temps ne change.")
	}
	fmt.Fprintf(out, "Avant le %s, les séances, leurs marques et les décomptes ne changent pas.\n", ch.From.French())
}

func runDaysShow(c *cli, _ input) error {
	return withSchoolSetup(c, func(svc *model.Service, dir *model.Directory) error {
		fmt.Fprintln(c.stdout, "date;nom;emploi_du_temps;demi_journees")
		for _, x := range dir.School.ExtraDays {
			fmt.Fprintf(c.stdout, "%s;%s;%s;%s\n", x.Date, model.Visible(x.Name), model.FrenchWeekday(x.Follows), x.HalfDaysText())
		}
		return nil
	})
}

func runDaysAdd(c *cli, in input) error {
	x, err := extraDayOf(in)
	if err != nil {
		return err
	}
	return withOperator(c, func(svc *model.Service) error {
		seances, err := svc.ExtraDaySeances(x)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s %s : emploi du temps du %s (%s), %d séance%s.\n", model.FrenchWeekday(x.Date.Weekday()), x.Date.French(),
			model.FrenchWeekday(x.Follows), x.HalfDaysText(), len(seances), plural(len(seances)))
		return applyUnlessCheck(c, in, func() error { return svc.AddExtraDay(x) }, "Jour de cours %s ajouté.", model.Visible(x.Name))
	})
}

// extraDayOf reads `settings days add`'s arguments and flags.
func extraDayOf(in input) (model.ExtraDay, error) {
	d, err := model.ParseDate(in.arg(0))
	if err != nil {
		return model.ExtraDay{}, err
	}
	follows, ok := model.ParseWeekday(in.str("follows"))
	if !ok {
		return model.ExtraDay{}, usageErr("--follows %q : un jour de la semaine (lundi … samedi)", in.str("follows"))
	}
	x := model.ExtraDay{Date: d, Name: in.arg(1), Follows: follows}
	if in.str("half") == "" {
		return x, nil
	}
	h, ok := model.ParseHalfDay(in.str("half"))
	if !ok {
		return x, usageErr("--half %q : matin ou après-midi", in.str("half"))
	}
	x.HalfDays = []model.HalfDay{h}
	return x, nil
}

func runDaysRemove(c *cli, in input) error {
	d, err := model.ParseDate(in.arg(0))
	if err != nil {
		return err
	}
	return withOperator(c, func(svc *model.Service) error {
		if err := svc.RemoveExtraDay(d); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Jour de cours du %s retiré.\n", d.French())
		return nil
	})
}
