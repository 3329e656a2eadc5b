package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"appel/model"
)

// withOperatorFor is withOperator for a command that can also run through
// the server: when `appel serve` holds the db, the error says how to run
// « appel remote » over SSH instead.
func (c *cli) withOperatorFor(remote string, fn func(*model.Service) error) error {
	err := withOperator(c, fn)
	return c.lockedHint(err, remote)
}

// runBackup writes a consistent copy of the db to FILE ("-": standard output),
// also while the server runs (over SSH, as an admin).
func runBackup(c *cli, in input) error {
	path := in.arg(0)
	if c.session != nil {
		if err := c.session.svc.Require(model.PermSetup); err != nil {
			return err
		}
		return backup(c.session.store, path, c.stdout, c.stderr)
	}
	if err := refuseOverwrite(path, in.on("force")); err != nil {
		return err
	}
	db, err := c.open()
	if err != nil {
		return c.lockedHint(err, "backup - > "+path)
	}
	defer db.Close()
	return backup(db, path, c.stdout, c.stderr)
}

// refuseOverwrite keeps an existing file (often the previous backup) unless
// the operator said --force.
func refuseOverwrite(path string, force bool) error {
	if path == "-" || force {
		return nil
	}
	if _, err := os.Lstat(path); err == nil {
		return model.Invalid("%s existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer", filepath.Base(path))
	}
	return nil
}

// backuper is the store's consistent copy: storage.DB has both.
type backuper interface {
	Backup(path string) error
	WriteTo(w io.Writer) (int64, error)
}

// backup writes a consistent copy of db to path (synced, then renamed into
// place), or to out when path is « - »; it reports on report.
func backup(db backuper, path string, out, report io.Writer) error {
	if path == "-" {
		_, err := db.WriteTo(out)
		return err
	}
	if err := db.Backup(path); err != nil {
		return err
	}
	fmt.Fprintf(report, "Sauvegarde écrite : %s\n", path)
	return nil
}
