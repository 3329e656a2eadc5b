// Package charset decodes the single-byte code pages that French school files
// use (ISO-8859-15 for SIECLE, ISO-8859-1 for older exports, Windows-1252 for
// CSV files saved by spreadsheets) into UTF-8, with the tables of
// golang.org/x/text/encoding/charmap.
//
// Decode and Text decode whole files; Undefined finds a byte that a code page
// leaves without a character, so that an import can refuse it with its line
// and column instead of storing U+FFFD.
package charset

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"appel/model/formats"
)

// Charset is one single-byte code page.
type Charset struct {
	// Name is the charset's canonical name (ISO-8859-15).
	Name string
	cm   *charmap.Charmap
}

// Decode returns b decoded into a UTF-8 string. A byte the code page leaves
// undefined becomes U+FFFD (Undefined finds it first).
func (c *Charset) Decode(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, x := range b {
		if x < utf8.RuneSelf {
			sb.WriteByte(x)
			continue
		}
		sb.WriteRune(c.cm.DecodeByte(x))
	}
	return sb.String()
}

// Undefined returns the offset of the first byte of b that the code page
// leaves without a character, or -1 when every byte has one.
func (c *Charset) Undefined(b []byte) int {
	for i, x := range b {
		if x >= utf8.RuneSelf && c.cm.DecodeByte(x) == utf8.RuneError {
			return i
		}
	}
	return -1
}

// Check refuses b, the bytes of the file called file, when one of them has
// no character in the code page: the refusal names its line and column.
func (c *Charset) Check(file string, b []byte) error {
	i := c.Undefined(b)
	if i < 0 {
		return nil
	}
	line := 1 + bytes.Count(b[:i], []byte{'\n'})
	column := i - bytes.LastIndexByte(b[:i], '\n')
	return &formats.Error{File: file, Line: line, Column: column,
		What: fmt.Sprintf("octet 0x%02X sans caractère en %s : fichier abîmé ou dans un autre encodage", b[i], c.Name)}
}

// Encode returns s encoded in c, and false when a rune of s has no byte in c
// (it is then written as '?').
func (c *Charset) Encode(s string) ([]byte, bool) {
	out, ok := make([]byte, 0, len(s)), true
	for _, r := range s {
		b, found := c.cm.EncodeRune(r)
		if !found || r == utf8.RuneError {
			b, ok = '?', false
		}
		out = append(out, b)
	}
	return out, ok
}

// Latin1 is ISO-8859-1: every byte is the code point of the same value.
var Latin1 = &Charset{Name: "ISO-8859-1", cm: charmap.ISO8859_1}

// Latin9 is ISO-8859-15: Latin-1 with €, Š, š, Ž, ž, Œ, œ and Ÿ in eight
// places, and nothing in 0x80–0x9F.
var Latin9 = &Charset{Name: "ISO-8859-15", cm: charmap.ISO8859_15}

// Windows1252 is Microsoft's Western code page: Latin-1 with printable
// characters in 0x80–0x9F, five of which (0x81, 0x8D, 0x8F, 0x90, 0x9D) are
// undefined.
var Windows1252 = &Charset{Name: "Windows-1252", cm: charmap.Windows1252}

// labels maps normalised encoding labels to their charset; nil means UTF-8 or
// ASCII, passed through.
var labels = map[string]*Charset{
	"iso885915": Latin9, "latin9": Latin9, "l9": Latin9, "csisolatin9": Latin9, "latin0": Latin9,
	"iso88591": Latin1, "latin1": Latin1, "l1": Latin1, "isoir100": Latin1, "csisolatin1": Latin1,
	"windows1252": Windows1252, "cp1252": Windows1252, "xcp1252": Windows1252, "ms1252": Windows1252,
	"utf8": nil, "usascii": nil, "ascii": nil,
}

// Lookup returns the charset named by an encoding label (ISO-8859-15,
// latin9, cp1252…), case and punctuation ignored. A nil charset with ok means
// UTF-8 (or ASCII): no decoding is needed.
func Lookup(label string) (c *Charset, ok bool) {
	var sb strings.Builder
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			sb.WriteRune(r)
		}
	}
	c, ok = labels[sb.String()]
	return c, ok
}

// Unsupported is the refusal of an encoding label that Lookup does not know.
func Unsupported(label string) error {
	return fmt.Errorf("encodage %q non pris en charge (attendu : UTF-8, ISO-8859-15, ISO-8859-1 ou Windows-1252)", label)
}

// bom is the UTF-8 encoding of U+FEFF.
const bom = "\uFEFF"

// Text decodes the bytes of a text file: a leading UTF-8 byte-order mark is
// dropped; the bytes are taken as UTF-8 when they are valid UTF-8, else as
// Windows-1252, a superset of Latin-1 for text. It returns the text and the
// name of the encoding it used.
func Text(data []byte) (string, string) {
	s := strings.TrimPrefix(string(data), bom)
	if utf8.ValidString(s) {
		return s, "UTF-8"
	}
	return Windows1252.Decode([]byte(s)), Windows1252.Name
}

// CheckText refuses what Text would decode with a byte left undefined, with
// its line and column (the byte-order mark is not counted).
func CheckText(file string, data []byte) error {
	s := bytes.TrimPrefix(data, []byte(bom))
	if utf8.Valid(s) {
		return nil
	}
	return Windows1252.Check(file, s)
}
