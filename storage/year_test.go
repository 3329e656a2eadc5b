package storage_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"appel/model"
	"appel/model/calendar"
	"appel/model/modeltest"
	"appel/storage"
)

// yearFixture is a base at path holding the modeltest school with its
// history, a health motive on E001's Friday, a notice with a note and a
// call to a family.
func yearFixture(t *testing.T, path string) *storage.DB {
	t.Helper()
	db, err := storage.Open(path, storage.Options{Now: modeltest.Clock(modeltest.HistoryAt)})
	if err != nil {
		t.Fatal(err)
	}
	data := modeltest.School(6)
	modeltest.History(&data)
	data.Notices[0].Note = "angine, certificat du Dr Morel"
	data.Calls = append(data.Calls, model.FamilyCall{ID: "c1", Pupil: "E001", At: modeltest.HistoryAt, By: "cpe",
		Outcome: "la mère dit qu'il a la grippe", Note: "rappeler jeudi"})
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	return db
}

func rollover(t *testing.T, db *storage.DB, archive string) storage.Rollover {
	t.Helper()
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	next, _, err := calendar.NextYear(dir.School, "")
	if err != nil {
		t.Fatal(err)
	}
	return storage.Rollover{Year: dir.School.YearLabel(), Archive: archive, Next: next,
		Purge: model.NewArchivePurge(dir.Motives), Actor: model.Actor{Login: "admin"}}
}

// TestRollover: the archive holds the old year, purged, read-only; the base
// holds the next year with the same accounts, motives and settings and
// nothing else; the year cannot end twice.
func TestRollover(t *testing.T) {
	dir := t.TempDir()
	db := yearFixture(t, filepath.Join(dir, "appel.db"))
	defer db.Close()
	archive := filepath.Join(dir, "appel-2026-2027.db")
	r := rollover(t, db, archive)
	if err := db.Rollover(r); err != nil {
		t.Fatal(err)
	}
	if err := db.Rollover(r); !errors.Is(err, storage.ErrYearEnded) {
		t.Errorf("a second rollover of 2026-2027: %v", err)
	}
	live, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	if live.School.YearLabel() != "2027-2028" || len(live.Pupils)+len(live.Divisions)+len(live.Groups)+len(live.Courses) != 0 ||
		len(live.Accounts) != len(modeltest.Accounts()) || len(live.Motives) != len(model.DefaultMotives()) {
		t.Errorf("the next year: %s, %d pupils, %d divisions, %d accounts, %d motives", live.School.YearLabel(),
			len(live.Pupils), len(live.Divisions), len(live.Accounts), len(live.Motives))
	}
	_ = db.View(func(tx model.ReadTx) error {
		marks, _ := tx.MarksBetween(model.NewDate(2000, 1, 1), model.NewDate(2100, 1, 1))
		entries, _ := tx.Audit(model.AuditQuery{})
		if len(marks) != 0 || len(entries) != 1 {
			t.Errorf("the next year holds %d marks and %d audit entries, want 0 and 1", len(marks), len(entries))
		}
		return nil
	})
	info, err := os.Stat(archive)
	if err != nil || info.Mode().Perm()&0o222 != 0 {
		t.Fatalf("archive %v, mode %v", err, info.Mode())
	}
	old, err := storage.Open(archive, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if err := old.Check(); err != nil {
		t.Error(err)
	}
	if od, _ := old.Directory(); len(od.Pupils) != 10 {
		t.Errorf("the archive has %d pupils", len(od.Pupils))
	}
	_, err = old.Update(context.Background(), model.Actor{Login: "admin"}, "essai", func(tx model.Tx) error { return tx.PutSetting("x", "y") })
	if !errors.Is(err, storage.ErrReadOnly) || !strings.Contains(model.UserMessage(err), "l'année 2026-2027 est close") {
		t.Errorf("a write on the archive: %v", err)
	}
	checkPurged(t, archive)
}

// checkPurged reads every byte of the archive: no health label, no note.
func checkPurged(t *testing.T, archive string) {
	t.Helper()
	raw, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Maladie", "Rendez-vous m", "angine", "grippe", "rappeler jeudi"} {
		if strings.Contains(string(raw), s) {
			t.Errorf("the archive still holds %q", s)
		}
	}
}

