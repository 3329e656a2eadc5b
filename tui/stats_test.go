package tui_test

import (
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// afterHistory is a clock after every séance of modeltest.History (Wednesday
// 2 December 2026 at 10:00): all of it counts.
var afterHistory = modeltest.At(model.NewDate(2026, 12, 2), 10, 0)

// newStatsFixture is a 10-pupil 4B with modeltest.History, at now.
func newStatsFixture(t *testing.T, now time.Time) fixture {
	t.Helper()
	data := modeltest.School(10)
	modeltest.History(&data)
	return fixture{db: storagetest.NewWith(t, data), now: now}
}

// startCPE opens the interface of cpe, on its landing screen (the desk).
func startCPE(t *testing.T, f fixture, width, height int) *driver {
	t.Helper()
	d := f.start(t, "cpe", width, height)
	d.WaitFor("1 Absences du jour")
	return d
}

// openStats opens the statistics and waits for their first load.
func openStats(d *driver) {
	d.T.Helper()
	d.Press("4")
	d.WaitFor("[Élèves]")
}

// fields returns the words of the screen line that contains text, after text.
func fields(view, text string) []string {
	l := line(view, text)
	i := strings.Index(l, text)
	if i < 0 {
		return nil
	}
	return strings.Fields(l[i+len(text):])
}

func TestStatsPupilsOfADivision(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	d := startCPE(t, f, 80, 24)
	d.Press("4")
	d.WaitFor("Statistiques · Année 2026-2027", "[Élèves]", "‹ 4A ›", "Seuil (2)")
	d.Press("l")
	v := d.WaitFor("‹ 4B ›", "ABADIE Léa")
	rows := []struct {
		name string
		want string
	}{
		// DJ, valables, non valables, heures, retards, minutes, months over the threshold.
		{"ABADIE Léa", "5 1 4 4,58 0 0 nov. 2026"},
		{"BÉNARD Noé", "0 0 0 0 1 10"},
		{"CARON Zoé", "1 0 1 0,92 0 0"},
		{"DA SILVA Inès", "1 1 0 1,83 0 0"},
		{"ÉCUYER Raphaël", "4 0 4 3,67 0 0 nov. 2026"},
	}
	for _, r := range rows {
		if got := strings.Join(fields(v, r.name), " "); got != r.want {
			t.Errorf("%s: %q, want %q", r.name, got, r.want)
		}
	}
	if !strings.Contains(v, "4B (10 élèves) : 11 DJ (2 val., 9 non val.) · 11 h · 1 retard (10 min)") {
		t.Errorf("division summary missing:\n%s", v)
	}
}

func TestStatsSortByAnyColumn(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	d := startCPE(t, f, 80, 24)
	openStats(d)
	d.Press("l")
	d.WaitFor("‹ 4B ›")
	order := func(names ...string) []int {
		v := d.View()
		var at []int
		for _, n := range names {
			at = append(at, strings.Index(v, n))
		}
		return at
	}
	d.Press("o", "o")
	v := d.WaitFor("DJ▼")
	if at := order("ABADIE", "ÉCUYER", "CARON", "BÉNARD"); !(at[0] < at[1] && at[1] < at[2] && at[2] < at[3]) {
		t.Errorf("sorted by half-days, largest first:\n%s", v)
	}
	d.Press("O")
	d.WaitFor("DJ▲")
	if at := order("ABADIE", "ÉCUYER"); at[0] < at[1] {
		t.Errorf("reversed order still puts ABADIE first:\n%s", d.View())
	}
	d.Press("o", "o", "o", "o", "o")
	d.WaitFor("Min.▼")
	if at := order("BÉNARD", "ABADIE"); at[0] > at[1] {
		t.Errorf("by lateness minutes, BÉNARD (10 min) comes first:\n%s", d.View())
	}
}

func TestStatsExplainAPupil(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	d := startCPE(t, f, 120, 30)
	openStats(d)
	d.Press("l")
	d.WaitFor("‹ 4B ›")
	d.Press("x")
	v := d.WaitFor("Explication — ABADIE Léa (4B)", "Total : 5 demi-journées (1 valable, 4 non valables)")
	for _, want := range []string{
		"seuil atteint : novembre 2026 (4e le jeu. 26/11 matin)",
		"lun. 23/11/2026 matin · non valable · 1 séance manquée · 0,92 h",
		"ven. 27/11/2026 matin · valable",
		"absent · Maladie (valable) · par prof 01/11 09:00 · motif par cpe",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("explanation lacks %q:\n%s", want, v)
		}
	}
	d.Press("esc", "j", "j", "j", "enter")
	v = d.WaitFor("Explication — DA SILVA Inès", "Total : 1 demi-journée (1 valable, 0 non valable) · 1,83 h")
	if !strings.Contains(v, "10:05–11:00 ESP 4AB") || !strings.Contains(v, "absent · Maladie (valable) · annoncée par aed1") {
		t.Errorf("the announced absence and who entered it:\n%s", v)
	}
}

