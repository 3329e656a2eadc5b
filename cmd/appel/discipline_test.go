package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appel/model/dump"
)

// demoPupil returns the identifier of a pupil of 4A in the demo school.
func demoPupil(t *testing.T, db string) string {
	t.Helper()
	for _, line := range strings.Split(appelCmd(t, "export", "marks", "--db", db, "--to", "2026-11-20"), "\n") {
		f := strings.Split(line, ";")
		if len(f) > 9 && f[9] == "4A" {
			return f[5]
		}
	}
	t.Fatal("no pupil of 4A in the demo's marks")
	return ""
}

// TestDisciplineCommandsRoundTrip: incidents, punishments, a detention and
// its roll call, a sanction given on the command line read back the same
// after export all and import all into a new base; the registre has no name.
func TestDisciplineCommandsRoundTrip(t *testing.T) {
	first := demoDB(t)
	pupil := demoPupil(t, first)
	now := []string{"--db", first, "--now", "2026-11-23T09:00"}
	do := func(args ...string) string { return appelCmd(t, append(args, now...)...) }
	do("incident", "add", "--kind", "violence-verbale", "--place", "cour", "--description", "insultes", "--pupils", pupil+":auteur")
	do("detention", "plan", "--date", "2026-11-25", "--start", "13:00", "--end", "15:00", "--room", "Perm", "--supervisor", "aed")
	if out := do("punishment", "add", "--pupil", pupil, "--kind", "retenue", "--reason", "insultes"); !strings.Contains(out, "ret-20261125-1") {
		t.Errorf("retenue not placed in the next session: %q", out)
	}
	do("detention", "roll", "ret-20261125-1", pupil)
	do("sanction", "add", "--pupil", pupil, "--kind", "exclusion-temporaire", "--facts", "violences", "--from", "2026-11-24", "--days", "2")
	do("discipline", "kind", "add", "incidents", "Usage du téléphone")
	if _, errOut, code := appelRun(t, "", append([]string{"sanction", "add", "--pupil", pupil, "--kind", "retenue", "--facts", "x"}, now...)...); code == 0 || !strings.Contains(errOut, "inconnu") {
		t.Errorf("a seventh sanction: exit %d, %s", code, errOut)
	}
	reports := func(db string) string {
		var b strings.Builder
		for _, args := range [][]string{{"incident", "list"}, {"punishment", "list"}, {"detention", "list", "--from", "2026-11-01"},
			{"sanction", "list"}, {"sanction", "register"}, {"discipline", "stats"}, {"discipline", "kind", "list", "incidents"}} {
			b.WriteString(appelCmd(t, append(args, "--db", db, "--now", "2026-11-23T09:00")...))
		}
		return b.String()
	}
	before := reports(first)
	for _, want := range []string{"Violence verbale", "non faite", "Exclusion temporaire de l'établissement", "effacée du dossier le 01/09/2029", "Usage du téléphone"} {
		if !strings.Contains(before, want) {
			t.Errorf("reports lack %q:\n%s", want, before)
		}
	}
	record := appelCmd(t, "export", "pupil", "--pupil", pupil, "--db", first, "--now", "2026-11-23T09:00")
	for _, want := range []string{"Incidents où il est impliqué (1)", "insultes", "Punitions (1)", "non faite", "Sanctions disciplinaires (1)",
		"Exclusion temporaire de l'établissement 2 jours à partir du 24/11/2026", "effacée du dossier le 01/09/2029"} {
		if !strings.Contains(record, want) {
			t.Errorf("export pupil lacks %q:\n%s", want, record)
		}
	}
	register := appelCmd(t, "sanction", "register", "--db", first, "--now", "2026-11-23T09:00")
	if strings.Contains(register, pupil) || !strings.Contains(register, "violences") {
		t.Errorf("registre des sanctions:\n%s", register)
	}
	ods := filepath.Join(t.TempDir(), "registre.ods")
	appelCmd(t, "sanction", "register", "--format", "ods", "--out", ods, "--db", first, "--now", "2026-11-23T09:00")
	if data, err := os.ReadFile(ods); err != nil || !strings.HasPrefix(string(data), "PK") || !strings.Contains(string(data), "mimetypeapplication/vnd.oasis.opendocument.spreadsheet") {
		t.Errorf("registre ODS: %v, %d bytes", err, len(data))
	}
	dir := filepath.Join(t.TempDir(), "export")
	appelCmd(t, "export", "all", "--out", dir, "--db", first)
	for _, name := range []string{"incidents.csv", "punitions.csv", "retenues.csv", "sanctions.csv", "listes_discipline.csv"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || strings.Count(string(data), "\n") < 2 {
			t.Errorf("%s: %v, %d lines", name, err, strings.Count(string(data), "\n"))
		}
	}
	second := filepath.Join(t.TempDir(), "rebuilt.db")
	appelCmd(t, "import", "all", dir, "--db", second)
	if after := reports(second); after != before {
		t.Errorf("discipline differs after the round trip:\n%s\n---\n%s", before, after)
	}
	again := filepath.Join(t.TempDir(), "again")
	appelCmd(t, "export", "all", "--out", again, "--db", second)
	for _, name := range dump.Names() {
		if name == dump.JournalName {
			continue
		}
		x, _ := os.ReadFile(filepath.Join(dir, name))
		y, _ := os.ReadFile(filepath.Join(again, name))
		if string(x) != string(y) {
			t.Errorf("%s differs after the round trip", name)
		}
	}
}
