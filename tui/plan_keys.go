package tui

import (
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// planKeys are the planning grid's keys; the rows move with the shared NavKeys.
type planKeys struct {
	Left, Right, DayPrev, DayNext, WeekPrev, WeekNext key.Binding
	Pick, Select, Open, PupilGrid, Span, Back         key.Binding
}

func defaultPlanKeys() planKeys {
	return planKeys{
		Left:      newKey("←/h", "créneau précédent", "left", "h"),
		Right:     newKey("→/l", "créneau suivant", "right", "l"),
		DayPrev:   newKey("H", "jour précédent", "H", "shift+left"),
		DayNext:   newKey("L", "jour suivant", "L", "shift+right"),
		WeekPrev:  newKey("[", "sem. préc.", "["),
		WeekNext:  newKey("]", "sem. suiv.", "]"),
		Pick:      newKey("D", "division/groupe", "D"),
		Select:    newKey("v", "sélection", "v"),
		Open:      newKey("↵", "fiche", "enter"),
		PupilGrid: newKey("P", "planning élève", "P"),
		Span:      newKey("T", "mois ↔ période", "T"),
		Back:      newKey("esc", "retour à la classe", "esc"),
	}
}

func (s *planScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case s.bar.asking():
		cmd, _ := s.bar.key(msg)
		if !s.bar.asking() {
			s.view.clearSelection()
		}
		return tea.Batch(cmd, s.retarget())
	case s.picker.open:
		return s.pickerKey(msg)
	case s.grid == nil:
		if key.Matches(msg, s.keys.Pick) && len(s.targets) > 0 {
			s.picker.start()
		}
		if key.Matches(msg, s.keys.Back) {
			return s.escape()
		}
		return nil
	case s.view.selecting():
		if cmd, done := s.selectionKey(msg); done {
			return cmd
		}
	}
	if cmd, moved := s.moveKey(msg); moved {
		return tea.Batch(cmd, s.retarget())
	}
	return s.commandKey(msg)
}

// selectionKey handles what a selection changes: the bar's keys (a motive,
// x, + and -) apply to the rectangle and end the selection; esc or v drops it.
func (s *planScreen) selectionKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	bk := s.bar.keys
	switch {
	case msg.Type == tea.KeyEsc || key.Matches(msg, s.keys.Select):
		s.view.clearSelection()
		return s.retarget(), true
	case key.Matches(msg, bk.Undo, bk.Redo):
		return nil, false
	}
	cmd, ok := s.bar.key(msg)
	if !ok {
		return nil, false
	}
	if len(s.bar.target) > 0 && !s.bar.asking() {
		s.view.clearSelection()
	}
	return tea.Batch(cmd, s.retarget()), true
}

// retarget gives the bar what a motive key would apply to: the marks of the
// rectangle selected, or nothing.
func (s *planScreen) retarget() tea.Cmd {
	s.marked = gridMarks{}
	if s.grid != nil && s.view.selecting() {
		s.marked = marksOf(s.view.selected())
	}
	return s.bar.retarget(s.marked.shown)
}

// moveKey moves the cursor; it reports whether msg was a movement.
func (s *planScreen) moveKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	nav, page := s.env.nav, max(s.rowsHeight()-1, 1)
	switch {
	case key.Matches(msg, nav.Up):
		s.view.move(-1, 0)
	case key.Matches(msg, nav.Down):
		s.view.move(1, 0)
	case key.Matches(msg, nav.PageUp):
		s.view.move(-page, 0)
	case key.Matches(msg, nav.PageDown):
		s.view.move(page, 0)
	case key.Matches(msg, nav.Home):
		s.view.move(-s.view.rows(), 0)
	case key.Matches(msg, nav.End):
		s.view.move(s.view.rows(), 0)
	case key.Matches(msg, s.keys.Left):
		return s.horizontal(-1), true
	case key.Matches(msg, s.keys.Right):
		return s.horizontal(1), true
	case key.Matches(msg, s.keys.DayPrev):
		return s.horizontal(-min(s.view.slots, s.view.col+1)), true
	case key.Matches(msg, s.keys.DayNext):
		return s.horizontal(min(s.view.slots, s.view.cols()-s.view.col)), true
	default:
		return nil, false
	}
	return nil, true
}

// horizontal moves across columns; past the class grid's edge (outside a
// selection) it turns to the previous or next week.
func (s *planScreen) horizontal(dc int) tea.Cmd {
	edge := s.view.move(0, dc)
	if edge == 0 || s.view.selecting() || s.pupil != "" {
		return nil
	}
	s.view.col = 0
	if edge < 0 {
		s.view.col = s.view.cols() - 1
	}
	return s.turn(edge)
}

