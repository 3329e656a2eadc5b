package storage_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"appel/model"
)

func d(day int) model.Date { return model.NewDate(2026, 11, day) }

func TestMarksBetween(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	putMarks(t, db,
		mark(seance(22, 17, "c9"), "p1", model.KindAbsent),
		mark(seance(23, 8, "c1"), "p1", model.KindAbsent),
		mark(seance(23, 8, "c1"), "p2", model.KindLate),
		mark(seance(23, 17, "c2"), "p1", model.KindAbsent),
		mark(seance(24, 8, "c1"), "p2", model.KindAbsent),
		mark(seance(25, 8, "c1"), "p1", model.KindExempt),
		mark(model.SeanceID("20261224-0800-c1"), "p1", model.KindAbsent),
	)
	tests := []struct {
		name     string
		from, to model.Date
		want     []string
	}{
		{"one day", d(23), d(23), []string{
			"20261123-0800-c1/p1", "20261123-0800-c1/p2", "20261123-1700-c2/p1"}},
		{"two days", d(23), d(24), []string{
			"20261123-0800-c1/p1", "20261123-0800-c1/p2", "20261123-1700-c2/p1", "20261124-0800-c1/p2"}},
		{"day before", d(22), d(22), []string{"20261122-1700-c9/p1"}},
		{"empty", d(26), d(30), nil},
		{"reversed", d(25), d(23), nil},
		{"open end", d(25), model.Date{}, []string{"20261125-0800-c1/p1", "20261224-0800-c1/p1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustView(t, db, func(tx model.ReadTx) error {
				ms, err := tx.MarksBetween(tt.from, tt.to)
				if err != nil || !slices.Equal(keysOf(ms), tt.want) {
					t.Errorf("got %v (%v), want %v", keysOf(ms), err, tt.want)
				}
				return nil
			})
		})
	}
}

func TestMarksOfPupilIndex(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	putMarks(t, db,
		mark(seance(20, 8, "c1"), "p1", model.KindAbsent),
		mark(seance(23, 8, "c1"), "p1", model.KindAbsent),
		mark(seance(23, 8, "c1"), "p10", model.KindAbsent),
		mark(seance(24, 9, "c3"), "p1", model.KindLate),
		mark(seance(24, 9, "c3"), "p2", model.KindLate),
	)
	// A change of kind keeps one index entry; a deletion removes it.
	putMarks(t, db, mark(seance(23, 8, "c1"), "p1", model.KindInfirmary))
	mustUpdate(t, db, func(tx model.Tx) error { return tx.DeleteMark(model.MarkKey{Seance: seance(20, 8, "c1"), Pupil: "p1"}) })
	tests := []struct {
		name     string
		pupil    model.PupilID
		from, to model.Date
		want     []string
	}{
		{"all", "p1", model.Date{}, model.Date{}, []string{"20261123-0800-c1/p1", "20261124-0900-c3/p1"}},
		{"range", "p1", d(24), d(24), []string{"20261124-0900-c3/p1"}},
		{"prefix is not a pupil", "p10", model.Date{}, model.Date{}, []string{"20261123-0800-c1/p10"}},
		{"deleted", "p1", d(20), d(20), nil},
		{"unknown", "p3", model.Date{}, model.Date{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustView(t, db, func(tx model.ReadTx) error {
				ms, err := tx.MarksOfPupil(tt.pupil, tt.from, tt.to)
				if err != nil || !slices.Equal(keysOf(ms), tt.want) {
					t.Errorf("got %v (%v), want %v", keysOf(ms), err, tt.want)
				}
				return nil
			})
		})
	}
	mustView(t, db, func(tx model.ReadTx) error {
		ms, _ := tx.MarksOfPupil("p1", d(23), d(23))
		if len(ms) != 1 || ms[0].Kind != model.KindInfirmary {
			t.Errorf("updated mark: %+v", ms)
		}
		ms, _ = tx.MarksOfSeance(seance(24, 9, "c3"))
		if !slices.Equal(keysOf(ms), []string{"20261124-0900-c3/p1", "20261124-0900-c3/p2"}) {
			t.Errorf("MarksOfSeance: %v", keysOf(ms))
		}
		return nil
	})
}

