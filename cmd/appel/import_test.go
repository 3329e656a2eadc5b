package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appel/internal/schoolfiles"
	"appel/storage"
)

const cliNow = "2026-11-23T09:00"

func emptySchool(t *testing.T, uai string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "appel.db")
	appelCmd(t, "init", "--uai", uai, "--name", "Collège Claude Bernard", "--db", db, "--now", cliNow)
	return db
}

func accounts(t *testing.T, db string) int {
	return strings.Count(appelCmd(t, "user", "list", "--db", db), "\n")
}

// TestImportCommands drives `appel import` on the synthetic school files:
// --check writes nothing, the import prints the logins it created, a
// re-import changes nothing, and refusals exit non-zero with one French line.
func TestImportCommands(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	sts := schoolfiles.Path(t, "sts_emp.xml")
	out := appelCmd(t, "import", "sts", sts, "--check", "--db", db, "--now", cliNow)
	if !strings.Contains(out, "compte jlefevre (Jérôme LEFÈVRE) créé") || !strings.Contains(out, "rien n'a été écrit") || accounts(t, db) != 0 {
		t.Fatalf("check:\n%s", out)
	}
	out = appelCmd(t, "import", "sts", sts, "--db", db, "--now", cliNow)
	if !strings.Contains(out, "  compte : 3 créés\n") || !strings.Contains(out, "Import enregistré : 10 modifications.") || accounts(t, db) != 3 {
		t.Fatalf("import:\n%s", out)
	}
	out = appelCmd(t, "import", "sts", sts, "--db", db, "--now", cliNow)
	if !strings.Contains(out, "  compte : 3 inchangés\n") || !strings.Contains(out, "Import enregistré : 0 modification.") {
		t.Errorf("re-import:\n%s", out)
	}
	emp := schoolfiles.Path(t, "emp_sts.xml")
	_, errOut, code := appelRun(t, "", "import", "sts", emp, "--db", db, "--now", cliNow)
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "importez-le avec `appel import timetable`") {
		t.Errorf("EDT_STS as sts: exit %d, %q", code, errOut)
	}
	other := filepath.Join(t.TempDir(), "autre_college.zip")
	data := bytes.Replace(schoolfiles.Read(t, "eleves.xml"), []byte(schoolfiles.UAI), []byte("0670001A"), 1)
	if err := os.WriteFile(other, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = appelRun(t, "", "import", "siecle", other, "--db", db, "--now", cliNow)
	if code != 1 || !strings.Contains(errOut, "0670001A") || !strings.Contains(out, "Refusé :\n  autre_college.zip") {
		t.Errorf("other school: exit %d\n%s%s", code, out, errOut)
	}
	out = appelCmd(t, "import", "siecle", schoolfiles.Path(t, "eleves.zip"), "--db", db, "--now", cliNow)
	if !strings.Contains(out, "élève : 5 créés, 2 ignorés") {
		t.Errorf("siecle:\n%s", out)
	}
	out = appelCmd(t, "import", "responsables", schoolfiles.Path(t, "responsables.xml"), "--db", db, "--now", cliNow)
	if !strings.Contains(out, "responsable : 3 créés, 1 ignoré") {
		t.Errorf("responsables:\n%s", out)
	}
	out = appelCmd(t, "import", "timetable", emp, "--slots-from-file", "--db", db, "--now", cliNow)
	if !strings.Contains(out, "cours : 9 créés, 1 ignoré") {
		t.Errorf("timetable:\n%s", out)
	}
	out = appelCmd(t, "import", "absences", schoolfiles.Path(t, "absences.csv"), "--db", db, "--now", cliNow)
	if !strings.Contains(out, "marque : 3 créées") {
		t.Errorf("absences:\n%s", out)
	}
}

