package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// YearEnd ends the school year from the interface (the administrator's
// « N » on the Imports screen). The program that serves the interface gives
// it: the rollover is storage's and the command line's, not the screens'.
type YearEnd struct {
	// Describe says what ending the year would keep and drop, one line
	// each, for the session's service; an error when it may not end.
	Describe func(*model.Service) ([]string, error)
	// End ends the year and says what it did.
	End func(*model.Service) ([]string, error)
}

// yearEndConfirm is the confirmation of the end of the year on the Imports
// screen: what it does, then « oui » typed and ↵.
type yearEndConfirm struct {
	lines  []string
	answer lineEdit
	busy   bool
	done   bool
}

type yearDescribedMsg struct {
	lines []string
	err   error
}

type yearEndedMsg struct {
	lines []string
	err   error
}

// yearEndKey is the Imports screen's key that opens the end of the year.
var yearEndKey = newKey("N", "clore l'année scolaire (administrateur ; demande confirmation)", "N")

// openYearEnd asks what ending the year would do.
func (s *importScreen) openYearEnd() tea.Cmd {
	ye, svc := s.env.yearEnd, s.env.svc
	if ye == nil {
		return statusCmd("Clore l'année se fait sur le serveur : appel year new")
	}
	return func() tea.Msg {
		lines, err := ye.Describe(svc.Service)
		return yearDescribedMsg{lines: shownEach(lines), err: err}
	}
}

// shownEach shows every line of a list harmlessly.
func shownEach(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = model.Visible(l)
	}
	return out
}

// yearKey handles a key while the end of the year is shown.
func (s *importScreen) yearKey(msg tea.KeyMsg) tea.Cmd {
	y := s.year
	switch {
	case y.busy:
		return nil
	case msg.Type == tea.KeyEsc:
		s.year = nil
		return nil
	case y.done:
		return nil
	case msg.Type == tea.KeyEnter:
		if strings.ToLower(strings.TrimSpace(y.answer.String())) != "oui" {
			return statusCmd("Tapez « oui » puis ↵ pour clore l'année, ou esc pour renoncer")
		}
		y.busy = true
		ye, svc := s.env.yearEnd, s.env.svc
		return func() tea.Msg {
			lines, err := ye.End(svc.Service)
			return yearEndedMsg{lines: shownEach(lines), err: err}
		}
	}
	y.answer.handle(msg)
	return nil
}

func (s *importScreen) onYearMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case yearDescribedMsg:
		if msg.err != nil {
			return errorCmd(msg.err)
		}
		s.year = &yearEndConfirm{lines: msg.lines, answer: lineEdit{active: true}}
	case yearEndedMsg:
		if s.year == nil {
			return nil
		}
		s.year.busy, s.year.done = false, true
		if msg.err != nil {
			s.year.lines = append(s.year.lines, "", "✗ "+model.UserMessage(msg.err))
			return errorCmd(msg.err)
		}
		s.year.lines = append(append(s.year.lines, ""), msg.lines...)
		return statusCmd("✓ Année close : la base tient l'année suivante")
	}
	return nil
}

// yearView draws the end of the year: what it does, the answer typed.
func (s *importScreen) yearView(width, height int) string {
	st := s.env.styles
	out := []string{st.Title.Render(truncate("Clore l'année scolaire", width)), ""}
	for _, l := range s.year.lines {
		out = append(out, s.reportLine(l, width))
	}
	out = append(out, "")
	switch {
	case s.year.busy:
		out = append(out, st.Pending.Render("Clôture en cours : archive, registres, année suivante…"))
	case s.year.done:
		out = append(out, st.Muted.Render("esc revient à l'écran des imports."))
	default:
		out = append(out, truncate("Tapez « oui » puis ↵ pour clore l'année ; esc pour renoncer : "+s.year.answer.field(), width))
	}
	return fitHeight(strings.Join(out, "\n"), height)
}

// yearHelp is the footer while the end of the year is shown.
func yearHelp() []key.Binding {
	return []key.Binding{newKey("↵", "clore (après « oui »)", "enter"), newKey("esc", "renoncer, revenir", "esc")}
}
