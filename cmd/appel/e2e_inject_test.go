package main

import (
	"strings"
	"testing"
)

// TestInjectedTextInATerminal: a db that holds texts with terminal escapes
// (written through storage directly, as an old db may hold them) opens in a
// real terminal with the texts shown as visible escapes: the screen is not
// cleared (its first line, drawn before the pupil's name, is still there),
// nothing blinks, the window title stays, the cursor was not moved home.
func TestInjectedTextInATerminal(t *testing.T) {
	db := demoDB(t)
	poisonDB(t, db)
	term := newTerminal(t, 160, 30, nil, appelBin+" --db "+db+" --now 2026-11-16T08:05 --as prof")
	screen := term.waitFor(`Maths\x1b]2;pirate\x07`, `Léa\x1b[2J`, `M.\x1b[H Martin\u202e`)
	lines := strings.Split(screen, "\n")
	if !strings.HasPrefix(lines[0], "1 Appel") || !strings.Contains(lines[0], `M.\x1b[H Martin\u202e`) {
		t.Errorf("the tab line was cleared or moved:\n%s", screen)
	}
	if styled := term.tmux("capture-pane", "-p", "-e", "-t", "e2e"); strings.Contains(styled, "\x1b[5m") {
		t.Errorf("a text of the db made the screen blink:\n%q", styled)
	}
	if title := term.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}"); strings.Contains(title, "pirate") {
		t.Errorf("a text of the db set the window title: %q", title)
	}
	term.send("q")
	if status := term.waitExit(); status != 0 {
		t.Fatalf("exit status %d:\n%s", status, term.screen())
	}
}
