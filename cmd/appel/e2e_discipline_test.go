package main

import (
	"strings"
	"testing"
)

// TestExclusionReportLiveOverSSH is issue 17's first end-to-end check: the
// teacher marks e at 08:10 over SSH and the desk of the CPE, in another SSH
// session of the same server, shows the exclusion at once, its report
// missing; the teacher types the report in a few words and the CPE's desk
// shows it.
func TestExclusionReportLiveOverSSH(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	keys := addKeys(t, db, "prof", "cpe")
	srv := startServe(t, db, "--now", "2026-11-23T08:10")
	cpe := newTerminal(t, 150, 30, nil, sshArgs(srv.port, keys["cpe"])+" -tt cpe@127.0.0.1")
	cpe.waitFor("Absences du jour")
	cpe.send("Tab", "Tab", "Tab", "Tab")
	cpe.waitFor("[Exclusions 0]", "Aucune exclusion de cours")
	prof := newTerminal(t, 120, 30, nil, sshArgs(srv.port, keys["prof"])+" -tt prof@127.0.0.1")
	prof.waitFor("08:00–08:55", "appel non fait")
	prof.send(":", "3", "e")
	prof.waitFor("rapport écrit")
	screen := cpe.waitFor("[Exclusions 1 (1 sans rapport)]", "rapport manquant")
	if !strings.Contains(lineOf(screen, "rapport manquant"), "prof") {
		t.Errorf("the desk does not name the teacher:\n%s", screen)
	}
	prof.send("Refus de travailler, insolence", "Enter")
	prof.waitFor("✓ Rapport d'exclusion de")
	cpe.waitFor("[Exclusions 1]", "Refus de travailler, insolence")
	prof.send("Escape") // ends the numbers mode that : started
	for _, term := range []*terminal{prof, cpe} {
		term.send("q")
		if status := term.waitExit(); status != 0 {
			t.Errorf("ssh exit status %d after q", status)
		}
	}
	srv.stop()
	if out := appelCmd(t, "punishment", "list", "--missing", "--db", db); out != "" {
		t.Errorf("reports still missing:\n%s", out)
	}
}

// TestDetentionRollCallAndTemporaryExclusion is issue 17's other two
// end-to-end checks: the supervisor (aed) takes a detention's roll call with
// a séance's keys; a temporary exclusion's days show E on the planning grid
// and count in no half-day.
func TestDetentionRollCallAndTemporaryExclusion(t *testing.T) {
	db := demoDB(t)
	pupil := demoPupil(t, db)
	cli := func(args ...string) string {
		return appelCmd(t, append(args, "--db", db, "--now", "2026-11-23T09:00")...)
	}
	cli("detention", "plan", "--date", "2026-11-23", "--start", "16:00", "--end", "17:00", "--room", "Permanence", "--supervisor", "aed")
	cli("punishment", "add", "--pupil", pupil, "--kind", "retenue", "--reason", "travail non fait")
	aed := newTerminal(t, 120, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T16:05 --as aed")
	aed.waitFor("Absences du jour")
	aed.send("7")
	aed.waitFor("[Incidents]")
	aed.send("Tab", "Tab")
	aed.waitFor("[Retenues]", "1 élève(s)", "appel à faire")
	aed.send("Enter")
	aed.waitFor("Retenue · lun. 23/11 16:00–17:00 · Permanence", "appel non fait")
	aed.send("1", "a")
	aed.waitFor("1 élève(s) · 1 absent(s)")
	aed.send("Enter")
	aed.waitFor("✓ Appel de la retenue fait : 1 absent(s) à suivre.", "✓ appel fait 16:05 par aed")
	aed.send("q")
	if status := aed.waitExit(); status != 0 {
		t.Fatalf("aed's session ended with %d:\n%s", status, aed.screen())
	}
	if out := cli("punishment", "list"); !strings.Contains(out, "non faite") {
		t.Errorf("the missed retenue is not flagged:\n%s", out)
	}

	before := explainTotals(t, db, pupil)
	name := pupilName(t, db, pupil)
	cli("sanction", "add", "--pupil", pupil, "--kind", "exclusion-temporaire", "--facts", "violences", "--from", "2026-11-24", "--days", "2")
	cpe := newTerminal(t, 160, 40, nil, appelBin+" --db "+db+" --now 2026-11-27T18:00 --as cpe")
	cpe.waitFor("Absences du jour")
	cpe.send("2")
	cpe.waitFor("semaine du 23/11/2026")
	cpe.send("D")
	cpe.waitFor("Classe ou groupe")
	cpe.send("4", "a", "Enter")
	screen := cpe.waitFor("4A · semaine du 23/11/2026")
	_, cells, _ := strings.Cut(lineOf(screen, name), name)
	days := strings.Split(cells, "│")
	if len(days) < 3 || !strings.Contains(days[1], "EEEE") || !strings.Contains(days[2], "EEEE") || strings.Contains(days[0], "E") {
		t.Errorf("%s's week %q: want E on Tuesday and Wednesday only:\n%s", name, cells, screen)
	}
	cpe.send("q")
	if status := cpe.waitExit(); status != 0 {
		t.Fatalf("cpe's session ended with %d:\n%s", status, cpe.screen())
	}
	for _, row := range csvRows(t, appelCmd(t, "export", "explain", "--pupil", pupil, "--from", "2026-11-24", "--to", "2026-11-25",
		"--db", db, "--now", "2026-11-27T18:00")) {
		if row["marque"] != "exclu" || row["dj_valable"] != "0" || row["dj_non_valable"] != "0" {
			t.Errorf("an excluded séance counts: %v", row)
		}
	}
	if after := explainTotals(t, db, pupil); after != before {
		t.Errorf("the pupil's half-days went from %q to %q", before, after)
	}
}

// explainTotals sums a pupil's half-days over the week of the exclusion.
func explainTotals(t *testing.T, db, pupil string) string {
	t.Helper()
	valid, invalid := 0, 0
	for _, row := range csvRows(t, appelCmd(t, "export", "explain", "--pupil", pupil, "--from", "2026-11-23", "--to", "2026-11-27",
		"--db", db, "--now", "2026-11-27T18:00")) {
		valid += len(strings.Trim(row["dj_valable"], "0"))
		invalid += len(strings.Trim(row["dj_non_valable"], "0"))
	}
	return strings.Repeat("v", valid) + strings.Repeat("n", invalid)
}

// pupilName returns « NOM Prénom » as the grid shows a pupil of the demo.
func pupilName(t *testing.T, db, pupil string) string {
	t.Helper()
	for _, row := range csvRows(t, appelCmd(t, "export", "marks", "--db", db, "--to", "2026-11-20")) {
		if row["eleve_id"] == pupil {
			return strings.ToUpper(row["nom"]) + " " + row["prenom"]
		}
	}
	t.Fatalf("pupil %s has no mark in the demo", pupil)
	return ""
}
