package main

import (
	"path/filepath"
	"strings"
	"testing"

	"appel/model"
)

func init() {
	model.RegisterSettings(model.SettingDef{Key: "essai.delai", Label: "délai d'essai", Kind: model.SettingInt,
		Default: "15", Min: 1, Max: 120})
}

// TestSettingsCommands: set, list and reset from the command line, a bad
// value refused in one French line, and the change audited.
func TestSettingsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	inProcess(t, "init", "--uai", "0670001A", "--name", "Collège Test", "--db", db, "--now", "2026-11-23T08:05")
	if got := inProcess(t, "settings", "list", "--db", db); !strings.Contains(got, "essai.delai\t15 (défaut)\t15\tdélai d'essai (nombre de 1 à 120)\n") {
		t.Errorf("settings list = %q", got)
	}
	if got := inProcess(t, "settings", "set", "essai.delai", "30", "--db", db); got != "essai.delai\t30\t15\tdélai d'essai (nombre de 1 à 120)\n" {
		t.Errorf("settings set = %q", got)
	}
	for _, args := range [][]string{{"settings", "set", "essai.delai", "500"}, {"settings", "set", "inconnu", "1"}} {
		_, errOut, code := appelRun(t, "", append(args, "--db", db)...)
		if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "appel : ") {
			t.Errorf("%v: exit %d, stderr %q: want a one-line French refusal", args, code, errOut)
		}
	}
	if got := inProcess(t, "settings", "list", "--db", db); !strings.Contains(got, "essai.delai\t30\t15\t") {
		t.Errorf("after set: %q", got)
	}
	inProcess(t, "settings", "reset", "essai.delai", "--db", db)
	if got := inProcess(t, "settings", "list", "--db", db); !strings.Contains(got, "essai.delai\t15 (défaut)") {
		t.Errorf("after reset: %q", got)
	}
	audit := inProcess(t, "audit", "--db", db, "--from", "2026-11-23")
	if !strings.Contains(audit, "\tréglage\t") || !strings.Contains(audit, "\tessai.delai\t-\t30\n") {
		t.Errorf("the audit lacks the setting:\n%s", audit)
	}
}

// plainCSV is a CSV export as written in a test: no BOM, \n line ends.
func plainCSV(s string) string {
	return strings.ReplaceAll(strings.TrimPrefix(s, "\ufeff"), "\r\n", "\n")
}

// TestSettingsSlots: the grid is shown as CSV, replaced from the standard
// input after a --check that writes nothing, refused in one French line when
// it overlaps, and audited.
func TestSettingsSlots(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	inProcess(t, "init", "--uai", "0670001A", "--name", "Collège Test", "--db", db, "--now", "2026-11-23T08:05")
	if got := plainCSV(inProcess(t, "settings", "slots", "--db", db)); !strings.HasPrefix(got, "code;debut;fin;demi_journee\n") || !strings.Contains(got, "M1;08:00;08:55;matin\n") {
		t.Errorf("settings slots = %q", got)
	}
	grid := "code;debut;fin;demi_journee\nM1;08:10;09:05;matin\nM2;09:05;10:00;matin\nM3;10:15;11:10;matin\nS1;13:40;14:35;après-midi\n"
	run := func(stdin string, args ...string) (string, string, int) {
		return runWith(stdin, append(args, "--db", db, "--now", "2026-11-23T10:00")...)
	}
	out, errOut, code := run(grid, "settings", "slots", "set", "-", "--check")
	if code != 0 || !strings.Contains(out, "rien n'a été écrit") {
		t.Fatalf("--check: exit %d, %q %q", code, out, errOut)
	}
	if !strings.HasPrefix(out, "À partir du 24/11/2026 :\nM1\t08:10–09:05\tmatin\n") || !strings.Contains(out, "Aucun cours de l'emploi du temps ne change.") {
		t.Errorf("--check says the date, then the grid, then that no course changes: %q", out)
	}
	if got := inProcess(t, "settings", "slots", "--db", db); !strings.Contains(got, "M1;08:00;") {
		t.Errorf("--check wrote the grid: %q", got)
	}
	if out, errOut, code := run(grid, "settings", "slots", "set", "-"); code != 0 || !strings.Contains(out, "Grille horaire enregistrée à partir du 24/11/2026 : 4 créneaux.") {
		t.Fatalf("set: exit %d, %q %q", code, out, errOut)
	}
	if got := plainCSV(inProcess(t, "settings", "slots", "--db", db)); got != grid {
		t.Errorf("after set: %q, want %q", got, grid)
	}
	if _, errOut, _ := run("", "settings", "slots"); !strings.Contains(errOut, "Grille qui s'applique à partir du 24/11/2026") {
		t.Errorf("the planned grid is not said to be planned: %q", errOut)
	}
	bad := "code;debut;fin;demi_journee\nM1;08:00;09:00;matin\nM2;08:30;09:30;matin\n"
	_, errOut, code = run(bad, "settings", "slots", "set", "-")
	if code == 0 || !strings.Contains(errOut, "se chevauchent") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("overlapping grid: exit %d, %q", code, errOut)
	}
	if audit := inProcess(t, "audit", "--db", db, "--from", "2026-11-23"); !strings.Contains(audit, "grille horaire") {
		t.Errorf("the audit lacks the grid:\n%s", audit)
	}
	if _, errOut, code := run(grid, "settings", "slots", "set", "-", "--from", "2026-11-23"); code == 0 || !strings.Contains(errOut, "le passé ne change pas") {
		t.Errorf("a grid from today: exit %d, %q", code, errOut)
	}
}

