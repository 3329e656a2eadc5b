package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// targetPicker chooses a division or group by typing part of its code: the
// exact code first, then the codes that start with it, then the others that
// contain it.
type targetPicker struct {
	targets []model.Target
	open    bool
	query   lineEdit
	list    cursorList
}

func (p *targetPicker) setTargets(ts []model.Target) {
	p.targets = ts
	p.refilter()
}

func (p *targetPicker) start() {
	p.open = true
	p.query.reset()
	p.query.active = true
	p.refilter()
	p.list.moveTo(0)
}

func foldCode(s string) string { return strings.ReplaceAll(model.FoldAccents(s), " ", "") }

func (p *targetPicker) refilter() {
	q := foldCode(p.query.String())
	var buckets [3][]int
	for i, t := range p.targets {
		code := foldCode(t.Code)
		switch {
		case code == q:
			buckets[0] = append(buckets[0], i)
		case strings.HasPrefix(code, q):
			buckets[1] = append(buckets[1], i)
		case strings.Contains(code, q) || strings.Contains(model.FoldAccents(t.Code), model.FoldAccents(p.query.String())):
			buckets[2] = append(buckets[2], i)
		}
	}
	p.list.setItems(append(append(buckets[0], buckets[1]...), buckets[2]...))
	p.list.moveTo(0)
}

// pickerKey types into the picker; enter opens the highlighted grid.
func (s *planScreen) pickerKey(msg tea.KeyMsg) tea.Cmd {
	p := &s.picker
	switch msg.Type {
	case tea.KeyEsc:
		p.open = false
	case tea.KeyEnter:
		i, ok := p.list.selected()
		p.open = false
		if !ok {
			return nil
		}
		s.target, s.pupil = p.targets[i], ""
		s.view.clearSelection()
		return tea.Batch(s.retarget(), s.load())
	case tea.KeyUp, tea.KeyDown, tea.KeyPgUp, tea.KeyPgDown:
		p.list.navigate(msg, s.env.nav, s.rowsHeight())
	default:
		if p.query.handle(msg) {
			p.refilter()
		}
	}
	return nil
}

func (p *targetPicker) view(st *Styles, width, height int) string {
	lines := []string{st.Title.Render("Classe ou groupe : ") + p.query.String() + "▏"}
	from, to := p.list.window(max(height-2, 1))
	var items []string
	for i := from; i < to; i++ {
		t := p.targets[p.list.items[i]]
		label := t.Code
		if t.Kind == model.TargetGroup {
			label += " (groupe)"
		}
		if i == p.list.cursor {
			items = append(items, "› "+st.Cursor.Render(label))
		} else {
			items = append(items, "  "+label)
		}
	}
	if len(items) == 0 {
		items = append(items, st.Muted.Render("  Aucune classe ni aucun groupe ne correspond."))
	}
	lines = append(lines, "")
	for _, it := range items {
		lines = append(lines, truncate(it, width))
	}
	return strings.Join(lines, "\n")
}
