// Package odstest reads back the cells of an ODS file for the tests of the
// packages that write them.
package odstest

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Cell is a cell as read back from content.xml: its value type, value
// (office:value, date-value or time-value), style and text.
type Cell struct {
	Type, Value, Style, Text string
}

// C builds an expected cell.
func C(typ, value, style, text string) Cell {
	return Cell{Type: typ, Value: value, Style: style, Text: text}
}

// Read returns the sheets of an ODS file: name → rows → cells.
func Read(t testing.TB, data []byte) ([]string, map[string][][]Cell) {
	t.Helper()
	return parseContent(t, Content(t, data))
}

// Content returns the bytes of an ODS file's content.xml.
func Content(t testing.TB, data []byte) []byte {
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
	return content
}

// parseContent reads the sheets of content.xml.
func parseContent(t testing.TB, content []byte) ([]string, map[string][][]Cell) {
	dec := xml.NewDecoder(bytes.NewReader(content))
	var names []string
	sheets := map[string][][]Cell{}
	var sheet string
	var cell *Cell
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
				cell = &Cell{Type: attrOf(el, "value-type"), Style: attrOf(el, "style-name")}
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

// libreOffice returns the path of soffice or libreoffice, skipping the test
// with a message when neither is installed.
func libreOffice(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice absent (paquet Debian libreoffice-calc-nogui) : conversion ODS → CSV non vérifiée")
	return ""
}

// LibreOffice converts an ODS file to one CSV per sheet, values as
// shown (so that the date styles matter), and returns sheet name → rows.
func LibreOffice(t testing.TB, data []byte) map[string][][]string {
	bin := libreOffice(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "classeur.ods")
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	// Tokens: ; " UTF-8, line 1, default formats, French, unquoted numbers,
	// special numbers, values as shown, no formulas, spaces kept, every sheet.
	filter := "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true,false,false,-1"
	out := filepath.Join(dir, "out")
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", filter, "--outdir", out, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	sheets := map[string][][]string{}
	files, _ := filepath.Glob(filepath.Join(out, "classeur-*.csv"))
	for _, f := range files {
		sheet := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "classeur-"), ".csv")
		sheets[sheet] = readCSV(t, f)
	}
	return sheets
}

func readCSV(t testing.TB, path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
