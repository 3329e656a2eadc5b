package storage_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"appel/model"
	"appel/storage/storagetest"
)

// BenchmarkBareBoltCommit is the floor: one bbolt Update per operation, fsync
// on. "one-put" puts one value the size of a mark's JSON in one bucket;
// "mark-layout" makes the same bbolt writes as an audited PutMark (the mark,
// its pupil index, the audit entry and its time index, in four
// buckets), without the writer, JSON or audit logic around them.
func BenchmarkBareBoltCommit(b *testing.B) {
	val, _ := json.Marshal(mark(seance(23, 8, "maths"), "p00001", model.KindAbsent))
	entry := make([]byte, 2*len(val)+200)
	layouts := []struct {
		name string
		puts []put
	}{
		{"one-put", []put{{"marks", val}}},
		{"mark-layout", []put{{"marks", val}, {"marks_by_pupil", nil}, {"audit", entry}, {"audit_by_time", nil}}},
	}
	for _, l := range layouts {
		b.Run(l.name, func(b *testing.B) { benchBare(b, l.puts) })
	}
}

// put is one bbolt Put of a bare benchmark: a bucket and a value.
type put struct {
	bucket string
	val    []byte
}

func benchBare(b *testing.B, puts []put) {
	bdb, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		for _, p := range puts {
			if _, err := tx.CreateBucketIfNotExists([]byte(p.bucket)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var i uint64
	lat := make([]time.Duration, 0, b.N)
	start := time.Now()
	for b.Loop() {
		i++
		key := binary.BigEndian.AppendUint64(nil, i)
		t0 := time.Now()
		err := bdb.Update(func(tx *bolt.Tx) error {
			for _, p := range puts {
				if err := tx.Bucket([]byte(p.bucket)).Put(key, p.val); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	reportLatency(b, lat, time.Since(start))
}

// BenchmarkMarkCommit writes one mark per operation, one writer: through
// Update (group commit, audit, index), and through model.Service.SetMark
// (policy checks, notice lookup, then Update).
func BenchmarkMarkCommit(b *testing.B) {
	b.Run("Update", func(b *testing.B) {
		db := storagetest.Open(b, storageOptions(newClock(at(23, 8, 5))))
		i := 0
		for b.Loop() {
			i++
			m := mark(seance(23, 8, "maths"), model.PupilID(fmt.Sprintf("p%06d", i)), model.KindAbsent)
			if _, err := db.Update(context.Background(), tester, "marque", func(tx model.Tx) error { return tx.PutMark(m) }); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SetMark", func(b *testing.B) {
		c := newClock(at(23, 8, 12))
		db := storagetest.Open(b, storageOptions(c))
		mustUpdate(b, db, fixture().Write)
		prof := serviceOf(db, "prof", c)
		kinds := []model.MarkKind{model.KindAbsent, model.KindLate}
		i := 0
		for b.Loop() {
			i++
			if _, err := prof.SetMark(sMaths, "p1", kinds[i%2]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkGroupCommitParallel runs closed-loop writers, each committing one
// mark per Update, and reports throughput and latency percentiles.
func BenchmarkGroupCommitParallel(b *testing.B) {
	for _, writers := range []int{1, 8, 32, 128} {
		b.Run(fmt.Sprintf("writers=%d", writers), func(b *testing.B) {
			db := storagetest.Open(b, storageOptions(newClock(at(23, 8, 5))))
			lat := make([][]time.Duration, writers)
			var next atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for w := range writers {
				wg.Go(func() {
					for i := next.Add(1); i <= int64(b.N); i = next.Add(1) {
						m := mark(seance(23, 8, "maths"), model.PupilID(fmt.Sprintf("p%07d", i)), model.KindAbsent)
						t0 := time.Now()
						if _, err := db.Update(context.Background(), tester, "marque", func(tx model.Tx) error { return tx.PutMark(m) }); err != nil {
							b.Error(err)
							return
						}
						lat[w] = append(lat[w], time.Since(t0))
					}
				})
			}
			wg.Wait()
			reportLatency(b, slices.Concat(lat...), time.Since(start))
		})
	}
}

// BenchmarkGroupCommitRate offers marks at a fixed rate (open loop: each mark
// starts at its scheduled time in its own goroutine, whatever the others do)
// and reports each Update's latency, queueing behind a slow commit included.
func BenchmarkGroupCommitRate(b *testing.B) {
	for _, rate := range []int{1000, 5000} {
		b.Run(fmt.Sprintf("rate=%d", rate), func(b *testing.B) {
			db := storagetest.Open(b, storageOptions(newClock(at(23, 8, 5))))
			interval := time.Second / time.Duration(rate)
			lat := make([]time.Duration, b.N)
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				due := start.Add(time.Duration(i) * interval)
				if d := time.Until(due); d > 0 {
					time.Sleep(d)
				}
				m := mark(seance(23, 8, "maths"), model.PupilID(fmt.Sprintf("p%07d", i)), model.KindAbsent)
				wg.Go(func() {
					t0 := time.Now()
					if _, err := db.Update(context.Background(), tester, "marque", func(tx model.Tx) error { return tx.PutMark(m) }); err != nil {
						b.Error(err)
					}
					lat[i] = time.Since(t0)
				})
			}
			wg.Wait()
			reportLatency(b, lat, time.Since(start))
		})
	}
}

func reportLatency(b *testing.B, lat []time.Duration, elapsed time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	at := func(q float64) float64 {
		return float64(lat[min(len(lat)-1, int(q*float64(len(lat))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "ops/s")
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(0.999), "p99.9-ms")
}
