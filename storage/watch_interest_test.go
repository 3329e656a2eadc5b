package storage_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"appel/model"
	"appel/storage"
)

// TestWatchInterestFilters: a filtered watcher receives, in commit order,
// only the changes its box wants when they are published, while an
// unfiltered one receives them all.
func TestWatchInterestFilters(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	s1, s2 := seance(23, 8, "c1"), seance(23, 9, "c2")
	var box model.InterestBox
	box.Set(model.SeancesInterest(s1).Union(model.NotificationsInterest("prof")))
	filtered, all := db.WatchInterest(t.Context(), &box), db.Watch(t.Context())
	notify := func(to string) uint64 {
		return mustUpdate(t, db, func(tx model.Tx) error {
			tx.Notify(model.Notification{To: to, Text: "appel à faire"})
			return tx.PutMark(mark(seance(23, 10, "c3"), model.PupilID(to), model.KindAbsent))
		}).Action
	}
	put := func(s model.SeanceID, p model.PupilID) uint64 {
		return mustUpdate(t, db, func(tx model.Tx) error { return tx.PutMark(mark(s, p, model.KindAbsent)) }).Action
	}
	var want, published []uint64
	published = append(published, put(s2, "p1"))
	want = append(want, put(s1, "p2"))
	published = append(published, want[0], notify("prof2"))
	want = append(want, notify("prof"))
	published = append(published, want[1])
	box.Set(model.SeancesInterest(s2))
	published = append(published, put(s1, "p3"))
	want = append(want, put(s2, "p4"))
	published = append(published, want[2])

	if got := actions(t, all, len(published)); !slices.Equal(got, published) {
		t.Errorf("unfiltered watcher: %v, want %v", got, published)
	}
	if got := actions(t, filtered, len(want)); !slices.Equal(got, want) {
		t.Errorf("filtered watcher: %v, want %v", got, want)
	}
	if len(filtered) != 0 {
		t.Errorf("filtered watcher holds %d more changes", len(filtered))
	}
}

// actions reads n changes from feed and returns their actions.
func actions(t *testing.T, feed <-chan model.Change, n int) []uint64 {
	t.Helper()
	out := make([]uint64, 0, n)
	for range n {
		c, ok := <-feed
		if !ok {
			t.Fatal("feed closed")
		}
		out = append(out, c.Action)
	}
	return out
}

// TestWatchInterestResync: the changes a filtered watcher does not want do
// not fill its buffer; the ones it wants do, and it then gets a Resync change
// that keeps every notification addressed to it.
func TestWatchInterestResync(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	var box model.InterestBox
	box.Set(model.NotificationsInterest("prof"))
	slow := db.WatchInterest(t.Context(), &box)
	for i := range 3 * storage.WatchBuffer {
		putMarks(t, db, mark(seance(23, 8, "c"), model.PupilID(fmt.Sprintf("p%03d", i)), model.KindAbsent))
	}
	if len(slow) != 0 {
		t.Fatalf("%d unwanted changes delivered", len(slow))
	}
	n := storage.WatchBuffer + 10
	var last uint64
	for i := range n {
		last = mustUpdate(t, db, func(tx model.Tx) error {
			tx.Notify(model.Notification{To: "prof2", Text: "autre"})
			tx.Notify(model.Notification{To: "prof", Text: fmt.Sprint(i)})
			return tx.PutMark(mark(seance(23, 9, "c"), model.PupilID(fmt.Sprintf("q%03d", i)), model.KindAbsent))
		}).Action
	}
	var texts []string
	resyncs := 0
	for c := range slow {
		if c.Resync {
			resyncs++
		}
		for _, note := range c.Notifications {
			if note.To == "prof" {
				texts = append(texts, note.Text)
			}
		}
		if c.Action == last {
			break
		}
	}
	want := make([]string, n)
	for i := range want {
		want[i] = fmt.Sprint(i)
	}
	if resyncs == 0 || !slices.Equal(texts, want) {
		t.Errorf("%d Resync changes, notifications %v, want %v", resyncs, texts, want)
	}
}

// TestWatchInterestConcurrentSet: the box may be replaced while the writer
// publishes (go test -race).
func TestWatchInterestConcurrentSet(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	var box model.InterestBox
	feed := db.WatchInterest(t.Context(), &box)
	s := seance(23, 8, "c")
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 200 {
			putMarks(t, db, mark(s, model.PupilID(fmt.Sprintf("p%03d", i)), model.KindAbsent))
		}
	})
	wg.Go(func() {
		for i := range 2000 {
			box.Set(model.PupilsInterest(model.Date{}, model.PupilID(fmt.Sprintf("p%03d", i%200))))
		}
	})
	wg.Wait()
	box.Set(model.SeancesInterest(s))
	last := mustUpdate(t, db, func(tx model.Tx) error { return tx.PutMark(mark(s, "last", model.KindLate)) }).Action
	for c := range feed {
		if c.Action == last {
			return
		}
	}
}
