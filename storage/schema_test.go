package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestMigrationsOrdered(t *testing.T) {
	for i, m := range migrations {
		if m.version != i+1 || m.apply == nil || m.what == "" {
			t.Errorf("migration %d: version %d, apply set %v, what %q", i, m.version, m.apply != nil, m.what)
		}
	}
}

func TestFreshFileHasEveryBucket(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "a.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		for _, name := range bucketsV1 {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		if v := schemaOf(tx); v != latest(migrations) {
			t.Errorf("schema %d, want %d", v, latest(migrations))
		}
		return nil
	})
}

// setSchema writes a version into a closed file, as a newer appel would.
func setSchema(t *testing.T, path string, v int) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(keySchema, u64(uint64(v))) }); err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	setSchema(t, path, latest(migrations)+1)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrNewerSchema) {
			t.Fatalf("read-only %v: want ErrNewerSchema, got %v", ro, err)
		}
		want := fmt.Sprintf("créée par une version plus récente d'appel (schéma %d, cette version lit jusqu'à %d)", latest(migrations)+1, latest(migrations))
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

func TestMigrationsRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := open(path, Options{}, migrations)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	runs := 0
	next := latest(migrations) + 1
	v2 := append(migrations[:len(migrations):len(migrations)], migration{version: next, what: "essai", apply: func(tx *bolt.Tx) error {
		runs++
		b, err := tx.CreateBucket([]byte("v2"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	}})

	if _, err := open(path, Options{ReadOnly: true}, v2); err == nil || !strings.Contains(err.Error(), "ouvrez-la une fois en écriture") {
		t.Errorf("read-only open of an old file: %v", err)
	}
	for i := 0; i < 2; i++ {
		db, err := open(path, Options{}, v2)
		if err != nil {
			t.Fatal(err)
		}
		_ = db.bolt.View(func(tx *bolt.Tx) error {
			if schemaOf(tx) != next || tx.Bucket([]byte("v2")) == nil {
				t.Errorf("open %d: schema %d, bucket %v", i, schemaOf(tx), tx.Bucket([]byte("v2")) != nil)
			}
			return nil
		})
		db.Close()
	}
	if runs != 1 {
		t.Errorf("migration ran %d times, want 1", runs)
	}
	if _, err := open(path, Options{}, migrations); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("older code on a migrated file: %v", err)
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := open(path, Options{}, migrations)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	next := latest(migrations) + 1
	bad := append(migrations[:len(migrations):len(migrations)], migration{version: next, what: "échoue", apply: func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucket([]byte("v2")); err != nil {
			return err
		}
		return errors.New("panne")
	}})
	if _, err := open(path, Options{}, bad); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("schéma %d (échoue)", next)) {
		t.Fatalf("want the migration's error, got %v", err)
	}
	db, err = open(path, Options{}, migrations)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		if schemaOf(tx) != latest(migrations) || tx.Bucket([]byte("v2")) != nil {
			t.Errorf("failed migration left traces: schema %d", schemaOf(tx))
		}
		return nil
	})
}
