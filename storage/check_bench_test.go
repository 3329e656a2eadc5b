package storage_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"appel/model"
	"appel/model/demo"
	"appel/model/modeltest"
	"appel/storage"
)

var (
	benchFiles   sync.Map // name → path
	benchFilesMu sync.Mutex
)

// benchFile builds, once per name, a db file in a folder removed at exit.
func benchFile(b *testing.B, name string, fill func(*storage.DB) error) string {
	b.Helper()
	benchFilesMu.Lock()
	defer benchFilesMu.Unlock()
	if p, ok := benchFiles.Load(name); ok {
		return p.(string)
	}
	dir, err := os.MkdirTemp("", "appel-bench-check-")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, name+".db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := fill(db); err != nil {
		b.Fatal(err)
	}
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	benchFiles.Store(name, path)
	return path
}

// yearMarks counts the marks yearOf2000 wrote.
var yearMarks int

// yearOf2000 is a year-sized school: 2,000 pupils, a mark (audited) for
// one pupil-séance in twenty over the 36 weeks of the year, 7 séances a day.
func yearOf2000(db *storage.DB) error {
	data := modeltest.School(2000)
	actor := model.Actor{Login: "bench"}
	if _, err := db.Update(context.Background(), actor, "école", data.Write); err != nil {
		return err
	}
	var batch []model.Mark
	flush := func() error {
		_, err := db.Update(context.Background(), actor, "marques", func(tx model.Tx) error {
			for _, m := range batch {
				if err := tx.PutMark(m); err != nil {
					return err
				}
			}
			return nil
		})
		batch = batch[:0]
		return err
	}
	day := model.NewDate(2026, 9, 1)
	for n := 0; n < 36*7; n, day = n+1, day.AddDays(1) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		for h := 0; h < 7; h++ {
			id := model.NewSeanceID(day, model.Clock((8+h)*60), fmt.Sprintf("c%d", h))
			at := modeltest.At(day, 8+h, 5)
			for i, p := range data.Pupils {
				if (i*31+n*7+h)%20 != 0 {
					continue
				}
				yearMarks++
				batch = append(batch, model.Mark{Seance: id, Pupil: p.ID, Kind: model.KindAbsent, By: "prof", At: at})
			}
		}
		if len(batch) > 5000 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// BenchmarkCheckFile is the check every command runs before it opens the db
// (BENCHMARKS.md, « Vérification à l'ouverture »).
func BenchmarkCheckFile(b *testing.B) {
	for _, tc := range []struct {
		name string
		fill func(*storage.DB) error
	}{
		{"demo", func(db *storage.DB) error {
			_, err := db.Update(context.Background(), model.Actor{Login: "bench"}, "démo",
				demo.Build(modeltest.At(model.NewDate(2026, 11, 23), 8, 0)).Write)
			return err
		}},
		{"year2000", yearOf2000},
	} {
		b.Run(tc.name, func(b *testing.B) {
			path := benchFile(b, tc.name, tc.fill)
			info, _ := os.Stat(path)
			for b.Loop() {
				if _, err := storage.CheckFile(path, time.Second); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(info.Size())/(1<<20), "MiB")
			if tc.name == "year2000" {
				b.ReportMetric(float64(yearMarks), "marks")
			}
		})
	}
}
