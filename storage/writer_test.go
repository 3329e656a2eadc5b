package storage_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"appel/model"
	"appel/storage"
)

func TestConcurrentUpdates(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	const writers, each = 8, 40
	var wg sync.WaitGroup
	actions := make(chan uint64, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				m := mark(seance(23, 8, fmt.Sprintf("c%d", w)), model.PupilID(fmt.Sprintf("p%03d", i)), model.KindAbsent)
				rc, err := db.Update(context.Background(), tester, "marque", func(tx model.Tx) error { return tx.PutMark(m) })
				if err != nil || len(rc.Entries) != 1 {
					t.Errorf("Update: %v %+v", err, rc)
					return
				}
				actions <- rc.Action
			}
		})
	}
	wg.Wait()
	close(actions)
	seen := map[uint64]bool{}
	for a := range actions {
		if seen[a] {
			t.Fatalf("action %d given twice", a)
		}
		seen[a] = true
	}
	mustView(t, db, func(tx model.ReadTx) error {
		ms, err := tx.MarksBetween(d(23), d(23))
		if err != nil || len(ms) != writers*each {
			t.Errorf("%d marks (%v), want %d", len(ms), err, writers*each)
		}
		return nil
	})
}

// counter reads the number kept in a report's note, in tx.
func counter(tx model.ReadTx) (int, error) {
	rs, err := tx.Reports()
	if err != nil || len(rs) == 0 {
		return 0, err
	}
	return strconv.Atoi(rs[0].Note)
}

// increment adds one to the counter and writes a mark of its own: a
// read-modify-write that is only right if a retried run sees none of the
// rolled-back run's writes.
func increment(i int, runs *atomic.Int32) func(model.Tx) error {
	return func(tx model.Tx) error {
		runs.Add(1)
		n, err := counter(tx)
		if err != nil {
			return err
		}
		if err := tx.PutReport(model.Report{Pupil: "compteur", Month: "2026-11", Note: strconv.Itoa(n + 1)}); err != nil {
			return err
		}
		return tx.PutMark(mark(seance(23, 8, "c"), model.PupilID(fmt.Sprintf("p%02d", i)), model.KindAbsent))
	}
}

// TestRetryIsSafe batches n incrementing Updates with one failing function in
// the middle: the batch is rolled back and the functions before the failing
// one run twice, yet the counter ends at n and the audit shows n actions.
func TestRetryIsSafe(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	const n = 20
	var runs atomic.Int32
	boom := errors.New("refusé")
	release := holdWriter(t, db)
	var wg sync.WaitGroup
	receipts := make([]model.Receipt, n)
	enqueue := func(i int) {
		wg.Go(func() {
			var err error
			receipts[i], err = db.Update(context.Background(), tester, "compte", increment(i, &runs))
			if err != nil {
				t.Errorf("Update %d: %v", i, err)
			}
		})
	}
	for i := range n / 2 {
		enqueue(i)
	}
	waitQueue(t, db, n/2)
	failed := make(chan error, 1)
	go func() {
		_, err := db.Update(context.Background(), tester, "échec", func(tx model.Tx) error {
			if err := increment(99, &runs)(tx); err != nil {
				return err
			}
			return boom
		})
		failed <- err
	}()
	waitQueue(t, db, n/2+1)
	for i := n / 2; i < n; i++ {
		enqueue(i)
	}
	waitQueue(t, db, n+1)
	release()
	wg.Wait()

	if err := <-failed; !errors.Is(err, boom) {
		t.Errorf("failing Update: %v", err)
	}
	// First run: n/2 functions, then the failing one; second run: the n others.
	if got, want := int(runs.Load()), n/2+1+n; got != want {
		t.Errorf("%d runs, want %d (the batch was not retried as expected)", got, want)
	}
	mustView(t, db, func(tx model.ReadTx) error {
		if c, err := counter(tx); c != n || err != nil {
			t.Errorf("counter %d (%v), want %d", c, err, n)
		}
		if ms, _ := tx.MarksOfSeance(seance(23, 8, "c")); len(ms) != n {
			t.Errorf("%d marks, want %d (p99 must be absent)", len(ms), n)
		}
		if es, _ := tx.Audit(model.AuditQuery{}); len(es) != 2*n {
			t.Errorf("%d audit entries, want %d", len(es), 2*n)
		}
		return nil
	})
	checkCounterReceipts(t, receipts)
}

// checkCounterReceipts verifies that each receipt of an increment tells the
// value its committed run wrote: the k-th action (entries 2k+1 and 2k+2) set
// the counter to k+1.
func checkCounterReceipts(t *testing.T, receipts []model.Receipt) {
	t.Helper()
	for i, rc := range receipts {
		if len(rc.Entries) != 2 {
			t.Fatalf("receipt %d: %+v", i, rc.Entries)
		}
		want := fmt.Sprintf(`{"pupil":"compteur","month":"2026-11","by":"","at":"0001-01-01T00:00:00Z","note":"%d"}`, rc.Entries[0].Seq/2+1)
		if rc.Entries[0].After != want {
			t.Errorf("receipt %d: %+v", i, rc.Entries)
		}
	}
}

func TestUpdateErrors(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	boom := errors.New("refusé")
	tests := []struct {
		name  string
		fn    func(model.Tx) error
		match func(error) bool
	}{
		{"error", func(tx model.Tx) error {
			_ = tx.PutMark(mark(seance(23, 8, "c"), "p1", model.KindAbsent))
			return boom
		}, func(err error) bool { return errors.Is(err, boom) }},
		{"panic", func(tx model.Tx) error {
			_ = tx.PutMark(mark(seance(23, 8, "c"), "p1", model.KindAbsent))
			panic("oups")
		}, func(err error) bool {
			return err != nil && err.Error() == "erreur interne pendant l'enregistrement : oups"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.Update(context.Background(), tester, "x", tt.fn); !tt.match(err) {
				t.Errorf("got %v", err)
			}
			mustView(t, db, func(tx model.ReadTx) error {
				if _, ok, _ := tx.Mark(model.MarkKey{Seance: seance(23, 8, "c"), Pupil: "p1"}); ok {
					t.Error("a failed Update left its mark")
				}
				return nil
			})
		})
	}
}

func TestUpdateCanceledWhileQueued(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	release := holdWriter(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Bool
	done := make(chan error, 1)
	go func() {
		_, err := db.Update(ctx, tester, "x", func(tx model.Tx) error {
			ran.Store(true)
			return tx.PutMark(mark(seance(23, 8, "c"), "p1", model.KindAbsent))
		})
		done <- err
	}()
	waitQueue(t, db, 1)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	release()
	mustUpdate(t, db, func(model.Tx) error { return nil }) // the writer has passed the abandoned request
	if ran.Load() {
		t.Error("a function abandoned while queued ran")
	}
	if _, err := db.Update(ctx, tester, "x", func(model.Tx) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Update with a cancelled context: %v", err)
	}
}

func TestCloseDrainsQueue(t *testing.T) {
	path := tempPath(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	release := holdWriter(t, db)
	const n = 10
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := db.Update(context.Background(), tester, "x", increment(i, new(atomic.Int32))); err != nil {
				t.Errorf("queued Update lost at Close: %v", err)
			}
		})
	}
	waitQueue(t, db, n)
	closed := make(chan error, 1)
	go func() { closed <- db.Close() }()
	release()
	wg.Wait()
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	db, err = storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustView(t, db, func(tx model.ReadTx) error {
		if c, _ := counter(tx); c != n {
			t.Errorf("counter %d after Close, want %d", c, n)
		}
		return nil
	})
}
