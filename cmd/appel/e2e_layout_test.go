package main

import (
	"strings"
	"testing"
)

// TestLayoutFitsTheTerminal: on the demo school, in a real terminal at
// 80×24 and 200×50, the roll call's footer always holds the key that ends
// it and the administrator's school panel holds whole with its keys, and at
// 200 columns nothing is cut on the roll call, the desk, the planning grid
// and the pupil's file.
func TestLayoutFitsTheTerminal(t *testing.T) {
	db := demoDB(t)
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		w, h := size[0], size[1]
		prof := newTerminal(t, w, h, nil, appelBin+" --db "+db+" --now 2026-11-23T08:05 --as prof")
		screen := prof.waitFor("08:00–08:55")
		lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
		if foot := lines[len(lines)-1]; !strings.Contains(foot, "↵ valider l'appel") {
			t.Errorf("%d×%d: the roll call's footer lacks ↵ valider l'appel: %q", w, h, foot)
		}
		if w == 200 {
			noCut(t, "roll call", screen)
			prof.send("2")
			noCut(t, "teacher's grid", prof.waitFor("semaine du"))
		}
		prof.send("q")
		prof.waitExit()
		admin := newTerminal(t, w, h, nil, appelBin+" --db "+db+" --now 2026-11-23T10:05 --as admin")
		admin.waitFor("Comptes")
		admin.send("0")
		admin.waitFor("Importer un fichier")
		admin.send("E")
		// The school panel, with its line of keys, holds in the terminal.
		noCut(t, "school panel", admin.waitFor("Grille horaire (c)", "Règles de décompte (m)", "esc retour"))
		admin.send("Escape")
		admin.waitFor("Forcer")
		admin.send("q")
		admin.waitExit()
		if w != 200 {
			continue
		}
		cpe := newTerminal(t, w, h, nil, appelBin+" --db "+db+" --now 2026-11-23T10:05 --as cpe")
		noCut(t, "desk", cpe.waitFor("Absences du jour"))
		cpe.send("3")
		cpe.waitFor("Élèves")
		cpe.send("d", "u", "r")
		cpe.waitFor("› DURAND")
		cpe.send("Enter")
		cpe.waitFor("[Résumé]")
		cpe.send("Tab")
		noCut(t, "pupil's timetable", cpe.waitFor("[Emploi du temps]"))
		cpe.send("q")
		cpe.waitExit()
	}
}

// noCut fails when a line of the screen was cut (…) though the terminal
// had room left on it; the footer's « m r f… » abbreviates a list of keys.
func noCut(t *testing.T, what, screen string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	for _, l := range lines[:len(lines)-1] {
		if i := strings.Index(l, "…"); i >= 0 && !strings.Contains(l, "Chargement…") && len([]rune(l)) < 190 {
			t.Errorf("%s: a text cut with room to spare: %q", what, strings.TrimSpace(l))
		}
	}
}
