package model_test

import (
	"context"
	"testing"
	"time"

	"appel/model"
	"appel/model/demo"
	"appel/storage/storagetest"
)

// deskBench is the demo collège (606 pupils) with its history up to the
// evening of Monday 23/11/2026, read by a CPE on Tuesday.
func deskBench(b *testing.B) (*model.Service, model.Date, []model.DeskLine) {
	b.Helper()
	paris, _ := time.LoadLocation("Europe/Paris")
	now := time.Date(2026, time.November, 24, 8, 0, 0, 0, paris)
	db := storagetest.New(b)
	data := demo.Build(now)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "demo", data.Write); err != nil {
		b.Fatal(err)
	}
	cpe := model.NewService(db, model.Actor{Login: "cpe"}, func() time.Time { return now })
	day := model.NewDate(2026, time.November, 23)
	lines, err := cpe.DayAbsences(day, model.DeskFilter{})
	if err != nil || len(lines) == 0 {
		b.Fatalf("%d lines: %v", len(lines), err)
	}
	return cpe, day, lines
}

func BenchmarkDayAbsences(b *testing.B) {
	cpe, day, lines := deskBench(b)
	for b.Loop() {
		if _, err := cpe.DayAbsences(day, model.DeskFilter{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(lines)), "lines")
}

// BenchmarkPreviewAllOfTheDay previews a motive on every absence of the day
// (what * then a motive key would touch).
func BenchmarkPreviewAllOfTheDay(b *testing.B) {
	cpe, _, lines := deskBench(b)
	var shown []model.Shown
	for _, l := range lines {
		shown = append(shown, l.Targets(false)...)
	}
	for b.Loop() {
		if _, err := cpe.Preview(model.MotiveRequest{Shown: shown, Code: "maladie"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(shown)), "keys")
}

// BenchmarkPreviewKindsAllOfTheDay is what the bar computes before a motive
// key on every absence of the day: a valable and a non valable motive.
func BenchmarkPreviewKindsAllOfTheDay(b *testing.B) {
	cpe, _, lines := deskBench(b)
	var shown []model.Shown
	for _, l := range lines {
		shown = append(shown, l.Targets(false)...)
	}
	for b.Loop() {
		if _, err := cpe.PreviewKinds(shown); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(shown)), "keys")
}

func BenchmarkPreviewOnePupil(b *testing.B) {
	cpe, _, lines := deskBench(b)
	shown := lines[0].Targets(false)
	for b.Loop() {
		if _, err := cpe.Preview(model.MotiveRequest{Shown: shown, Code: "maladie"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDiscordances(b *testing.B) {
	cpe, day, _ := deskBench(b)
	for b.Loop() {
		if _, err := cpe.Discordances(day); err != nil {
			b.Fatal(err)
		}
	}
}
