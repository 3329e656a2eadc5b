package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// gateScreen records latenesses at the gate: a few letters of the pupil's
// name, ↵ records a late arrival now in the séance under way for him
// (minutes computed); tab then a motive key records it with that motive.
type gateScreen struct {
	env   *env
	keys  gateKeys
	query lineEdit
	found []model.Arrival
	list  cursorList
	// bar reads the motives offered (the gate applies one with the lateness).
	bar justifyBar
	// withMotive: the next motive key records the arrival with that motive.
	withMotive bool
	// typing: the user is typing a name (esc or a recorded arrival ends it).
	typing bool
	// queued is an arrival asked for (with its motive code) before the
	// search for the letters typed came back: it is recorded then.
	queued *string
	// early is a motive key typed before the motives were read: it applies
	// when they come.
	early    *tea.KeyMsg
	last     string
	searches requests
	busy     int
	size     tea.WindowSizeMsg
}

type gateKeys struct {
	Record, Motive, Clear key.Binding
}

func newGateScreen(e *env) Screen {
	return &gateScreen{env: e, bar: newJustifyBar(e), keys: gateKeys{
		Record: newKey("↵", "retard maintenant", "enter"),
		Motive: newKey("tab", "puis la touche du motif", "tab"),
		Clear:  newKey("esc", "effacer", "esc"),
	}}
}

type gateFoundMsg struct {
	gen   int
	found []model.Arrival
	err   error
}

type gateDoneMsg struct {
	arr    model.Arrival
	motive string
	err    error
}

func (s *gateScreen) Init() tea.Cmd { return s.bar.init() }

func (s *gateScreen) Title() string { return "Portail" }

// Capturing: once a letter (or /) is typed, every key goes to the search,
// q included.
func (s *gateScreen) Capturing() bool { return s.typing || s.withMotive }

func (s *gateScreen) Pending() int { return s.busy }

// TypesNamesOnly: the search takes a pupil's name, so digits switch screens;
// after tab the next key is a motive's.
func (s *gateScreen) TypesNamesOnly() bool { return !s.withMotive }

func (s *gateScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if cmd, ok := s.bar.update(msg); ok {
		if k := s.early; k != nil && len(s.bar.motives) > 0 {
			s.early = nil
			return s, tea.Batch(cmd, s.motiveKey(*k))
		}
		return s, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		return s, s.handleKey(msg)
	case gateFoundMsg:
		return s, s.onFound(msg)
	case gateDoneMsg:
		return s, s.onDone(msg)
	case changeMsg:
		return s, s.bar.onChange(model.Change(msg))
	}
	return s, nil
}

func (s *gateScreen) onFound(msg gateFoundMsg) tea.Cmd {
	if !s.searches.take(msg.gen) {
		return nil
	}
	s.found = msg.found
	s.list.setItems(indexes(len(msg.found)))
	s.list.cursor = 0
	if code := s.queued; code != nil {
		s.queued = nil
		return tea.Batch(errCmd(msg.err), s.record(*code))
	}
	return errCmd(msg.err)
}

// searching reports whether the results shown are not yet those of the letters typed.
func (s *gateScreen) searching() bool { return s.query.String() != "" && s.searches.waiting() }

func (s *gateScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	if s.withMotive {
		return s.motiveKey(msg)
	}
	switch {
	case key.Matches(msg, s.keys.Record):
		return s.record("")
	case key.Matches(msg, s.keys.Motive):
		s.withMotive = s.query.String() != ""
		return nil
	case key.Matches(msg, s.keys.Clear):
		s.query.reset()
		s.found, s.list, s.typing = nil, cursorList{}, false
		return nil
	case msg.String() == "/":
		s.typing = true
		return nil
	case msg.Type == tea.KeyUp || msg.Type == tea.KeyDown:
		s.list.navigate(msg, s.env.nav, s.rows())
		return nil
	}
	if !s.query.handle(msg) {
		return nil
	}
	s.typing = true
	return s.search()
}

