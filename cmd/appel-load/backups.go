package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"appel/model"
	"appel/storage"
	"appel/storage/backups"
)

// measureBackups runs the wave twice on a new school each time: without
// automatic backups, then with one every every; it returns both results.
func (w *workspace) measureBackups(plan wave, every time.Duration) (off, on loadResult, err error) {
	for _, run := range []struct {
		every time.Duration
		name  string
		into  *loadResult
	}{{0, "appel sans sauvegarde", &off}, {every, "appel + sauvegarde toutes les " + every.String(), &on}} {
		if err := w.freshSchool("sauvegardes", map[string]string{model.SettingBackupEvery: run.every.String()}); err != nil {
			return off, on, err
		}
		r, err := w.measure(plan, true)
		r.name = run.name
		*run.into = r
		if err != nil {
			return off, on, err
		}
	}
	list, err := backups.List(filepath.Join(w.dir, "sauvegardes"), time.Local)
	on.notes = append(on.notes, fmt.Sprintf("  sauvegardes vérifiées dans le dossier : %d (noms à la minute de --now : une par nom)", len(list)))
	return off, on, err
}

// freshSchool rebuilds the school in a new db file, with an empty backups
// folder, and writes settings into it (audited as verb).
func (w *workspace) freshSchool(verb string, settings map[string]string) error {
	if err := os.RemoveAll(filepath.Join(w.dir, "sauvegardes")); err != nil {
		return err
	}
	if err := os.Remove(w.db); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := buildSchool(w.db, w.teachers); err != nil {
		return err
	}
	db, err := storage.Open(w.db, storage.Options{})
	if err != nil {
		return err
	}
	_, err = db.Update(context.Background(), model.Actor{Login: "appel-load"}, verb, func(tx model.Tx) error {
		var errs []error
		for k, v := range settings {
			errs = append(errs, tx.PutSetting(k, v))
		}
		return errors.Join(errs...)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}
