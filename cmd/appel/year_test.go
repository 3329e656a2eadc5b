package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appel/storage"
)

// runWith runs a command line in this process with stdin.
func runWith(stdin string, args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestYearNewOnTheDemo ends the demo school's year: the archive's
// statistics are byte for byte those of before, a write on it is refused
// with one message, the db holds the next year with the same accounts and
// no pupils, and the year cannot end twice.
func TestYearNewOnTheDemo(t *testing.T) {
	db := demoDB(t)
	at := []string{"--db", db, "--now", "2026-11-23T08:05"}
	reports := [][]string{{"stats"}, {"stats", "--by", "pupil"}, {"stats", "--by", "month"}, {"user", "list"}}
	before := map[string]string{}
	for _, r := range reports {
		out, errOut, code := runArgs(append(at, r...)...)
		if code != 0 {
			t.Fatalf("%v: %s", r, errOut)
		}
		before[strings.Join(r, " ")] = out
	}
	if _, errOut, code := runWith("non\n", append(at, "year", "new")...); code == 0 || !strings.Contains(errOut, "rien n'a été fait") {
		t.Fatalf("« non » to the question: exit %d, %s", code, errOut)
	}
	out, errOut, code := runWith("oui\n", append(at, "year", "new")...)
	if code != 0 {
		t.Fatalf("year new: exit %d: %s", code, errOut)
	}
	archive := filepath.Join(filepath.Dir(db), "appel-2026-2027.db")
	for _, want := range []string{"606 élèves", "Année 2026-2027 close", archive, "2027-2028", "Registres d'appel : 24 divisions"} {
		if !strings.Contains(out, want) {
			t.Errorf("year new says:\n%s\nwithout %q", out, want)
		}
	}
	if pdfs, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "registres-2026-2027", "registre-*.pdf")); len(pdfs) != 24 {
		t.Errorf("%d registers written beside the archive, want 24", len(pdfs))
	}
	for _, r := range reports {
		got, errOut, code := runArgs(append(append(at, "--year", "2026-2027"), r...)...)
		if code != 0 || got != before[strings.Join(r, " ")] {
			t.Errorf("%v on the archive: exit %d %s; same as before: %v", r, code, errOut, got == before[strings.Join(r, " ")])
		}
	}
	writes := [][]string{
		{"user", "add", "zoe", "--role", "cpe", "--name", "Zoé"},
		{"import", "absences", "-"},
	}
	for _, w := range writes {
		_, errOut, code := runArgs(append(append(at, "--year", "2026-2027"), w...)...)
		if code == 0 || !strings.Contains(errOut, "l'année 2026-2027 est close") {
			t.Errorf("%v on the archive: exit %d, %s", w, code, errOut)
		}
	}
	if info, err := os.Stat(archive); err != nil || info.Mode().Perm()&0o222 != 0 {
		t.Errorf("archive: %v", err)
	}
	if got, _, _ := runArgs(append(at, "user", "list")...); got != before["user list"] {
		t.Errorf("the accounts changed:\n%s", got)
	}
	if got, _, _ := runArgs(append(at, "stats", "--by", "division")...); strings.Count(got, "\n") != 2 {
		t.Errorf("the next year's statistics:\n%s", got)
	}
	for _, now := range []string{"2026-11-23T08:05", "2027-07-10T08:00"} {
		_, errOut, code := runArgs("--db", db, "--now", now, "year", "new", "--yes")
		if code == 0 || !strings.Contains(errOut, "2026-2027 est déjà close") {
			t.Errorf("year new again at %s: exit %d, %s", now, code, errOut)
		}
	}
}

