package main

import (
	"errors"
	"fmt"
	"time"

	"appel/model"
	"appel/storage"
	"appel/storage/backups"
)

// runRestore puts a backup in place of the db: it checks the backup, says
// what it holds, asks (unless --yes), keeps the current file beside the db
// and renames the copy into place in one step. A running server holds the
// db: it must be stopped first.
func runRestore(c *cli, in input) error {
	from := in.arg(0)
	dbPath, err := c.dbFile("appel.db")
	if err != nil {
		return err
	}
	summary, err := backupSummary(from)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "Sauvegarde %s : %s\n", from, summary)
	if !in.on("yes") {
		if err := confirm(c.stdin, c.stderr, "Remplacer la base "+dbPath+" par cette sauvegarde"); err != nil {
			return err
		}
	}
	now, err := c.clock()
	if err != nil {
		return err
	}
	kept, err := backups.Restore(from, dbPath, now())
	if errors.Is(err, storage.ErrLocked) {
		return model.Conflict("le serveur tient la base %s : arrêtez-le (systemctl stop appel), restaurez, puis relancez-le", dbPath)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "Base remise en place depuis %s.\n", from)
	if kept != "" {
		fmt.Fprintf(c.stderr, "L'ancienne base est gardée sous %s.\n", kept)
	}
	return nil
}

// backupSummary checks a backup and says what it holds: school, year, the
// pupils, the marks and the day of the last one.
func backupSummary(path string) (string, error) {
	h, err := storage.CheckFile(path, time.Second)
	if err != nil {
		return "", &unusableDB{health: h, cause: err, backupDir: defaultBackupDir(path), detail: true}
	}
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer db.Close()
	dir, err := db.Directory()
	if err != nil {
		return "", model.Invalid("%s ne contient aucun établissement", path)
	}
	var marks []model.Mark
	err = db.View(func(tx model.ReadTx) error {
		var err error
		marks, err = tx.MarksBetween(dir.School.YearStart, dir.School.YearEnd)
		return err
	})
	if err != nil {
		return "", err
	}
	last := "aucune marque"
	if n := len(marks); n > 0 {
		latest := marks[0].At
		for _, m := range marks {
			if m.At.After(latest) {
				latest = m.At
			}
		}
		last = fmt.Sprintf("%d marques, la dernière le %s", n, latest.In(dir.Location()).Format("02/01/2006 à 15:04"))
	}
	return fmt.Sprintf("%s, année %s · %d élèves · %s", h.School, h.Year, len(dir.Pupils), last), nil
}
