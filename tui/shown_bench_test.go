package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

// BenchmarkShownClassGrid is what showing a class grid of 35 pupils costs
// when its text is clean (the usual case: the walk finds nothing to copy).
func BenchmarkShownClassGrid(b *testing.B) {
	db := storagetest.NewWith(b, modeltest.WithGridWeek(modeltest.GridSchool(35)))
	svc := model.NewService(db, model.Actor{Login: "cpe"}, modeltest.Clock(modeltest.GridNow))
	grid, err := svc.ClassGrid(model.Target{Kind: model.TargetDivision, Code: modeltest.Division4B}, model.DateOf(modeltest.GridNow))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = shown(grid)
	}
}

// BenchmarkScreenSafe is what checking a 200×60 frame in 16 colours costs.
func BenchmarkScreenSafe(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	st := NewStyles(r)
	line := st.Title.Render("Élève") + " " + strings.Repeat(st.Muted.Render("DUPONT Léa · ")+st.Ok.Render("✓"), 12)
	frame := strings.Repeat(line+"\n", 60)
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = screenSafe(frame)
	}
}