// TestSettingsWeekAndDays: the usual week changed from a date with its
// preview (the courses it drops), shown with the change planned; an extra
// day added after a --check that lists its séances, then removed.
func TestSettingsWeekAndDays(t *testing.T) {
	db := demoDB(t)
	run := func(args ...string) (string, string, int) {
		return runArgs(append(args, "--db", db, "--now", "2026-11-23T10:00")...)
	}
	if out, _, _ := run("settings", "week"); out != "semaine en vigueur : lundi mardi mercredi jeudi vendredi\n" {
		t.Errorf("settings week = %q", out)
	}
	out, errOut, code := run("settings", "week", "set", "lun mar mer-matin jeu ven", "--from", "2026-11-30", "--check")
	if code != 0 || !strings.Contains(out, "À partir du 30/11/2026 : lundi mardi mercredi-matin jeudi vendredi") || !strings.Contains(out, "rien n'a été écrit") {
		t.Fatalf("week --check: exit %d, %q %q", code, out, errOut)
	}
	if out, errOut, code = run("settings", "week", "set", "lun mar mer-matin jeu ven", "--from", "2026-11-30"); code != 0 || !strings.Contains(out, "Semaine de cours enregistrée à partir du 30/11/2026") {
		t.Fatalf("week set: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ := run("settings", "week"); !strings.Contains(out, "à partir du 30/11/2026 : lundi mardi mercredi-matin jeudi vendredi") {
		t.Errorf("settings week after the change = %q", out)
	}
	if _, errOut, code := run("settings", "week", "set", "lundi samedi-soir"); code == 0 || !strings.HasPrefix(errOut, "appel : ") {
		t.Errorf("bad week: exit %d, %q", code, errOut)
	}
	out, errOut, code = run("settings", "days", "add", "2026-12-05", "Rattrapage", "--follows", "vendredi", "--half", "matin", "--check")
	if code != 0 || !strings.Contains(out, "samedi 05/12/2026 : emploi du temps du vendredi (matin)") || !strings.Contains(out, "rien n'a été écrit") {
		t.Fatalf("days add --check: exit %d, %q %q", code, out, errOut)
	}
	if out, errOut, code = run("settings", "days", "add", "2026-12-05", "Rattrapage", "--follows", "vendredi", "--half", "matin"); code != 0 {
		t.Fatalf("days add: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ := run("settings", "days"); !strings.Contains(out, "2026-12-05;Rattrapage;vendredi;matin\n") {
		t.Errorf("settings days = %q", out)
	}
	if _, errOut, code := run("settings", "days", "add", "2026-11-24", "Mardi", "--follows", "vendredi"); code == 0 || !strings.Contains(errOut, "déjà un jour de cours") {
		t.Errorf("a usual day added: exit %d, %q", code, errOut)
	}
	if out, errOut, code := run("settings", "days", "remove", "2026-12-05"); code != 0 || !strings.Contains(out, "retiré") {
		t.Errorf("days remove: exit %d, %q %q", code, out, errOut)
	}
}

// TestInitYear: --year creates the year asked; without it, from June on
// the year that the next 1 September starts; init says where the db is.
func TestInitYear(t *testing.T) {
	cases := []struct {
		now, year, want string
	}{
		{"2026-07-10T09:00", "", "2026-2027"},
		{"2026-06-01T09:00", "", "2026-2027"},
		{"2026-05-31T09:00", "", "2025-2026"},
		{"2026-11-23T08:05", "", "2026-2027"},
		{"2026-07-10T09:00", "2025-2026", "2025-2026"},
	}
	for _, c := range cases {
		db := filepath.Join(t.TempDir(), "a.db")
		args := []string{"init", "--uai", "0670001A", "--name", "Collège Test", "--db", db, "--now", c.now}
		if c.year != "" {
			args = append(args, "--year", c.year)
		}
		_, msg, code := runArgs(args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, msg)
		}
		if !strings.Contains(msg, "créé pour "+c.want) || !strings.Contains(msg, db) {
			t.Errorf("%s --year %q: %q, want %s and the db's path", c.now, c.year, msg, c.want)
		}
	}
	db := filepath.Join(t.TempDir(), "a.db")
	if _, _, code := runArgs("init", "--uai", "0670001A", "--name", "X", "--db", db, "--year", "2026-2028"); code == 0 {
		t.Errorf("--year 2026-2028 accepted")
	}
}

// TestSettingsCounting: the rules shown, a --check that writes nothing,
// then the change, audited; a bad value refused in one French line.
func TestSettingsCounting(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	now := "2026-11-23T08:05"
	inProcess(t, "init", "--uai", "0670001A", "--name", "Collège Test", "--db", db, "--now", now)
	if got := inProcess(t, "settings", "counting", "--db", db); got != "méthode\tbrute\nmidi\t12:00\nretard compté comme absence\tjamais\n" {
		t.Errorf("settings counting = %q", got)
	}
	got := inProcess(t, "settings", "counting", "set", "--method", "toutes", "--late-as-absent", "10", "--check", "--db", db, "--now", now)
	if !strings.Contains(got, "0 élève sur 0 verra ses chiffres changer") || !strings.Contains(got, "rien n'a été écrit") {
		t.Errorf("--check = %q", got)
	}
	inProcess(t, "settings", "counting", "set", "--method", "toutes", "--late-as-absent", "10", "--midday", "12:30", "--db", db, "--now", now)
	if got := inProcess(t, "settings", "counting", "--db", db); got != "méthode\ttoutes\nmidi\t12:30\nretard compté comme absence\taprès 10 min\n" {
		t.Errorf("after set: %q", got)
	}
	for _, args := range [][]string{{"--method", "hasard"}, {"--midday", "25:00"}, {"--late-as-absent", "-3"}} {
		_, errOut, code := runArgs(append([]string{"settings", "counting", "set", "--db", db}, args...)...)
		if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	if audit := inProcess(t, "audit", "--db", db, "--from", "2026-11-23"); !strings.Contains(audit, "règles de décompte") {
		t.Errorf("the audit lacks the rules:\n%s", audit)
	}
}

// TestYearPeriods: a school with semestres sets them from a CSV on the
// standard input; overlapping periods are refused in one French line.
func TestYearPeriods(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	inProcess(t, "init", "--uai", "0670001A", "--name", "Collège Test", "--db", db, "--now", "2026-11-23T08:05", "--year", "2026-2027")
	if got := inProcess(t, "year", "periods", "--db", db); strings.Count(got, "\n") != 4 {
		t.Errorf("year periods: %q, want the three trimestres", got)
	}
	sem := "nom;debut;fin\nSemestre 1;01/09/2026;24/01/2027\nSemestre 2;25/01/2027;02/07/2027\n"
	if _, errOut, code := runWith(sem, "year", "periods", "set", "-", "--db", db); code != 0 {
		t.Fatalf("set: %d %s", code, errOut)
	}
	got := plainCSV(inProcess(t, "year", "periods", "--db", db))
	if got != "nom;debut;fin\nSemestre 1;01/09/2026;24/01/2027\nSemestre 2;25/01/2027;02/07/2027\n" {
		t.Errorf("after set: %q", got)
	}
	inProcess(t, "year", "holiday", "Pont de l'Ascension", "2027-05-07", "--db", db)
	if again := plainCSV(inProcess(t, "year", "periods", "--db", db)); again != got {
		t.Errorf("a holiday redrew the school's own periods: %q", again)
	}
	bad := "nom;debut;fin\nS1;01/09/2026;25/01/2027\nS2;25/01/2027;02/07/2027\n"
	if _, errOut, code := runWith(bad, "year", "periods", "set", "-", "--db", db); code == 0 || !strings.Contains(errOut, "se chevauchent") {
		t.Errorf("overlap: exit %d, %q", code, errOut)
	}
}

// TestInitOverseas: a school of La Réunion is created in its time zone,
// with a provisional calendar that init says to replace.
func TestInitOverseas(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	_, msg, code := runArgs("init", "--uai", "9740001A", "--name", "Collège de Saint-Denis", "--zone", "la reunion", "--db", db, "--now", "2026-07-10T09:00")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, msg)
	}
	if !strings.Contains(msg, "(zone La Réunion,") || !strings.Contains(msg, "Calendrier provisoire") || !strings.Contains(msg, "appel import calendrier") {
		t.Errorf("init said %q", msg)
	}
	if got := inProcess(t, "settings", "academie", "--db", db); !strings.Contains(got, "Indian/Reunion") {
		t.Errorf("settings academie = %q", got)
	}
	if _, _, code := runArgs("init", "--uai", "9740001A", "--name", "X", "--zone", "Atlantide", "--db", filepath.Join(t.TempDir(), "b.db")); code == 0 {
		t.Error("an unknown zone was accepted")
	}
}
