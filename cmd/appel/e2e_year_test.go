package main

import (
	"strings"
	"testing"
)

// TestSSHNewYear: after `year new` on the demo school, every well-known
// account logs in over SSH (its key kept) and finds an empty school of
// 2027-2028 ready for imports.
func TestSSHNewYear(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	keys := map[string]string{}
	for _, login := range []string{"prof", "cpe", "cpe2", "aed", "direction", "admin"} {
		keys[login] = sshKey(t, login)
		appelCmd(t, "user", "key", "add", login, "--key-file", keys[login]+".pub", "--db", db)
	}
	appelCmd(t, "--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes")
	srv := startServe(t, db, "--now", "2027-09-06T08:05")
	sees := map[string][]string{
		"prof":      {"Mes séances — lundi 6 septembre 2027", "Aucune séance ce jour-là"},
		"cpe":       {"lun. 06/09/2027", "Aucune absence ni retard ce jour-là"},
		"cpe2":      {"lun. 06/09/2027", "Aucune absence ni retard ce jour-là"},
		"aed":       {"lun. 06/09/2027", "Aucune absence ni retard ce jour-là"},
		"direction": {"Tableau de bord — lundi 6 septembre 2027", "Appels non faits           0"},
		"admin":     {"1 Comptes", "0 Imports"},
	}
	for login, texts := range sees {
		term := newTerminal(t, 110, 30, nil, sshArgs(srv.port, keys[login])+" -tt "+login+"@127.0.0.1")
		term.waitFor(texts...)
		term.send("q")
		term.waitExit()
	}
	s := &sshSchool{db: db, keys: keys, srv: srv}
	if out, errOut, code := s.ssh(t, "admin", "admin", nil, "year show"); code != 0 || !strings.Contains(out, "Année 2027-2028") {
		t.Errorf("year show over SSH: exit %d %s\n%s", code, errOut, out)
	}
	if out, errOut, code := s.ssh(t, "cpe", "cpe", nil, "stats --by division"); code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("the new year's statistics over SSH: exit %d %s\n%s", code, errOut, out)
	}
}

// TestSSHArchive: `appel --year 2026-2027 serve` serves the archive: the CPE
// finds the old year's absences, a teacher is refused, and a write over SSH
// gets the one message of a closed year.
func TestSSHArchive(t *testing.T) {
	t.Parallel()
	requireSSH(t)
	db := demoDB(t)
	keys := map[string]string{}
	for _, login := range []string{"prof", "cpe", "admin"} {
		keys[login] = sshKey(t, login)
		appelCmd(t, "user", "key", "add", login, "--key-file", keys[login]+".pub", "--db", db)
	}
	appelCmd(t, "--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes")
	srv := startServe(t, db, "--year", "2026-2027", "--now", "2026-11-23T08:05")
	term := newTerminal(t, 110, 30, nil, sshArgs(srv.port, keys["cpe"])+" -tt cpe@127.0.0.1")
	term.waitFor("Archive de l'année 2026-2027 : lecture seule", "lun. 23/11/2026", "motif valable")
	term.send("q")
	term.waitExit()
	s := &sshSchool{db: db, keys: keys, srv: srv}
	if _, _, code := s.ssh(t, "prof", "prof", nil, "help"); code != 255 {
		t.Errorf("a teacher on the archive: exit %d, want 255 (refused)", code)
	}
	_, errOut, code := s.ssh(t, "admin", "admin", nil, "settings set archives.retention 5")
	if code == 0 || !strings.Contains(errOut, "l'année 2026-2027 est close") {
		t.Errorf("a write on the archive over SSH: exit %d %s", code, errOut)
	}
	if out, _, code := s.ssh(t, "cpe", "cpe", nil, "stats --by division"); code != 0 || !strings.Contains(out, "3A;25;") {
		t.Errorf("the archive's statistics over SSH: exit %d\n%s", code, out)
	}
}

