package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appel/storage"
)

const cliNow = "2026-11-23T09:00"

// samplePath returns a real sample of shared/samples, read in place.
func samplePath(t *testing.T, name string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", "samples", name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("échantillon %s introuvable", name)
		}
		dir = parent
	}
}

func emptySchool(t *testing.T, uai string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "appel.db")
	appelCmd(t, "init", "--uai", uai, "--name", "Collège Claude Bernard", "--db", db, "--now", cliNow)
	return db
}

func accounts(t *testing.T, db string) int {
	return strings.Count(appelCmd(t, "user", "list", "--db", db), "\n")
}

// TestImportCommands drives `appel import` on the real samples: --check
// writes nothing, the import prints the logins it created, a re-import
// changes nothing, and refusals exit non-zero with one French line.
func TestImportCommands(t *testing.T) {
	db := emptySchool(t, "0750001A")
	sts := samplePath(t, "sts_emp_0750001A_2026.xml")
	out := appelCmd(t, "import", "sts", sts, "--check", "--db", db, "--now", cliNow)
	if !strings.Contains(out, "compte mdurand (Michel DURAND) créé") || !strings.Contains(out, "rien n'a été écrit") || accounts(t, db) != 0 {
		t.Fatalf("check:\n%s", out)
	}
	out = appelCmd(t, "import", "sts", sts, "--db", db, "--now", cliNow)
	if !strings.Contains(out, "  compte : 2 créés\n") || !strings.Contains(out, "Import enregistré : 6 modifications.") || accounts(t, db) != 2 {
		t.Fatalf("import:\n%s", out)
	}
	out = appelCmd(t, "import", "sts", sts, "--db", db, "--now", cliNow)
	if !strings.Contains(out, "  compte : 2 inchangés\n") || !strings.Contains(out, "Import enregistré : 0 modification.") {
		t.Errorf("re-import:\n%s", out)
	}
	emp := samplePath(t, "emp_sts_0750001A_2026.xml")
	_, errOut, code := appelRun(t, "", "import", "sts", emp, "--db", db, "--now", cliNow)
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "importez-le avec `appel import timetable`") {
		t.Errorf("EDT_STS as sts: exit %d, %q", code, errOut)
	}
	out, errOut, code = appelRun(t, "", "import", "siecle", samplePath(t, "pix_siecle-with-registrations-no-longer-in-school.xml"), "--db", db, "--now", cliNow)
	if code != 1 || !strings.Contains(errOut, "123ABC") || !strings.Contains(out, "Refusé :\n  pix_siecle") {
		t.Errorf("other school: exit %d\n%s%s", code, out, errOut)
	}
	out = appelCmd(t, "import", "timetable", emp, "--db", db, "--now", cliNow)
	if !strings.Contains(out, "cours : 10 créés") {
		t.Errorf("timetable:\n%s", out)
	}
}

// TestImportFromStdin: « - » reads the file from standard input, the way a
// file reaches a server over SSH.
func TestImportFromStdin(t *testing.T) {
	db := emptySchool(t, "0750001A")
	data, err := os.ReadFile(samplePath(t, "sts_emp_0750001A_2026.xml"))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := appelRun(t, string(data), "import", "sts", "-", "--db", db, "--now", cliNow)
	if code != 0 || !strings.Contains(out, "compte : 2 créés") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestImportAbsencesRefusedWritesNothing: a refused history names its line,
// and the db is as it was.
func TestImportAbsencesRefusedWritesNothing(t *testing.T) {
	db := demoDB(t)
	before := appelCmd(t, "export", "marks", "--db", db)
	file := filepath.Join(t.TempDir(), "historique.csv")
	content := "eleve;date;debut;fin;marque;minutes;motif;justifiee\r\nINCONNU;20/11/2026;08:00;12:00;absent;;;\r\n"
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := appelRun(t, "", "import", "absences", file, "--db", db, "--now", cliNow)
	if code != 1 || !strings.Contains(errOut, "historique.csv, ligne 2 : élève \"INCONNU\" inconnu") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if after := appelCmd(t, "export", "marks", "--db", db); after != before {
		t.Error("a refused history changed the marks")
	}
}

// TestLockedDatabase: while another process holds the db (appel serve),
// backup and import say how to run them through the server.
func TestLockedDatabase(t *testing.T) {
	db := emptySchool(t, "0750001A")
	held, err := storage.Open(db, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, args := range [][]string{
		{"backup", "copie.db"},
		{"import", "sts", samplePath(t, "sts_emp_0750001A_2026.xml")},
		{"export", "all", "--out", "dossier"},
	} {
		_, errOut, code := appelRun(t, "", append(args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, "le serveur tient la base : lancez « ssh -p PORT admin@hôte appel ") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	_, errOut, code := appelRun(t, "", "import", "all", t.TempDir(), "--db", db)
	if code != 1 || !strings.Contains(errOut, "base vide : indiquez-en une autre avec --db") {
		t.Errorf("import all: exit %d, %q", code, errOut)
	}
}

// TestBackup: a copy of the db opens with the same school; « - » writes it
// on standard output.
func TestBackup(t *testing.T) {
	db := emptySchool(t, "0750001A")
	appelCmd(t, "import", "sts", samplePath(t, "sts_emp_0750001A_2026.xml"), "--db", db, "--now", cliNow)
	copyPath := filepath.Join(t.TempDir(), "copie.db")
	appelCmd(t, "backup", copyPath, "--db", db)
	if accounts(t, copyPath) != 2 {
		t.Error("the backup lacks the accounts")
	}
	raw := appelCmd(t, "backup", "-", "--db", db)
	piped := filepath.Join(t.TempDir(), "flux.db")
	if err := os.WriteFile(piped, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	if accounts(t, piped) != 2 {
		t.Error("the streamed backup lacks the accounts")
	}
}
