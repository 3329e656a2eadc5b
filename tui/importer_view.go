package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"appel/model/imports"
)

// importChrome is the number of lines above the report.
const importChrome = 5

// View draws the form (kind, path, force) and the report of the last check
// or import.
func (s *importScreen) View(width, height int) string {
	st := s.env.styles
	kind := imports.Kinds[s.kind]
	path := s.path.String()
	switch {
	case s.path.active:
		path = st.Selected.Render(path + "▏")
	case path == "":
		path = st.Muted.Render("(e pour saisir le chemin, sur la machine du serveur)")
	}
	force := "non"
	if s.force {
		force = st.Warn.Render("oui : un fichier d'un autre établissement est accepté")
	}
	lines := []string{
		st.Title.Render(truncate("Importer un fichier", width)),
		truncate("Type    : ‹ "+string(kind)+" › "+imports.KindLabel(kind), width),
		truncate("Fichier : "+path, width),
		truncate("Forcer  : "+force, width),
		st.Rule.Render(strings.Repeat("─", max(width, 0))),
	}
	return strings.Join(append(lines, s.reportView(width, height-importChrome)...), "\n")
}

func (s *importScreen) reportView(width, height int) []string {
	st := s.env.styles
	if s.busy != "" {
		return []string{st.Pending.Render(s.busy)}
	}
	if len(s.report) == 0 {
		return []string{st.Muted.Render(truncate("↵ vérifie le fichier sans rien écrire ; a applique ensuite l'import vérifié.", width))}
	}
	from := max(0, min(s.scroll, len(s.report)-1))
	to := min(len(s.report), from+max(height, 0))
	var out []string
	for _, l := range s.report[from:to] {
		out = append(out, s.reportLine(l, width))
	}
	return out
}

func (s *importScreen) reportLine(l string, width int) string {
	st := s.env.styles
	l = truncate(l, width)
	switch {
	case strings.HasPrefix(l, "  ✗"):
		return st.Error.Render(l)
	case strings.HasPrefix(l, "✓"):
		return st.Ok.Render(l)
	case strings.HasSuffix(l, " :") && !strings.HasPrefix(l, " "):
		return st.Header.Render(l)
	}
	return l
}

// ShortHelp is the footer: the text entry's keys while typing the path.
func (s *importScreen) ShortHelp() []key.Binding {
	if s.path.active {
		return []key.Binding{s.keys.Done, s.keys.Cancel}
	}
	apply := s.keys.Apply
	apply.SetEnabled(s.ready)
	return []key.Binding{s.keys.Check, apply, s.keys.Edit, s.keys.Kind, s.keys.Force}
}

// FullHelp lists every key of the screen.
func (s *importScreen) FullHelp() []HelpSection {
	nav := s.env.nav
	return []HelpSection{
		{Title: "Import", Keys: []key.Binding{s.keys.Edit, s.keys.PrevKind, s.keys.NextKind, s.keys.Force, s.keys.Check, s.keys.Apply}},
		{Title: "Saisie du chemin", Keys: []key.Binding{s.keys.Done, s.keys.Cancel}},
		{Title: "Compte rendu", Keys: []key.Binding{nav.Up, nav.Down, nav.PageUp, nav.PageDown, nav.Home, nav.End}},
	}
}
