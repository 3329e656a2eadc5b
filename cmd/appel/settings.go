package main

import (
	"fmt"
	"io"
	"strings"

	"appel/model"
	"appel/model/formats/slotgrid"
)

// settingCommands are `appel settings list|set|reset`.
func settingCommands() []command {
	key := arg{name: "CLÉ"}
	return []command{
		{path: "settings", summary: "les réglages de l'établissement (administrateur)"},
		{path: "settings list", remote: true,
			summary: "chaque réglage : clé, valeur en vigueur, valeur par défaut, ce qu'il règle",
			run:     runSettingsList},
		{path: "settings set", remote: true, args: []arg{key, {name: "VALEUR"}},
			summary: "donne une valeur à un réglage (vérifiée avant d'être enregistrée)", run: runSettingsSet},
		{path: "settings reset", remote: true, args: []arg{key},
			summary: "remet un réglage à sa valeur par défaut", run: runSettingsReset},
		{path: "settings counting", remote: true,
			summary: "les règles de décompte : méthode, limite de midi, retard compté comme absence", run: runCountingShow},
		{path: "settings counting set", remote: true,
			flags: []option{
				{name: "method", value: "brute|toutes", choices: []string{"brute", "toutes"},
					usage: "brute : une séance manquée fait la demi-journée ; toutes : il faut les avoir toutes manquées"},
				{name: "midday", value: "HH:MM", usage: "limite entre matin et après-midi des séances hors grille"},
				{name: "late-as-absent", value: "N", def: -1, usage: "un retard de plus de N minutes compte comme absence (0 : jamais)"},
				{name: "check", usage: "dire combien d'élèves verraient leurs chiffres changer, sans rien écrire"},
			},
			summary: "change les règles de décompte, après avoir dit combien d'élèves verront leurs chiffres changer",
			run:     runCountingSet},
		{path: "settings slots", remote: true,
			summary: "la grille horaire de l'établissement, en CSV (code;debut;fin;demi_journee)", run: runSlotsShow},
		{path: "settings slots set", remote: true, args: []arg{{name: "FICHIER", file: fileIn}},
			flags: []option{fromOption,
				{name: "check", usage: "montrer ce que la nouvelle grille change, sans rien écrire"}},
			summary: "remplace la grille horaire à partir d'une date depuis un CSV code;debut;fin;demi_journee (« - » : l'entrée standard)",
			run:     runSlotsSet},
	}
}

func runSettingsList(c *cli, _ input) error {
	return withOperator(c, func(svc *model.Service) error {
		lines, err := svc.SettingsList()
		if err != nil {
			return err
		}
		if len(lines) == 0 {
			fmt.Fprintln(c.stdout, "aucun réglage")
		}
		for _, l := range lines {
			printSetting(c, l)
		}
		return nil
	})
}

func runSettingsSet(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		l, err := svc.SetSetting(in.arg(0), in.arg(1))
		if err == nil {
			printSetting(c, l)
		}
		return err
	})
}

func runSettingsReset(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		l, err := svc.ResetSetting(in.arg(0))
		if err == nil {
			printSetting(c, l)
		}
		return err
	})
}

// printSetting writes one line: key, value in force (marked when it is the
// default), default, label and the values it takes.
func printSetting(c *cli, l model.SettingLine) {
	value := model.Visible(l.Value)
	if !l.Set {
		value += " (défaut)"
	}
	fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s (%s)\n", l.Def.Key, value, model.Visible(l.Def.Default), l.Def.Label, l.Def.KindName())
}

// withSchoolSetup runs fn for an administrator (PermSetup) with the school
// as it stands: what the commands that show or change its settings share.
func withSchoolSetup(c *cli, fn func(svc *model.Service, dir *model.Directory) error) error {
	return withOperator(c, func(svc *model.Service) error {
		if err := svc.Require(model.PermSetup); err != nil {
			return err
		}
		dir, err := svc.Directory()
		if err != nil {
			return err
		}
		return fn(svc, dir)
	})
}

func runSlotsShow(c *cli, _ input) error {
	return withSchoolSetup(c, func(svc *model.Service, dir *model.Directory) error {
		sc := dir.School
		slots := sc.Slots
		if len(slots) == 0 {
			slots = model.DefaultSlots()
		}
		if last := len(sc.Earlier) - 1; last >= 0 && !sc.Earlier[last].Until.Before(svc.Today()) {
			fmt.Fprintf(c.stderr, "Grille qui s'applique à partir du %s (appel settings slots set la remplace à partir d'une date).\n", sc.Earlier[last].Until.AddDays(1).French())
		}
		_, err := c.stdout.Write(slotgrid.Write(slots))
		return err
	})
}

func runSlotsSet(c *cli, in input) error {
	src, err := readSource(c.stdin, in.arg(0))
	if err != nil {
		return err
	}
	slots, err := slotgrid.Parse(src.Name, src.Data)
	if err != nil {
		return err
	}
	return c.withOperatorFor(c.stdinLine(in.arg(0)), func(svc *model.Service) error {
		from, err := changeDate(in, svc)
		if err != nil {
			return err
		}
		preview, err := svc.SlotGridPreview(slots, from)
		if err != nil {
			return err
		}
		writeSlotChange(c.stdout, preview)
		return applyUnlessCheck(c, in, func() error {
			_, err := svc.SetSlots(slots, from)
			return err
		}, "Grille horaire enregistrée à partir du %s : %d créneau%s.", from.French(), len(slots), pluralX(len(slots)))
	})
}

