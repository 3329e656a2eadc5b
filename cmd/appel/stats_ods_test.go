package main

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// libreOfficeCSV converts an ODS file with LibreOffice (values as shown, `;`,
// UTF-8) and returns its first sheet's rows; it skips the test with a message
// when LibreOffice is not installed.
func libreOfficeCSV(t *testing.T, ods string) [][]string {
	t.Helper()
	var bin string
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("LibreOffice absent (paquet Debian libreoffice-calc-nogui) : conversion ODS → CSV non vérifiée")
	}
	dir := t.TempDir()
	filter := "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true,false,false"
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", filter, "--outdir", dir, ods)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	f, err := os.Open(filepath.Join(dir, strings.TrimSuffix(filepath.Base(ods), ".ods")+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.FieldsPerRecord = ';', -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// sameCell compares a CSV cell with LibreOffice's rendering of the ODS cell:
// equal text, or equal numbers (decimal comma or point, percent sign aside).
func sameCell(csvCell, shown string) bool {
	if csvCell == shown {
		return true
	}
	a, errA := strconv.ParseFloat(strings.Replace(csvCell, ",", ".", 1), 64)
	b, errB := strconv.ParseFloat(strings.Replace(shown, ",", ".", 1), 64)
	return errA == nil && errB == nil && a == b
}

// TestODSExportsReadByLibreOffice: the ODS of `appel stats` (per pupil and
// monthly) and of `appel export explain`, converted back by LibreOffice, show
// the cells of the CSV of the same command.
func TestODSExportsReadByLibreOffice(t *testing.T) {
	t.Parallel()
	db := statsDemoDB(t)
	_, pupils := table(t, inProcess(t, "--db", db, "--now", demoNow, "stats", "--division", "5F"))
	commands := map[string][]string{
		"pupils":  {"stats", "--division", "5F"},
		"months":  {"stats", "--by", "month", "--division", "5F", "--to", "2026-12-31"},
		"explain": {"export", "explain", "--pupil", pupils[0][0], "--to", "2026-12-31"},
	}
	for name, args := range commands {
		base := append([]string{"--db", db, "--now", demoNow}, args...)
		header, rows := table(t, inProcess(t, base...))
		ods := filepath.Join(t.TempDir(), name+".ods")
		inProcess(t, append(base, "--format", "ods", "--out", ods)...)
		shown := libreOfficeCSV(t, ods)
		want := append([][]string{header}, rows...)
		if len(shown) != len(want) {
			t.Fatalf("%s: LibreOffice shows %d rows, the CSV has %d", name, len(shown), len(want))
		}
		for i := range want {
			for k := range want[i] {
				if k >= len(shown[i]) && want[i][k] == "" {
					continue
				}
				if k >= len(shown[i]) || !sameCell(want[i][k], shown[i][k]) {
					t.Errorf("%s row %d: LibreOffice %q, CSV %q", name, i, shown[i], want[i])
					break
				}
			}
		}
	}
}
