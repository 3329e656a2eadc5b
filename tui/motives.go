package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// motivesScreen is the administrator's list of motives: n adds one, ↵ edits
// its label, key and validity, x retires it (or offers it again). Absences
// already justified keep the label and validity they were given.
type motivesScreen struct {
	env     *env
	keys    motiveKeys
	motives []model.Motive
	list    cursorList
	edit    *motiveEdit
	busy    int
	loaded  bool
	size    tea.WindowSizeMsg
}

type motiveKeys struct {
	New, Edit, Retire key.Binding
}

// motiveEdit is the form of one motive: label, key, validity, health.
type motiveEdit struct {
	motive model.Motive
	label  lineEdit
	key    lineEdit
	field  int
	err    string
}

type motivesLoadedMsg struct {
	motives []model.Motive
	err     error
}

type motiveSavedMsg struct {
	text string
	err  error
}

func newMotivesScreen(e *env) Screen {
	return &motivesScreen{env: e, keys: motiveKeys{
		New: newKey("n", "nouveau motif", "n"), Edit: newKey("↵", "modifier", "enter"),
		Retire: newKey("x", "retirer / proposer de nouveau", "x"),
	}}
}

func (s *motivesScreen) Init() tea.Cmd {
	svc := s.env.svc
	return func() tea.Msg {
		ms, err := svc.Motives()
		return motivesLoadedMsg{motives: ms, err: err}
	}
}

func (s *motivesScreen) Title() string { return "Motifs" }

func (s *motivesScreen) Capturing() bool { return s.edit != nil }

func (s *motivesScreen) Pending() int { return s.busy }

// Interest: the list reloads when the motives change.
func (s *motivesScreen) Interest() model.Interest { return model.KindsInterest(model.ChangedMotives) }

func (s *motivesScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		if s.edit != nil {
			return s, s.editKey(msg)
		}
		return s, s.listKey(msg)
	case motivesLoadedMsg:
		if msg.err == nil {
			s.motives, s.loaded = msg.motives, true
			s.list.setItems(indexes(len(msg.motives)))
		}
		return s, errCmd(msg.err)
	case motiveSavedMsg:
		return s, s.onSaved(msg)
	case changeMsg:
		if model.Change(msg).Touches(model.ChangedMotives) {
			return s, s.Init()
		}
	}
	return s, nil
}

func (s *motivesScreen) listKey(msg tea.KeyMsg) tea.Cmd {
	if s.list.navigate(msg, s.env.nav, max(s.size.Height-appChrome-3, 1)) {
		return nil
	}
	i, ok := s.list.selected()
	switch {
	case key.Matches(msg, s.keys.New):
		s.edit = newMotiveEdit(model.Motive{Valid: true})
	case !ok:
	case key.Matches(msg, s.keys.Edit):
		s.edit = newMotiveEdit(s.motives[i])
	case key.Matches(msg, s.keys.Retire):
		return s.retire(s.motives[i])
	}
	return nil
}

func newMotiveEdit(m model.Motive) *motiveEdit {
	return &motiveEdit{motive: m, label: lineEdit{value: []rune(m.Label)}, key: lineEdit{value: []rune(m.Key)}}
}

// motiveFields counts the form's fields.
const motiveFields = 4

// editKey: tab changes field; in the validity and health fields, space
// toggles them; ↵ saves.
func (s *motivesScreen) editKey(msg tea.KeyMsg) tea.Cmd {
	e := s.edit
	switch {
	case msg.Type == tea.KeyEsc:
		s.edit = nil
	case msg.Type == tea.KeyEnter:
		return s.save()
	case msg.Type == tea.KeyTab || msg.Type == tea.KeyDown:
		e.field = (e.field + 1) % motiveFields
	case msg.Type == tea.KeyShiftTab || msg.Type == tea.KeyUp:
		e.field = (e.field + motiveFields - 1) % motiveFields
	case e.field == 0:
		e.label.handle(msg)
	case e.field == 1:
		if e.key.handle(msg) && len(e.key.value) > 1 {
			e.key.value = e.key.value[len(e.key.value)-1:]
		}
	case (msg.Type == tea.KeySpace || msg.String() == " ") && e.field == 2:
		e.motive.Valid = !e.motive.Valid
	case msg.Type == tea.KeySpace || msg.String() == " ":
		e.motive.Health = !e.motive.Health
	}
	return nil
}

