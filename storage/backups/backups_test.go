package backups_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/backups"
	"appel/storage/storagetest"
)

var paris, _ = time.LoadLocation("Europe/Paris")

// TestRotationOverASimulatedMonth takes a backup every hour for 45 days,
// rotating after each, with a term ending on day 10: what stays is exactly
// what README.md says.
func TestRotationOverASimulatedMonth(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, paris)
	termEnd := time.Date(2026, 11, 10, 0, 0, 0, 0, paris)
	var now time.Time
	for h := range 45 * 24 {
		now = start.Add(time.Duration(h) * time.Hour)
		if err := os.WriteFile(filepath.Join(dir, backups.Name("0750001A", now)), nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := backups.Rotate(dir, now, backups.Policy{Days: 30, Ends: []time.Time{termEnd}}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := backups.List(dir, paris)
	if err != nil {
		t.Fatal(err)
	}
	recent, daily, old := 0, map[string]int{}, 0
	for _, b := range list {
		age := now.Sub(b.At)
		switch {
		case age < 48*time.Hour:
			recent++
		case age <= 30*24*time.Hour:
			daily[b.At.Format("2006-01-02")]++
			if b.At.Hour() != 23 {
				t.Errorf("the day's backup kept is %s, not the last of the day", b.At.Format("02/01 15:04"))
			}
		default:
			old++
			if !b.At.Equal(termEnd.Add(23 * time.Hour)) {
				t.Errorf("kept after 30 days: %s (only the term's last stays)", b.At.Format("02/01 15:04"))
			}
		}
	}
	if recent != 48 {
		t.Errorf("%d backups of the last two days, want 48 (one an hour)", recent)
	}
	for d, n := range daily {
		if n != 1 {
			t.Errorf("%s: %d backups kept, want 1", d, n)
		}
	}
	if len(daily) != 29 || old != 1 {
		t.Errorf("%d days of daily backups (want 29), %d older (want the term's one)", len(daily), old)
	}
}

func schoolDB(t *testing.T) *storage.DB {
	t.Helper()
	return storagetest.NewWith(t, modeltest.School(40))
}

// TestWriteVerifiesTheCopy: a sound db gives a backup that List finds and
// CheckFile passes; an unfinished copy left by a crash is never listed and
// the next backup clears it.
func TestWriteVerifiesTheCopy(t *testing.T) {
	db, dir := schoolDB(t), t.TempDir()
	crashed := filepath.Join(dir, ".en-cours-"+backups.Name("0750001A", time.Now()))
	if err := os.WriteFile(crashed, []byte("moitié d'une copie"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := backups.Write(db, dir, "0750001A", time.Date(2026, 11, 23, 10, 15, 0, 0, paris))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(b.Path) != "appel-0750001A-2026-11-23T1015.db" {
		t.Errorf("name %s", b.Path)
	}
	if _, err := storage.CheckFile(b.Path, time.Second); err != nil {
		t.Errorf("the backup: %v", err)
	}
	list, _ := backups.List(dir, paris)
	if len(list) != 1 || list[0].Path != b.Path {
		t.Errorf("listed %+v", list)
	}
	if _, err := os.Stat(crashed); !errors.Is(err, os.ErrNotExist) {
		t.Error("the unfinished copy is still there")
	}
}

// TestDamagedSourceNeverReplacesAGoodBackup: the db's file is damaged under
// it (a bad sector): its copy fails the check, goes aside, and the good
// backup stays the newest.
func TestDamagedSourceNeverReplacesAGoodBackup(t *testing.T) {
	db, dir := schoolDB(t), t.TempDir()
	good, err := backups.Write(db, dir, "0750001A", time.Date(2026, 11, 23, 9, 0, 0, 0, paris))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(db.Path(), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, 4*4096)
	for i := range garbage {
		garbage[i] = byte(i*7 + 3)
	}
	if _, err := f.WriteAt(garbage, 2*4096); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	_, err = backups.Write(db, dir, "0750001A", time.Date(2026, 11, 23, 10, 0, 0, 0, paris))
	if !errors.Is(err, backups.ErrCopyDamaged) {
		t.Fatalf("a damaged source's copy: %v", err)
	}
	list, _ := backups.List(dir, paris)
	if len(list) != 1 || list[0].Path != good.Path {
		t.Errorf("the good backup is no longer the newest: %+v", list)
	}
	if aside, _ := backups.Damaged(dir); len(aside) != 1 {
		t.Errorf("damaged copies kept aside: %v", aside)
	}
	t.Cleanup(func() { _ = db.Close() })
}
