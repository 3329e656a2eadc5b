package ods

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"appel/model"
)

// readCell is a cell as a test reads it back from content.xml.
type readCell struct {
	Type, Value, Style, Text string
}

// readODS returns the sheets of an ODS file: name → rows → cells.
func readODS(t testing.TB, data []byte) ([]string, map[string][][]readCell) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var content []byte
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			rc, _ := f.Open()
			content, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	return parseContent(t, content)
}

func parseContent(t testing.TB, content []byte) ([]string, map[string][][]readCell) {
	dec := xml.NewDecoder(bytes.NewReader(content))
	var names []string
	sheets := map[string][][]readCell{}
	var sheet string
	var cell *readCell
	paras := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return names, sheets
		}
		if err != nil {
			t.Fatalf("content.xml is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "table":
				sheet = attrOf(el, "name")
				names = append(names, sheet)
			case "table-row":
				sheets[sheet] = append(sheets[sheet], nil)
			case "table-cell":
				cell = &readCell{Type: attrOf(el, "value-type"), Style: attrOf(el, "style-name")}
				cell.Value = attrOf(el, "value") + attrOf(el, "date-value") + attrOf(el, "time-value")
				paras = 0
			case "p":
				if paras > 0 {
					cell.Text += "\n"
				}
				paras++
			case "s":
				n := 1
				fmt.Sscan(attrOf(el, "c"), &n)
				cell.Text += strings.Repeat(" ", n)
			case "line-break":
				cell.Text += "\r"
			}
		case xml.CharData:
			if cell != nil {
				cell.Text += string(el)
			}
		case xml.EndElement:
			if el.Name.Local == "table-cell" {
				rows := sheets[sheet]
				rows[len(rows)-1] = append(rows[len(rows)-1], *cell)
				cell = nil
			}
		}
	}
}

func attrOf(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// sample writes the spreadsheet that the tests read back.
func sample(t testing.TB) []byte {
	var buf bytes.Buffer
	w, err := NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	steps := []error{
		w.Sheet("Marques"),
		w.HeaderRow("classe", "nombre", "date", "heure", "saisi le", "taux", "vide", "texte"),
		w.Row(String("6E1"), Float(2.5), Date(model.NewDate(2026, 11, 23)), Time(8*60+5),
			DateTime(time.Date(2026, 11, 23, 8, 7, 0, 0, paris)), Percent(0.125), Cell{}, String("Œdipe & <x> \"q\"")),
		w.Row(String("0612"), Int(35), Date(model.Date{}), Time(17*60), DateTime(time.Time{}), Percent(1), String(""), String("=1+1")),
		w.Row(String("  a  b\tc\nd "), Int(-3)),
		w.Sheet("Marques"),
		w.Row(String("x\x00\x01y\uFFFE")),
		w.Sheet("a/b:c"),
		w.Close(),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	return buf.Bytes()
}

func TestZipLayout(t *testing.T) {
	data := sample(t)
	if got := string(data[30:38]); got != "mimetype" {
		t.Fatalf("first entry name at offset 30 = %q", got)
	}
	if got := string(data[38 : 38+len(mimeType)]); got != mimeType {
		t.Fatalf("mimetype content at offset 38 = %q", got)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "mimetype META-INF/manifest.xml content.xml" {
		t.Errorf("entries = %v", names)
	}
	if m := zr.File[0]; m.Method != zip.Store || len(m.Extra) != 0 || m.Flags&0x8 != 0 {
		t.Errorf("mimetype must be stored without extra field nor data descriptor: %+v", m.FileHeader)
	}
}

func TestCells(t *testing.T) {
	names, sheets := readODS(t, sample(t))
	if strings.Join(names, "|") != "Marques|Marques (2)|abc" {
		t.Fatalf("sheets = %q", names)
	}
	rows := sheets["Marques"]
	want := [][]readCell{
		{{"string", "", "ceHead", "classe"}},
		{
			{"string", "", "", "6E1"}, {"float", "2.5", "", "2.5"},
			{"date", "2026-11-23", "ceDate", "23/11/2026"}, {"time", "PT08H05M00S", "ceTime", "08:05"},
			{"date", "2026-11-23T08:07:00", "ceDateTime", "23/11/2026 08:07"},
			{"percentage", "0.125", "cePercent", "12.5 %"}, {}, {"string", "", "", "Œdipe & <x> \"q\""},
		},
		{
			{"string", "", "", "0612"}, {"float", "35", "", "35"}, {}, {"time", "PT17H00M00S", "ceTime", "17:00"},
			{}, {"percentage", "1", "cePercent", "100.0 %"}, {"string", "", "", ""}, {"string", "", "", "=1+1"},
		},
		{{"string", "", "", "  a  b c\nd "}, {"float", "-3", "", "-3"}},
	}
	for i, w := range want {
		for j, c := range w {
			if got := rows[i][j]; got != c {
				t.Errorf("row %d cell %d = %+v, want %+v", i, j, got, c)
			}
		}
	}
	if got := sheets["Marques (2)"][0][0].Text; got != "xy" {
		t.Errorf("illegal characters not dropped: %q", got)
	}
	if len(sheets["abc"]) != 1 {
		t.Errorf("an empty sheet needs one row, got %d", len(sheets["abc"]))
	}
}

func TestClosedWriter(t *testing.T) {
	w, _ := NewWriter(io.Discard)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Row(String("x")) == nil || w.Sheet("y") == nil || w.Close() == nil {
		t.Error("a closed writer must refuse more work")
	}
}

// FuzzText checks that any string survives as the text of a cell, minus the
// characters XML cannot carry.
func FuzzText(f *testing.F) {
	f.Add("  a  b\tc\nd ")
	f.Add("\x00<&>\"'\r\n\r")
	f.Add("Sheet/[1]")
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		w, err := NewWriter(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Sheet(s); err != nil {
			t.Fatal(err)
		}
		if err := w.Row(String(s)); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		names, sheets := readODS(t, buf.Bytes())
		want := strings.ReplaceAll(strings.ReplaceAll(clean(s), "\r\n", "\n"), "\t", " ")
		if got := sheets[names[0]][0][0].Text; got != want {
			t.Errorf("text %q read back as %q", want, got)
		}
		if n := []rune(names[0]); len(n) > 31 || len(n) == 0 {
			t.Errorf("sheet name %q", names[0])
		}
	})
}
