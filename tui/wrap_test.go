package tui

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// TestWrapKeepsToWidth: no piece of wrapText or wrapItems is wider than
// asked, a word longer than the width included wherever it stands (only the
// last piece was cut: a long word before others overflowed the panel).
func TestWrapKeepsToWidth(t *testing.T) {
	for _, text := range []string{
		"Fermeture_pour_travaux_du_gymnase 02/03 · Toussaint 17/10",
		"court Fermeture_pour_travaux_du_gymnase fin",
		"M1 08:00–08:55 · M2 08:55–09:50 · M3 10:05–11:00",
	} {
		for _, width := range []int{8, 12, 20} {
			for _, l := range append(wrapText(text, width), wrapItems(text, width)...) {
				if lipgloss.Width(l) > width {
					t.Errorf("%q at %d: %q is %d wide", text, width, l, lipgloss.Width(l))
				}
			}
		}
	}
}
