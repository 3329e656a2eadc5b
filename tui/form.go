package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// formKeys are the keys of every form, with one meaning each in all of them:
// ↵ saves the whole form from any field, tab and ⇧tab move between fields,
// space or ←/→ change a choice (a digit picks it), esc cancels.
type formKeys struct {
	Next, Prev, Toggle, Back, Pick, Save, Cancel key.Binding
}

func defaultFormKeys() formKeys {
	return formKeys{
		Next:   newKey("tab/↓", "champ suivant", "tab", "down"),
		Prev:   newKey("⇧tab/↑", "champ précédent", "shift+tab", "up"),
		Toggle: newKey("espace/→", "choix suivant", " ", "right"),
		Back:   newKey("←", "choix précédent", "left"),
		Pick:   newKey("1-9", "choisir", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Save:   newKey("↵", "enregistrer", "enter"),
		Cancel: newKey("esc", "annuler", "esc"),
	}
}

// formField describes a field of a form: a line of text, or a choice among
// a few values when choices is set.
type formField struct {
	label string
	value string
	// choices are the values a choice field takes in turn (space).
	choices []string
	// limit is the most characters a text field takes (0: no limit); a field
	// of one character keeps the last one typed.
	limit int
	// hint is shown, muted, after the field.
	hint string
}

// formOutcome is what a key did to a form.
type formOutcome int

const (
	formEditing formOutcome = iota
	formSave
	formCancel
)

// form is a few fields typed in turn, the one component of every form of the
// interface. Text fields are bubbles text inputs with a static cursor (a
// blinking one is a timer per session); the keys are formKeys, and the help
// line is made from them and from the host's own keys (extra), which the
// host handles before the form. The host saves on formSave (saving), and
// shows a refusal under the fields (fail) or closes the form.
type form struct {
	title  string
	fields []formField
	inputs []textinput.Model
	focus  int
	keys   formKeys
	extra  []key.Binding
	styles *Styles
	saving bool
	err    string
}

func newForm(st *Styles, title string, fields ...formField) *form {
	f := &form{title: title, fields: fields, inputs: make([]textinput.Model, len(fields)), keys: defaultFormKeys(), styles: st}
	for i, fl := range fields {
		if fl.choices == nil {
			f.inputs[i] = newFormInput(st, fl)
		}
	}
	f.focusOn(0)
	return f
}

func newFormInput(st *Styles, fl formField) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.KeyMap.Paste.SetEnabled(false) // it would read the server's clipboard
	in.Cursor.SetMode(cursor.CursorStatic)
	in.Cursor.Style = st.Cursor.lipgloss
	in.Cursor.TextStyle = st.Cursor.lipgloss
	in.TextStyle, in.PlaceholderStyle = st.Cursor.lipgloss.UnsetReverse(), st.Muted.lipgloss
	in.PromptStyle, in.CompletionStyle = in.TextStyle, in.PlaceholderStyle
	in.SetValue(fl.value)
	if fl.limit > 1 {
		in.CharLimit = fl.limit
	}
	return in
}

// withKeys adds the host's keys to the form's help; the host handles them.
func (f *form) withKeys(extra ...key.Binding) *form {
	f.extra = extra
	return f
}

func (f *form) focusOn(i int) {
	if f.fields[f.focus].choices == nil {
		f.inputs[f.focus].Blur()
	}
	f.focus = i
	if f.fields[i].choices == nil {
		f.inputs[i].Focus()
		f.inputs[i].CursorEnd()
	}
}

// handle applies a key; while the form saves, keys wait.
func (f *form) handle(msg tea.KeyMsg) formOutcome {
	switch {
	case f.saving:
	case key.Matches(msg, f.keys.Cancel):
		return formCancel
	case key.Matches(msg, f.keys.Save):
		return formSave
	case key.Matches(msg, f.keys.Next):
		f.focusOn((f.focus + 1) % len(f.fields))
	case key.Matches(msg, f.keys.Prev):
		f.focusOn((f.focus + len(f.fields) - 1) % len(f.fields))
	case f.fields[f.focus].choices != nil:
		f.choose(msg)
	default:
		f.type_(msg)
	}
	return formEditing
}

