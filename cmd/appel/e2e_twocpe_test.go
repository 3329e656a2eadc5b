package main

import (
	"strings"
	"testing"

	"appel/model"
)

// TestTwoCPEsOverSSH is issue 12's two-CPE case with the real OpenSSH client:
// cpe and cpe2 follow the same absence on the desk, each in a session of
// `appel serve`. cpe gives it Maladie; cpe2's screen shows it by itself;
// cpe2's Panne de réveil then asks before replacing cpe's motive, and n
// (the default) leaves it; o replaces it, and cpe's screen shows that.
func TestTwoCPEsOverSSH(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	prof := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T08:05 --as prof")
	prof.waitFor("08:00–08:55", "appel non fait")
	prof.send("a", "Enter")
	prof.waitFor("✓ appel fait")
	prof.send("q")
	if status := prof.waitExit(); status != 0 {
		t.Fatalf("prof: exit status %d:\n%s", status, prof.screen())
	}
	row := absentAt(t, db, "2026-11-23T10:00")
	name := strings.ToUpper(row["nom"]) + " " + row["prenom"]
	keys := map[string]string{}
	for _, login := range []string{"cpe", "cpe2"} {
		keys[login] = sshKey(t, login)
		appelCmd(t, "user", "key", "add", login, "--key-file", keys[login]+".pub", "--db", db)
	}
	srv := startServe(t, db, "--now", "2026-11-23T10:00")
	desks := map[string]*terminal{}
	for _, login := range []string{"cpe", "cpe2"} {
		desks[login] = newTerminal(t, 140, 30, nil, sshArgs(srv.port, keys[login])+" -tt "+login+"@127.0.0.1")
		desks[login].waitFor("Absences du jour", "m Maladie")
		desks[login].send("/", model.FoldAccents(row["nom"]+" "+row["prenom"]), "Enter")
		desks[login].waitFor(name, "1 élève", "à justifier (1)")
	}
	cpe, cpe2 := desks["cpe"], desks["cpe2"]
	cpe.send("m")
	cpe.waitFor("✓ Maladie : 1 absence (u pour annuler)")
	screen := cpe2.waitFor("1 élève · 1 absence · 0 à justifier")
	if !strings.Contains(lineOf(screen, name), "Maladie") {
		t.Fatalf("cpe2's screen does not show cpe's motive:\n%s", screen)
	}
	cpe2.send("p")
	cpe2.waitFor("1 absence déjà justifiée par cpe (Maladie) : remplacer ? o/n")
	cpe2.send("Enter")
	cpe2.waitFor("Panne de réveil : rien de changé · laissé tel quel : 1 absence justifiée par cpe (Maladie).")
	cpe2.send("p")
	cpe2.waitFor("remplacer ? o/n")
	cpe2.send("o")
	cpe2.waitFor("✓ Panne de réveil : 1 absence (u pour annuler)")
	screen = cpe.waitLine(name, "Panne de réveil")
	if !strings.Contains(lineOf(screen, name), "Panne de réveil") {
		t.Errorf("cpe's screen does not show cpe2's motive:\n%s", screen)
	}
	for _, term := range []*terminal{cpe, cpe2} {
		term.send("q")
		if status := term.waitExit(); status != 0 {
			t.Errorf("ssh exit status %d after q", status)
		}
	}
	srv.stop()
	if got := absentAt(t, db, "2026-11-23T10:00"); got["motif"] != "Panne de réveil" || got["saisi_par"] != "prof" {
		t.Errorf("export after both CPEs: motif %q entered by %q, want Panne de réveil by prof", got["motif"], got["saisi_par"])
	}
	var audited []string
	for _, line := range strings.Split(appelCmd(t, "audit", "--db", db, "--from", "2026-11-23", "--to", "2026-11-23"), "\n") {
		if strings.Contains(line, "motif :") {
			audited = append(audited, line)
		}
	}
	if len(audited) != 2 {
		t.Errorf("the audit holds %d motive changes, want cpe's and cpe2's:\n%s", len(audited), strings.Join(audited, "\n"))
	}
}

// absentAt returns the export row, at the clock now, of the pupil absent in
// prof's 08:00 séance on 23/11/2026 (there must be exactly one).
func absentAt(t *testing.T, db, now string) map[string]string {
	t.Helper()
	var found []map[string]string
	for _, row := range csvRows(t, appelCmd(t, "export", "marks", "--db", db, "--now", now, "--from", "2026-11-23", "--to", "2026-11-23")) {
		if row["enseignant"] == "prof" && row["debut"] == "08:00" && row["marque"] == "absent" {
			found = append(found, row)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d absences in prof's 08:00 séance, want 1", len(found))
	}
	return found[0]
}
