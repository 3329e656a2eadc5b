package ods

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// libreOffice returns the path of soffice or libreoffice, skipping the test
// with a message when neither is installed.
func libreOffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("LibreOffice absent (paquet Debian libreoffice-calc-nogui) : conversion ODS → CSV non vérifiée")
	return ""
}

// convertWithLibreOffice converts an ODS file to one CSV per sheet, values as
// shown (so that the date styles matter), and returns sheet name → rows.
func convertWithLibreOffice(t *testing.T, data []byte) map[string][][]string {
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

func readCSV(t *testing.T, path string) [][]string {
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

func TestLibreOfficeReadsIt(t *testing.T) {
	sheets := convertWithLibreOffice(t, sample(t))
	want := [][]string{
		{"classe", "nombre", "date", "heure", "saisi le", "taux", "vide", "texte"},
		{"6E1", "2.5", "23/11/2026", "08:05", "23/11/2026 08:07", "12.5 %", "", `Œdipe & <x> "q"`},
		{"0612", "35", "", "17:00", "", "100.0 %", "", "=1+1"},
		{"  a  b c\nd ", "-3", "", "", "", "", "", ""},
	}
	got := sheets["Marques"]
	if len(got) != len(want) {
		t.Fatalf("LibreOffice read %d rows, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: LibreOffice shows %q, want %q", i, got[i], want[i])
		}
	}
	if got := sheets["Marques (2)"]; len(got) != 1 || got[0][0] != "xy" {
		t.Errorf("second sheet: %q", got)
	}
	if _, ok := sheets["abc"]; !ok {
		t.Errorf("empty sheet missing: have %d sheets", len(sheets))
	}
}
