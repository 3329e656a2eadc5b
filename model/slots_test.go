package model_test

import (
	"context"
	"errors"
	"strings"
	"testing"

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

// TestSetSlotsFromADate: a new grid applies from the date given, courses
// follow their slot's code; a grid that changes half-days is accepted (only
// coming dates see it); only an administrator sets it.
func TestSetSlotsFromADate(t *testing.T) {
	db := storagetest.New(t)
	data := modeltest.School(2)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	clock := modeltest.Clock(modeltest.At(modeltest.Monday, 10, 0))
	admin := model.NewService(db, model.Actor{Login: "admin"}, clock)
	at := func(h, m int) model.Clock { return model.Clock(h*60 + m) }
	tomorrow := modeltest.Monday.AddDays(1)
	var shifted []model.Slot
	for _, sl := range model.DefaultSlots() {
		sl.Start += 10
		sl.End += 10
		shifted = append(shifted, sl)
	}
	// Already recorded on coming séances: an exclusion's mark on Thursday's
	// maths, Wednesday's maths cancelled.
	thursday, wednesday := modeltest.Monday.AddDays(3), modeltest.Monday.AddDays(2)
	excluded := model.Mark{Seance: modeltest.MathsSeance(thursday), Pupil: "E001", Kind: model.KindExcluded, By: "direction", At: modeltest.HistoryAt}
	cancelled := model.SeanceChange{Seance: modeltest.MathsSeance(wednesday), Cancelled: true}
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", func(tx model.Tx) error {
		return errors.Join(tx.PutMark(excluded), tx.PutSeanceChange(cancelled))
	}); err != nil {
		t.Fatal(err)
	}
	got, err := admin.SetSlots(shifted, tomorrow)
	if err != nil || len(got.Follow) != len(data.Courses) || len(got.Moved) != 0 {
		t.Fatalf("SetSlots: %v, %d follow, %d moved", err, len(got.Follow), len(got.Moved))
	}
	moved := func(day model.Date) model.Seance {
		dir, _ := admin.Directory()
		for _, se := range dir.SeancesOn(day) {
			if se.Target.Code == modeltest.Division4B && se.Start == at(8, 10) {
				return se
			}
		}
		t.Fatalf("no 08:10 maths on %s", day)
		return model.Seance{}
	}
	if se := moved(wednesday); !se.Cancelled {
		t.Errorf("Wednesday's maths at 08:10 is not cancelled: the cancellation stayed on the 08:00 séance")
	}
	var marks []model.Mark
	if err := db.View(func(tx model.ReadTx) (err error) { marks, err = tx.MarksOfSeance(moved(thursday).ID); return err }); err != nil || len(marks) != 1 || marks[0].Kind != model.KindExcluded {
		t.Errorf("Thursday's 08:10 maths has marks %v (%v), want the exclusion's", marks, err)
	}
	dir, _ := admin.Directory()
	if dir.School.Slots[0].Start != at(8, 10) || dir.School.On(modeltest.Monday).Slots[0].Start != at(8, 0) {
		t.Errorf("grid not stored from tomorrow: now %s, today %s", dir.School.Slots[0].Start, dir.School.On(modeltest.Monday).Slots[0].Start)
	}
	// A grid that makes every séance an afternoon one applies too, a week on.
	late := []model.Slot{{Code: "X", Start: at(8, 10), End: at(23, 0), HalfDay: model.Afternoon}}
	ch, err := admin.SetSlots(late, tomorrow.AddDays(7))
	if err != nil || len(ch.Moved) == 0 {
		t.Errorf("grid moving courses to the afternoon: %v, %d moved", err, len(ch.Moved))
	}
	if _, err := admin.SetSlots(shifted, tomorrow); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("a grid before a planned change: %v, want refused", err)
	}
	prof := model.NewService(db, model.Actor{Login: "prof"}, clock)
	if _, err := prof.SetSlots(shifted, tomorrow.AddDays(14)); !errors.Is(err, model.ErrForbidden) {
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
	}, model.Settings{})
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

func TestSlotAndPeriodLines(t *testing.T) {
	for _, sl := range model.DefaultSlots() {
		got, err := model.ParseSlotLine(model.SlotLine(sl))
		if err != nil || got != sl {
			t.Errorf("%q read as %+v, %v", model.SlotLine(sl), got, err)
		}
	}
	cases := []struct {
		line string
		ok   bool
		half model.HalfDay
	}{
		{"M1 08:10-09:05", true, model.Morning},
		{"S1 13h40–14h35", true, model.Afternoon},
		{"X 11:30-12:30 après-midi", true, model.Afternoon},
		{"M1 08:10", false, 0},
		{"M1 8-9 soir", false, 0},
		{"", false, 0},
	}
	for _, c := range cases {
		sl, err := model.ParseSlotLine(c.line)
		if (err == nil) != c.ok || c.ok && sl.HalfDay != c.half {
			t.Errorf("%q: %+v, %v; want ok=%v", c.line, sl, err, c.ok)
		}
	}
	p := model.Period{Name: "Trimestre 1", From: model.NewDate(2026, 9, 1), To: model.NewDate(2026, 12, 4)}
	if got, err := model.ParsePeriodLine(model.PeriodLine(p)); err != nil || got != p {
		t.Errorf("%q read as %+v, %v", model.PeriodLine(p), got, err)
	}
	if _, err := model.ParsePeriodLine("Trimestre 1 ; 01/09/2026"); err == nil {
		t.Error("a period without its end read")
	}
}
