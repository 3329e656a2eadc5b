package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// rollCallsPane lists the séances of the day whose roll call is due and not
// done (or, with T, every séance): r reminds the teacher, ↵ opens the roll
// call to correct it.
type rollCallsPane struct {
	env     *env
	keys    rollCallKeys
	day     model.Date
	seances []model.SeanceStatus
	all     bool
	list    cursorList
	loader  loadGate
	loaded  bool
	height  int
	busy    int
}

type rollCallKeys struct {
	Remind, Open, All key.Binding
}

func newRollCallsPane(e *env) *rollCallsPane {
	return &rollCallsPane{env: e, keys: rollCallKeys{
		Remind: newKey("r", "relancer l'enseignant", "r"),
		Open:   newKey("↵", "ouvrir l'appel (corriger)", "enter"),
		All:    newKey("T", "toutes les séances / non faits", "T"),
	}}
}

type daySeancesLoadedMsg struct {
	gen     int
	seances []model.SeanceStatus
	err     error
}

type remindedMsg struct {
	to  []string
	err error
}

func (p *rollCallsPane) missing() int {
	now, n := p.env.svc.Now(), 0
	for _, st := range p.seances {
		if st.Missing(now) {
			n++
		}
	}
	return n
}

func (p *rollCallsPane) title() string {
	if !p.loaded {
		return "Appels non faits"
	}
	return "Appels non faits " + itoa(p.missing())
}

func (p *rollCallsPane) load(day model.Date) tea.Cmd {
	force := day != p.day
	p.day = day
	svc := p.env.svc
	return p.loader.load(force, func(gen int) tea.Msg {
		ss, err := svc.DaySeances(day)
		return daySeancesLoadedMsg{gen: gen, seances: ss, err: err}
	})
}

// stale: a roll call done, a séance changed, or a mark (its counts) that day.
func (p *rollCallsPane) stale(c model.Change) bool {
	return c.TouchesDate(p.day) && c.Touches(model.ChangedRollCalls|model.ChangedStructure|model.ChangedMarks)
}

func (p *rollCallsPane) capturing() bool { return false }

func (p *rollCallsPane) pending() int { return p.busy }

func (p *rollCallsPane) resize(_, height int) { p.height = height }

func (p *rollCallsPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case daySeancesLoadedMsg:
		latest, next := p.loader.arrived(msg.gen, func() tea.Cmd { return p.load(p.day) })
		if latest && msg.err == nil {
			p.seances, p.loaded = msg.seances, true
			p.refilter()
		}
		return tea.Batch(next, errCmd(msg.err))
	case remindedMsg:
		p.busy = max(p.busy-1, 0)
		if msg.err != nil {
			return errorCmd(msg.err)
		}
		return statusCmd("✓ Rappel envoyé à %s.", strings.Join(msg.to, ", "))
	}
	return nil
}

func (p *rollCallsPane) refilter() {
	now := p.env.svc.Now()
	var keep model.SeanceID
	if i, ok := p.list.selected(); ok && i < len(p.seances) {
		keep = p.seances[i].Seance.ID
	}
	var items []int
	for i, st := range p.seances {
		if p.all || st.Missing(now) {
			items = append(items, i)
		}
	}
	p.list.items, p.list.cursor = items, 0
	if pos := slices.IndexFunc(items, func(i int) bool { return p.seances[i].Seance.ID == keep }); pos >= 0 {
		p.list.cursor = pos
	}
}

func (p *rollCallsPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.list.navigate(msg, p.env.nav, max(p.height-2, 1)) {
		return nil
	}
	i, ok := p.list.selected()
	switch {
	case key.Matches(msg, p.keys.All):
		p.all = !p.all
		p.refilter()
	case !ok:
	case key.Matches(msg, p.keys.Remind):
		return p.remind(p.seances[i].Seance.ID)
	case key.Matches(msg, p.keys.Open):
		id := p.seances[i].Seance.ID
		return func() tea.Msg { return openSeanceMsg{id: id} }
	}
	return nil
}

func (p *rollCallsPane) remind(id model.SeanceID) tea.Cmd {
	svc := p.env.svc
	p.busy++
	return func() tea.Msg {
		to, err := svc.Remind(id)
		return remindedMsg{to: to, err: err}
	}
}

func (p *rollCallsPane) view(width, height int) string {
	st := p.env.styles
	if !p.loaded {
		return "Chargement…"
	}
	lines := []string{st.Header.Render(padRight("  Horaire      Classe     Matière          Enseignant   Salle    Appel", width))}
	from, to := p.list.window(max(height-2, 1))
	for pos := from; pos < to; pos++ {
		lines = append(lines, p.line(p.seances[p.list.items[pos]], pos == p.list.cursor, width))
	}
	if len(p.list.items) == 0 {
		lines = append(lines, st.Ok.Render("  ✓ Tous les appels dus sont faits."))
	}
	return strings.Join(lines, "\n")
}

func (p *rollCallsPane) line(ss model.SeanceStatus, cursor bool, width int) string {
	st := p.env.styles
	se := ss.Seance
	state := st.Warn.Render("non fait")
	switch {
	case se.Cancelled:
		state = st.Muted.Render("annulée")
	case ss.Done != nil:
		state = st.Ok.Render(fmt.Sprintf("✓ fait %s · %d abs.", ss.Done.At.Format("15:04"), ss.Absent))
	case !ss.Missing(p.env.svc.Now()):
		state = st.Muted.Render("à venir")
	}
	text := fmt.Sprintf("%s  %-10s %-16s %-12s %-8s", se.TimeRange(), truncate(se.Target.Code, 10),
		truncate(se.Subject, 16), truncate(strings.Join(se.CallTakers(), ","), 12), truncate(se.Room, 8))
	if cursor {
		return truncate("› "+st.Cursor.Render(text)+" "+state, width)
	}
	return truncate("  "+text+" "+state, width)
}

func (p *rollCallsPane) shortHelp() []key.Binding {
	return []key.Binding{p.keys.Remind, p.keys.Open, p.keys.All}
}

func (p *rollCallsPane) fullHelp() []HelpSection {
	return []HelpSection{
		{Title: "Appels non faits", Keys: []key.Binding{p.keys.Remind, p.keys.Open, p.keys.All}},
		{Title: "Se déplacer", Keys: p.env.nav.bindings()},
	}
}
