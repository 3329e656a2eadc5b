package tui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// benchPlan is a planning screen of cpe over GridSchool(35) with its week of
// marks, drawn in 16 colours (the styled glyphs are what a frame joins).
func benchPlan(b *testing.B, width, height int) (*planScreen, *model.Service) {
	b.Helper()
	db := storagetest.NewWith(b, modeltest.WithGridWeek(modeltest.GridSchool(35)))
	svc := model.NewService(db, model.Actor{Login: "cpe"}, modeltest.Clock(modeltest.GridNow))
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	e := &env{ctx: context.Background(), svc: service{svc}, styles: NewStyles(r), nav: DefaultNavKeys(), login: "cpe"}
	s := newPlanScreen(e).(*planScreen)
	s.Update(tea.WindowSizeMsg{Width: width, Height: height})
	return s, svc
}

func benchView(b *testing.B, s *planScreen, width, height int) {
	b.Helper()
	if v := s.View(width, height-appChrome); len(v) < 1000 {
		b.Fatalf("nothing drawn:\n%s", v)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = s.View(width, height-appChrome)
	}
}

// BenchmarkGridViewWeek35 draws a frame of the class grid: 35 pupils × 5
// days × 9 slots (the cells are resolved once, when the grid arrives).
func BenchmarkGridViewWeek35(b *testing.B) {
	for _, size := range [][2]int{{80, 24}, {200, 60}} {
		b.Run(sizeName(size), func(b *testing.B) {
			s, svc := benchPlan(b, size[0], size[1])
			g, err := svc.ClassGrid(model.Target{Kind: model.TargetDivision, Code: "4B"}, modeltest.WeekA)
			if err != nil {
				b.Fatal(err)
			}
			s.onGrid(gridMsg{gen: s.loads.sent, grid: g})
			benchView(b, s, size[0], size[1])
		})
	}
}

// BenchmarkGridViewWeek35Selection draws the class grid with the whole week
// of every pupil selected, the motive keys and the preview of their effect shown.
func BenchmarkGridViewWeek35Selection(b *testing.B) {
	s, svc := benchPlan(b, 80, 24)
	g, err := svc.ClassGrid(model.Target{Kind: model.TargetDivision, Code: "4B"}, modeltest.WeekA)
	if err != nil {
		b.Fatal(err)
	}
	s.onGrid(gridMsg{gen: s.loads.sent, grid: g})
	s.view.row, s.view.col = 0, 0
	s.view.startSelection()
	s.view.move(len(g.Rows), s.view.cols()-1)
	if cmd := s.retarget(); cmd != nil {
		s.Update(cmd())
	}
	if !strings.Contains(s.View(80, 24-appChrome), "demi-journées") {
		b.Fatalf("no preview:\n%s", s.View(80, 24-appChrome))
	}
	benchView(b, s, 80, 24)
}

// BenchmarkGridViewPupilTerm draws a frame of one pupil's grid over the
// first trimestre (one row per school weekday, about 70 rows).
func BenchmarkGridViewPupilTerm(b *testing.B) {
	s, svc := benchPlan(b, 80, 24)
	g, err := svc.PupilGrid("E001", model.NewDate(2026, 9, 1), model.NewDate(2026, 12, 4))
	if err != nil {
		b.Fatal(err)
	}
	s.pupil, s.span = "E001", pupilSpan{from: g.From, to: g.To, name: "1er trimestre", period: true}
	s.onGrid(gridMsg{gen: s.loads.sent, grid: g})
	benchView(b, s, 80, 24)
}

func sizeName(s [2]int) string { return fmt.Sprintf("%dx%d", s[0], s[1]) }
