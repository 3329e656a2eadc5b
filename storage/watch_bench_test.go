package storage

import (
	"context"
	"fmt"
	"testing"

	"appel/model"
)

// BenchmarkPublishFiltered publishes one teacher's mark to 1,000 sessions
// whose roll calls want only their own séance, day and roster: one of them
// receives it, each of the others costs one Matches under the hub's lock.
func BenchmarkPublishFiltered(b *testing.B) {
	h := &hub{subs: map[*sub]struct{}{}, index: newWatchIndex()}
	day := model.NewDate(2026, 11, 23)
	for i := range 1000 {
		box := &model.InterestBox{}
		roster := make([]model.PupilID, 30)
		for k := range roster {
			roster[k] = model.PupilID(fmt.Sprintf("E%02d%02d", i%40, k))
		}
		box.Set(model.KindsInterest(model.ChangedStructure | model.ChangedNotices | model.ChangedMotives).
			Union(model.SeancesInterest(model.SeanceID(fmt.Sprintf("s%04d", i)), model.SeanceID(fmt.Sprintf("t%04d", i)))).
			Union(model.PupilsInterest(day, roster...)).Union(model.NotificationsInterest(fmt.Sprintf("prof%d", i))))
		h.add(b.Context(), box)
	}
	c := model.Change{Kinds: model.ChangedMarks, Dates: []model.Date{day}, Seances: []model.SeanceID{"s0007"}, Pupils: []model.PupilID{"E0705"}}
	for s := range h.subs {
		go drain(b.Context(), s.ch)
	}
	b.ReportAllocs()
	for b.Loop() {
		h.publish(c)
	}
}

func drain(ctx context.Context, ch <-chan model.Change) {
	for {
		select {
		case <-ch:
		case <-ctx.Done():
			return
		}
	}
}
