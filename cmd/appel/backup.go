package main

import (
	"fmt"

	"appel/model"
)

// runBackup writes a consistent copy of the db to FILE ("-": standard output),
// also while the server runs (over SSH, as an admin).
func runBackup(c *cli, args []string) error {
	rest, err := c.parseGlobal("backup", args, nil)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("appel backup FICHIER (« - » pour la sortie standard)")
	}
	dest := rest[0]
	if c.session != nil {
		if err := c.session.svc.Require(model.PermSetup); err != nil {
			return err
		}
		return c.copyStore(c.session.store, dest)
	}
	db, err := c.open()
	if err != nil {
		return err
	}
	defer db.Close()
	return c.copyStore(db, dest)
}

func (c *cli) copyStore(store backuper, dest string) error {
	if dest == "-" {
		_, err := store.WriteTo(c.stdout)
		return err
	}
	if err := store.Backup(dest); err != nil {
		return fmt.Errorf("sauvegarde impossible : %v", err)
	}
	fmt.Fprintf(c.stderr, "sauvegarde écrite : %s\n", dest)
	return nil
}
