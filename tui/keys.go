package tui

import "github.com/charmbracelet/bubbles/key"

// GlobalKeys are the keys every screen shares (INTERFACES.md).
type GlobalKeys struct {
	Quit   key.Binding
	Help   key.Binding
	Back   key.Binding
	Tab    key.Binding
	Screen key.Binding
}

// DefaultGlobalKeys returns the shared keys.
func DefaultGlobalKeys() GlobalKeys {
	return GlobalKeys{
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quitter")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "aide")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "retour")),
		Tab:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "écran/volet suivant")),
		Screen: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1-9, 0", "écrans")),
	}
}

// NavKeys move a cursor in a list; every list screen shares them.
type NavKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
	Filter   key.Binding
}

// DefaultNavKeys returns the list movements: arrows and k/j, pages, ends, filter.
func DefaultNavKeys() NavKeys {
	return NavKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "monter")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "descendre")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page précédente")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f"), key.WithHelp("pgdn", "page suivante")),
		Home:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "début")),
		End:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "fin")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filtrer")),
	}
}

func (n NavKeys) bindings() []key.Binding {
	return []key.Binding{n.Up, n.Down, n.PageUp, n.PageDown, n.Home, n.End, n.Filter}
}
