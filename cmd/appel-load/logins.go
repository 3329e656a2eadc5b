package main

import (
	"flag"
	"fmt"
	"io"
	"time"
)

// loginsReport is the cost of sessions that open and wait.
type loginsReport struct {
	first            latencies
	events           *counters
	base, idle       diagnostics
	baseRSS, idleRSS int64
	idleCores        float64
	backAfter        time.Duration
	backOK           bool
	bare             bool // the bare program: no diagnostics
	opened           int
}

// runLogins opens n sessions within a few seconds, measures the first
// screen, the cost of each idle session, then cuts them all at once and
// measures how long the server takes to get back to its baseline.
func runLogins(args []string, out io.Writer) error {
	var within, idleFor time.Duration
	var bare bool
	w, err := setUp("logins", args, 1000, func(fs *flag.FlagSet) {
		fs.DurationVar(&within, "within", 2*time.Second, "durée de l'arrivée des sessions")
		fs.DurationVar(&idleFor, "idle-for", 30*time.Second, "durée de la mesure au repos")
		bareFlag(fs, &bare)
	})
	if err != nil {
		return err
	}
	defer w.cleanup()
	specs := []serverSpec{w.appelSpec()}
	if bare {
		specs = []serverSpec{w.bareSpec(), w.appelSpec()}
	}
	var failed error
	for _, spec := range specs {
		t, err := start(spec)
		if err != nil {
			return err
		}
		r, err := measureLogins(t, w.teachers, within, idleFor)
		if stopErr := t.stop(); err == nil && stopErr != nil && t.diag != "" {
			err = stopErr
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n[%s]\n", t.name)
		if err := r.print(out, w.n, within); err != nil {
			failed = err
		}
	}
	return failed
}

func measureLogins(t *target, ts []teacher, within, idleFor time.Duration) (*loginsReport, error) {
	r := &loginsReport{events: newCounters(), bare: t.diag == ""}
	time.Sleep(500 * time.Millisecond)
	var err error
	if r.base, err = t.diagnostics(true); err != nil && !r.bare {
		return nil, err
	}
	p, _ := t.sample()
	r.baseRSS = p.rss
	ready := appelDriver{}.ready()
	if r.bare {
		ready = bareDriver{}.ready()
	}
	clients := r.open(t, ts, within, ready)
	time.Sleep(2 * time.Second)
	s := sampleEvery(t, time.Second)
	time.Sleep(idleFor)
	r.idleCores, _ = s.end()
	r.opened = r.first.summary().N
	if r.idle, err = t.diagnostics(true); err != nil && !r.bare {
		return nil, err
	}
	p, _ = t.sample()
	r.idleRSS = p.rss
	for _, c := range clients {
		if c != nil {
			c.close()
		}
	}
	if !r.bare {
		r.backAfter, r.backOK = awaitBaseline(t, r.base, 10*time.Second)
	}
	return r, nil
}

// open connects every teacher within the given time and waits for each
// first screen.
func (r *loginsReport) open(t *target, ts []teacher, within time.Duration, ready string) []*client {
	clients := make([]*client, len(ts))
	together(len(ts), within, func(i int) {
		tc := ts[i]
		c, err := dial(t.addr, tc.Login, tc.Signer)
		if err != nil {
			r.events.fail("connexion", err)
			return
		}
		if _, ok := c.screen.waitFor(ready, 0, keyTimeout); !ok {
			r.events.fail("premier écran", c.lost("absent"))
			c.close()
			return
		}
		r.first.add(time.Since(c.started))
		clients[i] = c
	})
	return clients
}

// awaitBaseline polls the server until its goroutines are back to the
// baseline's (a few of slack for the runtime's own) and no session is left.
func awaitBaseline(t *target, base diagnostics, limit time.Duration) (time.Duration, bool) {
	start := time.Now()
	for time.Since(start) < limit {
		d, err := t.diagnostics(false)
		if err == nil && d.Sessions == 0 && d.Connected == 0 && d.Goroutines <= base.Goroutines+2 {
			return time.Since(start), true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start), false
}

func (r *loginsReport) print(out io.Writer, n int, within time.Duration) error {
	open := r.opened
	fmt.Fprintf(out, "connexions : %d demandées en %s, %d ouvertes, %d échecs\n", n, within, open, r.events.failures())
	for _, line := range r.events.report() {
		fmt.Fprintln(out, line)
	}
	fmt.Fprintf(out, "premier écran (connexion → écran d'appel) : %s\n", r.first.summary())
	if open > 0 && r.bare {
		fmt.Fprintf(out, "par session au repos : RSS %.0f Kio (référence %s)\n", float64(r.idleRSS-r.baseRSS)/float64(open)/1024, mib(r.baseRSS))
	} else if open > 0 {
		perKiB := func(after, before uint64) float64 { return float64(int64(after)-int64(before)) / float64(open) / 1024 }
		fmt.Fprintf(out, "par session au repos : RSS %.0f Kio, tas %.0f Kio, piles %.0f Kio, %.1f goroutines (référence %d goroutines, %s)\n",
			float64(r.idleRSS-r.baseRSS)/float64(open)/1024, perKiB(r.idle.HeapInuse, r.base.HeapInuse), perKiB(r.idle.StackInuse, r.base.StackInuse),
			float64(r.idle.Goroutines-r.base.Goroutines)/float64(open), r.base.Goroutines, mib(r.baseRSS))
	}
	if open > 0 {
		fmt.Fprintf(out, "CPU au repos : %.4f cœur en tout, %.4f %% d'un cœur par session\n", r.idleCores, 100*r.idleCores/float64(open))
	}
	if r.bare && r.events.failures() > 0 {
		return fmt.Errorf("échec : %d erreurs", r.events.failures())
	} else if r.bare {
		return nil
	}
	fmt.Fprintf(out, "après la déconnexion de toutes les sessions : retour à la référence en %s (%v)\n", r.backAfter.Round(time.Millisecond), r.backOK)
	if r.events.failures() > 0 || !r.backOK {
		return fmt.Errorf("échec : %d erreurs, retour à la référence %v", r.events.failures(), r.backOK)
	}
	return nil
}