// TestSSHYearEndFromTheInterface: the administrator ends the year from the
// Imports screen (N, what it does, « oui », ↵) while a CPE is connected; the
// CPE's screen then shows the empty next year, and the archive is whole.
func TestSSHYearEndFromTheInterface(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	keys := map[string]string{}
	for _, login := range []string{"cpe", "admin"} {
		keys[login] = sshKey(t, login)
		appelCmd(t, "user", "key", "add", login, "--key-file", keys[login]+".pub", "--db", db)
	}
	before := appelCmd(t, "--db", db, "--now", "2026-11-23T08:05", "stats")
	srv := startServe(t, db, "--now", "2026-11-23T08:05")
	cpe := newTerminal(t, 120, 30, nil, sshArgs(srv.port, keys["cpe"])+" -tt cpe@127.0.0.1")
	cpe.waitFor("Absences 2")
	admin := newTerminal(t, 140, 30, nil, sshArgs(srv.port, keys["admin"])+" -tt admin@127.0.0.1")
	admin.waitFor("1 Comptes")
	admin.send("0")
	admin.waitFor("Importer un fichier")
	admin.send("N")
	admin.waitFor("Clore l'année scolaire", "retirés de la base : 606 élèves", "Tapez « oui » puis ↵")
	admin.send("n", "o", "n", "Enter")
	admin.waitFor("Tapez « oui » puis ↵ pour clore l'année, ou esc")
	admin.send("C-u", "o", "u", "i", "Enter")
	admin.waitFor("Année 2026-2027 close", "Registres d'appel : 24 divisions", "La base tient l'année 2027-2028")
	cpe.waitFor("Absences 0")
	// Escape then q sent at once reach the program as alt+q: one, then the other.
	admin.send("Escape")
	admin.waitFor("Importer un fichier")
	admin.send("q")
	admin.waitExit()
	cpe.send("q")
	cpe.waitExit()
	srv.stop()
	if got := appelCmd(t, "--db", db, "--year", "2026-2027", "--now", "2026-11-23T08:05", "stats"); got != before {
		t.Error("the archive's stats differ from the year's before its end")
	}
}

// TestSSHPastYearOnTheServer: the current year's server also opens an ended
// year to those who read statistics: ssh cpe+2026-2027@host. A teacher, or a
// year without an archive, is refused like an unknown key.
func TestSSHPastYearOnTheServer(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	keys := map[string]string{}
	for _, login := range []string{"prof", "cpe", "admin"} {
		keys[login] = sshKey(t, login)
		appelCmd(t, "user", "key", "add", login, "--key-file", keys[login]+".pub", "--db", db)
	}
	before := appelCmd(t, "--db", db, "--now", "2026-11-23T08:05", "stats", "--by", "division")
	appelCmd(t, "--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes")
	srv := startServe(t, db, "--now", "2026-11-23T08:05")
	past := newTerminal(t, 110, 30, nil, sshArgs(srv.port, keys["cpe"])+" -tt cpe+2026-2027@127.0.0.1")
	past.waitFor("Archive de l'année 2026-2027 : lecture seule", "lun. 23/11/2026", "Absences 2")
	past.send("q")
	past.waitExit()
	s := &sshSchool{db: db, keys: keys, srv: srv}
	if out, errOut, code := s.ssh(t, "cpe+2026-2027", "cpe", nil, "stats --by division"); code != 0 || out != before {
		t.Errorf("the ended year's stats over SSH: exit %d %s, same as before: %v", code, errOut, out == before)
	}
	if out, _, code := s.ssh(t, "cpe", "cpe", nil, "stats --by division"); code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("the current year's stats over SSH: exit %d\n%s", code, out)
	}
	_, errOut, code := s.ssh(t, "admin+2026-2027", "admin", nil, "settings set archives.retention 5")
	if code == 0 || !strings.Contains(errOut, "l'année 2026-2027 est close") {
		t.Errorf("a write on the ended year over SSH: exit %d %s", code, errOut)
	}
	for _, user := range []string{"prof+2026-2027", "cpe+2025-2026"} {
		login, _ := splitUser(user)
		if _, _, code := s.ssh(t, user, login, nil, "help"); code != 255 {
			t.Errorf("%s: exit %d, want 255 (refused)", user, code)
		}
	}
}
