package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"time"
)

// runDisconnect cuts the TCP connections of n teachers in the middle of
// their roll calls (one key just sent, unconfirmed), checks that the server
// frees every session, then reconnects them: each roll call must show every
// saved mark, resume where it stopped and end validated, with nothing lost.
func runDisconnect(args []string, out io.Writer) error {
	w, err := setUp("disconnect", args, 50, nil)
	if err != nil {
		return err
	}
	defer w.cleanup()
	t, err := start(w.appelSpec())
	if err != nil {
		return err
	}
	res, err := disconnectRun(t, w.teachers, w.seed)
	if stopErr := t.stop(); err == nil && stopErr != nil {
		err = stopErr
	}
	if err != nil {
		return err
	}
	a, err := verify(w.db, w.teachers, res.sheets, false)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "déconnexion : %d sessions coupées en pleine saisie ; serveur revenu à la référence en %s (%v)\n",
		len(w.teachers), res.freedIn.Round(time.Millisecond), res.freed)
	fmt.Fprintf(out, "reprise : %d appels repris avec toutes leurs marques, %d erreurs ; touche envoyée avant la coupure : enregistrée %d, non enregistrée %d (jamais montrée comme enregistrée)\n",
		res.events.get("reprises"), res.events.failures(), res.events.get("gardée"), res.events.get("perdue"))
	for _, line := range res.events.report() {
		fmt.Fprintln(out, line)
	}
	fmt.Fprintf(out, "base : marques vues enregistrées %d, absentes %d\n", a.Checked, a.Lost)
	if a.Lost > 0 || res.events.failures() > 0 || !res.freed {
		return fmt.Errorf("échec : %d perdues, %d erreurs, sessions libérées %v", a.Lost, res.events.failures(), res.freed)
	}
	return nil
}

type disconnectResult struct {
	sheets  []*sheet
	events  *counters
	freed   bool
	freedIn time.Duration
}

func disconnectRun(t *target, ts []teacher, seed uint64) (*disconnectResult, error) {
	res := &disconnectResult{sheets: make([]*sheet, len(ts)), events: newCounters()}
	base, err := t.diagnostics(true)
	if err != nil {
		return nil, err
	}
	cutAt := make([]int, len(ts))
	res.each(ts, func(i int) error {
		res.sheets[i] = newSheet()
		cutAt[i] = 5 + rand.New(rand.NewPCG(seed, uint64(i))).IntN(pupilsPer-10)
		return markThenCut(t, ts[i], res.sheets[i], cutAt[i])
	})
	res.freedIn, res.freed = awaitBaseline(t, base, 10*time.Second)
	res.each(ts, func(i int) error { return res.resume(t, ts[i], res.sheets[i], cutAt[i]) })
	return res, nil
}

func (res *disconnectResult) each(ts []teacher, fn func(i int) error) {
	together(len(ts), 0, func(i int) {
		if err := fn(i); err != nil {
			res.events.fail(ts[i].Login, err)
		}
	})
}

// markThenCut marks rows 0..cut-1, sends the key of row cut and drops the
// connection at once.
func markThenCut(t *target, tc teacher, s *sheet, cut int) error {
	c, err := dial(t.addr, tc.Login, tc.Signer)
	if err != nil {
		return err
	}
	if _, ok := c.screen.waitFor(appelDriver{}.ready(), 0, keyTimeout); !ok {
		return errors.New("premier écran absent")
	}
	var lat latencies
	if err := markRows(c, appelDriver{}, s, 0, cut, pacing{}, nil, &lat, nil); err != nil {
		return err
	}
	keys, _ := appelDriver{}.key(s, cut)
	_, _, err = c.press(keys)
	c.cut()
	return err
}

// resume reconnects, waits for the saved marks (with or without the key
// cut), moves to the row after and finishes the roll call.
func (res *disconnectResult) resume(t *target, tc teacher, s *sheet, cut int) error {
	c, err := dial(t.addr, tc.Login, tc.Signer)
	if err != nil {
		return err
	}
	defer c.close()
	without := countsText(s.counts())
	kept := *s
	appelDriver{}.confirm(&kept, cut)
	with := countsText(kept.counts())
	switch c.screen.waitForAny([]string{with, without}, 0, keyTimeout) {
	case 0:
		*s = kept
		res.events.count("gardée")
	case 1:
		s.pending = -1
		res.events.count("perdue")
	default:
		return c.lost("marques enregistrées non montrées à la reprise")
	}
	if err := gotoRow(c, cut+1); err != nil {
		return err
	}
	var lat latencies
	if err := markRows(c, appelDriver{}, s, cut+1, pupilsPer, pacing{}, nil, &lat, nil); err != nil {
		return err
	}
	res.events.count("reprises")
	return validateAndQuit(c, true)
}

// gotoRow types « : » then the pupil's number, digit by digit, as a
// teacher would (the roll call's numbers mode; the marks that follow keep it,
// ↵ ends it).
func gotoRow(c *client, row int) error {
	off, _, err := c.press(":")
	if err != nil {
		return err
	}
	if _, ok := c.screen.waitFor("n° ▏", off, keyTimeout); !ok {
		return c.lost("mode des numéros non montré")
	}
	typed := ""
	for _, d := range strconv.Itoa(row + 1) {
		typed += string(d)
		off, _, err := c.press(string(d))
		if err != nil {
			return err
		}
		if _, ok := c.screen.waitFor("n° "+typed+"▏", off, keyTimeout); !ok {
			return c.lost("numéro d'élève non montré")
		}
	}
	return nil
}
