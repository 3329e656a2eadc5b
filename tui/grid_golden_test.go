package tui_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// gridFixture is a store holding modeltest's GridSchool with its week of marks.
func gridFixture(t *testing.T, size int, now time.Time) fixture {
	t.Helper()
	return fixture{db: storagetest.NewWith(t, modeltest.WithGridWeek(modeltest.GridSchool(size))), now: now}
}

// landed starts the interface of login at 80×24 and waits for its landing
// screen; a teacher's roll call then shows its day pane, where digits
// choose screens (on the sheet, they number pupils).
func landed(t *testing.T, f fixture, login string) *driver {
	t.Helper()
	d := f.start(t, login, 80, 24)
	d.WaitUntil(func(v string) bool { return !strings.Contains(v, "Chargement") }, "the landing screen")
	if strings.Contains(d.View(), "appel non fait") {
		d.Press("tab")
	}
	return d
}

// openGrid opens the planning as login on the grid of code.
func openGrid(t *testing.T, f fixture, login, code string) *driver {
	t.Helper()
	d := landed(t, f, login)
	d.Press("2")
	d.WaitFor("semaine du")
	d.Press("D")
	for _, r := range strings.ToLower(code) {
		d.Press(string(r))
	}
	d.Press("enter")
	d.WaitFor(code + " · semaine du")
	return d
}

// TestGridGolden draws 4B's grid at 80×24 with no colour and compares it with
// the golden files: 35 pupils (rows scroll, columns do not), the marks of
// WithGridWeek in their cells, week A's and week B's courses, the Armistice
// and the Toussaint holidays, a teacher's view without validity, one
// pupil's month.
func TestGridGolden(t *testing.T) {
	cases := []struct {
		name  string
		login string
		keys  []string
		wait  string
	}{
		{"grid_4b_week_a", "cpe", nil, "semaine A"},
		// Monday 9/11, 13:30: Technologie (week B), where week A has SVT.
		{"grid_4b_week_b", "cpe", []string{"[", "H", "H", "H", "l", "l", "l"}, "Technologie"},
		{"grid_4b_toussaint", "cpe", []string{"[", "[", "[", "["}, "Toussaint"},
		{"grid_4b_week_a_prof", "prof", []string{"j", "j"}, "BÉNARD"},
		{"grid_pupil_month", "cpe", []string{"P"}, "novembre 2026"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := gridFixture(t, 35, modeltest.GridNow)
			d := openGrid(t, f, c.login, "4B")
			d.Press(c.keys...)
			v := d.WaitFor(c.wait)
			if n := len(strings.Split(v, "\n")); n != 24 {
				t.Errorf("%d lines, want 24", n)
			}
			for _, l := range strings.Split(v, "\n") {
				if w := lipgloss.Width(l); w > 80 {
					t.Errorf("a line is %d cells wide: %q", w, l)
				}
			}
			golden(t, c.name+".golden", v)
		})
	}
}

// TestGridCells checks, besides the golden file, a few cells by their
// meaning: the character under each day and slot of a pupil's row.
func TestGridCells(t *testing.T) {
	f := gridFixture(t, 12, modeltest.GridNow)
	d := openGrid(t, f, "cpe", "4B")
	v := d.View()
	cases := []struct {
		pupil string
		day   int
		slot  int
		want  string
	}{
		{"ABADIE Léa", 0, 0, "A"},
		{"BÉNARD Noé", 0, 1, "V"},
		{"CARON Zoé", 1, 1, "N"},
		{"DA SILVA Inès", 0, 0, "R"},
		{"ÉCUYER Raphaël", 3, 5, "V"},
		{"FOURNIER Éloïse", 1, 2, "I"},
		{"GAËL Maëlys", 2, 0, "!"},
		{"HÉBERT Loïc", 0, 3, "E"},
		{"ISNARD Chloé", 1, 5, "x"},
		{"ISNARD Chloé", 2, 1, "?"},
		{"ISNARD Chloé", 3, 3, "-"},
		{"ISNARD Chloé", 2, 5, " "},
	}
	for _, c := range cases {
		if got := cellOf(t, v, c.pupil, c.day, c.slot); got != c.want {
			t.Errorf("%s, day %d slot %d: %q, want %q\n%s", c.pupil, c.day, c.slot, got, c.want, line(v, c.pupil))
		}
	}
}

