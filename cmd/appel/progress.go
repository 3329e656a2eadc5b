package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

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
	step := p.Step + strings.Repeat(" ", max(12-utf8.RuneCountInString(p.Step), 0))
	line := fmt.Sprintf("%s [%s%s] %3d %%", step, strings.Repeat("#", filled), strings.Repeat("-", barWidth-filled), percent)
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
