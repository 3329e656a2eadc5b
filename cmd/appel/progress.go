package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"appel/model/formats/export"
	"appel/model/imports"
)

// progressEvery is the shortest time between two redraws of a progress line.
const progressEvery = 100 * time.Millisecond

// progress draws how far a long export has gone on one line of standard
// error, and nothing at all when standard error is not a terminal (a pipe, a
// file, a test): scripts and logs never see it.
type progress struct {
	w     io.Writer
	label string
	total int
	last  time.Time
	shown bool
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress returns the progress line of a step of total items; total 0 shows
// the label alone (a step whose length is unknown).
func (c *cli) progress(label string, total int) *progress {
	p := &progress{label: label, total: total}
	if c.terminal(c.stderr) {
		p.w = c.stderr
		p.draw(0)
	}
	return p
}

// step notes that done items are finished, redrawing at most every progressEvery.
func (p *progress) step(done int) {
	if p.w == nil || done < p.total && time.Since(p.last) < progressEvery {
		return
	}
	p.draw(done)
}

func (p *progress) draw(done int) {
	p.last, p.shown = time.Now(), true
	if p.total <= 0 {
		fmt.Fprintf(p.w, "\r%s…\x1b[K", p.label)
		return
	}
	const width = 24
	filled := min(done*width/p.total, width)
	fmt.Fprintf(p.w, "\r%s [%s%s] %3d %% (%d/%d)\x1b[K", p.label, strings.Repeat("#", filled),
		strings.Repeat(" ", width-filled), done*100/p.total, done, p.total)
}

// done clears the line.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// writeTable writes n rows, given by row, under a header, showing progress.
func (c *cli) writeTable(w io.Writer, f export.Format, sheet string, header []string, n int, row func(i int) []export.Value) error {
	t, err := export.NewTable(w, f, sheet, header)
	if err != nil {
		return err
	}
	p := c.progress("Écriture de "+sheet, n)
	defer p.done()
	for i := range n {
		if err := t.Row(row(i)...); err != nil {
			return err
		}
		p.step(i + 1)
	}
	return t.Close()
}

// steps shows a job made of several steps (an import reads, compares,
// writes) as one progress line per step. It is safe for concurrent use.
type steps struct {
	mu   sync.Mutex
	c    *cli
	name string
	line *progress
}

func (c *cli) steps() *steps { return &steps{c: c} }

// show draws p, starting a new line when the step changes.
func (s *steps) show(p imports.Progress) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.line == nil || p.Step != s.name {
		s.finish()
		s.name, s.line = p.Step, s.c.progress(p.Step, p.Total)
	}
	s.line.step(p.Done)
}

// done clears the last line.
func (s *steps) done() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.finish()
}

func (s *steps) finish() {
	if s.line != nil {
		s.line.done()
	}
}