// TestRolloverKilled kills a rollover (kill -9, in a child process) at
// points further and further in: every time, the base opens, passes bbolt's
// check, and holds either the old year whole or the next year with a whole
// archive beside it.
func TestRolloverKilled(t *testing.T) {
	if os.Getenv("APPEL_ROLLOVER_CHILD") != "" {
		return
	}
	outcomes := map[string]int{}
	defer func() { t.Logf("outcomes: %v", outcomes) }()
	for delay := 0; delay <= 40; delay += 2 {
		dir := t.TempDir()
		path, archive := filepath.Join(dir, "appel.db"), filepath.Join(dir, "appel-2026-2027.db")
		db := yearFixture(t, path)
		marks := countMarks(t, db)
		db.Close()
		cmd := exec.Command(os.Args[0], "-test.run", "^TestRolloverChild$")
		cmd.Env = append(os.Environ(), "APPEL_ROLLOVER_CHILD="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(delay) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		db, err := storage.Open(path, storage.Options{})
		if err != nil {
			t.Fatalf("after a kill at %d ms: %v", delay, err)
		}
		if err := db.Check(); err != nil {
			t.Errorf("after a kill at %d ms: %v", delay, err)
		}
		d, _ := db.Directory()
		switch d.School.YearLabel() {
		case "2026-2027":
			if len(d.Pupils) != 10 || countMarks(t, db) != marks {
				t.Errorf("after a kill at %d ms: the old year has %d pupils, %d marks", delay, len(d.Pupils), countMarks(t, db))
			}
			_, statErr := os.Stat(archive)
			outcomes["ancienne année"+map[bool]string{true: ", archive écrite", false: ""}[statErr == nil]]++
			// Running it again finishes the job (the archive, if any, is reused).
			if err := db.Rollover(rollover(t, db, archive)); err != nil {
				t.Errorf("after a kill at %d ms, the rollover again: %v", delay, err)
			}
		case "2027-2028":
			if _, err := storage.ReadStamp(archive); err != nil {
				t.Errorf("after a kill at %d ms: the next year without its archive: %v", delay, err)
			}
			outcomes["année suivante"]++
		default:
			t.Errorf("after a kill at %d ms: year %s", delay, d.School.YearLabel())
		}
		db.Close()
	}
}

// TestRolloverChild is the child of TestRolloverKilled: it ends the year of
// the base in $APPEL_ROLLOVER_CHILD.
func TestRolloverChild(t *testing.T) {
	dir := os.Getenv("APPEL_ROLLOVER_CHILD")
	if dir == "" {
		t.Skip("child of TestRolloverKilled only")
	}
	db, err := storage.Open(filepath.Join(dir, "appel.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Rollover(rollover(t, db, filepath.Join(dir, "appel-2026-2027.db"))); err != nil {
		t.Fatal(err)
	}
}

func countMarks(t *testing.T, db *storage.DB) int {
	t.Helper()
	var n int
	err := db.View(func(tx model.ReadTx) error {
		marks, err := tx.MarksBetween(model.NewDate(2000, 1, 1), model.NewDate(2100, 1, 1))
		n = len(marks)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRolloverWithWriters: marks written while the year ends are each in
// the archive or in the next year, never lost, never in both.
func TestRolloverWithWriters(t *testing.T) {
	dir := t.TempDir()
	db := yearFixture(t, filepath.Join(dir, "appel.db"))
	defer db.Close()
	before := countMarks(t, db)
	archive := filepath.Join(dir, "appel-2026-2027.db")
	r := rollover(t, db, archive)
	const writers, each = 8, 30
	var written atomic.Int32
	errs := make(chan error, writers)
	for w := range writers {
		go func() {
			for i := range each {
				m := model.Mark{Seance: modeltest.MathsSeance(modeltest.Monday.AddDays(i % 5)), Pupil: model.PupilID(fmt.Sprintf("W%02d-%02d", w, i)),
					Kind: model.KindAbsent, By: "prof", At: modeltest.HistoryAt}
				if _, err := db.Update(context.Background(), model.Actor{Login: "prof"}, "marque", func(tx model.Tx) error { return tx.PutMark(m) }); err != nil {
					errs <- err
					return
				}
				written.Add(1)
			}
			errs <- nil
		}()
	}
	for written.Load() < writers*each/4 {
		time.Sleep(time.Millisecond)
	}
	if err := db.Rollover(r); err != nil {
		t.Fatal(err)
	}
	for range writers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	old, err := storage.Open(archive, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	inArchive, inNext := countMarks(t, old)-before, countMarks(t, db)
	if inArchive+inNext != writers*each || inArchive < writers*each/4 {
		t.Errorf("%d marks written: %d in the archive, %d in the next year", writers*each, inArchive, inNext)
	}
	t.Logf("%d in the archive, %d in the next year", inArchive, inNext)
}
