package main

import (
	"strings"
	"testing"
)

// absentAtEight returns the pupil (NOM Prénom) and the division of the one
// absence the export shows at prof's 08:00 séance on 23/11/2026.
func absentAtEight(t *testing.T, db string) (name, division string) {
	t.Helper()
	row := profAbsent(t, db)
	return strings.ToUpper(row["nom"]) + " " + row["prenom"], row["seance"]
}

// mondayFirstCell reads, on the grid's screen, the character of the first
// slot of the first day in the row of pupil: the day columns start where the
// first │ of the day header ends the first day.
func mondayFirstCell(t *testing.T, screen, pupil string) string {
	t.Helper()
	var head, row []rune
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case strings.Contains(l, "élèves") && strings.Contains(l, "│"):
			head = []rune(l)
		case strings.Contains(l, pupil) && row == nil:
			row = []rune(l)
		}
	}
	bar := -1
	for i, r := range head {
		if r == '│' {
			bar = i
			break
		}
	}
	if bar < 0 || row == nil {
		t.Fatalf("no grid or no row for %s:\n%s", pupil, screen)
	}
	// A day is 9 slots and the gap between morning and afternoon.
	return string(row[bar-10])
}

// TestGridShowsThisMorningsMark is issue 5's acceptance check: on the demo
// db, prof marks an absence at 08:00; then cpe opens the planning grid of
// prof's 08:00 division and sees that morning's mark, detailed.
func TestGridShowsThisMorningsMark(t *testing.T) {
	db := demoDB(t)
	prof := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T08:05 --as prof")
	prof.waitFor("08:00–08:55", "appel non fait")
	prof.send("a")
	prof.waitFor("1 absent ·")
	prof.send("q")
	if status := prof.waitExit(); status != 0 {
		t.Fatalf("prof's session ended with %d:\n%s", status, prof.screen())
	}
	pupil, division := absentAtEight(t, db)

	cpe := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T08:10 --as cpe")
	cpe.waitFor("1 Absences du jour")
	cpe.send("2")
	cpe.waitFor("semaine du 23/11/2026")
	cpe.send("D")
	cpe.waitFor("Classe ou groupe")
	for _, r := range strings.ToLower(division) {
		cpe.send(string(r))
	}
	cpe.send("Enter")
	screen := cpe.waitFor(division+" · semaine du 23/11/2026", pupil)
	if got := mondayFirstCell(t, screen, pupil); got != "A" {
		t.Errorf("%s's Monday 08:00 cell is %q, want A:\n%s", pupil, got, screen)
	}
	// The cursor opens on the slot under way: that very mark, detailed.
	cpe.waitFor(pupil+" · lun. 23/11 08:00–08:55 · "+division, "absent · non justifiée · saisi par")
	cpe.send("q")
	if status := cpe.waitExit(); status != 0 {
		t.Fatalf("cpe's session ended with %d:\n%s", status, cpe.screen())
	}
}
