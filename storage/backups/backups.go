// Package backups keeps a school's db safe by itself: verified copies
// written into a folder, each checked before it takes its final name, and a
// rotation that keeps a history without filling the disk.
//
// A backup's name carries the school and the time it was taken:
// appel-0750001A-2026-11-23T1015.db. Only a copy that passed the check gets
// such a name; a copy that failed it goes to the endommagees/ sub-folder,
// where it never replaces a good one and is shown until someone looks.
package backups

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"appel/storage"
)

// DamagedDir is the sub-folder of the copies that failed their check.
const DamagedDir = "endommagees"

// stamp is the time in a backup's name (local time, to the minute).
const stamp = "2006-01-02T1504"

// Backup is one verified copy in the folder.
type Backup struct {
	Path string
	// UAI is the school's, At when the copy was taken (to the minute).
	UAI string
	At  time.Time
}

// Name is the file name of the school's backup taken at t.
func Name(uai string, t time.Time) string {
	if uai == "" {
		uai = "ecole"
	}
	return "appel-" + uai + "-" + t.Format(stamp) + ".db"
}

// parse reads a backup's name; ok is false for any other file.
func parse(name string, loc *time.Location) (uai string, at time.Time, ok bool) {
	rest, found := strings.CutPrefix(name, "appel-")
	rest, found2 := strings.CutSuffix(rest, ".db")
	if !found || !found2 || len(rest) < len(stamp)+2 {
		return "", time.Time{}, false
	}
	uai, when := rest[:len(rest)-len(stamp)-1], rest[len(rest)-len(stamp):]
	t, err := time.ParseInLocation(stamp, when, loc)
	return uai, t, err == nil && uai != ""
}

// List returns the verified backups of the folder, newest first (none when
// the folder does not exist).
func List(dir string, loc *time.Location) ([]Backup, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		if uai, at, ok := parse(e.Name(), loc); ok && e.Type().IsRegular() {
			out = append(out, Backup{Path: filepath.Join(dir, e.Name()), UAI: uai, At: at})
		}
	}
	slices.SortFunc(out, func(a, b Backup) int { return b.At.Compare(a.At) })
	return out, nil
}

// Damaged returns the copies kept aside because they failed their check.
func Damaged(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, DamagedDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			out = append(out, filepath.Join(dir, DamagedDir, e.Name()))
		}
	}
	return out, err
}

// ErrCopyDamaged is returned by Write when the copy failed its check: it is
// kept aside, and the backups already there are untouched.
var ErrCopyDamaged = errors.New("copie endommagée")

// Write copies db into dir under the school's name for now: written to a
// temporary name, synced, checked by reopening it, and only then renamed.
// A crash at any point leaves the previous backups as they were and no file
// that List would take for a backup.
func Write(db *storage.DB, dir, uai string, now time.Time) (Backup, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, err
	}
	clearUnfinished(dir)
	final := filepath.Join(dir, Name(uai, now))
	tmp := filepath.Join(dir, ".en-cours-"+Name(uai, now))
	if err := db.Backup(tmp); err != nil {
		_ = os.Remove(tmp)
		return Backup{}, err
	}
	if _, err := storage.CheckFile(tmp, time.Second); err != nil {
		return Backup{}, errors.Join(keepAside(dir, tmp, now), fmt.Errorf("%w : %v", ErrCopyDamaged, err))
	}
	if err := os.Rename(tmp, final); err != nil {
		_ = os.Remove(tmp)
		return Backup{}, err
	}
	return Backup{Path: final, UAI: uai, At: now.Truncate(time.Minute)}, syncDir(dir)
}

// keepAside moves a copy that failed its check into the damaged folder.
func keepAside(dir, tmp string, now time.Time) error {
	aside := filepath.Join(dir, DamagedDir)
	if err := os.MkdirAll(aside, 0o700); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(aside, "copie-"+now.Format(stamp)+".db"))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// clearUnfinished removes the temporary copies a crash left behind.
func clearUnfinished(dir string) {
	left, _ := filepath.Glob(filepath.Join(dir, ".en-cours-*"))
	for _, f := range left {
		_ = os.Remove(f)
	}
}

// Restore puts the verified copy at backup in place of the db at dbPath:
// the current file, if any, keeps a second name that says when
// (appel.db.avant-restauration-2026-11-23T1015), the copy is written to a
// temporary name, synced, then renamed over dbPath in one step. It refuses a copy that
// fails its check, and a db that a process holds (the server). It returns
// where the previous file was kept ("" when there was none).
func Restore(backup, dbPath string, now time.Time) (kept string, err error) {
	if _, err := storage.CheckFile(backup, time.Second); err != nil {
		return "", err
	}
	if _, err := storage.CheckFile(dbPath, 100*time.Millisecond); errors.Is(err, storage.ErrLocked) {
		return "", err
	}
	tmp := dbPath + ".restauration-en-cours"
	if err := copyFile(backup, tmp); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	if _, err := os.Stat(dbPath); err == nil {
		kept = dbPath + ".avant-restauration-" + now.Format(stamp)
		// A second name for the current file: until the rename below, the db
		// is the old one, after it the copy, never neither.
		if err := os.Link(dbPath, kept); err != nil && copyFile(dbPath, kept) != nil {
			_ = os.Remove(tmp)
			return "", err
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		_ = os.Remove(tmp)
		return kept, err
	}
	return kept, syncDir(filepath.Dir(dbPath))
}

// copyFile copies src to dst and syncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return errors.Join(out.Sync(), out.Close())
}
