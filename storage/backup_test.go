package storage_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"appel/model"
	"appel/storage"
)

// TestBackupWhileWriting copies the base while writers commit: the copy is a
// consistent base holding at least every mark acknowledged before the copy.
func TestBackupWhileWriting(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	mustUpdate(t, db, fixture().Write)
	var acked atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				m := mark(seance(24, 8, fmt.Sprint("w", w)), model.PupilID(fmt.Sprintf("p%05d", i)), model.KindAbsent)
				if _, err := db.Update(context.Background(), tester, "x", func(tx model.Tx) error { return tx.PutMark(m) }); err != nil {
					t.Error(err)
					return
				}
				acked.Add(1)
			}
		})
	}
	for acked.Load() < 100 {
		runtime.Gosched()
	}
	before := acked.Load()
	path := filepath.Join(t.TempDir(), "copie.db")
	if err := db.Backup(path); err != nil {
		t.Fatal(err)
	}
	close(stop)
	wg.Wait()

	cp, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if err := cp.Check(); err != nil {
		t.Fatal(err)
	}
	if dir, err := cp.Directory(); err != nil || len(dir.Pupils) != 5 {
		t.Errorf("copy's directory: %v", err)
	}
	mustView(t, cp, func(tx model.ReadTx) error {
		ms, err := tx.MarksBetween(d(24), d(24))
		if err != nil || int64(len(ms)) < before {
			t.Errorf("copy holds %d marks, %d were acknowledged before it (%v)", len(ms), before, err)
		}
		return nil
	})
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".copie.db.tmp-*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestBackupErrors(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	if err := db.Backup(db.Path()); err == nil || !strings.Contains(err.Error(), "la base elle-même") {
		t.Errorf("backup over itself: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "absent", "copie.db")
	if err := db.Backup(missing); err == nil || !strings.Contains(err.Error(), "sauvegarde vers") {
		t.Errorf("backup into a missing directory: %v", err)
	}
	var buf bytes.Buffer
	n, err := db.WriteTo(&buf)
	if err != nil || n == 0 || int64(buf.Len()) != n {
		t.Errorf("WriteTo: %d bytes, %v", n, err)
	}
	raw := filepath.Join(t.TempDir(), "brut.db")
	if err := os.WriteFile(raw, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	cp, err := storage.Open(raw, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("WriteTo's copy does not open: %v", err)
	}
	cp.Close()
}
