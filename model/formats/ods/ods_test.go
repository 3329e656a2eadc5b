package ods

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/formats/internal/odstest"
)

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
	names, sheets := odstest.Read(t, sample(t))
	if strings.Join(names, "|") != "Marques|Marques (2)|abc" {
		t.Fatalf("sheets = %q", names)
	}
	rows := sheets["Marques"]
	want := [][]odstest.Cell{
		{odstest.C("string", "", "ceHead", "classe")},
		{
			odstest.C("string", "", "", "6E1"), odstest.C("float", "2.5", "", "2.5"),
			odstest.C("date", "2026-11-23", "ceDate", "23/11/2026"), odstest.C("time", "PT08H05M00S", "ceTime", "08:05"),
			odstest.C("date", "2026-11-23T08:07:00", "ceDateTime", "23/11/2026 08:07"),
			odstest.C("percentage", "0.125", "cePercent", "12.5 %"), {}, odstest.C("string", "", "", "Œdipe & <x> \"q\""),
		},
		{
			odstest.C("string", "", "", "0612"), odstest.C("float", "35", "", "35"), {}, odstest.C("time", "PT17H00M00S", "ceTime", "17:00"),
			{}, odstest.C("percentage", "1", "cePercent", "100.0 %"), odstest.C("string", "", "", ""), odstest.C("string", "", "", "=1+1"),
		},
		{odstest.C("string", "", "", "  a  b c\nd "), odstest.C("float", "-3", "", "-3")},
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
		names, sheets := odstest.Read(t, buf.Bytes())
		want := strings.ReplaceAll(strings.ReplaceAll(clean(s), "\r\n", "\n"), "\t", " ")
		if got := sheets[names[0]][0][0].Text; got != want {
			t.Errorf("text %q read back as %q", want, got)
		}
		if n := []rune(names[0]); len(n) > 31 || len(n) == 0 {
			t.Errorf("sheet name %q", names[0])
		}
	})
}
