package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// templateEditor edits the text of one kind of notice or letter in a
// multi-line editor (bubbles textarea) beside a live preview on a real
// pupil; ctrl+s saves (the model refuses an unknown field by name), ctrl+t
// goes to the next kind while nothing is changed, ctrl+r brings back the
// text that ships, esc leaves without saving.
type templateEditor struct {
	kind    int
	area    textarea.Model
	saved   string
	custom  bool
	preview model.Message
	err     string
	// saving counts the saves not yet answered (Pending).
	saving int
}

type templateLoadedMsg struct {
	kind   int
	text   string
	custom bool
	err    error
}

type templatePreviewMsg struct {
	text string
	msg  model.Message
	err  error
}

type templateSavedMsg struct {
	// text is what was saved; reset: the shipped text was brought back.
	text  string
	reset bool
	err   error
}

func newTemplateEditor() *templateEditor {
	a := textarea.New()
	a.CharLimit, a.ShowLineNumbers, a.Prompt = 0, false, "│ "
	a.Cursor.SetMode(cursor.CursorStatic)
	// Paste comes from the user's terminal (bracketed paste), never from the
	// server's clipboard.
	a.KeyMap.Paste.SetEnabled(false)
	a.Focus()
	return &templateEditor{area: a}
}

func (s *familiesScreen) loadTemplate(kind int) tea.Cmd {
	svc := s.env.svc
	return func() tea.Msg {
		text, custom, err := svc.TemplateText(model.TemplateKinds[kind])
		return templateLoadedMsg{kind: kind, text: text, custom: custom, err: err}
	}
}

func (s *familiesScreen) previewTemplate(text string) tea.Cmd {
	svc := s.env.svc
	return func() tea.Msg {
		m, err := svc.PreviewTemplate(text)
		return templatePreviewMsg{text: text, msg: m, err: err}
	}
}

// editorUpdate handles the editor's messages; ok is false for the others.
func (s *familiesScreen) editorUpdate(msg tea.Msg) (tea.Cmd, bool) {
	e := s.editor
	switch msg := msg.(type) {
	case templateLoadedMsg:
		if msg.err != nil {
			e.err = model.UserMessage(msg.err)
			return nil, true
		}
		e.kind, e.saved, e.custom, e.err = msg.kind, msg.text, msg.custom, ""
		e.area.SetValue(msg.text)
		return s.previewTemplate(msg.text), true
	case templatePreviewMsg:
		if msg.text == e.area.Value() {
			e.preview, e.err = msg.msg, ""
			if msg.err != nil {
				e.err = model.UserMessage(msg.err)
			}
		}
		return nil, true
	case templateSavedMsg:
		e.saving = max(e.saving-1, 0)
		if msg.err != nil {
			if msg.reset || msg.text == e.area.Value() {
				e.err = model.UserMessage(msg.err)
			}
			return nil, true
		}
		label := model.TemplateLabel(model.TemplateKinds[e.kind])
		if msg.reset {
			return tea.Batch(statusCmd("✓ Modèle « %s » : texte livré.", label), s.loadTemplate(e.kind)), true
		}
		e.saved, e.custom = msg.text, true
		return statusCmd("✓ Modèle « %s » enregistré.", label), true
	}
	return nil, false
}

func (s *familiesScreen) editorKey(msg tea.KeyMsg) tea.Cmd {
	e := s.editor
	kind := model.TemplateKinds[e.kind]
	svc := s.env.svc
	switch msg.String() {
	case "esc":
		s.editor = nil
		return nil
	case "ctrl+s":
		e.saving++
		text := e.area.Value()
		return func() tea.Msg { return templateSavedMsg{text: text, err: svc.SetTemplate(kind, text)} }
	case "ctrl+r":
		e.saving++
		return func() tea.Msg { return templateSavedMsg{reset: true, err: svc.ResetTemplate(kind)} }
	case "ctrl+t":
		if e.area.Value() != e.saved {
			e.err = "texte modifié : ctrl+s pour l'enregistrer ou esc pour l'abandonner d'abord"
			return nil
		}
		return s.loadTemplate((e.kind + 1) % len(model.TemplateKinds))
	}
	before := e.area.Value()
	var cmd tea.Cmd
	e.area, cmd = e.area.Update(msg)
	if e.area.Value() != before {
		return tea.Batch(cmd, s.previewTemplate(e.area.Value()))
	}
	return cmd
}

// editorView draws the editor on the left half and the preview on the right.
func (s *familiesScreen) editorView(width, height int) string {
	st, e := s.env.styles, s.editor
	origin := "texte livré"
	if e.custom {
		origin = "texte de l'établissement"
	}
	if e.area.Value() != e.saved {
		origin += ", modifié"
	}
	head := []string{
		truncate(st.Title.Render("Modèle : "+model.TemplateLabel(model.TemplateKinds[e.kind]))+st.Muted.Render(" ("+origin+")"), width),
		st.Muted.Render(truncate("ctrl+s enregistrer · ctrl+t modèle suivant · ctrl+r texte livré · esc quitter · 1re ligne : l'objet", width)),
	}
	foot := []string{st.Muted.Render(truncate("Champs : "+fieldNamesText(), width))}
	if e.err != "" {
		foot = append(foot, st.Error.Render(truncate("✗ "+e.err, width)))
	}
	bodyHeight := max(height-len(head)-len(foot), 3)
	left := max(width/2-1, 20)
	e.area.SetWidth(left)
	e.area.SetHeight(bodyHeight)
	editor := strings.Split(e.area.View(), "\n")
	preview := []string{st.Header.Render("Aperçu"), truncate("Objet : "+e.preview.Subject, width-left-2)}
	for _, l := range strings.Split(e.preview.Text, "\n") {
		preview = append(preview, truncate(l, width-left-2))
	}
	lines := head
	for i := 0; i < bodyHeight; i++ {
		var a, b string
		if i < len(editor) {
			a = editor[i]
		}
		if i < len(preview) {
			b = preview[i]
		}
		lines = append(lines, padRight(a, left)+"  "+b)
	}
	return strings.Join(append(lines, foot...), "\n")
}

func fieldNamesText() string {
	out := make([]string, len(model.TemplateFields))
	for i, f := range model.TemplateFields {
		out[i] = "{{." + f + "}}"
	}
	return strings.Join(out, " ")
}
