package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"appel/model"
	"appel/storage"
	"appel/storage/backups"
)

// exitDamaged is the exit status of a command refused because its db file is
// damaged, empty, not an appel db or of a newer format.
const exitDamaged = 3

// unusableDB is the refusal of a db file that must not be opened: what was
// found, and the way out (the newest verified backup and the command that
// puts it back).
type unusableDB struct {
	health storage.Health
	cause  error
	// backupDir is where backups were looked for; newest the latest there.
	backupDir string
	newest    *backups.Backup
	// detail lists every fault (appel check).
	detail bool
	// archive: the file is an ended year's archive, which no live backup replaces.
	archive bool
}

// faultCount is « 3 défauts », or « un défaut de lecture » when the check
// could not go through the file.
func faultCount(faults []string) string {
	switch len(faults) {
	case 0:
		return "un défaut de lecture"
	case 1:
		return "1 défaut"
	}
	return fmt.Sprintf("%d défauts", len(faults))
}

func (u *unusableDB) Error() string { return u.cause.Error() }
func (u *unusableDB) Unwrap() error { return u.cause }

// lines is the French message: what the file is, that nothing was written,
// and what to do.
func (u *unusableDB) lines() []string {
	what := "est endommagée"
	switch {
	case errors.Is(u.cause, storage.ErrEmpty):
		what = "est un fichier vide (0 octet) : ce n'est pas un établissement"
	case errors.Is(u.cause, storage.ErrNotAppel):
		what = "n'est pas une base appel"
	case errors.Is(u.cause, storage.ErrNewerSchema):
		what = "a été écrite par une version plus récente d'appel : mettez appel à jour"
	}
	out := []string{fmt.Sprintf("la base %s %s ; rien n'y a été écrit.", u.health.Path, what)}
	if errors.Is(u.cause, storage.ErrDamaged) {
		out = append(out, fmt.Sprintf("La vérification page par page y trouve %s (détail : appel check %s).",
			faultCount(u.health.Faults), shellQuote(u.health.Path)))
	}
	if u.detail {
		for _, f := range u.health.Faults {
			out = append(out, "  · "+strings.TrimPrefix(f, "panic: "))
		}
	}
	if errors.Is(u.cause, storage.ErrNewerSchema) {
		return out
	}
	if u.archive {
		return append(out, "C'est l'archive d'une année close : remettez-en une copie à sa place (toute copie faite "+
			"depuis la clôture convient ; vérifiez-la d'abord : appel check FICHIER).")
	}
	if u.newest == nil {
		return append(out, "Aucune sauvegarde vérifiée dans "+u.backupDir+".",
			"Pour une base neuve : appel init ; pour reprendre une sauvegarde : appel restore FICHIER.")
	}
	return append(out,
		fmt.Sprintf("Dernière sauvegarde vérifiée : %s (%s).", u.newest.Path, u.newest.At.Format("02/01/2006 15:04")),
		fmt.Sprintf("Pour la remettre en place : appel restore %s --db %s", shellQuote(u.newest.Path), shellQuote(u.health.Path)))
}

// shellQuote quotes a path for a command line to copy, when it needs it.
func shellQuote(s string) string {
	if strings.ContainsAny(s, " '\"$\\`!*?&;|<>()") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// checkDB runs the consistency check on the db file before anything opens
// it: a missing file is left to the caller (init creates it; creating, an
// empty file too), a file held by a running server to the lock's own
// message; any other fault refuses the command with the way out.
func checkDB(path string, creating bool) error {
	h, err := storage.CheckFile(path, time.Second)
	switch {
	case err == nil, errors.Is(err, os.ErrNotExist), errors.Is(err, storage.ErrLocked):
		return nil
	case creating && errors.Is(err, storage.ErrEmpty):
		return nil // appel init makes an empty file a school
	}
	u := &unusableDB{health: h, cause: err, backupDir: defaultBackupDir(path)}
	if list, _ := backups.List(u.backupDir, time.Local); len(list) > 0 {
		u.newest = &list[0]
	}
	return u
}

// checkArchive runs the consistency check on an ended year's archive before
// it is opened: any fault refuses it, with the archive's own way out.
func checkArchive(path string) error {
	h, err := storage.CheckFile(path, time.Second)
	if err == nil || errors.Is(err, storage.ErrLocked) {
		return nil
	}
	return &unusableDB{health: h, cause: err, archive: true}
}

// defaultBackupDir is the sauvegardes/ folder beside the db.
func defaultBackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "sauvegardes")
}

// backupDir is the folder of the backups: the setting backup.dir (relative
// to the db's folder), or sauvegardes/ beside the db.
func backupDir(dbPath string, setting string) string {
	switch {
	case setting == "":
		return defaultBackupDir(dbPath)
	case filepath.IsAbs(setting):
		return setting
	}
	return filepath.Join(filepath.Dir(dbPath), setting)
}

// runCheck checks the db (or FILE, a backup) and says what it found: its
// school and year, its size, how long the check took; the backups folder's
// newest verified backup and any damaged copy kept aside.
func runCheck(c *cli, in input) error {
	path := in.arg(0)
	if path == "" {
		var err error
		if path, err = c.dbFile("appel.db"); err != nil {
			return err
		}
	}
	h, err := storage.CheckFile(path, time.Second)
	if errors.Is(err, storage.ErrLocked) {
		return model.Conflict("%s est tenue par le serveur : vérifiez une sauvegarde (appel backup - par SSH, puis appel check FICHIER)", path)
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		u := &unusableDB{health: h, cause: err, backupDir: defaultBackupDir(path), detail: true}
		if list, _ := backups.List(u.backupDir, time.Local); len(list) > 0 {
			u.newest = &list[0]
		}
		return u
	}
	if err != nil {
		return model.NotFound("%s n'existe pas", path)
	}
	fmt.Fprintf(c.stdout, "%s : base saine (%s, année %s) · %d Ko · schéma %d · vérifiée en %d ms\n",
		path, h.School, h.Year, h.Size/1024, h.Schema, h.Took.Milliseconds())
	reportBackups(c, defaultBackupDir(path))
	return nil
}

// reportBackups says what the backups folder holds.
func reportBackups(c *cli, dir string) {
	list, _ := backups.List(dir, time.Local)
	if len(list) == 0 {
		fmt.Fprintf(c.stdout, "Aucune sauvegarde vérifiée dans %s.\n", dir)
	} else {
		fmt.Fprintf(c.stdout, "Dernière sauvegarde vérifiée : %s (%s) ; %d en tout.\n",
			list[0].Path, list[0].At.Format("02/01/2006 15:04"), len(list))
	}
	if aside, _ := backups.Damaged(dir); len(aside) > 0 {
		fmt.Fprintf(c.stdout, "Attention : %d copie(s) endommagée(s) mise(s) de côté dans %s.\n",
			len(aside), filepath.Join(dir, backups.DamagedDir))
	}
}
