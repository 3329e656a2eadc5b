// Package storagetest opens real storage bases for other packages' tests.
package storagetest

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"appel/model"
	"appel/storage"
)

// New opens an empty base in a temporary directory; at cleanup it runs the
// consistency check and closes the base.
func New(tb testing.TB) *storage.DB {
	tb.Helper()
	return Open(tb, storage.Options{})
}

// NewWith opens a base holding data (a modeltest school, say), written in
// one transaction audited as the account "test".
func NewWith(tb testing.TB, data model.Dataset) *storage.DB {
	tb.Helper()
	db := New(tb)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		tb.Fatalf("storagetest: %v", err)
	}
	return db
}

// Open is New with options (a fixed clock, a smaller batch).
func Open(tb testing.TB, opts storage.Options) *storage.DB {
	tb.Helper()
	db, err := storage.Open(filepath.Join(tb.TempDir(), "appel.db"), opts)
	if err != nil {
		tb.Fatalf("storagetest: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Check(); err != nil && !errors.Is(err, storage.ErrClosed) {
			tb.Errorf("storagetest: %v", err)
		}
		if err := db.Close(); err != nil {
			tb.Errorf("storagetest: fermeture : %v", err)
		}
	})
	return db
}
