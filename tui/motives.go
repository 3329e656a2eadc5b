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
	filter  listFilter
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
	form   *form
}

// The motive form's fields, in order, and the words of its choices.
const (
	mfLabel = iota
	mfKey
	mfValid
	mfHealth
)

const (
	wordValid   = "valable"
	wordInvalid = "non valable"
	wordYes     = "oui"
	wordNo      = "non"
)

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

func (s *motivesScreen) Capturing() bool { return s.edit != nil || s.filter.typing() }

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
			s.refilter()
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

// refilter shows the motives whose key or label holds the filter.
func (s *motivesScreen) refilter() {
	s.list.setItems(s.filter.keep(len(s.motives), func(i int) string { return s.motives[i].Key + " " + s.motives[i].Label }))
}

func (s *motivesScreen) listKey(msg tea.KeyMsg) tea.Cmd {
	if s.filter.typing() && s.filter.key(msg) {
		s.refilter()
		return nil
	}
	switch {
	case key.Matches(msg, s.env.nav.Filter):
		s.filter.start()
		return nil
	case msg.Type == tea.KeyEsc && s.filter.clear():
		s.refilter()
		return nil
	}
	if s.list.navigate(msg, s.env.nav, max(s.size.Height-appChrome-3, 1)) {
		return nil
	}
	i, ok := s.list.selected()
	switch {
	case key.Matches(msg, s.keys.New):
		s.edit = newMotiveEdit(s.env.styles, model.Motive{Valid: true})
	case !ok:
	case key.Matches(msg, s.keys.Edit):
		s.edit = newMotiveEdit(s.env.styles, s.motives[i])
	case key.Matches(msg, s.keys.Retire):
		return s.retire(s.motives[i])
	}
	return nil
}

func newMotiveEdit(st *Styles, m model.Motive) *motiveEdit {
	title := "Modifier le motif"
	if m.Code == "" {
		title = "Nouveau motif"
	}
	return &motiveEdit{motive: m, form: newForm(st, title,
		formField{label: "Libellé", value: m.Label},
		formField{label: "Touche", value: m.Key, limit: 1, hint: "touches interdites : " + model.ReservedKeys},
		formField{label: "Validité", value: choose(m.Valid, wordValid, wordInvalid), choices: []string{wordValid, wordInvalid}},
		formField{label: "Santé", value: choose(m.Health, wordYes, wordNo), choices: []string{wordNo, wordYes},
			hint: "oui : l'archive de l'année n'en gardera que « motif valable »"},
	)}
}

// choose returns yes when b holds, else no.
func choose(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func (s *motivesScreen) editKey(msg tea.KeyMsg) tea.Cmd {
	switch s.edit.form.handle(msg) {
	case formCancel:
		s.edit = nil
	case formSave:
		return s.save()
	}
	return nil
}

func (s *motivesScreen) save() tea.Cmd {
	f, m := s.edit.form, s.edit.motive
	m.Label, m.Key = f.value(mfLabel), f.value(mfKey)
	m.Valid, m.Health = f.value(mfValid) == wordValid, f.value(mfHealth) == wordYes
	f.startSaving()
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
			s.edit.form.fail(model.UserMessage(msg.err))
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
	if f := s.filter.line(st); f != "" {
		lines = append(lines, f)
	}
	from, to := s.list.window(max(height-len(lines), 1))
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

func (s *motivesScreen) editView(width int) string { return s.edit.form.view(width) }

func (s *motivesScreen) ShortHelp() []key.Binding {
	if s.edit != nil {
		return s.edit.form.bindings()
	}
	return []key.Binding{s.keys.New, s.keys.Edit, s.keys.Retire}
}

func (s *motivesScreen) FullHelp() []HelpSection {
	if s.edit != nil {
		return []HelpSection{{Title: s.edit.form.title, Keys: s.edit.form.bindings()}}
	}
	return []HelpSection{
		{Title: "Motifs", Keys: []key.Binding{s.keys.New, s.keys.Edit, s.keys.Retire}},
		{Title: "Se déplacer", Keys: s.env.nav.bindings()},
	}
}