// TestYearCalendarCorrection: the administrator moves a holiday; the
// trimestres follow the Christmas holidays.
func TestYearCalendarCorrection(t *testing.T) {
	db := demoDB(t)
	at := []string{"--db", db, "--now", "2026-11-23T08:05"}
	out, errOut, code := runArgs(append(at, "year", "holiday", "Vacances de Noël", "2026-12-19", "2027-01-10")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Trimestre 1 : du 01/09/2026 au 10/01/2027", "19/12/2026\t10/01/2027\tVacances de Noël"} {
		if !strings.Contains(out, want) {
			t.Errorf("year holiday says:\n%s\nwithout %q", out, want)
		}
	}
	if _, errOut, code := runArgs(append(at, "year", "holiday", "Noël", "2027-01-10", "2026-12-19")...); code == 0 || !strings.Contains(errOut, "précède") {
		t.Errorf("dates in the wrong order: exit %d %s", code, errOut)
	}
}

// TestYearPurge: an archive is kept archives.retention years after its year
// ends, then year purge deletes it once confirmed.
func TestYearPurge(t *testing.T) {
	db := demoDB(t)
	if _, errOut, code := runArgs("--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes"); code != 0 {
		t.Fatal(errOut)
	}
	archive := filepath.Join(filepath.Dir(db), "appel-2026-2027.db")
	cases := []struct {
		now, answer string
		kept        bool
		says        string
	}{
		{"2037-08-31T12:00", "", true, "gardée jusqu'au 31/08/2037"},
		{"2037-09-01T12:00", "non\n", true, "à supprimer"},
		{"2037-09-01T12:00", "oui\n", false, "Supprimés : les registres d'appel de 2026-2027"},
	}
	for _, c := range cases {
		out, errOut, _ := runWith(c.answer, "--db", db, "--now", c.now, "year", "purge")
		_, registers := os.Stat(filepath.Join(filepath.Dir(db), "registres-2026-2027"))
		if _, err := os.Stat(archive); (err == nil) != c.kept || (registers == nil) != c.kept || !strings.Contains(out, c.says) {
			t.Errorf("at %s answering %q: kept %v, said:\n%s%s", c.now, c.answer, err == nil, out, errOut)
		}
	}
}

// TestExportPupil: the copy of a pupil's data names him, his guardians and
// every mark the register holds of him.
func TestExportPupil(t *testing.T) {
	db := demoDB(t)
	at := []string{"--db", db, "--now", "2026-11-23T08:05"}
	marks, _, _ := runArgs(append(at, "export", "marks")...)
	lines := strings.Split(marks, "\n")
	id := strings.Split(lines[1], ";")[5]
	n := 0
	for _, l := range lines[1:] {
		if f := strings.Split(l, ";"); len(f) > 5 && f[5] == id {
			n++
		}
	}
	out, errOut, code := runArgs(append(at, "export", "pupil", "--pupil", id)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Données détenues par", "identifiant : " + id, "Responsables (", fmt.Sprintf("Absences, retards et autres marques (%d)", n)} {
		if !strings.Contains(out, want) {
			t.Errorf("export pupil lacks %q:\n%s", want, out)
		}
	}
}

// TestYearNewWhileServing: the rollover needs the db alone; while the
// server holds it, it is refused and says what to do.
func TestYearNewWhileServing(t *testing.T) {
	db := demoDB(t)
	srv := startServe(t, db, "--now", "2026-11-23T08:05")
	_, errOut, code := appelRun(t, "", "--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes")
	if code == 0 || !strings.Contains(errOut, "arrêtez-le (appel serve), puis relancez appel year new") {
		t.Errorf("year new while serving: exit %d %s", code, errOut)
	}
	srv.stop()
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "appel-2026-2027.db")); err == nil {
		t.Error("an archive was written while the server held the db")
	}
}