func (s *gateScreen) search() tea.Cmd {
	svc, q, gen, limit := s.env.svc, s.query.String(), s.searches.next(), s.rows()
	if strings.TrimSpace(q) == "" {
		s.found, s.list = nil, cursorList{}
		return nil
	}
	return func() tea.Msg {
		found, err := svc.GateSearch(q, limit)
		return gateFoundMsg{gen: gen, found: found, err: err}
	}
}

func (s *gateScreen) rows() int { return max(s.size.Height-appChrome-6, 1) }

func (s *gateScreen) motiveKey(msg tea.KeyMsg) tea.Cmd {
	if len(s.bar.motives) == 0 {
		s.early = &msg
		return nil
	}
	s.withMotive = false
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 {
		return nil
	}
	m, ok := model.MotiveByKey(s.bar.motives, string(msg.Runes))
	if !ok {
		return statusCmd("Aucun motif sur la touche « %s ».", string(msg.Runes))
	}
	return s.record(m.Code)
}

func (s *gateScreen) record(code string) tea.Cmd {
	if s.searching() {
		s.queued = &code
		return nil
	}
	i, ok := s.list.selected()
	if !ok || i >= len(s.found) {
		return nil
	}
	svc, pupil := s.env.svc, s.found[i].Pupil
	s.busy++
	return s.env.act(func() tea.Msg {
		arr, err := svc.RecordArrival(pupil.ID, code)
		return gateDoneMsg{arr: arr, motive: code, err: err}
	})
}

func (s *gateScreen) onDone(msg gateDoneMsg) tea.Cmd {
	s.busy = max(s.busy-1, 0)
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	a := msg.arr
	s.last = fmt.Sprintf("✓ Retard enregistré : %s, %d min (%s %s).", a.Pupil.FullName(), a.Minutes, a.Seance.Target.Code, a.Seance.Subject)
	if m, ok := model.MotiveByLabel(s.bar.motives, msg.motive); ok && msg.motive != "" {
		s.last += " Motif : " + m.Label + "."
	}
	s.query.reset()
	s.found, s.list, s.typing = nil, cursorList{}, false
	return statusCmd("✓ Enregistré (u dans Absences du jour pour annuler).")
}

func (s *gateScreen) View(width, height int) string {
	st := s.env.styles
	lines := []string{
		st.Title.Render("Retards au portail — " + s.env.svc.Now().Format("15:04")),
		"Élève : " + st.Cursor.Render(s.query.String()+"▏") + st.Muted.Render("  (tapez les premières lettres du nom ; / d'abord s'il commence par q)"),
		"",
	}
	for pos, i := range s.list.items {
		lines = append(lines, s.arrivalLine(s.found[i], pos == s.list.cursor, width))
	}
	if s.query.String() != "" && len(s.found) == 0 {
		lines = append(lines, st.Muted.Render("  aucun élève"))
	}
	lines = append(lines, "", st.Ok.Render(truncate(s.last, width)))
	if s.withMotive {
		lines = append(lines, st.Selected.Render("Tapez la touche du motif :"))
		lines = append(lines, motiveLines(st, s.bar.motives, width)...)
	}
	return strings.Join(fitLines(lines, height), "\n")
}

// fitLines keeps the first height lines.
func fitLines(lines []string, height int) []string {
	if len(lines) > height {
		return lines[:max(height, 0)]
	}
	return lines
}

func (s *gateScreen) arrivalLine(a model.Arrival, cursor bool, width int) string {
	st := s.env.styles
	what := st.Muted.Render("aucune séance en cours")
	if a.Seance != nil {
		what = fmt.Sprintf("%s · %d min de retard", a.Seance.Label(), a.Minutes)
	}
	text := padRight(a.Pupil.FullName(), 26) + " " + padRight(a.Pupil.Division, 6)
	if cursor {
		return truncate("› "+st.Cursor.Render(text)+" "+what, width)
	}
	return truncate("  "+text+" "+what, width)
}

func (s *gateScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Record, s.keys.Motive, s.keys.Clear}
}

func (s *gateScreen) FullHelp() []HelpSection {
	return []HelpSection{{Title: "Retard au portail", Keys: []key.Binding{s.keys.Record, s.keys.Motive, s.keys.Clear}}}
}
