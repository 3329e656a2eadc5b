package storage

import (
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
