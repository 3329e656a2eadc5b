package model_test

import (
	"slices"
	"strings"
	"testing"

	"appel/model"
)

func nov(day int) model.Date { return model.NewDate(2026, 11, day) }

// mover is in 4A with ESP until 15 November, in 4B from the 16th.
func mover() model.Pupil {
	p := model.Pupil{ID: "M1", LastName: "Martin", FirstName: "Léo", Division: "4A", Groups: []string{"ESP"}}
	return p.MoveTo(nov(16), "4B", []string{"ESP"})
}

func TestEnrolmentOn(t *testing.T) {
	arrived := model.Pupil{ID: "A", Division: "4B", Arrived: nov(10)}
	gone := model.Pupil{ID: "G", Division: "4A", Left: nov(20)}
	twice := mover().MoveTo(nov(23), "4C", nil)
	cases := []struct {
		name     string
		p        model.Pupil
		day      model.Date
		division string
		esp      bool
		enrolled bool
	}{
		{"before the move", mover(), nov(15), "4A", true, true},
		{"on the day of the move", mover(), nov(16), "4B", true, true},
		{"long before", mover(), model.NewDate(2026, 9, 1), "4A", true, true},
		{"after a second move", twice, nov(24), "4C", false, true},
		{"between two moves", twice, nov(20), "4B", true, true},
		{"before an arrival", arrived, nov(9), "4B", false, false},
		{"on the day of an arrival", arrived, nov(10), "4B", false, true},
		{"the day before leaving", gone, nov(19), "4A", false, true},
		{"the day he left", gone, nov(20), "4A", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.DivisionOn(c.day); got != c.division {
				t.Errorf("division %q, want %q", got, c.division)
			}
			if got := c.p.InGroupOn("ESP", c.day); got != c.esp {
				t.Errorf("in ESP: %v, want %v", got, c.esp)
			}
			if got := c.p.EnrolledOn(c.day); got != c.enrolled {
				t.Errorf("enrolled: %v, want %v", got, c.enrolled)
			}
		})
	}
}

func TestMoveTo(t *testing.T) {
	p := mover()
	cases := []struct {
		name    string
		got     model.Pupil
		history string // divisions of the enrolments, with their start
	}{
		{"a move", p, "4A@ 4B@2026-11-16"},
		{"the same division again changes nothing", p.MoveTo(nov(20), "4B", []string{"ESP"}), "4A@ 4B@2026-11-16"},
		{"a later move", p.MoveTo(nov(23), "4C", nil), "4A@ 4B@2026-11-16 4C@2026-11-23"},
		{"a correction of the day", p.MoveTo(nov(16), "4C", nil), "4A@ 4C@2026-11-16"},
		{"a move dated before the last one replaces it", p.MoveTo(nov(9), "4C", nil), "4A@ 4C@2026-11-09"},
		{"a group change only", p.MoveTo(nov(20), "4B", nil), "4A@ 4B@2026-11-16 4B@2026-11-20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var parts []string
			for _, e := range c.got.Enrolments() {
				from := ""
				if !e.From.IsZero() {
					from = e.From.String()
				}
				parts = append(parts, e.Division+"@"+from)
			}
			if got := strings.Join(parts, " "); got != c.history {
				t.Errorf("enrolments %q, want %q", got, c.history)
			}
		})
	}
}

func TestStints(t *testing.T) {
	sept, dec := model.NewDate(2026, 9, 1), model.NewDate(2026, 12, 31)
	arrived := model.Pupil{ID: "A", Division: "4B", Arrived: nov(10)}
	left := mover()
	left.Left = nov(25)
	groupsOnly := mover().MoveTo(nov(20), "4B", nil)
	cases := []struct {
		name string
		p    model.Pupil
		want []model.Stint
		note []string
	}{
		{"a whole year", model.Pupil{Division: "4A"}, []model.Stint{{Division: "4A", From: sept, To: dec}}, []string{""}},
		{"a move", mover(), []model.Stint{{Division: "4A", From: sept, To: nov(15)}, {Division: "4B", From: nov(16), To: dec}},
			[]string{"en 4A jusqu'au 15/11/2026", "en 4B depuis le 16/11/2026"}},
		{"an arrival", arrived, []model.Stint{{Division: "4B", From: nov(10), To: dec}}, []string{"arrivé le 10/11/2026"}},
		{"a move, then a departure", left, []model.Stint{{Division: "4A", From: sept, To: nov(15)}, {Division: "4B", From: nov(16), To: nov(24)}},
			[]string{"en 4A jusqu'au 15/11/2026", "en 4B depuis le 16/11/2026, parti le 25/11/2026"}},
		{"a change of groups does not split", groupsOnly, []model.Stint{{Division: "4A", From: sept, To: nov(15)}, {Division: "4B", From: nov(16), To: dec}},
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.p.Stints(sept, dec)
			if !slices.Equal(got, c.want) {
				t.Fatalf("stints %+v, want %+v", got, c.want)
			}
			for i, n := range c.note {
				if g := c.p.StintNote(got[i]); g != n {
					t.Errorf("note of stint %d: %q, want %q", i, g, n)
				}
			}
		})
	}
	if got := mover().Stints(nov(16), nov(30)); len(got) != 1 || got[0].Division != "4B" {
		t.Errorf("stints from the move on: %+v", got)
	}
}

func TestHistoryNotes(t *testing.T) {
	p := mover()
	p.Left = nov(25)
	if got := p.HistoryNotes(nov(24)); !slices.Equal(got, []string{"4A → 4B le 16/11/2026"}) {
		t.Errorf("before he left: %q", got)
	}
	if got := p.HistoryNotes(nov(25)); !slices.Equal(got, []string{"4A → 4B le 16/11/2026", "parti le 25/11/2026"}) {
		t.Errorf("once he left: %q", got)
	}
}

// TestDeskFilterFollowsTheDay: filtering the day's desk by a division keeps
// a pupil who was in it that day.
func TestDeskFilterFollowsTheDay(t *testing.T) {
	entry := func(day model.Date) []model.Attendance {
		return []model.Attendance{{Seance: model.Seance{Date: day}, Pupil: "M1", Kind: model.KindAbsent}}
	}
	cases := []struct {
		day      model.Date
		audience string
		kept     bool
	}{
		{nov(9), "4A", true}, {nov(9), "4B", false}, {nov(17), "4B", true}, {nov(17), "4A", false}, {nov(9), "ESP", true},
	}
	for _, c := range cases {
		l := model.DeskLine{Pupil: mover(), Entries: entry(c.day)}
		if got := (model.DeskFilter{Audience: c.audience}).Keep(l); got != c.kept {
			t.Errorf("on %s, %s keeps him: %v, want %v", c.day, c.audience, got, c.kept)
		}
	}
}
