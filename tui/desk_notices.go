package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// noticesPane lists the absences announced by families that cover the day
// shown or a later one; n announces one, ↵ edits, x withdraws.
type noticesPane struct {
	env      *env
	keys     noticeKeys
	day      model.Date
	notices  []model.NoticeLine
	list     cursorList
	loader   loadGate
	loaded   bool
	height   int
	busy     int
	openForm func(formRequest)
}

type noticeKeys struct {
	New, Edit, Cancel, Undo, Redo key.Binding
}

func newNoticesPane(e *env, openForm func(formRequest)) *noticesPane {
	return &noticesPane{env: e, openForm: openForm, keys: noticeKeys{
		New: newKey("n", "annoncer une absence", "n"), Edit: newKey("↵", "modifier", "enter"),
		Cancel: newKey("x", "retirer l'absence annoncée", "x"), Undo: newKey("u", "annuler", "u"),
		Redo: newKey("ctrl+r", "rétablir", "ctrl+r"),
	}}
}

type noticesMsg struct {
	gen     int
	notices []model.NoticeLine
	err     error
}

type noticeDoneMsg struct {
	text string
	err  error
}

func (p *noticesPane) title() string {
	if !p.loaded {
		return "Annoncées"
	}
	return "Annoncées " + itoa(len(p.notices))
}

func (p *noticesPane) load(day model.Date) tea.Cmd {
	force := day != p.day
	p.day = day
	svc := p.env.svc
	return p.loader.load(force, func(gen int) tea.Msg {
		ns, err := svc.Notices(day)
		return noticesMsg{gen: gen, notices: ns, err: err}
	})
}

func (p *noticesPane) stale(c model.Change) bool {
	return c.Touches(model.ChangedNotices | model.ChangedStructure | model.ChangedMotives)
}

func (p *noticesPane) capturing() bool { return false }

func (p *noticesPane) pending() int { return p.busy }

func (p *noticesPane) resize(_, height int) { p.height = height }

func (p *noticesPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case noticesMsg:
		latest, next := p.loader.arrived(msg.gen, func() tea.Cmd { return p.load(p.day) })
		if latest && msg.err == nil {
			p.notices, p.loaded = msg.notices, true
			p.list.setItems(indexes(len(msg.notices)))
		}
		return tea.Batch(next, errCmd(msg.err))
	case noticeDoneMsg:
		p.busy = max(p.busy-1, 0)
		if msg.err != nil {
			return errorCmd(msg.err)
		}
		return statusCmd("%s", msg.text)
	}
	return nil
}

func (p *noticesPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.list.navigate(msg, p.env.nav, max(p.height-2, 1)) {
		return nil
	}
	k := p.keys
	switch {
	case key.Matches(msg, k.New):
		p.openForm(formRequest{})
	case key.Matches(msg, k.Edit):
		if i, ok := p.list.selected(); ok {
			p.openForm(formRequest{notice: &p.notices[i]})
		}
	case key.Matches(msg, k.Cancel):
		return p.cancel()
	case key.Matches(msg, k.Undo), key.Matches(msg, k.Redo):
		return p.replay(key.Matches(msg, k.Redo))
	}
	return nil
}

func (p *noticesPane) cancel() tea.Cmd {
	i, ok := p.list.selected()
	if !ok {
		return nil
	}
	svc, n := p.env.svc, p.notices[i]
	p.busy++
	return p.env.act(func() tea.Msg {
		err := svc.CancelNotice(n.Notice)
		return noticeDoneMsg{text: "✓ Absence annoncée de " + n.Pupil.FullName() + " retirée (u pour annuler).", err: err}
	})
}

func (p *noticesPane) replay(redo bool) tea.Cmd {
	p.busy++
	return p.env.replay(redo, func(text string, err error) tea.Msg { return noticeDoneMsg{text: text, err: err} })
}

func (p *noticesPane) view(width, height int) string {
	st := p.env.styles
	if !p.loaded {
		return "Chargement…"
	}
	lines := []string{st.Header.Render(padRight("  Du             Au            Élève                    Motif", width))}
	from, to := p.list.window(max(height-2, 1))
	for pos := from; pos < to; pos++ {
		lines = append(lines, p.line(p.notices[p.list.items[pos]], pos == p.list.cursor, width))
	}
	if len(p.notices) == 0 {
		lines = append(lines, st.Muted.Render("  Aucune absence annoncée à partir de ce jour. n pour en annoncer une."))
	}
	return strings.Join(lines, "\n")
}

func (p *noticesPane) line(n model.NoticeLine, cursor bool, width int) string {
	loc := p.env.svc.Now().Location()
	when := func(t time.Time) string { return t.In(loc).Format("02/01 15:04") }
	motive := "sans motif"
	if j := n.Notice.Justification; j != nil {
		motive = shortLabel(j.Label) + map[bool]string{true: " ✓", false: " ✗"}[j.Valid]
	}
	text := fmt.Sprintf("%s → %s  %-24s %-20s %s · %s", when(n.Notice.From), when(n.Notice.To),
		truncate(n.Pupil.FullName()+" "+n.Pupil.Division, 24), motive, plural(n.Seances, "séance", "séances"), n.Notice.By)
	if cursor {
		return truncate("› "+p.env.styles.Cursor.Render(text), width)
	}
	return truncate("  "+text, width)
}

func (p *noticesPane) shortHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.New, k.Edit, k.Cancel, k.Undo}
}

func (p *noticesPane) fullHelp() []HelpSection {
	k := p.keys
	return []HelpSection{
		{Title: "Absences annoncées par les familles", Keys: []key.Binding{k.New, k.Edit, k.Cancel, k.Undo, k.Redo}},
		{Title: "Se déplacer", Keys: p.env.nav.bindings()},
	}
}
