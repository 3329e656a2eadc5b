package charset

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"testing/iotest"
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
		{"cp1252 unassigned byte", Windows1252, []byte{0x81}, "\u0081"},
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

func TestEncodeRoundTrip(t *testing.T) {
	for _, c := range []*Charset{Latin1, Latin9, Windows1252} {
		all := make([]byte, 256)
		for i := range all {
			all[i] = byte(i)
		}
		back, ok := c.Encode(c.Decode(all))
		if !ok || !bytes.Equal(back, all) {
			t.Errorf("%s: round trip of the 256 bytes failed", c.Name)
		}
	}
	if _, ok := Latin1.Encode("œ"); ok {
		t.Error("Latin-1 has no œ: Encode must report it")
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
}

func TestReaderWithXML(t *testing.T) {
	doc := append([]byte(`<?xml version="1.0" encoding="ISO-8859-15"?><R><N>C`), 0xBD, 'u', 'r', ' ', 0xA4, 0xE9, '<', '/', 'N', '>', '<', '/', 'R', '>')
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.CharsetReader = Reader
	var v struct {
		N string
	}
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	if v.N != "Cœur €é" {
		t.Errorf("N = %q, want %q", v.N, "Cœur €é")
	}
}

func TestReaderOneByteAtATime(t *testing.T) {
	src := bytes.Repeat([]byte{'a', 0xBD, 0xE9}, 500)
	r, err := Reader("latin9", iotest.OneByteReader(bytes.NewReader(src)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(iotest.OneByteReader(r))
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("aœé", 500); string(got) != want {
		t.Errorf("decoded %d bytes, want %d", len(got), len(want))
	}
}

func TestReaderRefusesUnknown(t *testing.T) {
	_, err := Reader("EBCDIC", strings.NewReader(""))
	if err == nil || !strings.Contains(err.Error(), "non pris en charge") {
		t.Errorf("err = %v, want a French refusal", err)
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
		})
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("Cœur"), "latin9")
	f.Add([]byte{0x80, 0x9C, 0xFF}, "cp1252")
	f.Fuzz(func(t *testing.T, data []byte, label string) {
		r, err := Reader(label, bytes.NewReader(data))
		if err != nil {
			return
		}
		out, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if c, _ := Lookup(label); c != nil && string(out) != c.Decode(data) {
			t.Errorf("Reader and Decode disagree")
		}
	})
}
