package model_test

import (
	"sync"
	"testing"

	"appel/model"
)

func TestInterestMatches(t *testing.T) {
	mon, tue := model.NewDate(2026, 11, 23), model.NewDate(2026, 11, 24)
	maths, history := model.SeanceID("2026-11-23T0800-maths"), model.SeanceID("2026-11-23T0800-histoire")
	mark := func(s model.SeanceID, d model.Date, p model.PupilID) model.Change {
		return model.Change{Kinds: model.ChangedMarks, Dates: []model.Date{d}, Seances: []model.SeanceID{s}, Pupils: []model.PupilID{p}}
	}
	note := func(to string) model.Change {
		return model.Change{Notifications: []model.Notification{{To: "cpe", Text: "x"}, {To: to, Text: "y"}}}
	}
	rollCall := model.KindsInterest(model.ChangedStructure | model.ChangedNotices).
		Union(model.SeancesInterest(maths, "2026-11-23T1330-svt")).
		Union(model.PupilsInterest(mon, "E002", "E001")).
		Union(model.NotificationsInterest("prof"))
	file := model.PupilsInterest(model.Date{}, "E009")
	tests := []struct {
		name     string
		interest model.Interest
		change   model.Change
		want     bool
	}{
		{"all wants a mark anywhere", model.AllChanges(), mark(history, mon, "A001"), true},
		{"all wants a notification to another", model.AllChanges(), note("prof2"), true},
		{"zero wants no mark", model.Interest{}, mark(maths, mon, "E001"), false},
		{"zero wants a Resync", model.Interest{}, model.Change{Resync: true}, true},
		{"roll call: its séance", rollCall, mark(maths, mon, "E020"), true},
		{"roll call: its roster on its date", rollCall, mark(history, mon, "E002"), true},
		{"roll call: its roster on another date", rollCall, mark(model.SeanceID("2026-11-24T0800-maths"), tue, "E002"), false},
		{"roll call: another séance, another pupil", rollCall, mark(history, mon, "A001"), false},
		{"roll call: a kind it wants", rollCall, model.Change{Kinds: model.ChangedNotices, Pupils: []model.PupilID{"A001"}}, true},
		{"roll call: a kind it does not want", rollCall, model.Change{Kinds: model.ChangedAccounts}, false},
		{"roll call: a reminder to its login", rollCall, note("prof"), true},
		{"roll call: a reminder to another", rollCall, note("prof2"), false},
		{"roll call: a Resync", rollCall, model.Change{Resync: true, Kinds: model.ChangedMarks}, true},
		{"file: its pupil on any date", file, mark(history, tue, "E009"), true},
		{"file: another pupil", file, mark(history, tue, "E008"), false},
		{"kinds: one of several", model.KindsInterest(model.ChangedAccounts), model.Change{Kinds: model.ChangedMarks | model.ChangedAccounts}, true},
		{"no pupils wants nothing", model.PupilsInterest(mon), mark(maths, mon, "E001"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.interest.Matches(tt.change); got != tt.want {
				t.Errorf("Matches = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestInterestUnion(t *testing.T) {
	mon, tue := model.NewDate(2026, 11, 23), model.NewDate(2026, 11, 24)
	tests := []struct {
		name       string
		a, b, want model.Interest
	}{
		{"with zero", model.SeancesInterest("s2", "s1"), model.Interest{}, model.SeancesInterest("s1", "s2")},
		{"zero with", model.Interest{}, model.NotificationsInterest("prof"), model.NotificationsInterest("prof")},
		{"all absorbs", model.SeancesInterest("s1"), model.AllChanges(), model.AllChanges()},
		{"kinds combine", model.KindsInterest(model.ChangedMarks), model.KindsInterest(model.ChangedNotices), model.KindsInterest(model.ChangedMarks | model.ChangedNotices)},
		{"séances merge", model.SeancesInterest("s3", "s1"), model.SeancesInterest("s2", "s1"), model.SeancesInterest("s1", "s2", "s3")},
		{"pupils of one date merge", model.PupilsInterest(mon, "E2"), model.PupilsInterest(mon, "E1", "E2"), model.PupilsInterest(mon, "E1", "E2")},
		{
			"pupils of two dates stay apart",
			model.PupilsInterest(tue, "E2"), model.PupilsInterest(mon, "E1"),
			model.PupilsInterest(mon, "E1").Union(model.PupilsInterest(tue, "E2")),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Union(tt.b); !got.Equal(tt.want) {
				t.Errorf("Union = %+v, want %+v", got, tt.want)
			}
		})
	}
	split := model.PupilsInterest(mon, "E1").Union(model.PupilsInterest(tue, "E2"))
	if split.Matches(model.Change{Dates: []model.Date{mon}, Pupils: []model.PupilID{"E2"}}) {
		t.Error("a pupil wanted on Tuesday matched on Monday")
	}
	if split.Equal(model.PupilsInterest(mon, "E1", "E2")) {
		t.Error("Equal ignores the dates")
	}
}

func TestInterestMatchesAllocatesNothing(t *testing.T) {
	mon := model.NewDate(2026, 11, 23)
	in := model.KindsInterest(model.ChangedStructure).Union(model.SeancesInterest("s1", "s2")).
		Union(model.PupilsInterest(mon, "E1", "E2", "E3")).Union(model.NotificationsInterest("prof"))
	c := model.Change{Kinds: model.ChangedMarks, Dates: []model.Date{mon}, Seances: []model.SeanceID{"s9"},
		Pupils: []model.PupilID{"E9"}, Notifications: []model.Notification{{To: "prof2"}}}
	var box model.InterestBox
	box.Set(in)
	if n := testing.AllocsPerRun(100, func() { box.Matches(c) }); n != 0 {
		t.Errorf("Matches allocates %v times", n)
	}
}

func TestInterestBox(t *testing.T) {
	var nilBox *model.InterestBox
	var box model.InterestBox
	mark := model.Change{Kinds: model.ChangedMarks, Seances: []model.SeanceID{"s1"}}
	if !nilBox.Matches(mark) || !box.Matches(mark) {
		t.Error("a nil or empty box must want every change")
	}
	box.Set(model.SeancesInterest("s2"))
	if box.Matches(mark) {
		t.Error("the box still wants s1")
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for range 1000 {
			box.Matches(mark)
		}
	})
	for i := range 1000 {
		box.Set(model.SeancesInterest(model.SeanceID([]string{"s1", "s2"}[i%2])))
	}
	wg.Wait()
	if box.Matches(mark) {
		t.Error("the last Set wants s2 only")
	}
}