func TestStatsThresholdListRecordsTheReport(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	d := startCPE(t, f, 80, 24)
	openStats(d)
	d.Press("tab", "tab", "tab")
	v := d.WaitFor("[Seuil (2)]", "ÉCUYER Raphaël", "2 élève(s)-mois au seuil · 0 signalé(s)")
	if got := strings.Join(fields(v, "ÉCUYER Raphaël"), " "); got != "4B nov. 2026 4 jeu. 05/11 matin à signaler" {
		t.Errorf("threshold line: %q", got)
	}
	if !strings.Contains(line(v, "ÉCUYER"), "›") {
		t.Errorf("the list starts with the first to reach the threshold:\n%s", v)
	}
	d.Press("s")
	d.WaitFor("Enregistrer le signalement de ÉCUYER Raphaël (novembre 2026) à la DASEN ?")
	d.Press("n")
	d.WaitFor("Rien n'a été fait.", "0 signalé(s)")
	d.Press("s", "o")
	d.WaitFor("✓ Signalement DASEN de ÉCUYER Raphaël (novembre 2026) enregistré.")
	v = d.WaitFor("✓ 02/12 cpe", "1 signalé(s)")
	if !strings.Contains(line(v, "ABADIE Léa"), "à signaler") {
		t.Errorf("only the pupil under the cursor is reported:\n%s", v)
	}
	var reports []model.Report
	if err := f.db.View(func(tx model.ReadTx) (err error) { reports, err = tx.Reports(); return err }); err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 || reports[0].Pupil != "E005" || reports[0].Month != "2026-11" || reports[0].By != "cpe" {
		t.Errorf("stored reports: %+v", reports)
	}
	d.Press("s")
	d.WaitFor("déjà enregistré le 02/12/2026")
}

func TestStatsMonthTable(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	d := startCPE(t, f, 120, 24)
	openStats(d)
	d.Press("tab", "tab")
	d.WaitFor("‹ décembre 2026 ›")
	d.Press("left")
	v := d.WaitFor("‹ novembre 2026 ›", "Taux d'absentéisme novembre 2026 : 14,29 % (2 élèves sur 14")
	if got := strings.Join(fields(v, "Établissement"), " "); got != "14 2 0 0 0 14,29 % 8" {
		t.Errorf("school row: %q", got)
	}
	d.Press("right")
	v = d.WaitFor("‹ décembre 2026 ›")
	if got := strings.Join(fields(v, "4B"), " "); got != "10 0 0 0 0 0 % 1" {
		t.Errorf("December 4B row: %q", got)
	}
}

func TestStatsPeriodAndFilter(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	d := startCPE(t, f, 80, 24)
	openStats(d)
	d.Press("l")
	d.WaitFor("‹ 4B ›")
	d.Press("P")
	v := d.WaitFor("Statistiques · juillet 2027")
	if got := strings.Join(fields(v, "ABADIE Léa"), " "); got != "0 0 0 0 0 0" {
		t.Errorf("July: %q", got)
	}
	d.Press("P", "P", "P", "P", "P", "P", "P", "P")
	v = d.WaitFor("Statistiques · novembre 2026 (01/11/2026 → 30/11/2026)")
	if got := strings.Join(fields(v, "CARON Zoé"), " "); got != "0 0 0 0 0 0" {
		t.Errorf("E003's absence is in December: %q", got)
	}
	d.Press("/", "é", "c", "u")
	v = d.WaitFor("filtre : écu")
	if strings.Contains(v, "ABADIE") || !strings.Contains(v, "ÉCUYER Raphaël") {
		t.Errorf("filter écu:\n%s", v)
	}
	d.Press("esc")
	if v := d.View(); !strings.Contains(v, "ABADIE") {
		t.Errorf("esc clears the filter:\n%s", v)
	}
}

