package storage_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"appel/model"
	"appel/storage"
)

func TestWatchDelivers(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	feed := db.Watch(t.Context())
	s1, s2 := seance(23, 8, "c1"), seance(24, 9, "c2")
	rc := mustUpdate(t, db, func(tx model.Tx) error {
		tx.Notify(model.Notification{To: "prof", Text: "appel à faire", Seance: s1})
		return firstErr(
			tx.PutMark(mark(s2, "p2", model.KindLate)),
			tx.PutMark(mark(s1, "p1", model.KindAbsent)),
			tx.PutRollCall(model.RollCall{Seance: s1, By: "prof"}),
		)
	})
	c := <-feed
	want := model.Change{
		Action: rc.Action, By: "testeur", Session: "s1", Kinds: model.ChangedMarks | model.ChangedRollCalls,
		Dates: []model.Date{d(23), d(24)}, Seances: []model.SeanceID{s1, s2}, Pupils: []model.PupilID{"p1", "p2"},
		Notifications: []model.Notification{{ID: 1, To: "prof", From: "testeur", Text: "appel à faire", Seance: s1, At: at(23, 8, 0)}},
	}
	if jsonOf(c) != jsonOf(want) {
		t.Errorf("got  %s\nwant %s", jsonOf(c), jsonOf(want))
	}
	if !c.TouchesDate(d(24)) || c.TouchesDate(d(25)) || !c.Touches(model.ChangedMarks) || c.Touches(model.ChangedNotices) {
		t.Errorf("Touches: %+v", c)
	}
	mustUpdate(t, db, func(tx model.Tx) error { return tx.PutSchool(testSchool()) })
	if c := <-feed; c.Kinds != model.ChangedStructure {
		t.Errorf("school change: %+v", c)
	}
}

func TestWatchUnsubscribes(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	before := runtime.NumGoroutine()
	const n = 50
	cancels := make([]context.CancelFunc, n)
	feeds := make([]<-chan model.Change, n)
	for i := range n {
		var ctx context.Context
		ctx, cancels[i] = context.WithCancel(context.Background())
		feeds[i] = db.Watch(ctx)
	}
	if db.Watchers() != n {
		t.Fatalf("%d watchers, want %d", db.Watchers(), n)
	}
	putMarks(t, db, mark(seance(23, 8, "c"), "p1", model.KindAbsent))
	for i, f := range feeds {
		if c := <-f; c.Kinds != model.ChangedMarks {
			t.Errorf("watcher %d: %+v", i, c)
		}
		cancels[i]()
		if _, ok := <-f; ok {
			t.Errorf("watcher %d: channel still open after cancel", i)
		}
	}
	if db.Watchers() != 0 {
		t.Errorf("%d watchers left", db.Watchers())
	}
	// Unsubscription runs in context.AfterFunc goroutines that end with it.
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if g := runtime.NumGoroutine(); g > before {
		t.Errorf("%d goroutines, %d before watching", g, before)
	}
}

// TestWatchResync leaves a watcher unread past its buffer: the writer does not
// wait, and the watcher gets a Resync change that keeps every notification.
func TestWatchResync(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	slow := db.Watch(t.Context())
	n := storage.WatchBuffer + 10
	var last uint64
	for i := range n {
		last = mustUpdate(t, db, func(tx model.Tx) error {
			tx.Notify(model.Notification{To: "prof", Text: fmt.Sprint(i)})
			return tx.PutMark(mark(seance(23, 8, "c"), model.PupilID(fmt.Sprintf("p%03d", i)), model.KindAbsent))
		}).Action
	}
	var texts []string
	resyncs := 0
	for c := range slow {
		if c.Resync {
			resyncs++
			if !c.Touches(model.ChangedNotices) || !c.TouchesDate(d(1)) {
				t.Error("a Resync change must touch everything")
			}
		}
		for _, note := range c.Notifications {
			texts = append(texts, note.Text)
		}
		if c.Action == last {
			break
		}
	}
	if resyncs == 0 {
		t.Error("no Resync change")
	}
	want := make([]string, n)
	for i := range want {
		want[i] = fmt.Sprint(i)
	}
	if !slices.Equal(texts, want) {
		t.Errorf("notifications %v, want %v", texts, want)
	}
}

func TestWatchClosedByClose(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	feed := db.Watch(context.Background())
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := <-feed; ok {
		t.Error("channel open after Close")
	}
}
