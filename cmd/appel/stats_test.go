package main

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"appel/model/formats/csvfr"
	"appel/model/formats/export"
)

// demoNow is the clock of the statistics tests: mid-January, four months of history.
const demoNow = "2027-01-15T10:00"

// statsDemoDB creates the demo school in a temporary db and returns its path.
func statsDemoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	inProcess(t, "--db", path, "--now", demoNow, "init", "--demo")
	return path
}

// inProcess runs a command line in this process and returns its stdout; a
// non-zero exit fails the test.
func inProcess(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(args, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("appel %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// table reads a CSV export back: header and rows.
func table(t *testing.T, data string) ([]string, [][]string) {
	t.Helper()
	tab, err := csvfr.Read("stats.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	rows := make([][]string, len(tab.Rows))
	for i, r := range tab.Rows {
		rows[i] = r.Cells
	}
	return tab.Header, rows
}

func TestStatsHeaders(t *testing.T) {
	db := statsDemoDB(t)
	cases := []struct {
		by   string
		want []string
	}{
		{"pupil", strings.Split("eleve_id;ine;nom;prenom;division;demi_journees;dj_valables;dj_non_valables;heures;retards;minutes_retard;mois_signalement", ";")},
		{"division", divisionHeader},
		{"month", monthHeader},
	}
	for _, c := range cases {
		header, rows := table(t, inProcess(t, "--db", db, "--now", demoNow, "stats", "--by", c.by))
		if !slices.Equal(header, c.want) {
			t.Errorf("--by %s: header %q, want %q", c.by, header, c.want)
		}
		if len(rows) == 0 {
			t.Errorf("--by %s: no row", c.by)
		}
	}
}

// number reads a CSV cell (decimal comma).
func number(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return f
}

func TestStatsTotalsAddUp(t *testing.T) {
	db := statsDemoDB(t)
	_, pupils := table(t, inProcess(t, "--db", db, "--now", demoNow, "stats"))
	_, divisions := table(t, inProcess(t, "--db", db, "--now", demoNow, "stats", "--by", "division"))
	sums := map[string][]float64{}
	for _, r := range pupils {
		if number(t, r[5]) != number(t, r[6])+number(t, r[7]) {
			t.Errorf("pupil %s: %s ≠ %s + %s", r[0], r[5], r[6], r[7])
		}
		for _, div := range []string{r[4], "Établissement"} {
			s := append(sums[div], make([]float64, 3)...)[:3]
			for k := range 3 {
				s[k] += number(t, r[5+k])
			}
			sums[div] = s
		}
	}
	for _, d := range divisions {
		got := []float64{number(t, d[2]), number(t, d[3]), number(t, d[4])}
		if !slices.Equal(got, sums[d[0]]) {
			t.Errorf("division %s: %v, pupils add up to %v", d[0], got, sums[d[0]])
		}
	}
	if last := divisions[len(divisions)-1]; last[0] != "Établissement" || last[1] != strconv.Itoa(len(pupils)) {
		t.Errorf("school row %q for %d pupils", last, len(pupils))
	}
}

func TestStatsMonthTable(t *testing.T) {
	db := statsDemoDB(t)
	out := inProcess(t, "--db", db, "--now", demoNow, "stats", "--by", "month", "--from", "2026-11-10", "--to", "2026-12-05")
	_, rows := table(t, out)
	perMonth := map[string]map[string]float64{}
	for _, r := range rows {
		if perMonth[r[0]] == nil {
			perMonth[r[0]] = map[string]float64{}
		}
		m := perMonth[r[0]]
		m[r[2]] += number(t, r[8])
		if r[8] != strconv.Itoa(int(number(t, r[4])+number(t, r[5])+number(t, r[6])+number(t, r[7]))) {
			t.Errorf("row %q: eleves_4_plus is not the sum of the four bands", r)
		}
		if rate := 100 * number(t, r[8]) / number(t, r[3]); r[9] != csvfr.Decimal(rate) {
			t.Errorf("row %q: rate %s, want %s", r, r[9], csvfr.Decimal(rate))
		}
	}
	if len(perMonth) != 2 || perMonth["2026-11"] == nil || perMonth["2026-12"] == nil {
		t.Fatalf("months %v, want November and December, counted whole", perMonth)
	}
	for month, m := range perMonth {
		if m["division"] != m["etablissement"] || m["niveau"] != m["etablissement"] || m["etablissement"] == 0 {
			t.Errorf("%s: divisions %v, levels %v, school %v pupils over the threshold", month, m["division"], m["niveau"], m["etablissement"])
		}
	}
	_, one := table(t, inProcess(t, "--db", db, "--now", demoNow, "stats", "--by", "month", "--division", "5F", "--from", "2026-11-01", "--to", "2026-11-30"))
	if len(one) != 1 || one[0][1] != "5F" || one[0][2] != "division" {
		t.Errorf("--division 5F: %q", one)
	}
}

func TestExplainExportAddsUpToTheStatistics(t *testing.T) {
	db := statsDemoDB(t)
	_, pupils := table(t, inProcess(t, "--db", db, "--now", demoNow, "stats", "--division", "5F"))
	checked := 0
	for _, p := range pupils {
		if p[5] == "0" && p[9] == "0" {
			continue
		}
		header, rows := table(t, inProcess(t, "--db", db, "--now", demoNow, "export", "explain", "--pupil", p[1]))
		if !slices.Equal(header, explainHeader) {
			t.Fatalf("header %q", header)
		}
		var valid, invalid, minutes float64
		for _, r := range rows {
			valid, invalid, minutes = valid+number(t, r[7]), invalid+number(t, r[8]), minutes+number(t, r[9])
		}
		if valid != number(t, p[6]) || invalid != number(t, p[7]) || csvfr.Decimal(minutes/60) != p[8] {
			t.Errorf("%s %s: explanation adds up to %v valables, %v non valables, %v min; stats say %s, %s, %s h",
				p[2], p[3], valid, invalid, minutes, p[6], p[7], p[8])
		}
		checked++
	}
	if checked < 5 {
		t.Errorf("only %d pupils of 5F checked", checked)
	}
}

func TestStatsRefusals(t *testing.T) {
	db := statsDemoDB(t)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"stats", "--by", "semaine"}, 2, `--by "semaine" inconnu (pupil, division, month)`},
		{[]string{"stats", "--division", "9Z"}, 1, `division "9Z" inconnue`},
		{[]string{"stats", "--format", "xlsx"}, 2, `--format "xlsx" inconnu (csv, ods)`},
		{[]string{"stats", "--from", "2027-01-10", "--to", "2027-01-01"}, 1, "précède"},
		{[]string{"stats", "4B"}, 2, "appel stats [--from DATE]"},
		{[]string{"export", "explain"}, 2, "--pupil manque"},
		{[]string{"export", "explain", "--pupil", "nobody"}, 1, `élève "nobody" introuvable`},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := run(append([]string{"--db", db, "--now", demoNow}, c.args...), strings.NewReader(""), &out, &errOut)
		if code != c.code || !strings.Contains(errOut.String(), c.msg) || strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want %d and %q on one line", c.args, code, errOut.String(), c.code, c.msg)
		}
	}
}

