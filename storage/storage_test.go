package storage_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/storage"
)

func TestReopenKeepsData(t *testing.T) {
	path := tempPath(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := mark(seance(23, 8, "c1"), "p1", model.KindAbsent)
	putMarks(t, db, m)
	mustUpdate(t, db, func(tx model.Tx) error { return tx.PutSchool(testSchool()) })
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustView(t, db, func(tx model.ReadTx) error {
		got, ok, err := tx.Mark(m.Key())
		if err != nil || !ok || got.Kind != model.KindAbsent || !got.At.Equal(m.At) {
			t.Errorf("after reopen: %+v %v %v", got, ok, err)
		}
		return nil
	})
	dir, err := db.Directory()
	if err != nil || dir.School.UAI != testSchool().UAI {
		t.Errorf("directory after reopen: %v %v", dir, err)
	}
	if err := db.Check(); err != nil {
		t.Error(err)
	}
}

func TestOpenLocked(t *testing.T) {
	path := tempPath(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, readOnly := range []bool{false, true} {
		_, err := storage.Open(path, storage.Options{Timeout: 100 * time.Millisecond, ReadOnly: readOnly})
		if !errors.Is(err, storage.ErrLocked) {
			t.Fatalf("read-only %v: want ErrLocked, got %v", readOnly, err)
		}
		if !strings.Contains(err.Error(), "utilisée par un autre processus (appel serve ?)") || !strings.Contains(err.Error(), path) {
			t.Errorf("message: %q", err)
		}
	}
}

func TestReadOnly(t *testing.T) {
	path := tempPath(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	putMarks(t, db, mark(seance(23, 8, "c1"), "p1", model.KindAbsent))
	db.Close()

	r1, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := storage.Open(path, storage.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("two readers must share the file: %v", err)
	}
	defer r2.Close()
	mustView(t, r2, func(tx model.ReadTx) error {
		ms, err := tx.MarksBetween(model.NewDate(2026, 11, 23), model.NewDate(2026, 11, 23))
		if len(ms) != 1 {
			t.Errorf("marks: %v %v", ms, err)
		}
		return nil
	})
	if _, err := r1.Update(t.Context(), tester, "x", func(model.Tx) error { return nil }); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("Update on read-only: %v", err)
	}
	if err := r1.Check(); err != nil {
		t.Errorf("Check read-only: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	garbage := tempPath(t)
	if err := os.WriteFile(garbage, []byte(strings.Repeat("pas une base ", 2000)), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		opts       storage.Options
		want       string
	}{
		{"not bbolt", garbage, storage.Options{}, "n'est pas une base appel valide"},
		{"missing read-only", tempPath(t), storage.Options{ReadOnly: true}, "n'existe pas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := storage.Open(tt.path, tt.opts)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %q, want %q", err, tt.want)
			}
		})
	}
}

func TestClosed(t *testing.T) {
	db, err := storage.Open(tempPath(t), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := db.Update(t.Context(), tester, "x", func(model.Tx) error { return nil }); !errors.Is(err, storage.ErrClosed) {
		t.Errorf("Update: %v", err)
	}
	if err := db.View(func(model.ReadTx) error { return nil }); !errors.Is(err, storage.ErrClosed) {
		t.Errorf("View: %v", err)
	}
	if _, ok := <-db.Watch(t.Context()); ok {
		t.Error("Watch after Close must return a closed channel")
	}
}

func TestDirectoryCache(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	_, err := db.Directory()
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "aucun établissement dans cette base") {
		t.Fatalf("empty base: %v", err)
	}
	mustUpdate(t, db, func(tx model.Tx) error {
		if err := tx.PutSchool(testSchool()); err != nil {
			return err
		}
		return tx.PutPupil(model.Pupil{ID: "p1", LastName: "Martin", FirstName: "Léa", Division: "4B"})
	})
	d1, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d1.Pupil("p1"); !ok {
		t.Error("p1 missing from directory")
	}
	putMarks(t, db, mark(seance(23, 8, "c1"), "p1", model.KindAbsent))
	if d2, _ := db.Directory(); d2 != d1 {
		t.Error("a mark must not rebuild the directory")
	}
	steps := []struct {
		name string
		fn   func(model.Tx) error
		seen func(*model.Directory) bool
	}{
		{"pupil", func(tx model.Tx) error { return tx.PutPupil(model.Pupil{ID: "p2", LastName: "Durand", Division: "4B"}) },
			func(d *model.Directory) bool { _, ok := d.Pupil("p2"); return ok }},
		{"account", func(tx model.Tx) error {
			return tx.PutAccount(model.Account{Login: "prof", Name: "M. Prof", Roles: []model.Role{model.RoleTeacher}})
		}, func(d *model.Directory) bool { _, ok := d.Account("prof"); return ok }},
		{"motive", func(tx model.Tx) error { return tx.PutMotive(model.DefaultMotives()[0]) },
			func(d *model.Directory) bool { _, ok := d.MotiveByCode("maladie"); return ok }},
		{"delete pupil", func(tx model.Tx) error { return tx.DeletePupil("p2") },
			func(d *model.Directory) bool { _, ok := d.Pupil("p2"); return !ok }},
	}
	for _, s := range steps {
		mustUpdate(t, db, s.fn)
		d, err := db.Directory()
		if err != nil || !s.seen(d) {
			t.Errorf("%s: directory not rebuilt (%v)", s.name, err)
		}
	}
}

// testSchool is a minimal school for the 2026-2027 year.
func testSchool() model.School {
	return model.School{
		UAI: "0670001A", Name: "Collège Test", TimeZone: "Europe/Paris",
		YearStart: model.NewDate(2026, 9, 1), YearEnd: model.NewDate(2027, 7, 3),
		Slots:    model.DefaultSlots(),
		Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		Settings: model.DefaultSettings(),
	}
}
