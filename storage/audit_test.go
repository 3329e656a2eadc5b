package storage_test

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"appel/model"
)

func TestAuditBeforeAfter(t *testing.T) {
	c := newClock(at(23, 8, 5))
	db := newDB(t, c)
	m := mark(seance(23, 8, "c1"), "p1", model.KindAbsent)
	late := m
	late.Kind, late.Minutes = model.KindLate, 7

	create := mustUpdate(t, db, func(tx model.Tx) error { return tx.PutMark(m) })
	c.Set(at(23, 8, 6))
	change := mustUpdate(t, db, func(tx model.Tx) error { return tx.PutMark(late) })
	c.Set(at(23, 8, 7))
	remove := mustUpdate(t, db, func(tx model.Tx) error { return tx.DeleteMark(m.Key()) })

	js := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	tests := []struct {
		name          string
		rc            model.Receipt
		action        uint64
		when          time.Time
		before, after string
	}{
		{"create", create, 1, at(23, 8, 5), "", js(m)},
		{"change", change, 2, at(23, 8, 6), js(m), js(late)},
		{"delete", remove, 3, at(23, 8, 7), js(late), ""},
	}
	for i, tt := range tests {
		if tt.rc.Action != tt.action || !tt.rc.At.Equal(tt.when) || len(tt.rc.Entries) != 1 {
			t.Fatalf("%s: receipt %+v", tt.name, tt.rc)
		}
		e := tt.rc.Entries[0]
		want := model.AuditEntry{
			Seq: uint64(i + 1), Action: tt.action, At: e.At, Login: "testeur", Session: "s1", Addr: "127.0.0.1:5555",
			Verb: "test", Entity: model.EntityMark, Key: "20261123-0800-c1/p1", Before: tt.before, After: tt.after,
		}
		if e != want || !e.At.Equal(tt.when) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, e, want)
		}
	}
	mustView(t, db, func(tx model.ReadTx) error {
		es, err := tx.Audit(model.AuditQuery{})
		if err != nil || len(es) != 3 || es[1].Before != js(m) || es[2].Seq != 3 {
			t.Errorf("stored audit: %+v (%v)", es, err)
		}
		return nil
	})
}

func TestNoOpPutNotAudited(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 5)))
	feed := db.Watch(t.Context())
	m := mark(seance(23, 8, "c1"), "p1", model.KindAbsent)
	school := testSchool()
	first := mustUpdate(t, db, func(tx model.Tx) error { return firstErr(tx.PutMark(m), tx.PutSchool(school)) })
	again := mustUpdate(t, db, func(tx model.Tx) error {
		return firstErr(tx.PutMark(m), tx.PutSchool(school), tx.DeleteMark(model.MarkKey{Seance: m.Seance, Pupil: "nobody"}))
	})
	if len(first.Entries) != 2 || again.Action != 0 || len(again.Entries) != 0 {
		t.Fatalf("first %+v, again %+v", first, again)
	}
	<-feed
	mustUpdate(t, db, func(tx model.Tx) error { return tx.PutRollCall(model.RollCall{Seance: m.Seance, By: "prof"}) })
	if c := <-feed; c.Action != 2 || c.Kinds != model.ChangedRollCalls {
		t.Errorf("the no-op Update was announced, or actions skipped: %+v", c)
	}
	mustView(t, db, func(tx model.ReadTx) error {
		if es, _ := tx.Audit(model.AuditQuery{}); len(es) != 3 {
			t.Errorf("audit has %d entries, want 3", len(es))
		}
		return nil
	})
}

// jsonOf compares values with times in different locations.
func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func TestAuditQuery(t *testing.T) {
	c := newClock(at(23, 8, 0))
	db := newDB(t, c)
	users := []string{"prof", "cpe", "prof", "aed", "prof"}
	for i, login := range users {
		c.Set(at(23, 8+i, 0))
		_, err := db.Update(t.Context(), model.Actor{Login: login}, "marque", func(tx model.Tx) error {
			return firstErr(
				tx.PutMark(mark(seance(23, 8+i, "c"), "p1", model.KindAbsent)),
				tx.PutMark(mark(seance(23, 8+i, "c"), "p2", model.KindAbsent)))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		q    model.AuditQuery
		want []uint64 // Seq
	}{
		{"all", model.AuditQuery{}, []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"from included", model.AuditQuery{From: at(23, 11, 0)}, []uint64{7, 8, 9, 10}},
		{"to excluded", model.AuditQuery{To: at(23, 9, 0)}, []uint64{1, 2}},
		{"range", model.AuditQuery{From: at(23, 9, 0), To: at(23, 11, 0)}, []uint64{3, 4, 5, 6}},
		{"login", model.AuditQuery{Login: "prof"}, []uint64{1, 2, 5, 6, 9, 10}},
		{"limit keeps the latest", model.AuditQuery{Login: "prof", Limit: 3}, []uint64{6, 9, 10}},
		{"action", model.AuditQuery{Action: 2}, []uint64{3, 4}},
		{"action and login", model.AuditQuery{Action: 2, Login: "prof"}, nil},
		{"action limit", model.AuditQuery{Action: 5, Limit: 1}, []uint64{10}},
		{"unknown action", model.AuditQuery{Action: 99}, nil},
		{"after everything", model.AuditQuery{From: at(24, 0, 0)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustView(t, db, func(tx model.ReadTx) error {
				es, err := tx.Audit(tt.q)
				var got []uint64
				for _, e := range es {
					got = append(got, e.Seq)
				}
				if err != nil || !slices.Equal(got, tt.want) {
					t.Errorf("got %v (%v), want %v", got, err, tt.want)
				}
				return nil
			})
		})
	}
}

// TestAuditActionsUnderGroupCommit checks that Updates batched together get
// distinct actions whose entries follow each other.
func TestAuditActionsUnderGroupCommit(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	const n = 40
	release := holdWriter(t, db)
	var wg sync.WaitGroup
	receipts := make([]model.Receipt, n)
	for i := range n {
		wg.Go(func() {
			receipts[i] = mustUpdate(t, db, func(tx model.Tx) error {
				return firstErr(
					tx.PutMark(mark(seance(23, 8, "c"), model.PupilID("a"+string(rune('A'+i))), model.KindAbsent)),
					tx.PutMark(mark(seance(23, 9, "c"), model.PupilID("a"+string(rune('A'+i))), model.KindAbsent)))
			})
		})
	}
	waitQueue(t, db, n)
	release()
	wg.Wait()
	seen := map[uint64]bool{}
	for _, rc := range receipts {
		if seen[rc.Action] || len(rc.Entries) != 2 || rc.Entries[1].Seq != rc.Entries[0].Seq+1 {
			t.Fatalf("receipt %+v", rc)
		}
		seen[rc.Action] = true
		mustView(t, db, func(tx model.ReadTx) error {
			es, err := tx.Audit(model.AuditQuery{Action: rc.Action})
			if err != nil || jsonOf(es) != jsonOf(rc.Entries) {
				t.Errorf("action %d: %s (%v), want %s", rc.Action, jsonOf(es), err, jsonOf(rc.Entries))
			}
			return nil
		})
	}
}
