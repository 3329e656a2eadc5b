package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"appel/model"
	"appel/model/calendar"
	"appel/model/demo"
	"appel/storage"
)

// runDemo creates the demo school in demo.db (or --db) if it has none, then
// opens the interface.
func runDemo(c *cli, in input) error {
	path, err := c.dbFile("demo.db")
	if err != nil {
		return err
	}
	if in.on("reset") {
		if err := resetDemo(path); err != nil {
			return err
		}
	}
	db, err := c.openNamed("demo.db")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Directory(); err != nil {
		if err := installDemo(c, db); err != nil {
			return err
		}
	} else if !in.on("reset") {
		fmt.Fprintf(c.stderr, "Démonstration reprise : %s garde ce qui y a été fait ; appel demo --reset repart de zéro.\n", path)
	}
	return c.interact(db, in.str("imports"))
}

// resetDemo removes the demo's file, and only a demo's: a file that holds
// another school is refused.
func resetDemo(path string) error {
	h, err := storage.CheckFile(path, time.Second)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case errors.Is(err, storage.ErrLocked):
		return model.Conflict("%s est ouverte par un autre appel : quittez-le avant de repartir de zéro", path)
	case err == nil && !strings.HasPrefix(h.School, demo.UAI):
		return model.Invalid("%s contient l'établissement %s, pas la démonstration : rien n'a été effacé", path, h.School)
	}
	return os.Remove(path)
}

// runInit creates a school: the demo one, or an empty one for imports.
func runInit(c *cli, in input) error {
	withDemo, uai, name, zone := in.on("demo"), in.str("uai"), in.str("name"), in.str("zone")
	if !withDemo && (uai == "" || strings.TrimSpace(name) == "") {
		return usageErr("appel init --demo, ou appel init --uai CODE --name NOM [--zone ZONE]")
	}
	c.creating = true
	db, err := c.open()
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Directory(); err == nil {
		return model.Conflict("cette base contient déjà un établissement : rien n'a été modifié")
	}
	if withDemo {
		return installDemo(c, db)
	}
	return installEmpty(c, db, in, uai, name, zone)
}

func installDemo(c *cli, db *storage.DB) error {
	now, err := c.clock()
	if err != nil {
		return err
	}
	data := demo.Build(now())
	if err := writeDataset(c, db, "établissement de démonstration", data); err != nil {
		return err
	}
	fmt.Fprintln(c.stderr, "Établissement de démonstration créé : "+demo.Summary(data))
	return nil
}

func installEmpty(c *cli, db *storage.DB, in input, uai, name, zone string) error {
	now, err := c.clock()
	if err != nil {
		return err
	}
	start, err := initYear(in.str("year"), model.DateOf(now()))
	if err != nil {
		return err
	}
	school, known, err := calendar.SchoolYearOf(start, zone)
	if err != nil {
		return err
	}
	school.UAI, school.Name = strings.ToUpper(uai), strings.TrimSpace(name)
	data := model.Dataset{School: school, Motives: model.DefaultMotives()}
	if err := writeDataset(c, db, "établissement créé", data); err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "Établissement %s créé pour %s (zone %s, du %s au %s), base %s. Ajoutez un compte : appel user add LOGIN --role admin --name \"NOM\"\n",
		school.UAI, school.YearLabel(), school.Zone, school.YearStart.French(), school.YearEnd.French(), db.Path())
	if !known {
		fmt.Fprintln(c.stderr, "Calendrier provisoire (jours fériés seulement) : importez celui du ministère, appel import calendrier FICHIER.")
	}
	return nil
}

func writeDataset(c *cli, db *storage.DB, verb string, data model.Dataset) error {
	svc, err := c.operator(db)
	if err != nil {
		return err
	}
	_, err = db.Update(context.Background(), svc.Actor(), verb, data.Write)
	return err
}

// initYear is the first calendar year of the school year to create: the one
// --year names (2026-2027), else the one that the next 1 September starts
// from June on (on 10 July 2026, 2026-2027), the current one before.
func initYear(flag string, today model.Date) (int, error) {
	if flag == "" {
		if today.Month >= time.June {
			return today.Year, nil
		}
		return today.Year - 1, nil
	}
	if err := checkYear(flag); err != nil {
		return 0, err
	}
	return strconv.Atoi(flag[:4])
}
