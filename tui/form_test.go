package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// formKey is the key message of a name, or of the runes typed.
func formKey(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab,
		"shift+tab": tea.KeyShiftTab, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
		"right": tea.KeyRight, "backspace": tea.KeyBackspace, "ctrl+v": tea.KeyCtrlV}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func testForm() *form {
	return newForm(NewStyles(lipgloss.NewRenderer(nil)), "Essai",
		formField{label: "Nom", value: "Dupont"},
		formField{label: "Touche", limit: 1},
		formField{label: "Validité", value: "valable", choices: []string{"valable", "non valable", "sans objet"}},
	)
}

func press(f *form, keys ...string) formOutcome {
	out := formEditing
	for _, k := range keys {
		out = f.handle(formKey(k))
	}
	return out
}

func TestFormKeysHaveOneMeaningInEveryField(t *testing.T) {
	for _, tc := range []struct {
		name   string
		keys   []string
		want   formOutcome
		values string
	}{
		{"typing goes to the first field", []string{" ", "A"}, formEditing, "Dupont A||valable"},
		{"enter saves from the first field", []string{"enter"}, formSave, "Dupont||valable"},
		{"enter saves from the last field", []string{"tab", "tab", "enter"}, formSave, "Dupont||valable"},
		{"esc cancels", []string{"tab", "esc"}, formCancel, "Dupont||valable"},
		{"a one-character field keeps the last typed", []string{"tab", "d", "x"}, formEditing, "Dupont|x|valable"},
		{"space and → take the next choice", []string{"shift+tab", " ", "right"}, formEditing, "Dupont||sans objet"},
		{"← the previous, wrapping", []string{"up", "left"}, formEditing, "Dupont||sans objet"},
		{"a digit picks a choice", []string{"down", "down", "2"}, formEditing, "Dupont||non valable"},
		{"a digit out of the choices does nothing", []string{"down", "down", "7"}, formEditing, "Dupont||valable"},
		{"tab wraps to the first field", []string{"tab", "tab", "tab", "backspace"}, formEditing, "Dupon||valable"},
		{"ctrl+v pastes nothing from the server", []string{"ctrl+v"}, formEditing, "Dupont||valable"},
	} {
		f := testForm()
		got := press(f, tc.keys...)
		if got != tc.want || strings.Join(f.values(), "|") != tc.values {
			t.Errorf("%s: outcome %d, values %q; want %d, %q", tc.name, got, strings.Join(f.values(), "|"), tc.want, tc.values)
		}
	}
}

func TestFormWaitsWhileSavingAndShowsARefusal(t *testing.T) {
	f := testForm()
	f.startSaving()
	if press(f, "esc") != formEditing || !strings.Contains(f.view(80), "enregistrement…") {
		t.Fatalf("a saving form must ignore keys and say it saves:\n%s", f.view(80))
	}
	f.fail("nom déjà pris")
	v := f.view(80)
	if !strings.Contains(v, "✗ nom déjà pris") || press(f, "esc") != formCancel {
		t.Errorf("a refused save shows why and the form answers again:\n%s", v)
	}
}

func TestFormHelpComesFromItsBindings(t *testing.T) {
	f := testForm()
	v := f.view(200)
	for _, b := range f.bindings() {
		if !strings.Contains(v, b.Help().Key+" "+b.Help().Desc) {
			t.Errorf("help line lacks %q:\n%s", b.Help().Key, v)
		}
	}
	if !strings.Contains(v, "› Nom      : Dupont") || !strings.Contains(v, "  Validité : ‹ valable ›") {
		t.Errorf("fields:\n%s", v)
	}
}
