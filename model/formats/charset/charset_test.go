package charset

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		c    *Charset
		in   []byte
		want string
	}{
		{"latin9 œ Œ € é", Latin9, []byte{0xBD, 0xBC, 0xA4, 0xE9}, "œŒ€é"},
		{"latin9 Š š Ž ž Ÿ", Latin9, []byte{0xA6, 0xA8, 0xB4, 0xB8, 0xBE}, "ŠšŽžŸ"},
		{"latin1 same bytes", Latin1, []byte{0xBD, 0xBC, 0xA4, 0xE9}, "½¼¤é"},
		{"cp1252 œ Œ € é", Windows1252, []byte{0x9C, 0x8C, 0x80, 0xE9}, "œŒ€é"},
		{"cp1252 quotes and dash", Windows1252, []byte{0x92, 0x93, 0x94, 0x96, 0x85}, "’“”–…"},
		{"cp1252 unassigned byte", Windows1252, []byte{0x81}, "\uFFFD"},
		{"latin9 has nothing in 0x80–0x9F", Latin9, []byte{0x92}, "\uFFFD"},
		{"ascii untouched", Latin9, []byte("Cours 4e 1 ; 08h00"), "Cours 4e 1 ; 08h00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Decode(tt.in); got != tt.want {
				t.Errorf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTables checks the three code pages over their 256 bytes: Latin-1 is
// the identity, Latin-9 is Latin-1 but for eight letters and an empty
// 0x80–0x9F, Windows-1252 has a printable character for every byte of
// 0x80–0x9F but five; every defined byte encodes back to itself.
func TestTables(t *testing.T) {
	latin9Changes := map[byte]rune{0xA4: '€', 0xA6: 'Š', 0xA8: 'š', 0xB4: 'Ž', 0xB8: 'ž', 0xBC: 'Œ', 0xBD: 'œ', 0xBE: 'Ÿ'}
	cp1252Undefined := map[byte]bool{0x81: true, 0x8D: true, 0x8F: true, 0x90: true, 0x9D: true}
	for b := 0; b < 256; b++ {
		x := byte(b)
		if got := []rune(Latin1.Decode([]byte{x}))[0]; got != rune(b) {
			t.Errorf("Latin-1 %02X = %U", b, got)
		}
		l9 := []rune(Latin9.Decode([]byte{x}))[0]
		switch r, changed := latin9Changes[x]; {
		case changed && l9 != r, !changed && b >= 0x80 && b < 0xA0 && l9 != utf8.RuneError,
			!changed && (b < 0x80 || b >= 0xA0) && l9 != rune(b):
			t.Errorf("Latin-9 %02X = %U", b, l9)
		}
		w := []rune(Windows1252.Decode([]byte{x}))[0]
		switch {
		case b >= 0x80 && b < 0xA0 && cp1252Undefined[x] != (w == utf8.RuneError),
			b >= 0x80 && b < 0xA0 && !cp1252Undefined[x] && !unicode.IsGraphic(w),
			(b < 0x80 || b >= 0xA0) && w != rune(b):
			t.Errorf("Windows-1252 %02X = %U", b, w)
		}
		for _, c := range []*Charset{Latin1, Latin9, Windows1252} {
			if c.Undefined([]byte{x}) >= 0 {
				continue
			}
			if back, ok := c.Encode(c.Decode([]byte{x})); !ok || !bytes.Equal(back, []byte{x}) {
				t.Errorf("%s: byte %02X does not encode back", c.Name, b)
			}
		}
	}
	if _, ok := Latin1.Encode("œ"); ok {
		t.Error("Latin-1 has no œ: Encode must report it")
	}
	if _, ok := Latin9.Encode("\uFFFD"); ok {
		t.Error("U+FFFD has no byte in Latin-9: Encode must report it")
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		label string
		want  *Charset
		ok    bool
	}{
		{"ISO-8859-15", Latin9, true},
		{"iso8859-15", Latin9, true},
		{"Latin-9", Latin9, true},
		{"ISO-8859-1", Latin1, true},
		{"windows-1252", Windows1252, true},
		{"CP1252", Windows1252, true},
		{"UTF-8", nil, true},
		{"US-ASCII", nil, true},
		{"Shift_JIS", nil, false},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.label)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %v, %v; want %v, %v", tt.label, got, ok, tt.want, tt.ok)
		}
	}
	if err := Unsupported("EBCDIC"); !strings.Contains(err.Error(), `encodage "EBCDIC" non pris en charge`) {
		t.Errorf("Unsupported: %v", err)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		want     string
		wantName string
	}{
		{"utf8 with bom", []byte("\xEF\xBB\xBFnom;prénom"), "nom;prénom", "UTF-8"},
		{"utf8 without bom", []byte("Bœuf"), "Bœuf", "UTF-8"},
		{"cp1252", []byte{'B', 0x9C, 'u', 'f', ';', 0xE9, 0x80}, "Bœuf;é€", "Windows-1252"},
		{"bom then cp1252", []byte{0xEF, 0xBB, 0xBF, 0xE9}, "é", "Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, name := Text(tt.in)
			if got != tt.want || name != tt.wantName {
				t.Errorf("Text = %q, %s; want %q, %s", got, name, tt.want, tt.wantName)
			}
			if err := CheckText("f.csv", tt.in); err != nil {
				t.Errorf("CheckText: %v", err)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	err := CheckText("f.csv", []byte("\xEF\xBB\xBFnom;pr\xe9nom\nDupont;Andr\x81\n"))
	want := "f.csv, ligne 2, colonne 12 : octet 0x81 sans caractère en Windows-1252 : fichier abîmé ou dans un autre encodage"
	if err == nil || err.Error() != want {
		t.Errorf("CheckText = %v, want %q", err, want)
	}
	if err := Latin9.Check("e.xml", []byte("<A>\n<B>C\xbdur \x92</B>")); err == nil || !strings.HasPrefix(err.Error(), "e.xml, ligne 2, colonne 9 : octet 0x92") {
		t.Errorf("Latin9.Check = %v", err)
	}
}

// FuzzDecode: decoding agrees byte by byte with the code page, gives valid
// UTF-8 of the same number of characters, and Undefined finds exactly the
// first byte that decodes to U+FFFD.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Cœur"), byte(0))
	f.Add([]byte{0x80, 0x9C, 0xFF, 0x81}, byte(2))
	f.Fuzz(func(t *testing.T, data []byte, which byte) {
		c := []*Charset{Latin1, Latin9, Windows1252}[int(which)%3]
		out := c.Decode(data)
		if !utf8.ValidString(out) || utf8.RuneCountInString(out) != len(data) {
			t.Fatalf("%s: Decode(%x) = %q", c.Name, data, out)
		}
		first := -1
		for i, r := range []rune(out) {
			if r != []rune(c.Decode(data[i : i+1]))[0] {
				t.Fatalf("%s: byte %d decodes differently alone", c.Name, i)
			}
			if r == utf8.RuneError && first < 0 {
				first = i
			}
		}
		if got := c.Undefined(data); got != first {
			t.Errorf("%s: Undefined = %d, want %d", c.Name, got, first)
		}
		if first < 0 {
			if back, ok := c.Encode(out); !ok || !bytes.Equal(back, data) {
				t.Errorf("%s: %x does not encode back", c.Name, data)
			}
		}
	})
}