// cellOf reads the character of a pupil's row under a day and slot of the
// 80-column class grid (9 slots: 5 + gap + 4, days separated by │).
func cellOf(t *testing.T, view, pupil string, day, slot int) string {
	t.Helper()
	row := []rune(line(view, pupil))
	head := []rune(line(view, "élèves"))
	start := 0
	for i, r := range head {
		if r == '│' {
			start = i + 1 - 11
			break
		}
	}
	col := start + day*11 + slot
	if slot >= 5 {
		col++
	}
	if col >= len(row) {
		t.Fatalf("row too short: %q", string(row))
	}
	return string(row[col])
}

// TestGridTurnsWeeks: [ and ] turn the week, and so do ← and → past the
// first and last columns.
func TestGridTurnsWeeks(t *testing.T) {
	f := gridFixture(t, 4, modeltest.GridNow)
	d := openGrid(t, f, "cpe", "4B")
	d.Press("]")
	d.WaitFor("semaine du 23/11/2026 · semaine B")
	d.Press("[", "H", "H", "H", "h", "h")
	d.WaitFor("ABADIE Léa · lun. 16/11 08:00–08:55")
	d.Press("h")
	d.WaitFor("semaine du 09/11/2026", "ABADIE Léa · ven. 13/11 · S4 16:20–17:15")
	d.Press("l")
	d.WaitFor("semaine du 16/11/2026", "ABADIE Léa · lun. 16/11 08:00–08:55")
}

// TestGridWithSaturday: a school with Saturday morning courses shows six
// days, still within 80 columns.
func TestGridWithSaturday(t *testing.T) {
	data := modeltest.WithGridWeek(modeltest.GridSchool(35))
	data.School.Weekdays = append(data.School.Weekdays, time.Saturday)
	data.Courses = append(data.Courses, model.Course{ID: "sam", Weekday: time.Saturday, Start: 8 * 60, End: 9*60 + 50,
		Target: model.Target{Kind: model.TargetDivision, Code: "4B"}, Teachers: []string{"prof"}, Subject: "Latin"})
	d := openGrid(t, fixture{db: storagetest.NewWith(t, data), now: modeltest.GridNow}, "cpe", "4B")
	v := d.View()
	if !strings.Contains(v, "sam. 21/11") || !strings.Contains(line(v, "ABADIE Léa"), "│--") {
		t.Errorf("Saturday is not shown:\n%s", v)
	}
	for _, l := range strings.Split(v, "\n") {
		if w := lipgloss.Width(l); w > 80 {
			t.Errorf("a line is %d cells wide: %q", w, l)
		}
	}
}

// TestPupilGridSpans: t switches the pupil grid between the month and the
// trimestre; [ and ] move by that span.
func TestPupilGridSpans(t *testing.T) {
	f := gridFixture(t, 4, modeltest.GridNow)
	d := openGrid(t, f, "cpe", "4B")
	d.Press("P")
	d.WaitFor("ABADIE Léa · 4B · novembre 2026")
	d.Press("]")
	d.WaitFor("ABADIE Léa · 4B · décembre 2026")
	d.Press("T")
	d.WaitFor("ABADIE Léa · 4B · 1er trimestre", "Sur la période : 2 demi-journées (0 valable, 2 non valables) · 1,83 h")
	d.Press("]")
	d.WaitFor("ABADIE Léa · 4B · 2e trimestre", "Sur la période : 0 demi-journée")
	d.Press("T")
	d.WaitFor("ABADIE Léa · 4B · décembre 2026")
}
