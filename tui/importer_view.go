package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"appel/model"
	"appel/model/imports"
)

// importChrome is the number of lines above the list or the report.
const importChrome = 5

// View draws the choices (kind, file, force), then the imports folder's
// files, or the report of the last check or import.
func (s *importScreen) View(width, height int) string {
	if s.school != nil {
		return s.schoolView(width)
	}
	if s.year != nil {
		return s.yearView(width, height)
	}
	st := s.env.styles
	kind := imports.Kinds[s.kind]
	file := s.chosen
	if file == "" {
		file = st.Muted.Render("(↑/↓ choisit dans le dossier d'imports, ↵ vérifie)")
	}
	force := "non"
	if s.force {
		force = st.Warn.Render("oui : un fichier d'un autre établissement est accepté")
	}
	grid := "celle de l'établissement"
	if s.slots {
		grid = st.Warn.Render("celle du fichier, dès aujourd'hui")
	}
	lines := []string{
		st.Title.Render(truncate("Importer un fichier", width)),
		truncate("Type    : ‹ "+string(kind)+" › "+imports.KindLabel(kind), width),
		truncate("Fichier : "+file, width),
		truncate("Forcer  : "+force+" · grille horaire : "+grid, width),
		st.Rule.Render(strings.Repeat("─", max(width, 0))),
	}
	body := height - importChrome
	if s.chosen == "" {
		return strings.Join(append(lines, s.folderView(width, body)...), "\n")
	}
	return strings.Join(append(lines, s.reportView(width, body)...), "\n")
}

// folderView lists the imports folder's files, or says how to give one.
func (s *importScreen) folderView(width, height int) []string {
	st := s.env.styles
	var text []string
	switch {
	case s.env.imports == nil:
		text = []string{
			"Aucun dossier d'imports n'est configuré sur ce serveur.",
			"Son administrateur le donne au démarrage : appel serve --imports DOSSIER",
			"(ou appel --imports DOSSIER) ; l'écran propose alors les fichiers du dossier.",
			"Sans dossier, un administrateur envoie le fichier par SSH :",
			"  ssh -p PORT admin@hôte import " + string(imports.Kinds[s.kind]) + " - < fichier",
		}
	case s.listErr != nil:
		text = []string{st.Error.Render(model.UserMessage(s.listErr)), "r relit le dossier."}
	case len(s.files) == 0:
		text = []string{"Le dossier d'imports est vide : déposez-y le fichier sur le serveur, puis r pour relire."}
	}
	if text != nil {
		for i, l := range text {
			text[i] = truncate(l, width)
		}
		return text
	}
	out := []string{st.Header.Render(truncate(fmt.Sprintf("Dossier d'imports du serveur : %d fichier(s)", len(s.files)), width))}
	rows := max(height-1, 1)
	from, to := scrollWindow(0, s.cursor, len(s.files), rows)
	nameWidth := 0
	for _, f := range s.files {
		nameWidth = max(nameWidth, len([]rune(f.Name)))
	}
	loc := s.env.svc.Now().Location()
	for i := from; i < to; i++ {
		f := s.files[i]
		line := fmt.Sprintf("%-*s  %8s  %s", nameWidth, f.Name, fileSize(f.Size), f.Modified.In(loc).Format("02/01/2006 15:04"))
		if i == s.cursor {
			out = append(out, st.Selected.Render(truncate("▸ "+line, width)))
			continue
		}
		out = append(out, truncate("  "+line, width))
	}
	return out
}

// fileSize writes a size the way a file manager does, in French.
func fileSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d o", n)
	case n < 1<<20:
		return fmt.Sprintf("%d Ko", n>>10)
	}
	return strings.Replace(fmt.Sprintf("%.1f Mo", float64(n)/(1<<20)), ".", ",", 1)
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
	case strings.HasPrefix(l, "  ✗"), strings.HasPrefix(l, "✗"):
		return st.Error.Render(l)
	case strings.HasPrefix(l, "✓"):
		return st.Ok.Render(l)
	case strings.HasSuffix(l, " :") && !strings.HasPrefix(l, " "):
		return st.Header.Render(l)
	}
	return l
}

// ShortHelp is the footer.
func (s *importScreen) ShortHelp() []key.Binding {
	if p := s.school; p != nil {
		if p.edit != nil {
			return p.edit.form.bindings()
		}
		return []key.Binding{schoolGridKey, schoolWeekKey, schoolPeriodsKey, schoolDayKey, schoolMethodKey, schoolCloseKey}
	}
	if s.year != nil {
		return yearHelp()
	}
	apply := s.keys.Apply
	apply.SetEnabled(s.ready)
	back := s.keys.Back
	back.SetEnabled(s.chosen != "")
	return []key.Binding{s.keys.Check, apply, s.keys.Kind, s.keys.Force, s.keys.Grid, back}
}

// FullHelp lists every key of the screen.
func (s *importScreen) FullHelp() []HelpSection {
	nav := s.env.nav
	return []HelpSection{
		{Title: "Import", Keys: []key.Binding{s.keys.Check, s.keys.Apply, s.keys.PrevKind, s.keys.NextKind, s.keys.Force, s.keys.Grid, s.keys.Reload, s.keys.Back}},
		{Title: "Année scolaire", Keys: []key.Binding{yearEndKey}},
		{Title: "Établissement", Keys: []key.Binding{schoolKey, schoolGridKey, schoolWeekKey, schoolPeriodsKey, schoolDayKey, schoolClosureKey, schoolRemoveKey, schoolZoneKey, schoolMethodKey, schoolLateKey, schoolMiddayKey}},
		{Title: "Fichiers, compte rendu", Keys: []key.Binding{nav.Up, nav.Down, nav.PageUp, nav.PageDown, nav.Home, nav.End}},
	}
}
