package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// WriteTo writes a consistent copy of the base to w while writers go on.
func (db *DB) WriteTo(w io.Writer) (int64, error) {
	if db.isClosed() {
		return 0, ErrClosed
	}
	var n int64
	err := db.bolt.View(func(btx *bolt.Tx) error {
		var err error
		n, err = btx.WriteTo(w)
		return err
	})
	return n, err
}

// Backup writes a consistent copy of the base to path: into a temporary file
// of the same directory, synced, then renamed over path, and the directory
// synced. A crash leaves either the old file at path or the complete copy.
func (db *DB) Backup(path string) (err error) {
	if same(path, db.path) {
		return fmt.Errorf("sauvegarde : %s est la base elle-même", path)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("sauvegarde vers %s : %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
			err = fmt.Errorf("sauvegarde vers %s : %w", path, err)
		}
	}()
	if _, err = db.WriteTo(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

func same(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	return errors.Join(d.Sync(), d.Close())
}

// errChecked rolls back the transaction that Check runs in.
var errChecked = errors.New("vérification terminée")

// Check runs bbolt's consistency check. On a writable base it runs inside a
// write transaction (rolled back), which is safe while other writers wait.
func (db *DB) Check() error {
	if db.isClosed() {
		return ErrClosed
	}
	var found error
	check := func(btx *bolt.Tx) error {
		var errs []error
		for err := range btx.Check() {
			errs = append(errs, err)
		}
		found = errors.Join(errs...)
		return errChecked
	}
	run := db.bolt.Update
	if db.readOnly {
		run = db.bolt.View
	}
	if err := run(check); err != nil && !errors.Is(err, errChecked) {
		return err
	}
	if found != nil {
		return fmt.Errorf("base %s incohérente : %w", db.path, found)
	}
	return nil
}
