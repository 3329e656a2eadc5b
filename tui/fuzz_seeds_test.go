package tui_test

import (
	"fmt"
	"slices"
)

// Clocks of fuzzClocks, by index.
const (
	clockThursday = iota // GridNow: Thursday of WeekA, 10:30
	clockMaths           // Monday of WeekA, 08:10, during maths
	clockArmistice
	clockSaturday
	clockToussaint
	clockFirstDay
	clockAfterYear
)

// seedSize is a window size of a seed, encoded by sizeBytes.
type seedSize struct{ w, h int }

// typed and pasted are texts of a seed, typed as one burst or pasted.
type (
	typed  string
	pasted string
)

// pause is opSettle in a seed: the loads started meanwhile are shown.
var pause = settleMsg{}

// fuzzSeeds are meaningful sessions the fuzzer starts from.
func fuzzSeeds() [][]byte {
	return [][]byte{
		// A teacher's roll call during the lesson, undone and redone.
		seed("prof", clockMaths, seedSize{80, 24}, pause, "3", "a", "7", "a", "1", "0", "r", "enter", pause,
			"u", pause, "ctrl+r", pause, "tab", pause, "left", "enter", pause, "esc", "2", pause, "3", pause),
		// A CPE justifies with motives: one pupil, his week, an announced absence, a school trip.
		seed("cpe", clockThursday, seedSize{100, 30}, pause, "down", "m", pause, "W", "m", pause, "u", pause,
			"ctrl+r", pause, "A", ">", "m", pause, "x", pause, "D", "enter", "*", "S", pause, "esc", "+", "-", pause),
		// The grid's rectangle selection, justified, undone, redone, a range removed.
		seed("cpe", clockThursday, seedSize{80, 24}, pause, "2", pause, "D", typed("4b"), "enter", pause,
			"H", "H", "H", "h", "h", "v", "j", "j", "L", "l", pause, "m", pause, "u", pause, "ctrl+r", pause,
			"V", "j", "j", "x", pause, "[", pause, "]", "W", pause, "esc", pause),
		// Undo and redo of a teacher's marks, past the history's ends.
		seed("prof2", clockMaths, seedSize{80, 24}, pause, "a", "j", "a", "j", "r", pause, "u", "u", "u", "u", pause,
			"ctrl+r", "ctrl+r", "ctrl+r", "ctrl+r", pause, "E", pause, "p", "c", pause),
		// A resize storm on every screen of the direction.
		resizeStorm("direction", "2", "3", "4", "5", "1"),
		resizeStorm("admin", "7", "9", "0", "2"),
		// An admin's forms: an account, a motive, an import of a missing file.
		seed("admin", clockThursday, seedSize{80, 24}, pause, "n", typed("lea"), "enter", typed("Léa M."), "enter",
			typed("teacher"), "enter", pause, "esc", "9", pause, "n", typed("Visite"), "tab", typed("w"), "enter", pause,
			"down", "x", pause, "esc", "0", pause, "e",
			typed("/nonexistent"), "enter", pause, "right", "a", pause),
		// The gate, a pupil found by name, an announced absence.
		seed("aed", clockThursday, seedSize{80, 24}, pause, "8", pause, "/", typed("ab"), "enter", pause, "n", ">",
			"m", pause, "esc", "7", pause, "N", "T", "o", "O", pause),
		// A pupil's file: timetable, calls to the family, his planning.
		seed("cpe", clockThursday, seedSize{120, 40}, pause, "3", pause, pasted("car"), pause, "enter", pause, "tab", "tab",
			"tab", pause, "c", "2", "enter", pause, "p", pause, "esc", pause, "esc", "[", "]", pause),
		// Statistics: periods, sorting, an explanation.
		seed("direction", clockThursday, seedSize{80, 24}, pause, "4", pause, "l", "o", "O", "t", pause, "x", pause,
			"esc", "j", "enter", pause, "tab", "shift+tab", "p", "P", pause),
		// Help overlays on tiny windows, then q quits mid-session.
		seed("prof", clockArmistice, seedSize{10, 3}, pause, "?", "x", seedSize{1, 1}, "?", "2", "?", seedSize{0, 0},
			"3", "?", "q", "a", "enter"),
		// Days without lessons: a Saturday, the holidays, the first day, after the year.
		seed("dupont", clockSaturday, seedSize{60, 14}, pause, "tab", "right", "left", "enter", pause, "2", pause),
		seed("cpe2", clockToussaint, seedSize{59, 13}, pause, "down", "m", "2", pause, "l", "h", pause),
		seed("prof", clockFirstDay, seedSize{80, 24}, pause, "a", "enter", pause, "tab", "2", pause),
		seed("direction", clockAfterYear, seedSize{200, 60}, pause, "2", pause, "4", pause, "5", pause),
	}
}

// resizeStorm opens each screen of login and resizes it through every size.
func resizeStorm(login string, screens ...string) []byte {
	ops := []any{pause}
	for _, s := range screens {
		ops = append(ops, s, pause)
		for _, size := range append(slices.Clone(fuzzSizes), [2]int{37, 7}, [2]int{80, 24}) {
			ops = append(ops, seedSize{size[0], size[1]})
		}
		ops = append(ops, "j", "?", seedSize{70, 20}, "esc")
	}
	return seed(login, clockThursday, seedSize{80, 24}, ops...)
}

// seed encodes a session as decodeSession reads it; ops are key names of
// fuzzKeys, seedSize, typed, pasted or pause.
func seed(login string, clock int, size seedSize, ops ...any) []byte {
	out := []byte{byte(slices.Index(fuzzLogins, login)), byte(clock)}
	out = append(out, sizeBytes(size)...)
	for _, op := range ops {
		out = append(out, opBytes(op)...)
	}
	if out[0] == 0xFF {
		panic("seed: unknown login " + login)
	}
	return out
}

func opBytes(op any) []byte {
	switch op := op.(type) {
	case string:
		i := slices.Index(fuzzKeys, op)
		if i < 0 {
			panic(fmt.Sprintf("seed: key %q is not in fuzzKeys", op))
		}
		return []byte{byte(i)}
	case seedSize:
		return append([]byte{opResize}, sizeBytes(op)...)
	case typed:
		return textBytes(opType, string(op))
	case pasted:
		return textBytes(opPaste, string(op))
	case settleMsg:
		return []byte{opSettle}
	}
	panic(fmt.Sprintf("seed: operation %#v", op))
}

// sizeBytes encodes a size as sizeOf reads it.
func sizeBytes(s seedSize) []byte {
	if i := slices.Index(fuzzSizes, [2]int{s.w, s.h}); i >= 0 {
		return []byte{0xF8 + byte(i), 0}
	}
	if s.w >= 0xF8 || s.h >= 100 {
		panic(fmt.Sprintf("seed: size %dx%d", s.w, s.h))
	}
	return []byte{byte(s.w), byte(s.h)}
}

// textBytes encodes a text as decodeOp reads it.
func textBytes(op byte, text string) []byte {
	runes := []rune(text)
	if len(runes) == 0 || len(runes) > 12 {
		panic("seed: text of 1 to 12 runes: " + text)
	}
	out := []byte{op, byte(len(runes) - 1)}
	for _, r := range runes {
		i := slices.Index(fuzzRunes, r)
		if i < 0 {
			panic(fmt.Sprintf("seed: rune %q is not in fuzzRunes", r))
		}
		out = append(out, byte(i))
	}
	return out
}
