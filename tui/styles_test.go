package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestStyleRendersAsLipgloss: a Style writes exactly what the lipgloss style
// it was made from writes, in colour and without, for one string, several,
// an empty one, several lines and tabs.
func TestStyleRendersAsLipgloss(t *testing.T) {
	texts := [][]string{{"absent"}, {"à", "justifier (2)"}, {""}, {"ligne 1\nligne longue 2"}, {"a\tb"}}
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(profile)
		looks := map[string]lipgloss.Style{
			"plain":   r.NewStyle(),
			"bold":    r.NewStyle().Bold(true),
			"fg":      r.NewStyle().Foreground(lipgloss.Color("9")),
			"reverse": r.NewStyle().Foreground(lipgloss.Color("6")).Reverse(true),
			"italic":  r.NewStyle().Foreground(lipgloss.Color("8")).Italic(true),
		}
		for name, ls := range looks {
			st := newStyle(ls)
			for _, strs := range texts {
				if got, want := st.Render(strs...), ls.Render(strs...); got != want {
					t.Errorf("profile %d, %s, %q: %q, want %q", profile, name, strs, got, want)
				}
			}
		}
	}
}

// TestStylesAsciiWriteNoEscape: with no colour, every style of the session
// returns its text as it is.
func TestStylesAsciiWriteNoEscape(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	st := NewStyles(r)
	for _, s := range []Style{st.Title, st.Cursor, st.Banner, st.Selection, st.Pending, st.TabActive} {
		if got := s.Render("› Léa"); got != "› Léa" {
			t.Errorf("%q", got)
		}
	}
	r.SetColorProfile(termenv.ANSI)
	if got := NewStyles(r).Absent.Render("A"); !strings.HasPrefix(got, "\x1b[") || !strings.Contains(got, "A") {
		t.Errorf("in colour: %q", got)
	}
}

func TestStylesForSharesOneSetPerProfile(t *testing.T) {
	renderer := func(p termenv.Profile) *lipgloss.Renderer {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(p)
		return r
	}
	colour, colour2, plain := StylesFor(renderer(termenv.ANSI)), StylesFor(renderer(termenv.ANSI)), StylesFor(renderer(termenv.Ascii))
	if colour != colour2 {
		t.Error("two sessions with the same profile should share their styles")
	}
	if got := plain.Absent.Render("A"); got != "A" {
		t.Errorf("no colour: %q", got)
	}
	if got := colour.Absent.Render("A"); !strings.HasPrefix(got, "\x1b[") {
		t.Errorf("ANSI: %q", got)
	}
}
