package main

import (
	"bytes"
	"sync"
	"time"
)

// screen is what a client received, stripped of escape sequences: the text
// of the frames in arrival order, enough to see when a line appears.
type screen struct {
	mu      sync.Mutex
	text    []byte
	base    int // offset of text[0] in the whole stream
	changed chan struct{}
	closed  bool
	strip   escapeStripper
}

// keepText bounds what a screen keeps: a few frames.
const keepText = 8 << 10

func newScreen() *screen { return &screen{changed: make(chan struct{})} }

// Write appends output and wakes the waiters.
func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.text = s.strip.append(s.text, p)
	if len(s.text) > 2*keepText {
		cut := len(s.text) - keepText
		s.text = append(s.text[:0], s.text[cut:]...)
		s.base += cut
	}
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	return len(p), nil
}

// end marks the stream as finished (the connection closed).
func (s *screen) end() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.changed)
	}
}

// offset is the position of the next byte to arrive.
func (s *screen) offset() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.base + len(s.text)
}

// waitFor waits until needle appears after offset from, and returns the
// offset just after it. ok is false on timeout or end of stream.
func (s *screen) waitFor(needle string, from int, timeout time.Duration) (int, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		start := max(from-s.base, 0)
		i := bytes.Index(s.text[start:], []byte(needle))
		changed, closed := s.changed, s.closed
		end := s.base + start + i + len(needle)
		s.mu.Unlock()
		if i >= 0 {
			return end, true
		}
		if closed || timeout <= 0 {
			return 0, false
		}
		select {
		case <-changed:
		case <-deadline.C:
			return 0, false
		}
	}
}

// waitBeyond waits until something arrives after offset from (the first
// frame drawn after a key).
func (s *screen) waitBeyond(from int, timeout time.Duration) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		arrived, changed, closed := s.base+len(s.text) > from, s.changed, s.closed
		s.mu.Unlock()
		switch {
		case arrived:
			return true
		case closed:
			return false
		}
		select {
		case <-changed:
		case <-deadline.C:
			return false
		}
	}
}

// tail returns the last n bytes received (for error messages).
func (s *screen) tail(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.text[max(len(s.text)-n, 0):])
}

// escapeStripper removes ANSI escape sequences (CSI, OSC, two-byte escapes)
// from a stream cut anywhere; a cursor move becomes a newline, a colour
// nothing, so that a line's text stays whole.
type escapeStripper struct {
	state byte // 0 text, 1 after ESC, 2 in CSI, 3 in OSC, 4 ESC in OSC
}

func (e *escapeStripper) append(dst, p []byte) []byte {
	for _, b := range p {
		switch e.state {
		case 0:
			if b == 0x1b {
				e.state = 1
			} else {
				dst = append(dst, b)
			}
		case 1:
			e.state = escapeKind(b)
		case 2:
			if b >= 0x40 && b <= 0x7e {
				e.state = 0
				if b != 'm' {
					dst = append(dst, '\n')
				}
			}
		case 3:
			if b == 0x07 {
				e.state = 0
			} else if b == 0x1b {
				e.state = 4
			}
		case 4:
			e.state = 0
		}
	}
	return dst
}

// waitForAny waits until one of the needles appears after from and returns
// its index, or -1 on timeout or end of stream.
func (s *screen) waitForAny(needles []string, from int, timeout time.Duration) int {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		for i, n := range needles {
			if _, ok := s.waitFor(n, from, 0); ok {
				return i
			}
		}
		s.mu.Lock()
		changed, closed := s.changed, s.closed
		s.mu.Unlock()
		if closed {
			return -1
		}
		select {
		case <-changed:
		case <-time.After(time.Until(deadline)):
		}
	}
	return -1
}

// escapeKind is the state after ESC b: a CSI, an OSC, or a two-byte escape.
func escapeKind(b byte) byte {
	switch b {
	case '[':
		return 2
	case ']':
		return 3
	}
	return 0
}