// TestYearNewKilled kills `appel year new` (kill -9) at points further and
// further in: every time, the db opens on the old year whole (its stats as
// before) or on the next year with an archive whose stats are those of
// before; running it again then finishes.
func TestYearNewKilled(t *testing.T) {
	template := demoDB(t)
	at := []string{"--now", "2026-11-23T08:05"}
	before, errOut, code := runArgs(append([]string{"--db", template}, append(at, "stats")...)...)
	if code != 0 {
		t.Fatal(errOut)
	}
	outcomes := map[string]int{}
	for delay := 0; delay <= 400; delay += 40 {
		db := demoDB(t)
		cmd := exec.Command(appelBin, "--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(delay) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if store, err := storage.Open(db, storage.Options{Timeout: time.Second}); err != nil {
			t.Fatalf("after a kill at %d ms: %v", delay, err)
		} else if err := errors.Join(store.Check(), store.Close()); err != nil {
			t.Errorf("after a kill at %d ms, bbolt's check: %v", delay, err)
		}
		live, _, code := runArgs(append([]string{"--db", db}, append(at, "stats")...)...)
		archived, _, archiveCode := runArgs(append([]string{"--db", db, "--year", "2026-2027"}, append(at, "stats")...)...)
		switch {
		case code == 0 && live == before:
			outcomes["ancienne année entière"]++
		case code == 0 && archiveCode == 0 && archived == before && strings.Count(live, "\n") <= 2:
			outcomes["année suivante, archive entière"]++
		default:
			t.Fatalf("after a kill at %d ms: live exit %d, archive exit %d\n%s", delay, code, archiveCode, live)
		}
		if _, errOut, code := runArgs("--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes"); code != 0 &&
			!strings.Contains(errOut, "déjà close") {
			t.Errorf("after a kill at %d ms, year new again: %s", delay, errOut)
		}
	}
	t.Logf("outcomes: %v", outcomes)
}

func TestSplitUser(t *testing.T) {
	cases := []struct{ user, login, year string }{
		{"cpe", "cpe", ""},
		{"cpe+2026-2027", "cpe", "2026-2027"},
		{"j.dupont+2025-2026", "j.dupont", "2025-2026"},
		{"cpe+2026-2028", "cpe+2026-2028", ""},
		{"cpe+", "cpe+", ""},
		{"a+b", "a+b", ""},
	}
	for _, c := range cases {
		if login, year := splitUser(c.user); login != c.login || year != c.year {
			t.Errorf("%q: %q %q, want %q %q", c.user, login, year, c.login, c.year)
		}
	}
}

// TestExportRegister: the register of 4B for a week, as CSV, lists every
// mark of its pupils in its séances that export marks lists, and as PDF is
// a PDF.
func TestExportRegister(t *testing.T) {
	db := demoDB(t)
	at := []string{"--db", db, "--now", "2026-11-23T08:05"}
	week := []string{"--from", "2026-11-16", "--to", "2026-11-20"}
	out, errOut, code := runArgs(append(append(at, "export", "register", "--division", "4B", "--format", "csv"), week...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "\ufeffdate;debut;fin;matiere;cible;enseignants;appel_fait_par") || len(lines) < 20 {
		t.Fatalf("register:\n%s", out)
	}
	register := map[string]bool{}
	for _, l := range lines[1:] {
		f := strings.Split(l, ";")
		if f[8] != "" {
			register[f[0]+" "+f[1]+" "+f[8]] = true
		}
	}
	marks, _, _ := runArgs(append(append(at, "export", "marks"), week...)...)
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(marks), "\n")[1:] {
		f := strings.Split(l, ";")
		if f[9] != "4B" {
			continue
		}
		n++
		if !register[f[0]+" "+f[1]+" "+f[5]] {
			t.Errorf("a mark of 4B is not in its register: %s", l)
		}
	}
	if n == 0 {
		t.Error("no mark of 4B that week: the check checks nothing")
	}
	pdf := filepath.Join(t.TempDir(), "4b.pdf")
	if _, errOut, code := runArgs(append(append(at, "export", "register", "--division", "4B", "--out", pdf), week...)...); code != 0 {
		t.Fatal(errOut)
	}
	if data, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("not a PDF: %v", err)
	}
}
