package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"appel/model/imports"
)

// terminalOrNil returns w when it is a terminal (a progress bar then makes
// sense), else nil.
func terminalOrNil(w io.Writer) io.Writer {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return w
}

// progressBar draws « comparaison [#####-----]  48 % » on one line of a
// terminal, redrawn only when the figure changes.
type progressBar struct {
	mu   sync.Mutex
	w    io.Writer
	last string
}

const barWidth = 30

func newProgressBar(w io.Writer) *progressBar { return &progressBar{w: w} }

// show draws the step's progress.
func (b *progressBar) show(p imports.Progress) {
	percent := 100
	if p.Total > 0 {
		percent = min(100, p.Done*100/p.Total)
	}
	filled := percent * barWidth / 100
	line := fmt.Sprintf("%-12s [%s%s] %3d %%", p.Step, strings.Repeat("#", filled), strings.Repeat("-", barWidth-filled), percent)
	b.mu.Lock()
	defer b.mu.Unlock()
	if line != b.last {
		b.last = line
		fmt.Fprint(b.w, "\r"+line)
	}
}

// done clears the bar's line.
func (b *progressBar) done() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.last != "" {
		fmt.Fprint(b.w, "\r\033[K")
	}
}
