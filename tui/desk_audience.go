package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// audiencePicker chooses the division or group that the desk shows: the most
// fully absent first (a group on a school trip), the cursor on it; typing
// letters narrows the list.
type audiencePicker struct {
	all   []model.AudienceShare
	query lineEdit
	list  cursorList
}

func newAudiencePicker(auds []model.AudienceShare, current string) *audiencePicker {
	p := &audiencePicker{all: auds}
	p.refilter()
	if current == "" && len(p.list.items) > 1 {
		p.list.cursor = 1
	}
	return p
}

// refilter lists "every pupil" (item -1) and the audiences whose code
// starts with the query.
func (p *audiencePicker) refilter() {
	q := model.FoldAccents(p.query.String())
	items := []int{-1}
	for i, a := range p.all {
		if strings.HasPrefix(model.FoldAccents(a.Target.Code), q) {
			items = append(items, i)
		}
	}
	p.list.items, p.list.cursor = items, min(1, len(items)-1)
	if q == "" {
		p.list.cursor = 0
	}
}

// key handles a key; done reports the picker is closed, with the chosen code
// ("" for every pupil) or nil when cancelled.
func (p *audiencePicker) key(msg tea.KeyMsg, nav NavKeys) (code *string, done bool) {
	switch msg.Type {
	case tea.KeyEsc:
		return nil, true
	case tea.KeyEnter:
		i, ok := p.list.selected()
		if !ok {
			return nil, true
		}
		chosen := ""
		if i >= 0 {
			chosen = p.all[i].Target.Code
		}
		return &chosen, true
	}
	if key.Matches(msg, nav.Up, nav.Down, nav.PageUp, nav.PageDown) && msg.Type != tea.KeyRunes {
		p.list.navigate(msg, nav, 10)
		return nil, false
	}
	if p.query.handle(msg) {
		p.refilter()
	}
	return nil, false
}

func (p *audiencePicker) view(st *Styles, width, height int) string {
	lines := []string{st.Title.Render("Filtrer par division ou groupe") + "  " + st.Muted.Render("tapez le code : "+p.query.String()+"▏")}
	from, to := p.list.window(max(height-2, 1))
	for pos := from; pos < to; pos++ {
		lines = append(lines, p.line(st, p.list.items[pos], pos == p.list.cursor, width))
	}
	lines = append(lines, st.Muted.Render("↵ choisir · esc annuler · les groupes les plus absents en tête"))
	return strings.Join(lines, "\n")
}

func (p *audiencePicker) line(st *Styles, i int, cursor bool, width int) string {
	text := "tous les élèves"
	if i >= 0 {
		a := p.all[i]
		kind := "division"
		if a.Target.Kind == model.TargetGroup {
			kind = "groupe"
		}
		text = fmt.Sprintf("%-12s %-9s %d/%d absents ou en retard", truncate(a.Target.Code, 12), kind, a.Absent, a.Members)
	}
	if cursor {
		return truncate("› "+st.Cursor.Render(text), width)
	}
	return truncate("  "+text, width)
}
