package model_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func TestCheckSlots(t *testing.T) {
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	cases := []struct {
		name  string
		slots []model.Slot
		ok    bool
	}{
		{"default", model.DefaultSlots(), true},
		{"unsorted but sound", []model.Slot{{Code: "S1", Start: at(14, 0), End: at(15, 0), HalfDay: model.Afternoon}, {Code: "M1", Start: at(8, 10), End: at(9, 5), HalfDay: model.Morning}}, true},
		{"empty", nil, false},
		{"no code", []model.Slot{{Code: "", Start: at(8, 0), End: at(9, 0), HalfDay: model.Morning}}, false},
		{"control char in code", []model.Slot{{Code: "M\x071", Start: at(8, 0), End: at(9, 0), HalfDay: model.Morning}}, false},
		{"overlap", []model.Slot{{Code: "A", Start: at(8, 0), End: at(9, 0), HalfDay: model.Morning}, {Code: "B", Start: at(8, 59), End: at(10, 0), HalfDay: model.Morning}}, false},
		{"touching", []model.Slot{{Code: "A", Start: at(8, 0), End: at(9, 0), HalfDay: model.Morning}, {Code: "B", Start: at(9, 0), End: at(10, 0), HalfDay: model.Morning}}, true},
	}
	for _, c := range cases {
		if err := model.CheckSlots(c.slots); (err == nil) != c.ok {
			t.Errorf("%s: err = %v, want ok=%v", c.name, err, c.ok)
		}
	}
}

func TestSetSlotsKeepsHalfDaysAndIsAdminOnly(t *testing.T) {
	db := storagetest.New(t)
	data := modeltest.School(2)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	clock := modeltest.Clock(time.Now())
	admin := model.NewService(db, model.Actor{Login: "admin"}, clock)
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	// Every course start keeps its half-day; bells move ten minutes on.
	var shifted []model.Slot
	for _, sl := range model.DefaultSlots() {
		sl.Start += 10
		sl.End += 10
		shifted = append(shifted, sl)
	}
	if len(data.Courses) == 0 {
		t.Fatal("fixture without courses")
	}
	pre, err := admin.SlotGridPreview(shifted)
	if err != nil || len(pre.Moved) != 0 || len(pre.OffGrid) == 0 {
		t.Fatalf("preview: moved %d, off grid %d, %v; want 0 moved, courses off grid", len(pre.Moved), len(pre.OffGrid), err)
	}
	got, err := admin.SetSlots(shifted)
	if err != nil || len(got.OffGrid) != len(pre.OffGrid) {
		t.Fatalf("SetSlots: %v, off grid %d, preview said %d", err, len(got.OffGrid), len(pre.OffGrid))
	}
	dir, _ := admin.Directory()
	if dir.School.Slots[0].Start != at(8, 10) {
		t.Errorf("grid not stored: first slot %s", dir.School.Slots[0].Start)
	}
	// A grid that makes every séance an afternoon one is refused and changes nothing.
	late := []model.Slot{{Code: "X", Start: at(7, 0), End: at(8, 0), HalfDay: model.Afternoon}, {Code: "Y", Start: at(8, 0), End: at(18, 0), HalfDay: model.Afternoon}}
	if data.Courses[0].Start >= at(12, 0) {
		late = []model.Slot{{Code: "X", Start: at(7, 0), End: at(23, 0), HalfDay: model.Morning}}
	}
	if _, err := admin.SetSlots(late); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("grid moving courses to another half-day: %v, want refused", err)
	}
	dir, _ = admin.Directory()
	if dir.School.Slots[0].Start != at(8, 10) {
		t.Errorf("refused grid was stored")
	}
	prof := model.NewService(db, model.Actor{Login: "prof"}, clock)
	if _, err := prof.SetSlots(shifted); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("prof: %v, want forbidden", err)
	}
}

func TestGridCellCover(t *testing.T) {
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	slots := model.DefaultSlots() // M1 08:00–08:55, M2 08:55–09:50, M3 10:05–11:00
	cases := []struct {
		name       string
		start, end model.Clock
		want       []string
	}{
		{"one hour at 08:00", at(8, 0), at(9, 0), []string{"M1"}},
		{"one slot", at(8, 55), at(9, 50), []string{"M2"}},
		{"two hours", at(8, 0), at(10, 0), []string{"M1", "M2"}},
		{"late start", at(8, 20), at(9, 15), []string{"M1"}},
		{"half of M3", at(9, 50), at(10, 35), []string{"M3"}},
	}
	for _, c := range cases {
		got := model.CoveredSlots(slots, c.start, c.end)
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestImpliedSlots(t *testing.T) {
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	course := func(s, e model.Clock) model.Course { return model.Course{Start: s, End: e} }
	got := model.ImpliedSlots([]model.Course{
		course(at(8, 10), at(10, 0)), course(at(8, 10), at(9, 5)), course(at(9, 5), at(10, 0)),
		course(at(10, 15), at(12, 0)), course(at(13, 30), at(14, 25)), course(at(13, 30), at(15, 20)),
	}, 0)
	want := []model.Slot{
		{Code: "M1", Start: at(8, 10), End: at(9, 5), HalfDay: model.Morning},
		{Code: "M2", Start: at(9, 5), End: at(10, 0), HalfDay: model.Morning},
		{Code: "M3", Start: at(10, 15), End: at(12, 0), HalfDay: model.Morning},
		{Code: "S1", Start: at(13, 30), End: at(14, 25), HalfDay: model.Afternoon},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("slot %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if err := model.CheckSlots(got); err != nil {
		t.Errorf("implied grid refused: %v", err)
	}
}
