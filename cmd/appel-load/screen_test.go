package main

import (
	"testing"
	"time"
)

func TestEscapeStripperKeepsLinesWhole(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"colour inside a line", "\x1b[2m30 élèves · 3 absents\x1b[0m", "30 élèves · 3 absents"},
		{"cursor move splits", "a\x1b[2Kb", "a\nb"},
		{"osc dropped", "\x1b]11;?\x07x", "x"},
		{"osc with st", "\x1b]0;titre\x1b\\y", "y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e escapeStripper
			var got []byte
			for i := range len(tt.in) { // byte by byte: a stream cut anywhere
				got = e.append(got, []byte{tt.in[i]})
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestScreenWaitFor(t *testing.T) {
	s := newScreen()
	from := s.offset()
	go func() {
		time.Sleep(10 * time.Millisecond)
		_, _ = s.Write([]byte("· 1 absents \x1b[1m· 0 retards ·"))
	}()
	if _, ok := s.waitFor("· 1 absents · 0 retards ·", from, 5*time.Second); !ok {
		t.Fatalf("not seen: %q", s.tail(100))
	}
	if _, ok := s.waitFor("· 1 absents", s.offset(), 20*time.Millisecond); ok {
		t.Fatal("an old frame must not prove a new key")
	}
}

func TestSheetNextChangesTheCounts(t *testing.T) {
	s := newSheet()
	for round := 0; round < 3; round++ {
		for row := range pupilsPer {
			a, r := s.counts()
			_, proof := appelDriver{}.key(s, row)
			appelDriver{}.confirm(s, row)
			if proof != countsText(s.counts()) || proof == countsText(a, r) {
				t.Fatalf("round %d row %d: proof %q", round, row, proof)
			}
		}
	}
}
