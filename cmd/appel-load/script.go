package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// sheet is what the load tool knows of one teacher's roll call: the mark of
// each row that the screen confirmed as saved, and the one key sent whose
// confirmation has not been seen (a crash may or may not have kept it).
type sheet struct {
	kinds   [pupilsPer]byte // 0 present, 'a' absent, 'r' late
	pending int             // row of the unconfirmed mark, or -1
	want    byte
}

func newSheet() *sheet { return &sheet{pending: -1} }

func (s *sheet) counts() (absent, late int) {
	for _, k := range s.kinds {
		switch k {
		case 'a':
			absent++
		case 'r':
			late++
		}
	}
	return absent, late
}

// countsText is the part of the roll call's summary line that shows the
// saved marks: "· 3 absents · 1 retard ·" (0 and 1 take the singular).
func countsText(absent, late int) string {
	return fmt.Sprintf("· %d %s · %d %s ·", absent, frenchPlural(absent, "absent", "absents"),
		late, frenchPlural(late, "retard", "retards"))
}

func frenchPlural(n int, one, many string) string {
	if n <= 1 {
		return one
	}
	return many
}

// next is the mark the script gives row i: a change, so that the counts on
// screen move; one pupil in ten is late, the others absent.
func (s *sheet) next(i int) byte {
	switch s.kinds[i] {
	case 'a':
		return 'r'
	case 'r':
		return 'a'
	}
	if i%10 == 4 {
		return 'r'
	}
	return 'a'
}

// driver is one kind of server's script: what the first screen shows, what
// a key sends and what proves it was taken.
type driver interface {
	ready() string
	key(s *sheet, row int) (keys string, proof string)
	confirm(s *sheet, row int)
}

// appelDriver marks pupils on appel's roll call: a key is taken when the
// counts of saved marks show it.
type appelDriver struct{}

func (appelDriver) ready() string { return "élèves ·" }

func (appelDriver) key(s *sheet, row int) (string, string) {
	k := s.next(row)
	s.pending, s.want = row, k
	a, r := s.counts()
	switch {
	case s.kinds[row] == 'a':
		a--
	case s.kinds[row] == 'r':
		r--
	}
	if k == 'a' {
		a++
	} else {
		r++
	}
	return string(k), countsText(a, r)
}

func (appelDriver) confirm(s *sheet, row int) {
	s.kinds[row], s.pending = s.want, -1
}

// bareDriver types on the bare program: a key is taken when its count shows.
type bareDriver struct{ typed *int }

func (bareDriver) ready() string { return "touches : 0 ·" }

func (d bareDriver) key(_ *sheet, _ int) (string, string) {
	*d.typed++
	return "x", fmt.Sprintf("touches : %d ·", *d.typed)
}

func (bareDriver) confirm(*sheet, int) {}

// pacing is the teacher's rhythm: a pause between keys, drawn uniformly.
type pacing struct{ min, max time.Duration }

func (p pacing) pause(r *rand.Rand) time.Duration {
	if p.max <= p.min {
		return p.min
	}
	return p.min + time.Duration(r.Int64N(int64(p.max-p.min)))
}

// errDropped is a session closed by the server while the script ran.
var errDropped = errors.New("session fermée par le serveur")

// keyTimeout bounds the wait for a key's effect.
const keyTimeout = 30 * time.Second

// markRows marks rows from..to-1 (the cursor starts on from), pausing
// between keys; each confirmation is timed into lat.
func markRows(c *client, d driver, s *sheet, from, to int, pace pacing, r *rand.Rand, lat *latencies, stop <-chan struct{}) error {
	return markRowsTimed(c, d, s, from, to, pace, r, timings{saved: lat}, stop)
}

// timings are where a key's times go: until the first frame after it
// (key → screen), until the frame that shows it saved.
type timings struct{ first, saved *latencies }

func markRowsTimed(c *client, d driver, s *sheet, from, to int, pace pacing, r *rand.Rand, lat timings, stop <-chan struct{}) error {
	for row := from; row < to; row++ {
		select {
		case <-stop:
			return nil
		case <-time.After(pace.pause(r)):
		}
		keys, proof := d.key(s, row)
		off, at, err := c.press(keys)
		if err != nil {
			return err
		}
		if lat.first != nil && c.screen.waitBeyond(off, keyTimeout) {
			lat.first.add(time.Since(at))
		}
		if _, ok := c.screen.waitFor(proof, off, keyTimeout); !ok {
			return c.lost(fmt.Sprintf("marque non montrée (%q)", proof))
		}
		lat.saved.add(time.Since(at))
		d.confirm(s, row)
	}
	return nil
}

// lost explains why an awaited text did not come.
func (c *client) lost(what string) error {
	select {
	case <-c.done:
		return fmt.Errorf("%w : %s", errDropped, what)
	default:
		return errors.New(what)
	}
}

// validateAndQuit validates the roll call (enter) and quits (q).
func validateAndQuit(c *client, validate bool) error {
	if validate {
		off, _, err := c.press("\r")
		if err != nil {
			return err
		}
		if _, ok := c.screen.waitFor("appel fait", off, keyTimeout); !ok {
			return c.lost("validation non montrée")
		}
	}
	if _, _, err := c.press("q"); err != nil {
		return err
	}
	if !c.waitEnd(keyTimeout) {
		return errors.New("la session ne s'est pas fermée après q")
	}
	return nil
}