func TestProgressOnlyOnATerminal(t *testing.T) {
	db := statsDemoDB(t)
	args := []string{"--db", db, "--now", demoNow, "stats"}
	for _, tty := range []bool{false, true} {
		var out, errOut bytes.Buffer
		c := newCLI(strings.NewReader(""), &out, &errOut)
		c.terminal = func(io.Writer) bool { return tty }
		if err := c.dispatch(args); err != nil {
			t.Fatal(err)
		}
		progress := errOut.String()
		switch {
		case !tty && progress != "":
			t.Errorf("not a terminal: stderr %q, want nothing", progress)
		case tty && (!strings.Contains(progress, "Calcul des statistiques…") ||
			!strings.Contains(progress, "Écriture de Statistiques [########################] 100 % (606/606)") ||
			!strings.HasSuffix(progress, "\r\x1b[K")):
			t.Errorf("terminal: stderr %q", progress)
		}
		if _, rows := table(t, out.String()); len(rows) != 606 {
			t.Errorf("%d rows with tty=%v", len(rows), tty)
		}
	}
}

func TestCheckRefusesWrongRows(t *testing.T) {
	r := export.StatsRow{PupilID: "x", HalfDays: 3, ValidHalfDays: 1, InvalidHalfDays: 1}
	if err := r.Check(); err == nil {
		t.Errorf("3 ≠ 1 + 1 accepted")
	}
}
