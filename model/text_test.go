package model

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name   string
		s      string
		kind   TextKind
		ok     bool
		what   string
		line   int
		column int
	}{
		{"french name", "Éloïse Dœuf-L'Haÿ", Plain, true, "", 0, 0},
		{"names of every alphabet", "Łukasz Şahin Ősz Ñúñez 李 Ἀθηνᾶ", Plain, true, "", 0, 0},
		{"non-breaking spaces", "« Cœur »\u00a0\u202f", Plain, true, "", 0, 0},
		{"combining accent", "Rene\u0301", Plain, true, "", 0, 0},
		{"replacement character", "\ufffd", Plain, true, "", 0, 0},
		{"empty", "", Plain, true, "", 0, 0},
		{"escape", "MATHS\x1b[2J", Plain, false, "caractère de contrôle U+001B (échappement)", 1, 6},
		{"nul", "a\x00", Plain, false, "caractère de contrôle U+0000", 1, 2},
		{"delete", "a\x7f", Plain, false, "caractère de contrôle U+007F", 1, 2},
		{"c1 csi", "é\u009b2J", Plain, false, "caractère de contrôle U+009B", 1, 2},
		{"bidi override", "abc\u202edcba", Plain, false, "caractère de direction du texte U+202E", 1, 4},
		{"bidi isolate", "\u2066x", Plain, false, "caractère de direction du texte U+2066", 1, 1},
		{"right-to-left mark", "x\u200f", Plain, false, "caractère de direction du texte U+200F", 1, 2},
		{"zero width space", "Du\u200bpont", Plain, false, "caractère invisible U+200B", 1, 3},
		{"zero width joiner", "a\u200db", Plain, false, "caractère invisible U+200D", 1, 2},
		{"byte order mark", "\ufeffnom", Plain, false, "caractère invisible U+FEFF", 1, 1},
		{"soft hyphen", "Jean\u00adPierre", Plain, false, "caractère invisible U+00AD", 1, 5},
		{"tag character", "a\U000e0041", Plain, false, "caractère invisible U+E0041", 1, 2},
		{"line separator", "a\u2028b", Plain, false, "caractère invisible U+2028", 1, 2},
		{"private use", "\ue000", Plain, false, "caractère à usage privé U+E000", 1, 1},
		{"unassigned", "\U000e0080", Plain, false, "caractère non attribué U+E0080", 1, 1},
		{"noncharacter", "\uffff", Plain, false, "caractère non attribué U+FFFF", 1, 1},
		{"invalid utf-8", "ab\xffc", Plain, false, "octet 0xFF qui n'est pas de l'UTF-8", 1, 3},
		{"tab in a name", "a\tb", Plain, false, "tabulation", 1, 2},
		{"tab in a note", "a\tb", Note, true, "", 0, 0},
		{"line break in a note", "a\nb", Note, false, "saut de ligne (U+000A)", 1, 2},
		{"escape in a note", "ok\t\x1b", Note, false, "caractère de contrôle U+001B (échappement)", 1, 4},
		{"file layout", "jour;debut\r\nlundi\t08:00\n", Layout, true, "", 0, 0},
		{"file layout, escape on line 3", "a;b\r\nc;d\r\nMATHS\x1b[2J;x\r\n", Layout, false, "caractère de contrôle U+001B (échappement)", 3, 6},
		{"file layout, columns count characters", "é\nàéî\u202e", Layout, false, "caractère de direction du texte U+202E", 2, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ok := CheckText(tt.s, tt.kind)
			if ok != tt.ok {
				t.Fatalf("CheckText(%q) ok = %v, want %v", tt.s, ok, tt.ok)
			}
			if ok {
				return
			}
			if f.What() != tt.what || f.Line != tt.line || f.Column != tt.column {
				t.Errorf("fault = %s at %d:%d, want %s at %d:%d", f.What(), f.Line, f.Column, tt.what, tt.line, tt.column)
			}
			if !f.Invalid && !strings.HasPrefix(tt.s[f.Offset:], string(f.Rune)) {
				t.Errorf("offset %d does not point at %U", f.Offset, f.Rune)
			}
		})
	}
}

func TestCheckField(t *testing.T) {
	if err := CheckField("nom affiché", "Mme Dupont", Plain); err != nil {
		t.Fatal(err)
	}
	err := CheckField("nom affiché", "Mme\x1b[2J Dupont", Plain)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want an ErrInvalid", err)
	}
	want := "nom affiché : caractère de contrôle U+001B (échappement) en position 4, refusé (retirez-le)"
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if strings.Contains(err.Error(), "Dupont") {
		t.Error("the message must not quote the value")
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Élodie Martin", "Élodie Martin"},
		{"MATHS\x1b[2J\x1b[41m", `MATHS\x1b[2J\x1b[41m`},
		{"a\tb", "a b"},
		{"a\r\nb", `a\r\nb`},
		{"\u202egnp.exe", `\u202egnp.exe`},
		{"\u0085\u009b", `\x85\x9b`},
		{"x\U000e0041", `x\U000e0041`},
		{"bad \xff byte", `bad \xff byte`},
	}
	for _, tt := range tests {
		if got := Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzCheckText: the kinds are nested (what a name may hold a note may,
// what a note may a file may), the fault is the first character refused, and
// Visible always gives a text that a name may hold, equal to the input when
// the input was fine.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"Cœur", "MATHS\x1b[2J", "a\tb\nc", "\u202e", "\xff\xfe", "é\u0085", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain, okPlain := CheckText(s, Plain)
		note, okNote := CheckText(s, Note)
		_, okLayout := CheckText(s, Layout)
		if okPlain && !okNote || okNote && !okLayout {
			t.Fatalf("kinds not nested for %q: %v %v %v", s, okPlain, okNote, okLayout)
		}
		if !okPlain {
			if okNote && plain.Rune != '\t' {
				t.Errorf("a note takes %q but a name refuses %s", s, plain.What())
			}
			if !okNote && note.Offset < plain.Offset {
				t.Errorf("note fault at %d before the plain fault at %d", note.Offset, plain.Offset)
			}
			if _, ok := CheckText(s[:plain.Offset], Plain); !ok {
				t.Errorf("%q: a character before the fault at %d is refused too", s, plain.Offset)
			}
		}
		v := Visible(s)
		if _, ok := CheckText(v, Plain); !ok {
			t.Fatalf("Visible(%q) = %q still holds a refused character", s, v)
		}
		if okPlain && v != s {
			t.Errorf("Visible changed a fine text: %q → %q", s, v)
		}
	})
}

// TestTextAllowedFastPaths: the bitset TextAllowed reads agrees with
// unicode.IsGraphic over the whole of Unicode.
func TestTextAllowedFastPaths(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsGraphic(r) || r == '\t' || r == '\n' || r == '\r'
		if got := TextAllowed(r, Layout); got != want {
			t.Errorf("TextAllowed(%U) = %v, unicode says %v", r, got, want)
		}
	}
}