// TestImportFromStdin: « - » reads the file from standard input, the way a
// file reaches a server over SSH.
func TestImportFromStdin(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	out, errOut, code := appelRun(t, string(schoolfiles.Read(t, "sts_emp.xml")), "import", "sts", "-", "--db", db, "--now", cliNow)
	if code != 0 || !strings.Contains(out, "compte : 3 créés") {
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
	t.Parallel()
	db := emptySchool(t, "0750001A")
	held, err := storage.Open(db, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, args := range [][]string{
		{"backup", "copie.db"},
		{"import", "sts", schoolfiles.Path(t, "sts_emp.xml")},
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

// TestLockedHintKeepsTheOptions: while the server holds the db, the command
// that the refusal gives to run over SSH sends the file on the standard
// input and keeps the options typed: without --from a grid would apply from
// another day, without --force an import would be refused.
func TestLockedHintKeepsTheOptions(t *testing.T) {
	t.Parallel()
	db := emptySchool(t, "0750001A")
	dir := t.TempDir()
	grid, periods := filepath.Join(dir, "grille.csv"), filepath.Join(dir, "periodes.csv")
	writeFile(t, grid, "code;debut;fin;demi_journee\nM1;08:00;09:00;matin\n")
	writeFile(t, periods, "nom;debut;fin\nSemestre 1;01/09/2026;24/01/2027\nSemestre 2;25/01/2027;02/07/2027\n")
	sts := schoolfiles.Path(t, "sts_emp.xml")
	held, err := storage.Open(db, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"settings", "slots", "set", grid, "--from", "2026-12-07", "--check"}, "appel settings slots set - --from 2026-12-07 --check < " + grid + " »"},
		{[]string{"import", "sts", sts, "--force"}, "appel import sts - --force < " + sts + " »"},
		{[]string{"year", "periods", "set", periods}, "appel year periods set - < " + periods + " »"},
	} {
		_, errOut, code := appelRun(t, "", append(tc.args, "--db", db)...)
		if code != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestBackup: a copy of the db opens with the same school; « - » writes it
// on standard output.
func TestBackup(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	appelCmd(t, "import", "sts", schoolfiles.Path(t, "sts_emp.xml"), "--db", db, "--now", cliNow)
	copyPath := filepath.Join(t.TempDir(), "copie.db")
	appelCmd(t, "backup", copyPath, "--db", db)
	if accounts(t, copyPath) != 3 {
		t.Error("the backup lacks the accounts")
	}
	raw := appelCmd(t, "backup", "-", "--db", db)
	piped := filepath.Join(t.TempDir(), "flux.db")
	if err := os.WriteFile(piped, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	if accounts(t, piped) != 3 {
		t.Error("the streamed backup lacks the accounts")
	}
}

// TestBackupKeepsAnExistingFile: a second backup to the same name is refused
// in French and leaves the first one as it was; --force replaces it.
func TestBackupKeepsAnExistingFile(t *testing.T) {
	db := emptySchool(t, schoolfiles.UAI)
	copyPath := filepath.Join(t.TempDir(), "copie.db")
	if err := os.WriteFile(copyPath, []byte("sauvegarde d'hier"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := appelRun(t, "", "backup", copyPath, "--db", db)
	if code == 0 || !strings.Contains(errOut, "copie.db existe déjà") || !strings.Contains(errOut, "--force") {
		t.Errorf("backup over an existing file: exit %d, %q", code, errOut)
	}
	if strings.Contains(errOut, filepath.Dir(copyPath)) {
		t.Errorf("the message shows the folder: %q", errOut)
	}
	if kept, _ := os.ReadFile(copyPath); string(kept) != "sauvegarde d'hier" {
		t.Error("the refused backup changed the existing file")
	}
	appelCmd(t, "backup", copyPath, "--force", "--db", db)
	appelCmd(t, "user", "list", "--db", copyPath) // fails the test unless the copy is a db

}

// TestImportUndo: a wrong SIECLE import taken back leaves the school as it
// was (export all identical); a second undo is refused in one French line.
func TestImportUndo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	now := "2026-11-23T08:05"
	inProcess(t, "init", "--uai", schoolfiles.UAI, "--name", "Collège Test", "--db", db, "--now", now)
	eleves := filepath.Join(dir, "eleves.xml")
	if err := os.WriteFile(eleves, schoolfiles.Read(t, "eleves.xml"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, after := filepath.Join(dir, "avant"), filepath.Join(dir, "apres")
	inProcess(t, "export", "all", "--out", before, "--db", db, "--now", now)
	inProcess(t, "import", "siecle", eleves, "--db", db, "--now", now)
	got := inProcess(t, "import", "undo", "--db", db, "--now", now)
	if !strings.Contains(got, "Import annulé (import siecle") || !strings.Contains(got, "supprimés") {
		t.Errorf("undo said %q", got)
	}
	inProcess(t, "export", "all", "--out", after, "--db", db, "--now", now)
	for _, name := range []string{"eleves.csv", "divisions.csv", "groupes.csv", "etablissement.csv", "dataset.json"} {
		a, errA := os.ReadFile(filepath.Join(before, name))
		b, errB := os.ReadFile(filepath.Join(after, name))
		if errA != nil || errB != nil || string(a) != string(b) {
			t.Errorf("%s differs after undo (%v %v):\n%s\n---\n%s", name, errA, errB, a, b)
		}
	}
	if _, errOut, code := runArgs("import", "undo", "--db", db, "--now", now); code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("second undo: exit %d, %q", code, errOut)
	}
	// A re-import that changes a pupil: the undo gives him his name back.
	inProcess(t, "import", "siecle", eleves, "--db", db, "--now", now)
	first := filepath.Join(dir, "premier")
	inProcess(t, "export", "all", "--out", first, "--db", db, "--now", now)
	changed := filepath.Join(dir, "eleves2.xml")
	data := strings.Replace(string(schoolfiles.Read(t, "eleves.xml")), "SANSCLASSE<", "SANSCLASSES<", 1)
	if err := os.WriteFile(changed, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	inProcess(t, "import", "siecle", changed, "--db", db, "--now", now)
	got = inProcess(t, "import", "undo", "--db", db, "--now", now)
	if !strings.Contains(got, "remis dans leur état d'avant") {
		t.Errorf("undo of a change said %q", got)
	}
	second := filepath.Join(dir, "second")
	inProcess(t, "export", "all", "--out", second, "--db", db, "--now", now)
	a, _ := os.ReadFile(filepath.Join(first, "dataset.json"))
	b, _ := os.ReadFile(filepath.Join(second, "dataset.json"))
	if len(a) == 0 || string(a) != string(b) {
		t.Errorf("the changed pupil did not come back:\n%s\n---\n%s", a, b)
	}
}

// TestMinistryLevelsFromImports: after an STS-Web and a SIECLE import, the
// ministry's monthly table has its level rows (the MEF of the files).
func TestMinistryLevelsFromImports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	now := "2026-11-23T08:05"
	inProcess(t, "init", "--uai", schoolfiles.UAI, "--name", "Collège Test", "--db", db, "--now", now, "--year", "2026-2027")
	for _, name := range []string{"sts_emp.xml", "eleves.xml"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, schoolfiles.Read(t, name), 0o600); err != nil {
			t.Fatal(err)
		}
		kind := map[string]string{"sts_emp.xml": "sts", "eleves.xml": "siecle"}[name]
		inProcess(t, "import", kind, path, "--db", db, "--now", now)
	}
	out := inProcess(t, "stats", "--by", "month", "--from", "2026-11-01", "--to", "2026-11-30", "--db", db, "--now", now)
	if !strings.Contains(out, ";4e;niveau;") {
		t.Errorf("no level row 4e in the monthly table:\n%s", out)
	}
}