// writeSlotChange says what a new grid does to the timetable.
func writeSlotChange(out io.Writer, ch model.SlotGridChange) {
	fmt.Fprintf(out, "À partir du %s :\n", ch.From.French())
	for _, s := range ch.Slots {
		fmt.Fprintf(out, "%s\t%s–%s\t%s\n", s.Code, s.Start, s.End, s.HalfDay)
	}
	follow := make([]model.Course, len(ch.Follow))
	for i, m := range ch.Follow {
		follow[i] = m.After
	}
	writeCourses(out, "%d cours suivent leur créneau à ses nouvelles heures :", follow)
	writeCourses(out, "%d cours changent de demi-journée :", ch.Moved)
	writeCourses(out, "%d cours ne commencent à aucun créneau de cette grille (affichés sur les créneaux qu'ils couvrent) :", ch.OffGrid)
	if len(follow)+len(ch.Moved)+len(ch.OffGrid) == 0 {
		fmt.Fprintln(out, "Aucun cours de l'emploi du temps ne change.")
	}
	fmt.Fprintf(out, "Avant le %s, les séances, leurs marques et les décomptes ne changent pas.\n", ch.From.French())
}

// writeCourses writes heading (a format with their number) then up to ten
// courses, one a line; nothing when there are none.
func writeCourses(out io.Writer, heading string, courses []model.Course) {
	if len(courses) == 0 {
		return
	}
	fmt.Fprintf(out, heading+"\n", len(courses))
	for i, co := range courses {
		if i == 10 {
			fmt.Fprintf(out, "  … et %d autres\n", len(courses)-10)
			break
		}
		fmt.Fprintf(out, "  %s %s–%s %s %s\n", model.FrenchWeekday(co.Weekday), co.Start, co.End, model.Visible(co.Target.Code), model.Visible(co.Subject))
	}
}

// fromOption is --from, the date from which a change of the grid or the
// week applies.
var fromOption = option{name: "from", value: "AAAA-MM-JJ", usage: "date à partir de laquelle le changement s'applique (défaut : demain, ou la rentrée)"}

// changeDate reads --from, else the first day a change may apply.
func changeDate(in input, svc *model.Service) (model.Date, error) {
	if in.str("from") != "" {
		d, err := model.ParseDate(in.str("from"))
		if err != nil {
			return d, usageErr("--from %q illisible (attendu AAAA-MM-JJ)", in.str("from"))
		}
		return d, nil
	}
	dir, err := svc.Directory()
	if err != nil {
		return model.Date{}, err
	}
	return dir.School.FirstChangeDay(svc.Today()), nil
}

// applyUnlessCheck ends a command that has shown what it would do: with
// --check it says that nothing was written, else it applies and says done.
func applyUnlessCheck(c *cli, in input, apply func() error, done string, args ...any) error {
	if in.on("check") {
		fmt.Fprintln(c.stdout, "Vérification seulement (--check) : rien n'a été écrit.")
		return nil
	}
	if err := apply(); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, done+"\n", args...)
	return nil
}

// pluralX is the plural of créneau.
func pluralX(n int) string {
	if n > 1 {
		return "x"
	}
	return ""
}

func runCountingShow(c *cli, _ input) error {
	return withSchoolSetup(c, func(svc *model.Service, dir *model.Directory) error {
		writeCounting(c.stdout, dir.School.Settings)
		return nil
	})
}

func writeCounting(out io.Writer, st model.Settings) {
	late := "jamais"
	if st.LateAsAbsentAfter > 0 {
		late = fmt.Sprintf("après %d min", st.LateAsAbsentAfter)
	}
	fmt.Fprintf(out, "méthode\t%s\nmidi\t%s\nretard compté comme absence\t%s\n", st.Method, st.Midday(), late)
}

func runCountingSet(c *cli, in input) error {
	return withSchoolSetup(c, func(svc *model.Service, dir *model.Directory) error {
		next, err := countingFlags(in, dir.School.Settings)
		if err != nil {
			return err
		}
		ch, err := svc.CountingPreview(next)
		if err != nil {
			return err
		}
		writeCounting(c.stdout, next)
		verb := "verra ses"
		if ch.Changed > 1 {
			verb = "verront leurs"
		}
		fmt.Fprintf(c.stdout, "%d élève%s sur %d %s chiffres changer (du %s au %s).\n", ch.Changed, plural(ch.Changed),
			ch.Pupils, verb, ch.From.French(), ch.To.French())
		return applyUnlessCheck(c, in, func() error {
			_, err := svc.SetCounting(next)
			return err
		}, "Règles de décompte enregistrées.")
	})
}

// countingFlags applies the flags given to the rules in force.
func countingFlags(in input, st model.Settings) (model.Settings, error) {
	if in.changed("method") {
		st.Method = model.CountingMethod(strings.ToLower(in.str("method")))
	}
	if in.changed("midday") {
		c, err := model.ParseClock(in.str("midday"))
		if err != nil {
			return st, usageErr("--midday %q illisible (attendu 12:00)", in.str("midday"))
		}
		st.MiddayBoundary = c
	}
	if in.changed("late-as-absent") {
		n := in.num("late-as-absent")
		if n < 0 {
			return st, usageErr("--late-as-absent : un nombre de minutes, 0 pour jamais")
		}
		st.LateAsAbsentAfter = n
	}
	return st, nil
}
