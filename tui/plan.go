package tui

import (
	"maps"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// planScreen is the planning grid (vue planning): a division's or group's
// week, one character per pupil and slot, or one pupil's month or period
// (rows are days). It reads the store once per change that concerns it and
// draws from cells resolved when the data arrived.
type planScreen struct {
	env     *env
	keys    planKeys
	targets []model.Target
	target  model.Target
	week    model.Date
	// pupil is set in pupil-grid mode; span is its range; opened: another
	// screen opened it (esc returns to that screen).
	pupil  model.PupilID
	span   pupilSpan
	opened bool
	// focus is the day a pupil grid opens on; back the class grid's cursor.
	focus model.Date
	back  gridPos
	grid  *model.Grid
	view  cellGrid
	// bar justifies the rectangle selected, as the desk justifies its
	// selection; marked is what the rectangle holds for it.
	bar    justifyBar
	marked gridMarks
	picker targetPicker
	// wants is the changes that concern the grid shown: what the store
	// hands the session and what reloads the grid (Interest).
	wants model.Interest
	// shown are the kinds of cell the grid holds, for the legend.
	shown  map[model.CellKind]bool
	loads  requests
	loaded bool
	placed bool
	size   tea.WindowSizeMsg
}

func newPlanScreen(e *env) Screen {
	return &planScreen{env: e, keys: defaultPlanKeys(), view: cellGrid{glyphs: newGlyphs(e.styles)}, bar: newJustifyBar(e)}
}

type targetsMsg struct {
	targets []model.Target
	first   model.Target
	err     error
}

type gridMsg struct {
	gen  int
	grid model.Grid
	err  error
}

// openPupilGridMsg asks the planning screen to show one pupil's grid.
type openPupilGridMsg struct{ id model.PupilID }

func (s *planScreen) Init() tea.Cmd {
	s.week = s.env.svc.Today().Monday()
	svc := s.env.svc
	return func() tea.Msg {
		ts, first, err := svc.GridTargets()
		return targetsMsg{targets: ts, first: first, err: err}
	}
}

func (s *planScreen) Title() string { return "Planning" }

func (s *planScreen) Capturing() bool { return s.picker.open }

func (s *planScreen) Pending() int { return s.bar.pending() }

func (s *planScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if cmd, ok := s.bar.update(msg); ok {
		return s, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		return s, s.handleKey(msg)
	case targetsMsg:
		return s, s.onTargets(msg)
	case gridMsg:
		return s, s.onGrid(msg)
	case openPupilGridMsg:
		cmd := s.openPupil(msg.id)
		s.opened = true
		return s, cmd
	case changeMsg:
		// The grid reloads for the changes that concern the bar's preview
		// (its reload drops the selection), so the bar needs no onChange.
		if s.Interest().Matches(model.Change(msg)) {
			return s, s.load()
		}
	}
	return s, nil
}

func (s *planScreen) onTargets(msg targetsMsg) tea.Cmd {
	if msg.err != nil {
		s.loaded = true
		return errorCmd(msg.err)
	}
	s.targets = msg.targets
	if s.target.Code == "" {
		s.target = msg.first
	}
	s.picker.setTargets(msg.targets)
	return s.load()
}

// load reads the grid shown: the class's week, or the pupil's span.
func (s *planScreen) load() tea.Cmd {
	if s.target.Code == "" && s.pupil == "" {
		return nil
	}
	svc, gen, target, week := s.env.svc, s.loads.next(), s.target, s.week
	if s.pupil != "" {
		id, from, to := s.pupil, s.span.from, s.span.to
		return func() tea.Msg {
			g, err := svc.PupilGrid(id, from, to)
			return gridMsg{gen: gen, grid: g, err: err}
		}
	}
	return func() tea.Msg {
		g, err := svc.ClassGrid(target, week)
		return gridMsg{gen: gen, grid: g, err: err}
	}
}

func (s *planScreen) onGrid(msg gridMsg) tea.Cmd {
	if !s.loads.take(msg.gen) {
		return nil
	}
	s.loaded = true
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	g := msg.grid
	s.grid = &g
	justify := len(g.Motives) > 0
	s.keys.Select.SetEnabled(justify)
	s.bar.keys.Undo.SetEnabled(justify)
	s.bar.keys.Redo.SetEnabled(justify)
	s.bar.offer(g.Motives)
	s.view.setGrid(s.grid)
	s.indexGrid()
	if !s.placed {
		s.placed = true
		s.placeOnNow()
	}
	// The day to focus is a pupil grid's: a class grid may arrive instead
	// when esc or the picker left the pupil before his grid came.
	if !s.focus.IsZero() && g.IsPupilGrid() {
		s.focusDay(s.focus)
	}
	s.focus = model.Date{}
	return s.retarget()
}

func (s *planScreen) indexGrid() {
	seances, pupils := map[model.SeanceID]bool{}, map[model.PupilID]bool{}
	s.shown = map[model.CellKind]bool{}
	for _, r := range s.grid.Rows {
		pupils[r.Pupil.ID] = true
		for _, c := range r.Cells {
			s.shown[c.Kind] = true
			if c.HasSeance() {
				seances[c.Attendance.Seance.ID] = true
			}
		}
	}
	s.wants = model.KindsInterest(model.ChangedStructure | model.ChangedMotives).
		Union(model.SeancesInterest(slices.Collect(maps.Keys(seances))...)).
		Union(model.PupilsInterest(model.Date{}, slices.Collect(maps.Keys(pupils))...))
}

// placeOnNow puts the cursor on the slot under way (or next) today, when the
// grid shows today.
func (s *planScreen) placeOnNow() {
	now := s.env.svc.Now()
	today, clock := model.DateOf(now), model.ClockOf(now)
	for d, day := range s.grid.Days {
		if day.Date != today || s.grid.IsPupilGrid() {
			continue
		}
		slot := len(s.grid.Slots) - 1
		for k, sl := range s.grid.Slots {
			if clock < sl.End {
				slot = k
				break
			}
		}
		s.view.col = d*len(s.grid.Slots) + slot
	}
}

// focusDay puts a pupil grid's cursor on the row of day, or the next one.
func (s *planScreen) focusDay(day model.Date) {
	for i, r := range s.grid.Rows {
		if !s.grid.Days[r.Day].Date.Before(day) {
			s.view.row = i
			return
		}
	}
}

// Interest is the changes that concern the grid shown, nothing while none
// is: the store hands the session those, and each of them reloads the grid.
func (s *planScreen) Interest() model.Interest {
	if s.grid == nil {
		return model.NoChanges()
	}
	return s.wants
}

// gridMarks are what a motive applies to in a rectangle: its absences and
// latenesses of begun séances, each once, as the grid shows them; upcoming
// counts the announced absences to come that it leaves to their notice.
type gridMarks struct {
	shown    []model.Shown
	upcoming int
}

func marksOf(cells []model.GridCell) gridMarks {
	var m gridMarks
	seen := map[model.MarkKey]bool{}
	for _, c := range cells {
		if !c.HasSeance() || !c.Kind.Justifiable() || seen[c.Key()] {
			continue
		}
		seen[c.Key()] = true
		if !c.Justifiable() {
			m.upcoming++
			continue
		}
		m.shown = append(m.shown, model.ShownOf(c.Attendance))
	}
	return m
}

// text is "3 absences et 1 retard — tapez un motif".
func (m gridMarks) text() string {
	sel := model.SelectionOf(m.shown)
	text := "aucune absence ni aucun retard à justifier"
	if sel.Total() > 0 {
		text = selectionText(sel) + justifiedNote(m.shown) + " — tapez un motif"
	}
	if t := upcomingText(m.upcoming); t != "" {
		text += " · " + t
	}
	return text
}
