// Package charset decodes the single-byte code pages that French school files
// use (ISO-8859-15 for SIECLE, ISO-8859-1 for older exports, Windows-1252 for
// CSV files saved by spreadsheets) into UTF-8, with the standard library only.
//
// Reader plugs into encoding/xml's Decoder.CharsetReader; Text decodes a CSV
// file that is UTF-8 or, failing that, Windows-1252.
package charset

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Charset maps each byte to a rune. The 128 ASCII bytes map to themselves.
type Charset struct {
	// Name is the charset's canonical name (ISO-8859-15).
	Name string
	high [128]rune
}

// Decode returns b decoded into a UTF-8 string.
func (c *Charset) Decode(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, x := range b {
		if x < utf8.RuneSelf {
			sb.WriteByte(x)
			continue
		}
		sb.WriteRune(c.high[x-0x80])
	}
	return sb.String()
}

// Encode returns s encoded in c, and false when a rune of s has no byte in c
// (it is then written as '?').
func (c *Charset) Encode(s string) ([]byte, bool) {
	out, ok := make([]byte, 0, len(s)), true
	for _, r := range s {
		b, found := c.byteOf(r)
		if !found {
			b, ok = '?', false
		}
		out = append(out, b)
	}
	return out, ok
}

func (c *Charset) byteOf(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		return byte(r), true
	}
	for i, x := range c.high {
		if x == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// newCharset builds a charset from Latin-1 with some bytes remapped.
func newCharset(name string, changes map[byte]rune) *Charset {
	c := &Charset{Name: name}
	for i := range c.high {
		c.high[i] = rune(0x80 + i)
	}
	for b, r := range changes {
		c.high[b-0x80] = r
	}
	return c
}

// Latin1 is ISO-8859-1: every byte is the code point of the same value.
var Latin1 = newCharset("ISO-8859-1", nil)

// Latin9 is ISO-8859-15: Latin-1 with €, Š, š, Ž, ž, Œ, œ and Ÿ in eight places.
var Latin9 = newCharset("ISO-8859-15", map[byte]rune{
	0xA4: '€', 0xA6: 'Š', 0xA8: 'š', 0xB4: 'Ž', 0xB8: 'ž', 0xBC: 'Œ', 0xBD: 'œ', 0xBE: 'Ÿ',
})

// Windows1252 is Microsoft's Western code page: Latin-1 with printable
// characters in 0x80–0x9F. Its five unassigned bytes decode to the C1 control
// of the same value, as the WHATWG encoding standard does.
var Windows1252 = newCharset("Windows-1252", map[byte]rune{
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡',
	0x88: 'ˆ', 0x89: '‰', 0x8A: 'Š', 0x8B: '‹', 0x8C: 'Œ', 0x8E: 'Ž',
	0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
	0x98: '˜', 0x99: '™', 0x9A: 'š', 0x9B: '›', 0x9C: 'œ', 0x9E: 'ž', 0x9F: 'Ÿ',
})

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

// Reader returns a reader that decodes r from the charset named label into
// UTF-8. Its signature is that of xml.Decoder.CharsetReader.
func Reader(label string, r io.Reader) (io.Reader, error) {
	c, ok := Lookup(label)
	if !ok {
		return nil, fmt.Errorf("encodage %q non pris en charge (attendu : UTF-8, ISO-8859-15, ISO-8859-1 ou Windows-1252)", label)
	}
	if c == nil {
		return r, nil
	}
	return &decoder{c: c, src: r}, nil
}

// decoder is the io.Reader that Reader returns.
type decoder struct {
	c       *Charset
	src     io.Reader
	in, out []byte
	err     error
	empty   int // consecutive reads that returned nothing
}

// Read implements io.Reader, decoding as it goes.
func (d *decoder) Read(p []byte) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		d.fill(len(p))
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}

// fill reads up to want/3 bytes (a decoded byte takes at most 3) and decodes them.
func (d *decoder) fill(want int) {
	size := max(want/utf8.UTFMax, 64)
	if cap(d.in) < size {
		d.in = make([]byte, size)
	}
	n, err := d.src.Read(d.in[:size])
	d.err = err
	d.out = d.out[:0]
	for _, x := range d.in[:n] {
		if x < utf8.RuneSelf {
			d.out = append(d.out, x)
			continue
		}
		d.out = utf8.AppendRune(d.out, d.c.high[x-0x80])
	}
	d.empty++
	if n > 0 {
		d.empty = 0
	}
	if d.empty >= 100 && err == nil {
		d.err = io.ErrNoProgress
	}
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
