package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"appel/model/imports"
)

// TestImportSteps draws one line per step on a terminal, clears it at the end,
// and draws nothing when standard error is not a terminal.
func TestImportSteps(t *testing.T) {
	var buf bytes.Buffer
	c := newCLI(nil, io.Discard, &buf)
	c.terminal = func(io.Writer) bool { return true }
	s := c.steps()
	for _, step := range []string{"lecture", "écriture"} {
		for i := 0; i <= 200; i++ {
			s.show(imports.Progress{Step: step, Done: i, Total: 200})
		}
	}
	s.done()
	out := buf.String()
	for _, want := range []string{"\rlecture [", "\récriture [", "100 % (200/200)"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress lacks %q: %q", want, out[:min(len(out), 300)])
		}
	}
	if !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("the last line is not cleared: %q", out[max(len(out)-40, 0):])
	}
	buf.Reset()
	quiet := newCLI(nil, io.Discard, &buf).steps()
	quiet.show(imports.Progress{Step: "lecture", Done: 1, Total: 2})
	quiet.done()
	if buf.Len() != 0 {
		t.Errorf("a buffer is not a terminal, yet: %q", buf.String())
	}
}
