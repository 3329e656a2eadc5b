package main

import (
	"strings"
	"testing"

	"appel/model"
)

// profAbsent returns the export row of the pupil absent in prof's 08:00
// séance on 23/11/2026 (there must be exactly one).
func profAbsent(t *testing.T, db string) map[string]string {
	t.Helper()
	var found []map[string]string
	for _, row := range csvRows(t, appelCmd(t, "export", "marks", "--db", db, "--from", "2026-11-23", "--to", "2026-11-23")) {
		if row["enseignant"] == "prof" && row["debut"] == "08:00" && row["marque"] == "absent" {
			found = append(found, row)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d absences in prof's 08:00 séance, want 1: %v", len(found), found)
	}
	return found[0]
}

// TestDeskInATerminal is issue 4's acceptance check: prof marks a pupil
// absent at 08:00; at 10:00 aed sees him in Absences du jour, justifies him
// with one motive key, and the export shows the motive, valable and
// justifiée.
func TestDeskInATerminal(t *testing.T) {
	db := demoDB(t)
	prof := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T08:05 --as prof")
	prof.waitFor("08:00–08:55", "appel non fait")
	prof.send("a", "Enter")
	prof.waitFor("✓ appel fait")
	prof.send("q")
	if status := prof.waitExit(); status != 0 {
		t.Fatalf("prof: exit status %d:\n%s", status, prof.screen())
	}
	row := profAbsent(t, db)
	if row["motif"] != "" || row["justifiee"] != "non" {
		t.Fatalf("the absence starts without motive: %v", row)
	}
	name := strings.ToUpper(row["nom"]) + " " + row["prenom"]

	aed := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T10:00 --as aed")
	aed.waitFor("Absences du jour", "m Maladie")
	aed.send("/", model.FoldAccents(row["nom"]+" "+row["prenom"]), "Enter")
	screen := aed.waitFor(name, "1 élève")
	if !strings.Contains(lineOf(screen, name), "08:00 abs") {
		t.Fatalf("the pupil's line shows his 08:00 absence:\n%s", screen)
	}
	aed.send("m")
	aed.waitFor("✓ Maladie : 1 absence (u pour annuler)")
	aed.send("q")
	if status := aed.waitExit(); status != 0 {
		t.Fatalf("aed: exit status %d:\n%s", status, aed.screen())
	}
	row = profAbsent(t, db)
	if row["motif"] != "Maladie" || row["valable"] != "oui" || row["justifiee"] != "oui" {
		t.Errorf("export after the motive: motif %q valable %q justifiee %q, want Maladie oui oui",
			row["motif"], row["valable"], row["justifiee"])
	}
}

func lineOf(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}
