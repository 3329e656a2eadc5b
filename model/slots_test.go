package model_test

import (
	"context"
	"errors"
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
		{"unsorted but sound", []model.Slot{{"S1", at(14, 0), at(15, 0), model.Afternoon}, {"M1", at(8, 10), at(9, 5), model.Morning}}, true},
		{"empty", nil, false},
		{"no code", []model.Slot{{"", at(8, 0), at(9, 0), model.Morning}}, false},
		{"control char in code", []model.Slot{{"M\x071", at(8, 0), at(9, 0), model.Morning}}, false},
		{"overlap", []model.Slot{{"A", at(8, 0), at(9, 0), model.Morning}, {"B", at(8, 59), at(10, 0), model.Morning}}, false},
		{"touching", []model.Slot{{"A", at(8, 0), at(9, 0), model.Morning}, {"B", at(9, 0), at(10, 0), model.Morning}}, true},
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
	late := []model.Slot{{"X", at(7, 0), at(8, 0), model.Afternoon}, {"Y", at(8, 0), at(18, 0), model.Afternoon}}
	if data.Courses[0].Start >= at(12, 0) {
		late = []model.Slot{{"X", at(7, 0), at(23, 0), model.Morning}}
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
