package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// form is a short sequence of one-line fields typed in turn: enter moves to
// the next field and submits after the last, esc cancels.
type form struct {
	title  string
	labels []string
	values []lineEdit
	field  int
	submit func(values []string) tea.Cmd
}

func newForm(title string, labels []string, initial []string, submit func([]string) tea.Cmd) *form {
	f := &form{title: title, labels: labels, values: make([]lineEdit, len(labels)), submit: submit}
	for i := range f.values {
		if i < len(initial) {
			f.values[i].value = []rune(initial[i])
		}
	}
	return f
}

// handle applies a key; it returns whether the form is over and its command.
func (f *form) handle(msg tea.KeyMsg) (bool, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		return true, nil
	case tea.KeyEnter, tea.KeyTab:
		if f.field < len(f.labels)-1 {
			f.field++
			return false, nil
		}
		if msg.Type == tea.KeyTab {
			return false, nil
		}
		vals := make([]string, len(f.values))
		for i, v := range f.values {
			vals[i] = strings.TrimSpace(v.String())
		}
		return true, f.submit(vals)
	case tea.KeyShiftTab, tea.KeyUp:
		f.field = max(f.field-1, 0)
		return false, nil
	}
	f.values[f.field].handle(msg)
	return false, nil
}

func (f *form) view(st *Styles, width int) string {
	lines := []string{st.Title.Render(f.title)}
	for i, label := range f.labels {
		value := f.values[i].String()
		marker := "  "
		if i == f.field {
			marker, value = "› ", value+"▏"
		}
		lines = append(lines, truncate(marker+padRight(label+" :", 22)+" "+value, width))
	}
	lines = append(lines, "", st.Footer.Render("↵ champ suivant / valider · ↑ champ précédent · esc annuler"))
	return strings.Join(lines, "\n")
}