func (s *motivesScreen) save() tea.Cmd {
	m := s.edit.motive
	m.Label, m.Key = s.edit.label.String(), s.edit.key.String()
	svc := s.env.svc
	s.busy++
	return func() tea.Msg {
		saved, err := svc.SaveMotive(m)
		return motiveSavedMsg{text: fmt.Sprintf("✓ Motif « %s » enregistré (touche %s).", saved.Label, saved.Key), err: err}
	}
}

func (s *motivesScreen) retire(m model.Motive) tea.Cmd {
	svc := s.env.svc
	s.busy++
	return func() tea.Msg {
		err := svc.RetireMotive(m.Code, !m.Retired)
		word := "retiré"
		if m.Retired {
			word = "proposé de nouveau"
		}
		return motiveSavedMsg{text: fmt.Sprintf("✓ Motif « %s » %s.", m.Label, word), err: err}
	}
}

func (s *motivesScreen) onSaved(msg motiveSavedMsg) tea.Cmd {
	s.busy = max(s.busy-1, 0)
	if msg.err != nil {
		if s.edit != nil {
			s.edit.err = model.UserMessage(msg.err)
			return nil
		}
		return errorCmd(msg.err)
	}
	s.edit = nil
	return tea.Batch(statusCmd("%s", msg.text), s.Init())
}

func (s *motivesScreen) View(width, height int) string {
	st := s.env.styles
	if !s.loaded {
		return "Chargement…"
	}
	if s.edit != nil {
		return s.editView(width)
	}
	lines := []string{
		st.Title.Render("Motifs d'absence") + st.Muted.Render("  (une absence garde le libellé et la validité qu'on lui a donnés)"),
		st.Header.Render(padRight("  Touche  Libellé                                              Validité", width)),
	}
	from, to := s.list.window(max(height-2, 1))
	for pos := from; pos < to; pos++ {
		lines = append(lines, s.line(s.motives[s.list.items[pos]], pos == s.list.cursor, width))
	}
	return strings.Join(lines, "\n")
}

func (s *motivesScreen) line(m model.Motive, cursor bool, width int) string {
	valid := "non valable"
	if m.Valid {
		valid = "valable"
	}
	if m.Health {
		valid += " · santé"
	}
	if m.Retired {
		valid += " (retiré)"
	}
	text := fmt.Sprintf("%-7s %-52s %s", m.Key, truncate(m.Label, 52), valid)
	if cursor {
		return truncate("› "+s.env.styles.Cursor.Render(text), width)
	}
	return truncate("  "+text, width)
}

func (s *motivesScreen) editView(width int) string {
	st, e := s.env.styles, s.edit
	title := "Modifier le motif"
	if e.motive.Code == "" {
		title = "Nouveau motif"
	}
	valid := "non valable"
	if e.motive.Valid {
		valid = "valable"
	}
	field := func(i int, label, value string) string {
		if i == e.field {
			return "› " + padRight(label, 10) + st.Cursor.Render(value+"▏")
		}
		return "  " + padRight(label, 10) + value
	}
	health := "non"
	if e.motive.Health {
		health = "oui : l'archive de l'année n'en gardera que « motif valable »"
	}
	lines := []string{st.Title.Render(title), "", field(0, "Libellé", e.label.String()),
		field(1, "Touche", e.key.String()), field(2, "Validité", valid+" (espace pour changer)"),
		field(3, "Santé", health+" (espace pour changer)"), ""}
	if e.err != "" {
		lines = append(lines, st.Error.Render(truncate("✗ "+e.err, width)))
	}
	lines = append(lines, st.Muted.Render("tab champ suivant · ↵ enregistrer · esc annuler · touches interdites : "+model.ReservedKeys))
	return strings.Join(lines, "\n")
}

func (s *motivesScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.New, s.keys.Edit, s.keys.Retire}
}

func (s *motivesScreen) FullHelp() []HelpSection {
	return []HelpSection{
		{Title: "Motifs", Keys: []key.Binding{s.keys.New, s.keys.Edit, s.keys.Retire}},
		{Title: "Se déplacer", Keys: s.env.nav.bindings()},
	}
}