func (s *planScreen) commandKey(msg tea.KeyMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.WeekPrev):
		return s.turn(-1)
	case key.Matches(msg, k.WeekNext):
		return s.turn(1)
	case key.Matches(msg, k.Pick):
		s.picker.start()
	case key.Matches(msg, k.Select):
		return s.startSelection()
	case key.Matches(msg, k.Open):
		if row, _, ok := s.view.current(); ok {
			id := row.Pupil.ID
			return func() tea.Msg { return openPupilMsg{id: id} }
		}
	case key.Matches(msg, k.PupilGrid) && s.pupil == "":
		if row, _, ok := s.view.current(); ok {
			return s.openPupil(row.Pupil.ID)
		}
	case key.Matches(msg, k.Span) && s.pupil != "":
		s.span = s.span.toggle(s.grid.Periods)
		return s.load()
	case key.Matches(msg, s.bar.keys.Undo):
		return s.bar.replay(false)
	case key.Matches(msg, s.bar.keys.Redo):
		return s.bar.replay(true)
	case key.Matches(msg, k.Back):
		return s.escape()
	}
	return nil
}

// escape returns from a pupil grid to the class grid, and to the screen that
// opened the pupil grid, if another did; from the class grid, to the screen
// that opened the planning.
func (s *planScreen) escape() tea.Cmd {
	if s.pupil == "" {
		return goBack
	}
	s.pupil, s.view = "", cellGrid{glyphs: s.view.glyphs, row: s.back.row, col: s.back.col}
	s.grid, s.loaded = nil, false
	if s.opened {
		s.opened = false
		return tea.Batch(s.load(), goBack)
	}
	return s.load()
}

func (s *planScreen) startSelection() tea.Cmd {
	if len(s.grid.Motives) == 0 {
		return errorCmd(model.Forbidden("appliquer un motif est réservé à la vie scolaire"))
	}
	s.view.startSelection()
	return s.retarget()
}

// turn shows the previous (-1) or next (+1) week, or the pupil's previous or next span.
func (s *planScreen) turn(delta int) tea.Cmd {
	s.view.clearSelection()
	retarget := s.retarget()
	if s.pupil != "" {
		s.span = s.span.shift(delta, s.grid.Periods)
	} else {
		s.week = s.week.AddDays(7 * delta)
	}
	return tea.Batch(retarget, s.load())
}

// openPupil shows one pupil's grid over the month of the cursor's day.
func (s *planScreen) openPupil(id model.PupilID) tea.Cmd {
	day := s.env.svc.Today()
	if s.grid != nil && !s.grid.IsPupilGrid() && s.view.rows() > 0 {
		day = s.view.day(s.view.row, s.view.col).Date
		s.back = gridPos{s.view.row, s.view.col}
	}
	s.pupil, s.span, s.focus, s.opened = id, monthSpan(day), day, false
	s.view = cellGrid{glyphs: s.view.glyphs, col: s.back.col % max(s.view.slots, 1)}
	s.grid, s.loaded = nil, false
	return s.load()
}

func (s *planScreen) rowsHeight() int { return max(s.size.Height-appChrome-planChrome, 1) }

// pupilSpan is the range of a pupil grid: a calendar month or a period.
type pupilSpan struct {
	from, to model.Date
	name     string
	period   bool
}

func monthSpan(d model.Date) pupilSpan {
	from := model.NewDate(d.Year, d.Month, 1)
	return pupilSpan{from: from, to: model.NewDate(d.Year, d.Month+1, 0), name: monthLong[d.Month] + " " + strconv.Itoa(d.Year)}
}

func periodSpan(p model.Period) pupilSpan {
	return pupilSpan{from: p.From, to: p.To, name: p.Name, period: true}
}

// toggle switches between the month and the period of the span's start.
func (p pupilSpan) toggle(periods []model.Period) pupilSpan {
	if p.period || len(periods) == 0 {
		return monthSpan(p.from)
	}
	for _, x := range periods {
		if p.from.Within(x.From, x.To) {
			return periodSpan(x)
		}
	}
	return periodSpan(periods[len(periods)-1])
}

// shift moves to the previous or next month, or period (the year last).
func (p pupilSpan) shift(delta int, periods []model.Period) pupilSpan {
	if !p.period {
		return monthSpan(model.NewDate(p.from.Year, p.from.Month+time.Month(delta), 1))
	}
	for i, x := range periods {
		if x.From == p.from && x.To == p.to {
			return periodSpan(periods[clamp(i+delta, 0, len(periods)-1)])
		}
	}
	return p
}
