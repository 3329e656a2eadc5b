package storage_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"appel/model"
	"appel/storage"
	"appel/storage/storagetest"
)

// clock is a settable clock for audit timestamps.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *clock { return &clock{t: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

var paris = mustLoad("Europe/Paris")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at returns 2026-11-dd hh:mm in Paris.
func at(day, hh, mm int) time.Time { return time.Date(2026, 11, day, hh, mm, 0, 0, paris) }

var tester = model.Actor{Login: "testeur", Session: "s1", Addr: "127.0.0.1:5555"}

// newDB opens a fresh base whose clock is c.
func newDB(t *testing.T, c *clock) *storage.DB {
	t.Helper()
	return storagetest.Open(t, storage.Options{Now: c.Now})
}

// tempPath returns a base path in a fresh temporary directory.
func tempPath(t *testing.T) string { return filepath.Join(t.TempDir(), "appel.db") }

func mustUpdate(t testing.TB, db *storage.DB, fn func(model.Tx) error) model.Receipt {
	t.Helper()
	rc, err := db.Update(context.Background(), tester, "test", fn)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	return rc
}

func mustView(t testing.TB, db *storage.DB, fn func(model.ReadTx) error) {
	t.Helper()
	if err := db.View(fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

// seance returns the identifier of a séance on 2026-11-dd at hh:00.
func seance(day, hh int, course string) model.SeanceID {
	return model.NewSeanceID(model.NewDate(2026, 11, day), model.Clock(hh*60), course)
}

func mark(s model.SeanceID, p model.PupilID, kind model.MarkKind) model.Mark {
	return model.Mark{Seance: s, Pupil: p, Kind: kind, By: "prof", At: at(23, 8, 5)}
}

func putMarks(t testing.TB, db *storage.DB, ms ...model.Mark) {
	t.Helper()
	mustUpdate(t, db, func(tx model.Tx) error {
		for _, m := range ms {
			if err := tx.PutMark(m); err != nil {
				return err
			}
		}
		return nil
	})
}

// keysOf lists marks as seance/pupil strings.
func keysOf(ms []model.Mark) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Key().String()
	}
	return out
}

// holdWriter keeps the writer busy inside an Update until release is called,
// so that the Updates queued meanwhile form the next batch.
func holdWriter(t *testing.T, db *storage.DB) (release func()) {
	t.Helper()
	var once sync.Once
	started, free, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		_, err := db.Update(context.Background(), tester, "attente", func(model.Tx) error {
			once.Do(func() { close(started) })
			<-free
			return nil
		})
		done <- err
	}()
	<-started
	return func() {
		close(free)
		if err := <-done; err != nil {
			t.Errorf("holdWriter: %v", err)
		}
	}
}

// waitQueue waits until n Updates are queued (a guard against hanging, not a
// timing assertion).
func waitQueue(t *testing.T, db *storage.DB, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for db.QueueLen() < n {
		if time.Now().After(deadline) {
			t.Fatalf("waitQueue: %d queued, want %d", db.QueueLen(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func storageOptions(c *clock) storage.Options { return storage.Options{Now: c.Now} }
