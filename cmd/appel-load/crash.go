package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// runCrash kills the server with SIGKILL in the middle of roll calls, round
// after round; after each kill the store must open, pass its consistency
// check and hold every mark a client saw saved.
func runCrash(args []string, out io.Writer) error {
	var rounds int
	var run pacing
	w, err := setUp("crash", args, 20, func(fs *flag.FlagSet) {
		fs.IntVar(&rounds, "rounds", 1000, "nombre de kill -9")
		fs.DurationVar(&run.min, "min-run", 150*time.Millisecond, "durée minimale de saisie avant le kill")
		fs.DurationVar(&run.max, "max-run", 1200*time.Millisecond, "durée maximale de saisie avant le kill")
	})
	if err != nil {
		return err
	}
	defer w.cleanup()
	res, err := crashRounds(w, rounds, run, out)
	fmt.Fprintf(out, "crash : %d rounds de kill -9, %d sessions ; %d touches montrées enregistrées ; après chaque round, la base vérifiée marque par marque (%d vérifications) : perdues %d ; touches non confirmées que la base a gardées %d\n",
		res.rounds, w.n, res.keys.summary().N, res.checks, res.lost, res.extra)
	fmt.Fprintf(out, "touche → écran pendant les rounds : %s\n", res.keys.summary())
	return err
}

// crashResult sums the rounds.
type crashResult struct {
	rounds, checks, lost, extra int
	last                        audit
	keys                        latencies
}

func crashRounds(w *workspace, rounds int, run pacing, out io.Writer) (*crashResult, error) {
	sheets := make([]*sheet, len(w.teachers))
	for i := range sheets {
		sheets[i] = newSheet()
	}
	res := &crashResult{}
	r := rand.New(rand.NewPCG(w.seed, 0))
	for round := 1; round <= rounds; round++ {
		t, err := start(w.appelSpec())
		if err != nil {
			return res, fmt.Errorf("round %d : %v", round, err)
		}
		typeUntilKilled(t, w.teachers, sheets, run.pause(r), &res.keys, uint64(round))
		a, err := verify(w.db, w.teachers, sheets, true)
		res.rounds, res.last = round, a
		res.checks += a.Checked
		res.lost += a.Lost
		res.extra += a.Extra
		if err != nil {
			return res, fmt.Errorf("round %d : %v", round, err)
		}
		if a.Lost > 0 {
			return res, fmt.Errorf("round %d : %d marques perdues : %v", round, a.Lost, a.Details)
		}
		if round%100 == 0 {
			fmt.Fprintf(out, "  round %d : %d marques vérifiées, 0 perdue\n", round, res.checks)
		}
	}
	return res, nil
}

// typeUntilKilled lets every teacher type as fast as the screen confirms,
// and kills the server after runFor.
func typeUntilKilled(t *target, ts []teacher, sheets []*sheet, runFor time.Duration, lat *latencies, seed uint64) {
	stop, typed := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(typed)
		together(len(ts), 0, func(i int) {
			tc := ts[i]
			c, err := dial(t.addr, tc.Login, tc.Signer)
			if err != nil {
				return
			}
			defer c.close()
			if _, ok := c.screen.waitFor(appelDriver{}.ready(), 0, keyTimeout); !ok {
				return
			}
			r := rand.New(rand.NewPCG(seed, uint64(i)))
			_ = markRows(c, appelDriver{}, sheets[i], 0, pupilsPer, pacing{0, 20 * time.Millisecond}, r, lat, stop)
			<-stop
		})
	}()
	time.Sleep(runFor)
	t.kill()
	close(stop)
	<-typed
}
