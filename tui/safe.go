package tui

import (
	"strings"
	"unicode/utf8"

	"appel/model"
)

// screenSafe returns a frame fit to send to a terminal. Line breaks and the
// SGR sequences that styles write (ESC [ digits m) stay; every other control
// or invisible character is written as a visible escape (model.EscapeRune:
// \x1b, \u202e): a cursor movement, a screen clear, a window title, a bidi
// override never reach the user's terminal, whatever path a text took from
// the store to the screen. It is the last line of defence behind the data
// escaping of show: text stored before appel checked its input may hold such
// characters.
func screenSafe(frame string) string {
	if frameIsSafe(frame) {
		return frame
	}
	var b strings.Builder
	b.Grow(len(frame) + 16)
	for i := 0; i < len(frame); {
		if n := sgrLen(frame[i:]); n > 0 {
			b.WriteString(frame[i : i+n])
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(frame[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(model.EscapeRune(rune(frame[i])))
		case r == '\n' || model.TextAllowed(r, model.Plain):
			b.WriteString(frame[i : i+size])
		default:
			b.WriteString(model.EscapeRune(r))
		}
		i += size
	}
	return b.String()
}

// frameIsSafe reports, without allocating, that a frame needs no escape.
func frameIsSafe(frame string) bool {
	for i := 0; i < len(frame); {
		c := frame[i]
		switch {
		case c == '\n' || c >= 0x20 && c < 0x7F:
			i++
		case c == 0x1B:
			n := sgrLen(frame[i:])
			if n == 0 {
				return false
			}
			i += n
		case c < utf8.RuneSelf:
			return false
		default:
			r, size := utf8.DecodeRuneInString(frame[i:])
			if r == utf8.RuneError && size == 1 || !model.TextAllowed(r, model.Plain) {
				return false
			}
			i += size
		}
	}
	return true
}

// sgrLen returns the length of the SGR sequence (ESC [ parameters m) that s
// starts with, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1B || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		default:
			return 0
		}
	}
	return 0
}
