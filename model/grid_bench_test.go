package model_test

import (
	"context"
	"testing"
	"time"

	"appel/model"
	"appel/model/demo"
	"appel/storage/storagetest"
)

// demoService opens the demo collège (600 pupils, history up to 23/11/2026)
// in a real store, as cpe at 23/11/2026 08:05.
func demoService(b *testing.B) *model.Service {
	b.Helper()
	now := time.Date(2026, time.November, 23, 8, 5, 0, 0, time.UTC)
	db := storagetest.New(b)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "demo", demo.Build(now).Write); err != nil {
		b.Fatal(err)
	}
	return model.NewService(db, model.Actor{Login: "cpe"}, func() time.Time { return now })
}

// BenchmarkGridQueries measures what one change costs a screen: one read of
// the store and every cell resolved, for a division's week (4B of the demo),
// a pupil's first trimestre, and a pupil's file.
func BenchmarkGridQueries(b *testing.B) {
	s := demoService(b)
	week := model.NewDate(2026, 11, 16)
	members := mustDir(b, s).Members(model.Target{Kind: model.TargetDivision, Code: "4B"}, week)
	pupil := members[0].ID
	b.Run("ClassGrid", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.ClassGrid(model.Target{Kind: model.TargetDivision, Code: "4B"}, week); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PupilGridTerm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.PupilGrid(pupil, model.NewDate(2026, 9, 1), model.NewDate(2026, 12, 18)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PupilFile", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.PupilFile(pupil, model.Period{}, week); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func mustDir(b *testing.B, s *model.Service) *model.Directory {
	dir, err := s.Directory()
	if err != nil {
		b.Fatal(err)
	}
	return dir
}
