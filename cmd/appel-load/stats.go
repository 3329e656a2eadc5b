package main

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// latencies collects durations from many goroutines.
type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

// summary is the distribution of a set of durations.
type summary struct {
	N                        int
	P50, P95, P99, P999, Max time.Duration
}

func (l *latencies) summary() summary {
	l.mu.Lock()
	d := slices.Clone(l.d)
	l.mu.Unlock()
	if len(d) == 0 {
		return summary{}
	}
	slices.Sort(d)
	at := func(q float64) time.Duration { return d[min(int(q*float64(len(d))), len(d)-1)] }
	return summary{N: len(d), P50: at(0.50), P95: at(0.95), P99: at(0.99), P999: at(0.999), Max: d[len(d)-1]}
}

func (s summary) String() string {
	if s.N == 0 {
		return "aucune mesure"
	}
	return fmt.Sprintf("n=%d p50 %s p95 %s p99 %s p99.9 %s max %s", s.N, ms(s.P50), ms(s.P95), ms(s.P99), ms(s.P999), ms(s.Max))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// counters are a run's events, safe for concurrent use.
type counters struct {
	mu     sync.Mutex
	errors map[string]int
	n      map[string]int
}

func newCounters() *counters { return &counters{errors: map[string]int{}, n: map[string]int{}} }

func (c *counters) fail(what string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	msg := what
	if err != nil {
		msg += " : " + err.Error()
	}
	c.errors[msg]++
}

// sessionFailed counts a session's failure, and a session dropped by the
// server as such.
func (c *counters) sessionFailed(who string, err error) {
	if errors.Is(err, errDropped) {
		c.count("coupées")
	}
	c.fail(who, err)
}

func (c *counters) count(what string) {
	c.mu.Lock()
	c.n[what]++
	c.mu.Unlock()
}

func (c *counters) get(what string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[what]
}

func (c *counters) failures() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	total := 0
	for _, n := range c.errors {
		total += n
	}
	return total
}

func (c *counters) report() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for msg, n := range c.errors {
		out = append(out, fmt.Sprintf("  %d × %s", n, msg))
	}
	slices.Sort(out)
	return out
}

// sampler follows the server's CPU and memory once a second.
type sampler struct {
	stop    chan struct{}
	done    chan struct{}
	first   procSample
	last    procSample
	peakRSS int64
}

func sampleEvery(t *target, every time.Duration) *sampler {
	s := &sampler{stop: make(chan struct{}), done: make(chan struct{})}
	s.first, _ = t.sample()
	s.last, s.peakRSS = s.first, s.first.rss
	go func() {
		defer close(s.done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-tick.C:
				if p, err := t.sample(); err == nil {
					s.last, s.peakRSS = p, max(s.peakRSS, p.rss)
				}
			}
		}
	}()
	return s
}

// end stops sampling and returns the CPU used (in cores) and the peak RSS.
func (s *sampler) end() (cores float64, peak int64) {
	close(s.stop)
	<-s.done
	wall := s.last.at.Sub(s.first.at)
	if wall <= 0 {
		return 0, s.peakRSS
	}
	return float64(s.last.cpu-s.first.cpu) / float64(wall), s.peakRSS
}

func mib(b int64) string { return fmt.Sprintf("%.1f Mio", float64(b)/(1<<20)) }
