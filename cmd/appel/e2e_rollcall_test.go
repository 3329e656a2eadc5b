package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// csvRows parses a French-profile CSV export into maps by header name.
func csvRows(t *testing.T, data string) []map[string]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\ufeff")))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("export illisible: %v", err)
	}
	if len(records) == 0 {
		t.Fatalf("export sans en-tête")
	}
	var out []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, h := range records[0] {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

// profMarks counts the marks of prof's 08:00 séance on 23/11/2026 by kind.
func profMarks(t *testing.T, db string) map[string]int {
	t.Helper()
	counts := map[string]int{}
	for _, row := range csvRows(t, appelCmd(t, "export", "marks", "--db", db, "--from", "2026-11-23", "--to", "2026-11-23")) {
		if row["enseignant"] == "prof" && row["debut"] == "08:00" && row["date"] == "23/11/2026" {
			counts[row["marque"]]++
		}
	}
	return counts
}

func profSeanceDone(t *testing.T, db string) string {
	t.Helper()
	for _, row := range csvRows(t, appelCmd(t, "export", "seances", "--db", db, "--from", "2026-11-23", "--to", "2026-11-23")) {
		if row["enseignant"] == "prof" && row["debut"] == "08:00" {
			return row["appel_fait"]
		}
	}
	t.Fatalf("prof has no 08:00 séance on 23/11/2026")
	return ""
}

// demoDB returns a fresh copy of the demo school at 2026-11-23T08:05 in the
// test's own directory; the school is built once per test binary.
func demoDB(t *testing.T) string {
	t.Helper()
	demoTemplate.once.Do(func() {
		dir, err := os.MkdirTemp("", "appel-demo-")
		if err != nil {
			demoTemplate.err = err
			return
		}
		demoTemplate.path = filepath.Join(dir, "demo.db")
		var out, errOut bytes.Buffer
		if code := run([]string{"init", "--demo", "--db", demoTemplate.path, "--now", "2026-11-23T08:05"},
			strings.NewReader(""), &out, &errOut); code != 0 {
			demoTemplate.err = fmt.Errorf("appel init --demo: exit %d: %s", code, errOut.String())
		}
	})
	if demoTemplate.err != nil {
		t.Fatal(demoTemplate.err)
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	data, err := os.ReadFile(demoTemplate.path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return db
}

// demoTemplate is the demo school that demoDB copies.
var demoTemplate struct {
	once sync.Once
	path string
	err  error
}

// TestRollCallInATerminal is issue 2's acceptance check: in tmux 100×30, prof
// types a, j, r, enter, q; the export then has one more absent and one more
// late mark at that séance, and the séance is done.
func TestRollCallInATerminal(t *testing.T) {
	db := demoDB(t)
	before := profMarks(t, db)
	if got := profSeanceDone(t, db); got != "non" {
		t.Fatalf("the demo's 08:00 séance must start with its roll call not done, got %q", got)
	}
	term := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now 2026-11-23T08:05 --as prof")
	term.waitFor("08:00–08:55", "appel non fait")
	term.send("a", "j", "r", "Enter")
	term.waitFor("✓ appel fait")
	term.send("q")
	if status := term.waitExit(); status != 0 {
		t.Fatalf("exit status %d:\n%s", status, term.screen())
	}
	after := profMarks(t, db)
	if after["absent"] != before["absent"]+1 || after["retard"] != before["retard"]+1 || len(after) > 2 {
		t.Errorf("marks before %v, after %v: want exactly one more absent and one more retard", before, after)
	}
	if got := profSeanceDone(t, db); got != "oui" {
		t.Errorf("appel_fait = %q, want oui", got)
	}
}

// TestKillAfterSavedLosesNothing kills the program with SIGKILL right after the
// screen showed marks as saved: they are all in the db.
func TestKillAfterSavedLosesNothing(t *testing.T) {
	db := demoDB(t)
	term := newTerminal(t, 100, 30, nil, "exec "+appelBin+" --db "+db+" --now 2026-11-23T08:05 --as prof")
	term.waitFor("appel non fait")
	term.send("a", "a", "r")
	term.waitFor("2 absents", "1 retard ·")
	screen := term.screen()
	if strings.Contains(screen, "…") {
		t.Fatalf("counts are drawn from committed marks only, yet a pending one shows:\n%s", screen)
	}
	if err := syscall.Kill(term.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	term.waitExit()
	if got := profMarks(t, db); got["absent"] != 2 || got["retard"] != 1 {
		t.Errorf("after SIGKILL the db holds %v, the screen showed 2 absent and 1 late saved", got)
	}
}
