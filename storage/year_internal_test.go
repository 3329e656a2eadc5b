package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestEveryBucketHasAYear: each bucket of the schema is either kept by the
// next year or emptied by the rollover, so that a new bucket is decided on.
func TestEveryBucketHasAYear(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "a.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	decided := append(slices.Clone(yearBuckets), keptBuckets...)
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if !slices.ContainsFunc(decided, func(b []byte) bool { return string(b) == string(name) }) {
				t.Errorf("bucket %s is neither kept nor emptied by the rollover (storage/year.go)", name)
			}
			return nil
		})
	})
}

// TestOldArchiveStaysReadable: an archive written at an older schema opens
// through a migrated copy; the archive's bytes do not change, and the copy
// goes with Close.
func TestOldArchiveStaysReadable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "appel-2026-2027.db")
	older := migrations[:len(migrations)-1]
	db, err := open(path, Options{}, older)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(keyArchived, []byte(`{"year":"2026-2027"}`)) })
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if _, err := open(path, Options{ReadOnly: true}, migrations); !errors.Is(err, ErrOlderSchema) {
		t.Fatalf("a read-only open of an old file: %v", err)
	}
	a, err := openArchive(path, Options{}, migrations)
	if err != nil {
		t.Fatal(err)
	}
	if y, ok := a.ArchivedYear(); !ok || y != "2026-2027" || a.Path() != path {
		t.Errorf("archive %q %v at %s", y, ok, a.Path())
	}
	scratch := a.scratch
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(scratch); !os.IsNotExist(err) {
		t.Errorf("the migrated copy stays: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the archive changed")
	}
}