func TestRollCallsBetween(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	mustUpdate(t, db, func(tx model.Tx) error {
		for _, id := range []model.SeanceID{seance(22, 8, "a"), seance(23, 8, "b"), seance(23, 9, "c"), seance(24, 8, "d")} {
			if err := tx.PutRollCall(model.RollCall{Seance: id, By: "prof", At: at(23, 8, 0)}); err != nil {
				return err
			}
		}
		return tx.DeleteRollCall(seance(23, 9, "c"))
	})
	mustView(t, db, func(tx model.ReadTx) error {
		rcs, err := tx.RollCallsBetween(d(23), d(24))
		var got []model.SeanceID
		for _, r := range rcs {
			got = append(got, r.Seance)
		}
		if err != nil || !slices.Equal(got, []model.SeanceID{seance(23, 8, "b"), seance(24, 8, "d")}) {
			t.Errorf("got %v (%v)", got, err)
		}
		if _, ok, _ := tx.RollCall(seance(22, 8, "a")); !ok {
			t.Error("RollCall missing")
		}
		return nil
	})
}

func notice(id string, p model.PupilID, from, to time.Time) model.Notice {
	return model.Notice{ID: id, Pupil: p, From: from, To: to, By: "aed", At: from}
}

func noticeIDs(ns []model.Notice) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.ID)
	}
	return out
}

func TestNoticesOverlapping(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	long := notice("long", "p3", at(1, 0, 0).AddDate(0, -6, 0), at(30, 0, 0).AddDate(0, 5, 0))
	mustUpdate(t, db, func(tx model.Tx) error {
		for _, n := range []model.Notice{
			notice("week", "p1", at(23, 8, 0), at(27, 18, 0)),
			notice("ends-at-start", "p2", at(20, 8, 0), at(23, 8, 0)),
			notice("starts-at-end", "p2", at(23, 12, 0), at(23, 18, 0)),
			notice("morning", "p2", at(23, 9, 0), at(23, 10, 0)),
			long,
			notice("past", "p1", at(2, 8, 0), at(3, 8, 0)),
			notice("moved", "p1", at(2, 8, 0), at(3, 8, 0)),
			notice("gone", "p1", at(23, 8, 0), at(23, 9, 0)),
		} {
			if err := tx.PutNotice(n); err != nil {
				return err
			}
		}
		return nil
	})
	// Moving a notice moves its index entries; deleting removes them.
	mustUpdate(t, db, func(tx model.Tx) error {
		if err := tx.PutNotice(notice("moved", "p4", at(23, 10, 0), at(23, 11, 0))); err != nil {
			return err
		}
		return tx.DeleteNotice("gone")
	})
	tests := []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"morning", at(23, 8, 0), at(23, 12, 0), []string{"long", "week", "morning", "moved"}},
		{"one instant", at(23, 9, 30), at(23, 9, 31), []string{"long", "week", "morning"}},
		{"early month", at(2, 0, 0), at(3, 0, 0), []string{"long", "past"}},
		{"far", at(1, 0, 0).AddDate(2, 0, 0), at(2, 0, 0).AddDate(2, 0, 0), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustView(t, db, func(tx model.ReadTx) error {
				ns, err := tx.NoticesOverlapping(tt.from, tt.to)
				if err != nil || !slices.Equal(noticeIDs(ns), tt.want) {
					t.Errorf("got %v (%v), want %v", noticeIDs(ns), err, tt.want)
				}
				return nil
			})
		})
	}
	mustView(t, db, func(tx model.ReadTx) error {
		all, err := tx.AllNotices()
		if want := []string{"long", "past", "ends-at-start", "week", "morning", "moved", "starts-at-end"}; err != nil || !slices.Equal(noticeIDs(all), want) {
			t.Errorf("AllNotices = %v (%v), want %v", noticeIDs(all), err, want)
		}
		for p, want := range map[model.PupilID][]string{"p1": {"past", "week"}, "p4": {"moved"}, "p9": nil} {
			ns, err := tx.NoticesOfPupil(p)
			if err != nil || !slices.Equal(noticeIDs(ns), want) {
				t.Errorf("NoticesOfPupil(%s) = %v (%v), want %v", p, noticeIDs(ns), err, want)
			}
		}
		return nil
	})
}

func TestNoticeTooLongRefused(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	n := notice("n", "p1", at(1, 0, 0), at(1, 0, 0).Add(model.MaxNoticeSpan+time.Hour))
	_, err := db.Update(t.Context(), tester, "test", func(tx model.Tx) error { return tx.PutNotice(n) })
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("want ErrInvalid, got %v", err)
	}
}

