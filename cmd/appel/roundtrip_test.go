package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/dump"
	"appel/model/formats/export"
	"appel/storage"
)

// TestExportAllRoundTrip: demo school, its calendar changed (an added day,
// a week and a grid from a date) → export all → import all into a new db
// gives the same marks export and the same statistics, byte for byte, and
// exporting the rebuilt school gives the same files (its journal aside).
func TestExportAllRoundTrip(t *testing.T) {
	first := demoDB(t)
	// The school's own calendar goes along: an added day, a week and a grid changed from a date.
	at := []string{"--db", first, "--now", "2026-11-23T10:00"}
	appelCmd(t, append([]string{"settings", "days", "add", "2026-11-28", "Rattrapage", "--follows", "vendredi"}, at...)...)
	appelCmd(t, append([]string{"settings", "week", "set", "lun mar mer-matin jeu ven", "--from", "2026-11-30"}, at...)...)
	grid := strings.Replace(appelCmd(t, "settings", "slots", "--db", first), "M1;08:00;08:55", "M1;08:05;08:55", 1)
	if _, errOut, code := appelRun(t, grid, append([]string{"settings", "slots", "set", "-", "--from", "2026-12-07"}, at...)...); code != 0 {
		t.Fatalf("slots set: %s", errOut)
	}
	dir := filepath.Join(t.TempDir(), "export")
	appelCmd(t, "export", "all", "--out", dir, "--db", first)
	for _, name := range dump.Names() {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("export all lacks %s", name)
		}
	}
	second := filepath.Join(t.TempDir(), "rebuilt.db")
	if out := appelCmd(t, "import", "all", dir, "--check", "--db", second); !strings.Contains(out, "rien n'a été écrit") {
		t.Errorf("import all --check said %q", out)
	}
	if _, errOut, code := appelRun(t, "", "export", "marks", "--db", second); code == 0 {
		t.Errorf("import all --check wrote a school: %s", errOut)
	}
	out := appelCmd(t, "import", "all", dir, "--db", second)
	if !strings.Contains(out, "reconstruit") {
		t.Errorf("import all said %q", out)
	}
	a, b := appelCmd(t, "export", "marks", "--db", first), appelCmd(t, "export", "marks", "--db", second)
	if a != b || strings.Count(a, "\n") < 100 {
		t.Errorf("marks exports differ (%d and %d bytes)", len(a), len(b))
	}
	if sa, sb := pupilStats(t, first), pupilStats(t, second); !bytes.Equal(sa, sb) || bytes.Count(sa, []byte("\n")) < 600 {
		t.Errorf("statistics differ (%d and %d bytes)", len(sa), len(sb))
	}
	again := filepath.Join(t.TempDir(), "again")
	appelCmd(t, "export", "all", "--out", again, "--db", second)
	if eras, _ := os.ReadFile(filepath.Join(again, "calendrier_anterieur.csv")); bytes.Count(eras, []byte("\n")) != 3 {
		t.Errorf("calendrier_anterieur.csv after the round trip:\n%s", eras)
	}
	for _, name := range dump.Names() {
		if name == dump.JournalName {
			continue
		}
		x, _ := os.ReadFile(filepath.Join(dir, name))
		y, _ := os.ReadFile(filepath.Join(again, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs after the round trip", name)
		}
	}
	_, errOut, code := appelRun(t, "", "import", "all", dir, "--db", second)
	if code != 1 || !strings.Contains(errOut, "base vide") {
		t.Errorf("import all into a school: exit %d, %s", code, errOut)
	}
}

// TestImportAllRefusesEditedCSV: a CSV file that no longer says what
// dataset.json says refuses the folder, unless --force.
func TestImportAllRefusesEditedCSV(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	appelCmd(t, "import", "sts", schoolfiles.Path(t, "sts_emp.xml"), "--db", db, "--now", cliNow)
	dir := filepath.Join(t.TempDir(), "export")
	appelCmd(t, "export", "all", "--out", dir, "--db", db)
	accountsCSV := filepath.Join(dir, "comptes.csv")
	data, _ := os.ReadFile(accountsCSV)
	if err := os.WriteFile(accountsCSV, bytes.Replace(data, []byte("Jérôme"), []byte("Jerome"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "new.db")
	_, errOut, code := appelRun(t, "", "import", "all", dir, "--db", fresh)
	if code != 1 || !strings.Contains(errOut, "comptes.csv, ligne 4 : diffère de dataset.json") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	appelCmd(t, "import", "all", dir, "--force", "--db", fresh)
	if accounts(t, fresh) != 3 {
		t.Error("forced import all lost the accounts")
	}
}

// pupilStats computes every pupil's counts over the school year, written as
// the statistics export of docs/CONTRACT.md.
func pupilStats(t *testing.T, path string) []byte {
	t.Helper()
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	from, to := dir.School.YearStart, dir.School.YearEnd
	var marks []model.Mark
	var notices []model.Notice
	err = db.View(func(tx model.ReadTx) error {
		if marks, err = tx.MarksBetween(from, to); err != nil {
			return err
		}
		notices, err = tx.AllNotices()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var rows []export.StatsRow
	for _, f := range model.FiguresAt(dir, dir.Pupils, from, to, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), marks, notices) {
		p, c := f.Pupil, f.Count()
		rows = append(rows, export.StatsRow{PupilID: p.ID, INE: p.INE, LastName: p.LastName, FirstName: p.FirstName,
			Division: c.Division, HalfDays: c.Total.HalfDays(), ValidHalfDays: c.Total.ValidHalfDays,
			InvalidHalfDays: c.Total.InvalidHalfDays, Hours: c.Total.Hours(), Lates: c.Total.Lates,
			LateMinutes: c.Total.LateMinutes, ReportMonths: c.ReportMonths()})
	}
	var buf bytes.Buffer
	if err := export.WriteStats(&buf, export.CSV, rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
