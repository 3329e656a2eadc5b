package storage

import (
	"context"
	"runtime"
	"testing"

	"appel/model"
)

// TestWatchIndexFollowsInterests: a watcher is found under what its box
// names now, not before, and leaves nothing behind when it goes.
func TestWatchIndexFollowsInterests(t *testing.T) {
	h := &hub{subs: map[*sub]struct{}{}, index: newWatchIndex()}
	ctx, cancel := context.WithCancel(context.Background())
	day := model.NewDate(2026, 11, 23)
	box := &model.InterestBox{}
	box.Set(model.SeancesInterest("s1").Union(model.PupilsInterest(day, "p1", "p2")))
	ch := h.add(ctx, box)
	wide := h.add(ctx, nil)
	mark := func(seance model.SeanceID, pupil model.PupilID) model.Change {
		return model.Change{Kinds: model.ChangedMarks, Dates: []model.Date{day},
			Seances: []model.SeanceID{seance}, Pupils: []model.PupilID{pupil}}
	}
	tests := []struct {
		change model.Change
		want   bool
	}{
		{mark("s1", "p9"), true},
		{mark("s9", "p2"), true},
		{mark("s9", "p9"), false},
	}
	for _, tt := range tests {
		h.publish(tt.change)
		if got := len(ch) == 1; got != tt.want {
			t.Errorf("%v: delivered %v, want %v", tt.change.Seances, got, tt.want)
		}
		if len(wide) != 1 {
			t.Errorf("a watcher without interest must get every change")
		}
		drainAll(ch, wide)
	}
	box.Set(model.SeancesInterest("s9"))
	h.publish(mark("s1", "p1"))
	h.publish(mark("s9", "p9"))
	if len(ch) != 1 || (<-ch).Seances[0] != "s9" {
		t.Errorf("after Set, the watcher is found under its new séance only")
	}
	cancel()
	for h.watchers() > 0 {
		runtime.Gosched()
	}
	if len(h.index.keys)+len(h.index.wide)+len(h.index.kinds)+len(h.index.logins) != 0 {
		t.Errorf("the index keeps watchers that left: %+v", h.index)
	}
}

func drainAll(chs ...<-chan model.Change) {
	for _, ch := range chs {
		for len(ch) > 0 {
			<-ch
		}
	}
}
