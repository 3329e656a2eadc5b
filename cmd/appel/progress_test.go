package main

import (
	"bytes"
	"strings"
	"testing"

	"appel/model/imports"
)

// TestProgressBar draws on one line, only when the figure changes, and clears it.
func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	bar := newProgressBar(&buf)
	for i := 0; i <= 200; i++ {
		bar.show(imports.Progress{Step: "écriture", Done: i, Total: 200})
	}
	bar.done()
	out := buf.String()
	if n := strings.Count(out, "\r"); n != 102 {
		t.Errorf("%d redraws, want 101 and one clear", n)
	}
	if !strings.Contains(out, "\récriture     [###############---------------]  50 %") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("bar: %q", out[:min(len(out), 200)])
	}
	if terminalOrNil(&buf) != nil {
		t.Error("a buffer is not a terminal")
	}
}
