package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/storage"
	"appel/tui/tuitest"
)

// openScreen opens the interface of svc's account at 160×50; the demo
// school's statistics take longer than the default wait.
func openScreen(t *testing.T, svc *model.Service) *tuitest.Driver {
	t.Helper()
	d := tuitest.Start(t, svc, 160, 50)
	d.Timeout = 20 * time.Second
	return d
}

// screenMonths writes report months as the screen does: "sept. oct. 2026".
func screenMonths(csv string) string {
	if csv == "" {
		return ""
	}
	abbrev := map[string]string{"01": "janv.", "02": "févr.", "03": "mars", "04": "avr.", "05": "mai", "06": "juin",
		"07": "juil.", "08": "août", "09": "sept.", "10": "oct.", "11": "nov.", "12": "déc."}
	months := strings.Split(csv, ",")
	var parts []string
	for i, m := range months {
		part := abbrev[m[5:]]
		if i+1 == len(months) || months[i+1][:4] != m[:4] {
			part += " " + m[:4]
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " ")
}

// screenRow is what the statistics screen shows on a pupil's line after his name.
func screenRow(view, name string) string {
	for _, l := range strings.Split(view, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimLeft(l, " ›"), name+" "); ok {
			// The last column says when a pupil came, left or changed division.
			for _, note := range []string{"arrivé le", "parti le", "en "} {
				if i := strings.Index(rest, "  "+note); i >= 0 {
					rest = rest[:i]
				}
			}
			return strings.Join(strings.Fields(rest), " ")
		}
	}
	return ""
}

// TestStatsCLIAgreesWithTheScreen: on the demo school, for the year and for
// the first trimestre, every pupil's line of `appel stats` (CSV) shows the
// same numbers as the statistics screen of a CPE, division by division.
func TestStatsCLIAgreesWithTheScreen(t *testing.T) {
	path := statsDemoDB(t)
	year := inProcess(t, "--db", path, "--now", demoNow, "stats")
	db, err := storage.Open(path, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	t1 := dir.School.Periods[0]
	now, _ := time.ParseInLocation("2006-01-02T15:04", demoNow, dir.Location())
	s := openScreen(t, model.NewService(db, model.Actor{Login: "cpe"}, func() time.Time { return now }))
	s.WaitFor("1 Absences du jour")
	s.Press("4")
	s.WaitFor("[Élèves]")
	compareDivisions(t, s, year, "Année 2026-2027")
	db.Close()
	trimestre := inProcess(t, "--db", path, "--now", demoNow, "stats", "--from", t1.From.String(), "--to", t1.To.String())
	db, err = storage.Open(path, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s = openScreen(t, model.NewService(db, model.Actor{Login: "cpe"}, func() time.Time { return now }))
	s.WaitFor("1 Absences du jour")
	s.Press("4")
	s.WaitFor("[Élèves]")
	s.Press("p")
	compareDivisions(t, s, trimestre, t1.Name+" (")
}

// compareDivisions walks the screen's divisions with → and compares each
// pupil's line with the CSV's.
func compareDivisions(t *testing.T, s *tuitest.Driver, csv, period string) {
	t.Helper()
	_, rows := table(t, csv)
	byDivision := map[string][][]string{}
	var order []string
	for _, r := range rows {
		if byDivision[r[4]] == nil {
			order = append(order, r[4])
		}
		byDivision[r[4]] = append(byDivision[r[4]], r)
	}
	s.WaitFor("Statistiques · " + period)
	compared := 0
	for i, div := range order {
		if i > 0 {
			s.Press("l")
		}
		v := s.WaitFor(fmt.Sprintf("‹ %s ›", div))
		if !strings.Contains(v, "Statistiques · "+period) {
			t.Fatalf("period %q not shown:\n%s", period, v)
		}
		for _, r := range byDivision[div] {
			name := strings.ToUpper(r[2]) + " " + r[3]
			want := strings.TrimSpace(strings.Join(append(r[5:11], screenMonths(r[11])), " "))
			if got := screenRow(v, name); got != want {
				t.Errorf("%s (%s), %s: screen %q, CLI %q", name, div, period, got, want)
			}
			compared++
		}
	}
	if compared != len(rows) || compared < 600 {
		t.Errorf("%d pupils compared, the CLI lists %d", compared, len(rows))
	}
}
