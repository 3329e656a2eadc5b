package tui

import "github.com/charmbracelet/bubbles/key"

// GlobalKeys are the keys every screen shares (docs/CONTRACT.md).
type GlobalKeys struct {
	Quit   key.Binding
	Help   key.Binding
	Back   key.Binding
	Tab    key.Binding
	Screen key.Binding
	MyKeys key.Binding
}

// DefaultGlobalKeys returns the shared keys.
func DefaultGlobalKeys() GlobalKeys {
	return GlobalKeys{
		Quit:   newKey("q", "quitter", "q", "ctrl+c"),
		Help:   newKey("?", "aide", "?"),
		Back:   newKey("esc", "retour", "esc"),
		Tab:    newKey("tab", "écran/volet suivant", "tab"),
		Screen: newKey("1-9, 0", "écrans", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0"),
		MyKeys: newKey("K", "mes clés SSH", "K"),
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
		Up:       newKey("↑/k", "monter", "up", "k"),
		Down:     newKey("↓/j", "descendre", "down", "j"),
		PageUp:   newKey("pgup", "page précédente", "pgup", "ctrl+b"),
		PageDown: newKey("pgdn", "page suivante", "pgdown", "ctrl+f"),
		Home:     newKey("g", "début", "home", "g"),
		End:      newKey("G", "fin", "end", "G"),
		Filter:   newKey("/", "filtrer", "/"),
	}
}

func (n NavKeys) bindings() []key.Binding {
	return []key.Binding{n.Up, n.Down, n.PageUp, n.PageDown, n.Home, n.End, n.Filter}
}

// newKey is a binding of keys, shown in the footer and the help as help and
// desc (a binding without keys only explains, as the legends do).
func newKey(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}
