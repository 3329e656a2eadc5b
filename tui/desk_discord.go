package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// discordPane lists the day's discordances between the teachers' marks and
// what else is known; each is settled from here (a, p, c) or in its roll call (↵).
type discordPane struct {
	env    *env
	keys   discordKeys
	day    model.Date
	items  []model.Discordance
	list   cursorList
	loader loadGate
	loaded bool
	height int
	busy   int
}

type discordKeys struct {
	Absent, Present, Confirm, Open key.Binding
}

func newDiscordPane(e *env) *discordPane {
	return &discordPane{env: e, keys: discordKeys{
		Absent:  newKey("a", "il était absent (marquer absent)", "a"),
		Present: newKey("p", "il était présent (annonce écourtée / absence retirée)", "p"),
		Confirm: newKey("c", "les deux sont exacts (présence vérifiée)", "c"),
		Open:    newKey("↵", "ouvrir l'appel de la séance", "enter"),
	}}
}

type discordMsg struct {
	gen   int
	items []model.Discordance
	err   error
}

type resolvedMsg struct{ err error }

func (p *discordPane) title() string {
	if !p.loaded {
		return "Discordances"
	}
	return "Discordances " + itoa(len(p.items))
}

func (p *discordPane) load(day model.Date) tea.Cmd {
	force := day != p.day
	p.day = day
	svc := p.env.svc
	return p.loader.load(force, func(gen int) tea.Msg {
		ds, err := svc.Discordances(day)
		return discordMsg{gen: gen, items: ds, err: err}
	})
}

func (p *discordPane) stale(c model.Change) bool {
	return c.TouchesDate(p.day) && c.Touches(model.ChangedMarks|model.ChangedRollCalls|model.ChangedNotices|model.ChangedStructure)
}

func (p *discordPane) capturing() bool { return false }

func (p *discordPane) pending() int { return p.busy }

func (p *discordPane) resize(_, height int) { p.height = height }

func (p *discordPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case discordMsg:
		latest, next := p.loader.arrived(msg.gen, func() tea.Cmd { return p.load(p.day) })
		if latest && msg.err == nil {
			p.items, p.loaded = msg.items, true
			p.list.setItems(indexes(len(msg.items)))
		}
		return tea.Batch(next, errCmd(msg.err))
	case resolvedMsg:
		p.busy = max(p.busy-1, 0)
		if msg.err != nil {
			return errorCmd(msg.err)
		}
		return statusCmd("✓ Discordance levée (u dans Absences pour annuler).")
	}
	return nil
}

func (p *discordPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.list.navigate(msg, p.env.nav, max(p.height-2, 1)) {
		return nil
	}
	i, ok := p.list.selected()
	if !ok {
		return nil
	}
	d := p.items[i]
	switch {
	case key.Matches(msg, p.keys.Absent):
		return p.resolve(d, model.ResolveAbsent)
	case key.Matches(msg, p.keys.Present):
		return p.resolve(d, model.ResolvePresent)
	case key.Matches(msg, p.keys.Confirm) && d.Kind == model.DiscordAdjacent:
		return p.resolve(d, model.ResolveConfirm)
	case key.Matches(msg, p.keys.Open):
		id := d.Present.Seance.ID
		return func() tea.Msg { return openSeanceMsg{id: id} }
	}
	return nil
}

func (p *discordPane) resolve(d model.Discordance, r model.Resolution) tea.Cmd {
	svc := p.env.svc
	p.busy++
	return p.env.act(func() tea.Msg { return resolvedMsg{err: svc.ResolveDiscordance(d, r)} })
}

func (p *discordPane) view(width, height int) string {
	st := p.env.styles
	if !p.loaded {
		return "Chargement…"
	}
	lines := []string{st.Header.Render(padRight("  Élève                      Discordance", width))}
	from, to := p.list.window(max(height-2, 1))
	for pos := from; pos < to; pos++ {
		d := p.items[p.list.items[pos]]
		text := padRight(d.Pupil.FullName()+" "+d.Pupil.Division, 26) + " " + d.Describe()
		if pos == p.list.cursor {
			lines = append(lines, truncate("› "+st.Cursor.Render(text), width))
		} else {
			lines = append(lines, truncate("  "+st.Warn.Render(text), width))
		}
	}
	if len(p.items) == 0 {
		lines = append(lines, st.Ok.Render("  ✓ Aucune discordance ce jour-là."))
	}
	return strings.Join(lines, "\n")
}

func (p *discordPane) shortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Absent, k.Present, k.Confirm, k.Open}
}

func (p *discordPane) fullHelp() []HelpSection {
	k := p.keys
	return []HelpSection{
		{Title: "Régler la discordance sous le curseur", Keys: []key.Binding{k.Absent, k.Present, k.Confirm, k.Open}},
		{Title: "Se déplacer", Keys: p.env.nav.bindings()},
	}
}
