package tui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

func (s *pupilsScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case s.form != nil:
		return s.formKey(msg)
	case s.guardianForm != nil:
		return s.guardianKey(msg)
	case s.searching:
		return s.searchKey(msg)
	}
	return s.fileKey(msg)
}

// searchKey types the name searched (while the field has the focus) or moves
// in the results; enter opens the file.
func (s *pupilsScreen) searchKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case msg.Type == tea.KeyEnter:
		if p, ok := s.finder.selected(); ok {
			return s.open(p.ID)
		}
	case msg.Type == tea.KeyEsc:
		return s.escapeSearch()
	case msg.Type == tea.KeyUp || msg.Type == tea.KeyDown || msg.Type == tea.KeyPgUp || msg.Type == tea.KeyPgDown:
		s.finder.list.navigate(msg, s.env.nav, s.listHeight())
	case s.finder.query.active:
		cmd, _ := s.finder.key(s.env.svc, msg)
		return cmd
	case key.Matches(msg, s.keys.Search):
		s.finder.query.active = true
	default:
		s.finder.list.navigate(msg, s.env.nav, s.listHeight())
	}
	return nil
}

// escapeSearch leaves the name field, then returns to the file; with
// neither, to the screen that opened this one.
func (s *pupilsScreen) escapeSearch() tea.Cmd {
	switch {
	case s.finder.query.active:
		s.finder.query.active = false
	case s.file != nil:
		s.searching = false
	default:
		return goBack
	}
	return nil
}

// fileKey acts on the file shown; while it loads, only / and esc do.
func (s *pupilsScreen) fileKey(msg tea.KeyMsg) tea.Cmd {
	k := s.keys
	if s.file == nil && !key.Matches(msg, k.Search, k.Back) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Pane):
		s.turnPane(1)
	case key.Matches(msg, k.PanePrev):
		s.turnPane(-1)
	case key.Matches(msg, k.Prev):
		return s.shift(-1)
	case key.Matches(msg, k.Next):
		return s.shift(1)
	case key.Matches(msg, k.Search):
		s.searching, s.finder.query.active = true, true
	case key.Matches(msg, k.Back):
		s.searching, s.finder.query.active = true, false
		if s.opened {
			s.opened = false
			return goBack
		}
	case key.Matches(msg, k.Call) && s.pane == paneFamily && s.file.CanCall:
		s.form = newCallForm(s.env.styles, s.file, s.env.svc.Now())
	case key.Matches(msg, k.Edit) && s.pane == paneFamily && s.file.CanEditFamily && len(s.file.Guardians) > 0:
		s.guardianForm = newGuardianForm(s.env.styles, s.file)
	case key.Matches(msg, k.Grid):
		id := s.fileID
		return func() tea.Msg { return openPupilGridMsg{id: id} }
	case key.Matches(msg, s.env.nav.Up):
		s.scroll = max(s.scroll-1, 0)
	case key.Matches(msg, s.env.nav.Down):
		s.scroll++
	case key.Matches(msg, s.env.nav.PageUp):
		s.scroll = max(s.scroll-s.listHeight(), 0)
	case key.Matches(msg, s.env.nav.PageDown):
		s.scroll += s.listHeight()
	}
	return nil
}

func (s *pupilsScreen) turnPane(delta int) {
	panes := s.panes()
	i := slices.Index(panes, s.pane)
	s.pane = panes[(i+delta+len(panes))%len(panes)]
	s.scroll = 0
}

// shift moves the timetable's week, or the counted period, back or forth.
func (s *pupilsScreen) shift(delta int) tea.Cmd {
	if s.pane == paneTimetable {
		s.week = s.week.AddDays(7 * delta)
		return s.load()
	}
	ps := s.file.Periods
	i := slices.IndexFunc(ps, func(p model.Period) bool { return p.From == s.period.From && p.To == s.period.To })
	if i < 0 {
		i = len(ps) - 1
	}
	s.period = ps[clamp(i+delta, 0, len(ps)-1)]
	s.scroll = 0
	return s.load()
}

func (s *pupilsScreen) listHeight() int { return max(s.size.Height-appChrome-pupilsChrome, 1) }