// choose applies a key to the choice focused: the next or previous value,
// or the one whose number was typed.
func (f *form) choose(msg tea.KeyMsg) {
	fl := &f.fields[f.focus]
	i, n := slices.Index(fl.choices, fl.value), len(fl.choices)
	switch {
	case key.Matches(msg, f.keys.Toggle):
		i = (i + 1) % n
	case key.Matches(msg, f.keys.Back):
		i = (max(i, 0) + n - 1) % n
	case key.Matches(msg, f.keys.Pick) && int(msg.Runes[0]-'1') < n:
		i = int(msg.Runes[0] - '1')
	default:
		return
	}
	fl.value = fl.choices[i]
}

func (f *form) type_(msg tea.KeyMsg) {
	in := &f.inputs[f.focus]
	if f.fields[f.focus].limit == 1 && msg.Type == tea.KeyRunes && len(msg.Runes) > 0 {
		in.SetValue(string(msg.Runes[len(msg.Runes)-1:]))
		return
	}
	*in, _ = in.Update(msg)
	f.err = ""
}

// value returns field i: a choice's value, or the text typed, trimmed.
func (f *form) value(i int) string {
	if f.fields[i].choices != nil {
		return f.fields[i].value
	}
	return strings.TrimSpace(f.inputs[i].Value())
}

// values returns every field's value in order.
func (f *form) values() []string {
	out := make([]string, len(f.fields))
	for i := range f.fields {
		out[i] = f.value(i)
	}
	return out
}

// setValue replaces field i's value (the host's picker changed what is edited).
func (f *form) setValue(i int, v string) {
	if f.fields[i].choices != nil {
		f.fields[i].value = v
		return
	}
	f.inputs[i].SetValue(v)
	f.err = ""
}

// startSaving marks the form as saving: keys wait for fail or the host's close.
func (f *form) startSaving() { f.saving, f.err = true, "" }

// fail shows why the save was refused; the form stays open for a correction.
func (f *form) fail(text string) { f.saving, f.err = false, text }

// bindings are the keys the form answers, the host's first, for the footer
// and the help.
func (f *form) bindings() []key.Binding {
	out := slices.Clone(f.extra)
	out = append(out, f.keys.Next, f.keys.Prev)
	if slices.ContainsFunc(f.fields, func(fl formField) bool { return fl.choices != nil }) {
		out = append(out, f.keys.Toggle, f.keys.Back, f.keys.Pick)
	}
	return append(out, f.keys.Save, f.keys.Cancel)
}

// helpText is the line of keys drawn under the title.
func (f *form) helpText() string { return bindingsText(f.bindings()) }

// bindingsText is « key desc · key desc », the keys of a form's help line.
func bindingsText(bs []key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		parts = append(parts, b.Help().Key+" "+b.Help().Desc)
	}
	return strings.Join(parts, " · ")
}

// lines draws the title, the help line, a line per field and the state.
func (f *form) lines(width int) []string {
	st := f.styles
	out := []string{st.Title.Render(truncate(f.title, width)), st.Muted.Render(truncate(f.helpText(), width))}
	labelWidth := 0
	for _, fl := range f.fields {
		labelWidth = max(labelWidth, lipgloss.Width(fl.label))
	}
	for i, fl := range f.fields {
		if fl.choices == nil {
			f.inputs[i].Width = max(width-labelWidth-lipgloss.Width(fl.hint)-8, 10)
		}
		out = append(out, truncate(f.fieldLine(i, padRight(fl.label, labelWidth)), width))
	}
	switch {
	case f.saving:
		out = append(out, st.Pending.Render("  enregistrement…"))
	case f.err != "":
		out = append(out, st.Error.Render(truncate("  ✗ "+f.err, width)))
	}
	return out
}

func (f *form) fieldLine(i int, label string) string {
	st, fl := f.styles, f.fields[i]
	marker, value := "  ", ""
	if i == f.focus {
		marker = "› "
	}
	switch {
	case fl.choices != nil && i == f.focus:
		value = st.Cursor.Render("‹ " + fl.value + " ›")
	case fl.choices != nil:
		value = "‹ " + fl.value + " ›"
	default:
		value = f.inputs[i].View()
	}
	line := marker + label + " : " + value
	if fl.hint != "" {
		line += "  " + st.Muted.Render(fl.hint)
	}
	return line
}

// view is the form alone, one line after another.
func (f *form) view(width int) string { return strings.Join(f.lines(width), "\n") }
