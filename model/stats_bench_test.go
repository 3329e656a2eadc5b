package model_test

import (
	"context"
	"testing"
	"time"

	"appel/model"
	"appel/model/demo"
	"appel/storage"
	"appel/storage/storagetest"
)

// yearEnd is a clock after the demo's school year: its history covers every school day.
var yearEnd = time.Date(2027, 7, 10, 12, 0, 0, 0, time.UTC)

// demoStore writes the demo school as it stands at now into a real store.
func demoStore(tb testing.TB, now time.Time) *storage.DB {
	tb.Helper()
	db := storagetest.Open(tb, storage.Options{Now: func() time.Time { return now }})
	data := demo.Build(now)
	if _, err := db.Update(context.Background(), model.Actor{Login: "demo"}, "démonstration", data.Write); err != nil {
		tb.Fatal(err)
	}
	return db
}

// BenchmarkStatisticsDemoYear is what the statistics screen asks for the
// whole demo school over its whole year: one read of the store and the
// counting engine.
func BenchmarkStatisticsDemoYear(b *testing.B) {
	db := demoStore(b, yearEnd)
	cpe := model.NewService(db, model.Actor{Login: "cpe"}, func() time.Time { return yearEnd })
	dir, err := db.Directory()
	if err != nil {
		b.Fatal(err)
	}
	from, to := dir.School.YearStart, dir.School.YearEnd
	var st model.Statistics
	for b.Loop() {
		if st, err = cpe.Statistics(from, to); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(st.Pupils)), "pupils")
	b.ReportMetric(float64(st.School.Figures.HalfDays()), "half-days")
}

// BenchmarkDashboardDemoYear is the dashboard on the last day of the demo's year.
func BenchmarkDashboardDemoYear(b *testing.B) {
	end := time.Date(2027, 7, 2, 16, 0, 0, 0, time.UTC)
	db := demoStore(b, end)
	cpe := model.NewService(db, model.Actor{Login: "cpe"}, func() time.Time { return end })
	for b.Loop() {
		if _, err := cpe.Dashboard(); err != nil {
			b.Fatal(err)
		}
	}
}
