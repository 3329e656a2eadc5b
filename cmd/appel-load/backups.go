package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"appel/model"
	"appel/storage"
)

// measureBackups runs the wave twice on a new school each time: without
// automatic backups, then with one every every; it returns both results.
func (w *workspace) measureBackups(plan wave, every time.Duration) (off, on loadResult, err error) {
	for _, run := range []struct {
		every time.Duration
		name  string
		into  *loadResult
	}{{0, "appel sans sauvegarde", &off}, {every, "appel + sauvegarde toutes les " + every.String(), &on}} {
		if err := w.freshSchool(run.every); err != nil {
			return off, on, err
		}
		r, err := w.measure(plan, true)
		r.name = run.name
		*run.into = r
		if err != nil {
			return off, on, err
		}
	}
	n, err := backupsWritten(filepath.Join(w.dir, "sauvegardes"))
	on.notes = append(on.notes, fmt.Sprintf("  sauvegardes vérifiées dans le dossier : %d (noms à la minute de --now : une par nom)", n))
	return off, on, err
}

// freshSchool rebuilds the school with backup.every set to every (0: none)
// and an empty backups folder.
func (w *workspace) freshSchool(every time.Duration) error {
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
	_, err = db.Update(context.Background(), model.Actor{Login: "appel-load"}, "sauvegardes", func(tx model.Tx) error {
		return tx.PutSetting(model.SettingBackupEvery, every.String())
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// backupsWritten counts the backups in dir (the damaged ones are elsewhere).
func backupsWritten(dir string) (int, error) {
	items, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, it := range items {
		if it.Type().IsRegular() && strings.HasSuffix(it.Name(), ".db") && !strings.HasPrefix(it.Name(), ".") {
			n++
		}
	}
	return n, nil
}
