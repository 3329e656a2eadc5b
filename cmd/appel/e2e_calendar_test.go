package main

import (
	"strings"
	"testing"
)

// TestExtraDayOverSSH: the administrator, over SSH, checks a grid rung
// five minutes later from 30/11 (sent on standard input), adds Saturday 28/11
// as a school day that follows Friday's timetable and closes Wednesday and Thursday
// afternoons from 30/11, each said before and audited; on that Saturday
// the teacher's interface, over SSH, opens on his Friday 08:00 roll call.
func TestExtraDayOverSSH(t *testing.T) {
	t.Parallel()
	s := serveDemo(t, "admin", "prof")
	out, errOut, code := s.ssh(t, "admin", "admin", nil, "settings days add 2026-11-28 'Rattrapage du pont' --follows vendredi")
	if code != 0 || !strings.Contains(out, "samedi 28/11/2026 : emploi du temps du vendredi (journée)") || !strings.Contains(out, "Jour de cours Rattrapage du pont ajouté.") {
		t.Fatalf("days add over SSH: exit %d, %q %q", code, out, errOut)
	}
	out, errOut, code = s.ssh(t, "admin", "admin", nil, "settings week set 'lundi mardi mercredi-matin jeudi-matin vendredi' --from 2026-11-30")
	if code != 0 || !strings.Contains(out, "cours n'ont plus lieu") || !strings.Contains(out, "Semaine de cours enregistrée à partir du 30/11/2026.") {
		t.Fatalf("week set over SSH: exit %d, %q %q", code, out, errOut)
	}
	grid, _, _ := s.ssh(t, "admin", "admin", nil, "settings slots")
	later := strings.Replace(grid, "M1;08:00;08:55", "M1;08:05;08:55", 1)
	out, errOut, code = s.ssh(t, "admin", "admin", strings.NewReader(later), "settings slots set - --from 2026-11-30 --check")
	if code != 0 || !strings.Contains(out, "À partir du 30/11/2026 :") || !strings.Contains(out, "cours suivent leur créneau à ses nouvelles heures") || !strings.Contains(out, "rien n'a été écrit") {
		t.Errorf("slots set --check over SSH: exit %d, %q %q", code, out, errOut)
	}
	if _, errOut, code := s.ssh(t, "prof", "prof", nil, "settings days add 2026-12-05 Essai --follows vendredi"); code == 0 || !strings.Contains(errOut, "appel : ") {
		t.Errorf("a teacher added a school day: exit %d, %q", code, errOut)
	}
	s.srv.stop()
	audit := appelCmd(t, "audit", "--db", s.db, "--from", "2026-11-23")
	for _, verb := range []string{"jour de cours ajouté", "semaine de cours"} {
		if !strings.Contains(audit, verb) {
			t.Errorf("the audit lacks %q", verb)
		}
	}

	srv := startServe(t, s.db, "--now", "2026-11-28T08:05")
	prof := newTerminal(t, 100, 30, nil, sshArgs(srv.port, s.keys["prof"])+" -tt prof@127.0.0.1")
	prof.waitFor("sam. 28/11", "08:00–08:55", "4B", "appel non fait")
	prof.send("q")
	if status := prof.waitExit(); status != 0 {
		t.Fatalf("prof's session ended with %d:\n%s", status, prof.screen())
	}
}
