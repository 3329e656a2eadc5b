package model

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// TextKind says what a text is, which decides the characters it may hold.
// Every text that appel stores (names, codes, subjects, rooms, labels, notes)
// comes from a file, a form or the command line, and goes through CheckText
// or CheckField first.
type TextKind uint8

const (
	// Plain is a name, a code, a label or an identifier: printable
	// characters and spaces, on one line.
	Plain TextKind = iota
	// Note is free text that a person types at length (the note of a call,
	// of an announced absence, of a report): it may also hold tabs.
	Note
	// Layout is the whole text of a file being imported, where tabs and line
	// breaks separate cells and rows. It is never stored as such: each value
	// cut from it is a Plain or Note text.
	Layout
)

// TextFault is the first character of a text that its kind may not hold,
// and where it is.
type TextFault struct {
	// Rune is the character; utf8.RuneError with Invalid for a byte that is
	// not UTF-8.
	Rune    rune
	Invalid bool
	// Byte is the offending byte when Invalid.
	Byte byte
	// Offset is the character's byte offset in the text.
	Offset int
	// Line and Column place the character, both from 1: lines end at '\n',
	// columns count characters.
	Line, Column int
}

// What names the character in French: « caractère de contrôle U+001B
// (échappement) », « caractère invisible U+200B »…
func (f TextFault) What() string {
	if f.Invalid {
		return fmt.Sprintf("octet 0x%02X qui n'est pas de l'UTF-8", f.Byte)
	}
	r := f.Rune
	switch {
	case r == '\t':
		return "tabulation"
	case r == '\n' || r == '\r':
		return fmt.Sprintf("saut de ligne (%U)", r)
	case r == 0x1B:
		return "caractère de contrôle U+001B (échappement)"
	case unicode.IsControl(r):
		return fmt.Sprintf("caractère de contrôle %U", r)
	case unicode.Is(unicode.Bidi_Control, r):
		return fmt.Sprintf("caractère de direction du texte %U", r)
	case unicode.Is(unicode.Co, r):
		return fmt.Sprintf("caractère à usage privé %U", r)
	case unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp):
		return fmt.Sprintf("caractère invisible %U", r)
	}
	return fmt.Sprintf("caractère non attribué %U", r)
}

// TextAllowed reports whether a text of kind k may hold r. Printable
// characters (letters with their accents and marks, digits, punctuation,
// symbols) and spaces are always allowed; C0 and C1 controls, the Unicode
// format characters (bidi overrides and isolates, zero-width characters,
// the byte-order mark, soft hyphen, tags), line and paragraph separators,
// private-use and unassigned code points never are, except tabs in notes,
// and tabs and line breaks in a file's layout.
//
// The zero-width joiners (U+200C, U+200D) are refused too: SIECLE's names
// are Latin-9, which has none, and an invisible character makes two names
// that look the same differ.
func TextAllowed(r rune, k TextKind) bool {
	switch {
	case r >= 0x20 && r < 0x7F:
		return true
	case r == '\t':
		return k == Note || k == Layout
	case r == '\n' || r == '\r':
		return k == Layout
	case r < 0x20 || r > unicode.MaxRune:
		return false
	case r <= 0xFFFF:
		return graphicBMP()[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.IsGraphic(r)
}

// graphicBMP is unicode.IsGraphic over the Basic Multilingual Plane as a
// bitset (8 KiB, built on first use): screens and imports ask for every
// character, and the tables' binary search costs more than the text.
var graphicBMP = sync.OnceValue(func() *[1024]uint64 {
	var bits [1024]uint64
	for r := rune(0); r <= 0xFFFF; r++ {
		if unicode.IsGraphic(r) {
			bits[r>>6] |= 1 << (r & 63)
		}
	}
	return &bits
})

// CheckText returns the first character of s that a text of kind k may not
// hold, with its place; ok is true when s may be stored as it is.
func CheckText(s string, k TextKind) (f TextFault, ok bool) {
	line, col := 1, 0
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7F {
			i, col = i+1, col+1
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		col++
		if r == utf8.RuneError && size == 1 {
			return TextFault{Rune: r, Invalid: true, Byte: s[i], Offset: i, Line: line, Column: col}, false
		}
		if !TextAllowed(r, k) {
			return TextFault{Rune: r, Offset: i, Line: line, Column: col}, false
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		i += size
	}
	return TextFault{}, true
}

// CheckField refuses value, the field of a form or an argument of the
// command line called field (in French, « nom affiché »), when it holds a
// character that a text of kind k may not hold. The message names the field,
// the character and its position, never the value.
func CheckField(field, value string, k TextKind) error {
	f, ok := CheckText(value, k)
	if ok {
		return nil
	}
	return invalid("%s : %s en position %d, refusé (retirez-le)", field, f.What(), f.Column)
}

// Visible returns s fit to show on a terminal or to write into an export:
// every character that a Plain text may not hold is written as a visible
// escape (ESC as \x1b, U+202E as \u202e, a byte that is not UTF-8 as \xff),
// except tabs, which become spaces. Text stored before appel checked its
// input may hold such characters; Visible is the second line of defence.
func Visible(s string) string {
	if _, ok := CheckText(s, Plain); ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteByte(' ')
		case TextAllowed(r, Plain):
			b.WriteRune(r)
		default:
			b.WriteString(EscapeRune(r))
		}
		i += size
	}
	return b.String()
}

// EscapeRune writes r as a visible escape: \n, \r and \t for line breaks and
// tabs, \x1b up to U+00FF, \u202e up to U+FFFF, \U000e0001 beyond.
func EscapeRune(r rune) string {
	switch {
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r == '\t':
		return `\t`
	case r <= 0xFF:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xFFFF:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}