func TestStatsRolesAndKeys(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	dir := f.start(t, "direction", 80, 24)
	v := dir.WaitFor("Tableau de bord — mercredi 2 décembre 2026")
	if tabs := line(v, "1 Tableau de bord"); !strings.Contains(tabs, "4 Stat") || strings.Contains(tabs, "Appel") {
		t.Errorf("direction lands on the dashboard, statistics one key away, no roll call:\n%s", v)
	}
	openStats(dir)
	dir.Press("tab", "tab", "tab")
	v = dir.WaitFor("[Seuil (2)]")
	if strings.Contains(v, "signaler (DASEN)") {
		t.Errorf("direction may not record a report: the key is hidden:\n%s", v)
	}
	dir.Press("s")
	if strings.Contains(dir.View(), "Signalement DASEN") {
		t.Errorf("direction recorded a report")
	}
	prof := f.start(t, "prof", 80, 24)
	prof.WaitFor("appel")
	prof.Press("tab", "4")
	prof.WaitFor("écran 4 non disponible pour votre rôle")
	cpe := startCPE(t, f, 80, 24)
	cpe.Press("5")
	cpe.WaitFor("Tableau de bord — mercredi 2 décembre 2026")
}

func TestDashboardIsLive(t *testing.T) {
	f := newStatsFixture(t, modeltest.At(modeltest.Monday, 10, 30))
	d := f.start(t, "direction", 80, 24)
	v := d.WaitFor("Tableau de bord — lundi 23 novembre 2026, 10:30")
	checks := map[string]string{
		"Élèves absents":      "2",
		"Élèves en retard":    "1",
		"Appels non faits":    "2 sur 3 séances commencées",
		"Absences sans motif": "5 2 élèves",
	}
	for label, want := range checks {
		if got := strings.Join(fields(v, label), " "); got != want {
			t.Errorf("%s: %q, want %q", label, got, want)
		}
	}
	if !strings.Contains(line(v, "ÉCUYER Raphaël"), "4 NV, 4e le jeu. 05/11 matin · à signaler") {
		t.Errorf("threshold line:\n%s", v)
	}
	prof := f.service("prof")
	if _, err := prof.SetMark(modeltest.MathsSeance(modeltest.Monday), "E006", model.KindAbsent); err != nil {
		t.Fatal(err)
	}
	d.WaitUntil(func(v string) bool { return strings.Join(fields(v, "Élèves absents"), " ") == "3" }, "3 absent pupils")
	if _, err := f.service("prof2").ValidateRollCall(model.NewSeanceID(modeltest.Monday, 10*60+5, modeltest.CourseSpanish)); err != nil {
		t.Fatal(err)
	}
	d.WaitUntil(func(v string) bool {
		return strings.Join(fields(v, "Appels non faits"), " ") == "1 sur 3 séances commencées"
	}, "one roll call left")
}

func TestStatsGolden(t *testing.T) {
	f := newStatsFixture(t, afterHistory)
	d := startCPE(t, f, 80, 24)
	openStats(d)
	d.Press("l")
	v := d.WaitFor("‹ 4B ›", "ABADIE")
	golden(t, "stats_pupils.golden", v)
	// The dashboard on Monday 23 at 10:00: what happens later that week is not counted yet.
	monday := startCPE(t, newStatsFixture(t, modeltest.At(modeltest.Monday, 10, 0)), 80, 24)
	monday.Press("5")
	golden(t, "dashboard.golden", monday.WaitFor("Tableau de bord — lundi"))
}