func TestGuardiansIndex(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	g := model.Guardian{ID: "g1", LastName: "Martin", Links: []model.Kinship{{Pupil: "p1", Level: 1}, {Pupil: "p2", Level: 1}}}
	h := model.Guardian{ID: "g2", LastName: "Durand", Links: []model.Kinship{{Pupil: "p1", Level: 2}}}
	mustUpdate(t, db, func(tx model.Tx) error { return errors.Join(tx.PutGuardian(g), tx.PutGuardian(h)) })
	g.Links = g.Links[1:]
	mustUpdate(t, db, func(tx model.Tx) error { return errors.Join(tx.PutGuardian(g), tx.DeleteGuardian("g2")) })
	mustView(t, db, func(tx model.ReadTx) error {
		for p, want := range map[model.PupilID]int{"p1": 0, "p2": 1} {
			gs, err := tx.Guardians(p)
			if err != nil || len(gs) != want {
				t.Errorf("Guardians(%s) = %v (%v), want %d", p, gs, err, want)
			}
		}
		all, _ := tx.AllGuardians()
		if len(all) != 1 || all[0].ID != "g1" {
			t.Errorf("AllGuardians = %v", all)
		}
		return nil
	})
}

func TestCallsAndReports(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	call := func(id string, when time.Time) model.FamilyCall {
		return model.FamilyCall{ID: id, Pupil: "p1", At: when, By: "aed", Outcome: "répondeur"}
	}
	mustUpdate(t, db, func(tx model.Tx) error {
		return errors.Join(
			tx.PutCall(call("c2", at(23, 10, 0))), tx.PutCall(call("c1", at(23, 9, 0))),
			tx.PutCall(call("c3", at(22, 9, 0))),
			tx.PutReport(model.Report{Pupil: "p1", Month: "2026-11", By: "cpe"}),
			tx.PutReport(model.Report{Pupil: "p2", Month: "2026-10", By: "cpe"}),
		)
	})
	// The same call, moved in time, keeps one record.
	rc := mustUpdate(t, db, func(tx model.Tx) error {
		return errors.Join(tx.PutCall(call("c3", at(23, 11, 0))), tx.DeleteReport("p2", "2026-10"))
	})
	if len(rc.Entries) != 3 || rc.Entries[0].Key != "p1/c3" || rc.Entries[0].After != "" {
		t.Errorf("moved call audit: %+v", rc.Entries)
	}
	mustView(t, db, func(tx model.ReadTx) error {
		cs, err := tx.Calls("p1")
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		if err != nil || !slices.Equal(ids, []string{"c1", "c2", "c3"}) {
			t.Errorf("Calls = %v (%v)", ids, err)
		}
		all, err := tx.AllCalls()
		if err != nil || len(all) != 3 || all[2].ID != "c3" {
			t.Errorf("AllCalls = %v (%v)", all, err)
		}
		rs, err := tx.Reports()
		if err != nil || len(rs) != 1 || rs[0].Pupil != "p1" {
			t.Errorf("Reports = %v (%v)", rs, err)
		}
		return nil
	})
}

func TestInvalidKeysRefused(t *testing.T) {
	db := newDB(t, newClock(at(23, 8, 0)))
	tests := []struct {
		name string
		fn   func(model.Tx) error
	}{
		{"nul in pupil", func(tx model.Tx) error { return tx.PutPupil(model.Pupil{ID: "p\x001"}) }},
		{"empty pupil", func(tx model.Tx) error { return tx.PutPupil(model.Pupil{}) }},
		{"mark without date", func(tx model.Tx) error { return tx.PutMark(mark("lundi", "p1", model.KindAbsent)) }},
		{"nul in mark", func(tx model.Tx) error { return tx.PutMark(mark(seance(23, 8, "c\x00"), "p1", model.KindAbsent)) }},
		{"roll call without date", func(tx model.Tx) error { return tx.PutRollCall(model.RollCall{Seance: "x"}) }},
		{"extra without date", func(tx model.Tx) error { return tx.PutExtraSeance(model.Seance{ID: "x"}) }},
		{"guardian link", func(tx model.Tx) error {
			return tx.PutGuardian(model.Guardian{ID: "g", Links: []model.Kinship{{Pupil: "a\x00b"}}})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.Update(t.Context(), tester, "test", tt.fn); !errors.Is(err, model.ErrInvalid) {
				t.Errorf("want ErrInvalid, got %v", err)
			}
		})
	}
}
