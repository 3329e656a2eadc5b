package tui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// absenceKeys are the keys of the day's absences (besides the motives').
type absenceKeys struct {
	Toggle, Range, All, Week, Audience, Unjustified, Trip, Announce, Correct, Open key.Binding
}

func defaultAbsenceKeys() absenceKeys {
	return absenceKeys{
		Toggle:      newKey("espace", "sélection", " "),
		Range:       newKey("V", "plage", "V"),
		All:         newKey("*", "tout", "*"),
		Week:        newKey("W", "sa semaine", "W"),
		Audience:    newKey("D", "division/groupe", "D"),
		Unjustified: newKey("N", "non justifiées seulement", "N"),
		Trip:        newKey("S", "sortie scolaire (absences → sorties)", "S"),
		Announce:    newKey("A", "annoncer une absence", "A"),
		Correct:     newKey("E", "corriger l'appel (erreur de saisie)", "E"),
		Open:        newKey("↵", "fiche élève", "enter"),
	}
}

// absencesPane lists one line per pupil absent or late on the day; a motive
// key justifies the selection, or the unjustified absences of the pupil under
// the cursor.
type absencesPane struct {
	env    *env
	keys   absenceKeys
	day    model.Date
	lines  []model.DeskLine
	rows   []deskRow
	auds   []model.AudienceShare
	filter model.DeskFilter
	name   lineEdit
	picker *audiencePicker
	list   cursorList
	bar    justifyBar
	// anchor is where a range selection (V) started, -1 when none; base is
	// the selection before it.
	anchor   int
	base     markSet
	loader   loadGate
	loaded   bool
	height   int
	pendingN int
	openForm func(formRequest)
}

func newAbsencesPane(e *env, openForm func(formRequest)) *absencesPane {
	return &absencesPane{env: e, keys: defaultAbsenceKeys(), bar: newJustifyBar(e), anchor: -1, openForm: openForm}
}

type deskDayMsg struct {
	gen   int
	day   model.Date
	lines []model.DeskLine
	auds  []model.AudienceShare
	err   error
}

type weekKeysMsg struct {
	shown []model.Shown
	err   error
}

type tripDoneMsg struct {
	out model.BulkOutcome
	err error
}

func (p *absencesPane) title() string {
	if !p.loaded {
		return "Absences"
	}
	return "Absences " + itoa(len(p.lines))
}

func (p *absencesPane) load(day model.Date) tea.Cmd {
	force := day != p.day
	p.day = day
	svc := p.env.svc
	return p.loader.load(force, func(gen int) tea.Msg {
		lines, err := svc.DayAbsences(day, model.DeskFilter{})
		if err != nil {
			return deskDayMsg{gen: gen, err: err}
		}
		auds, err := svc.Audiences(day, lines)
		return deskDayMsg{gen: gen, day: day, lines: lines, auds: auds, err: err}
	})
}

func (p *absencesPane) stale(c model.Change) bool {
	return c.TouchesDate(p.day) && c.Touches(model.ChangedMarks|model.ChangedNotices|model.ChangedStructure)
}

func (p *absencesPane) capturing() bool { return p.name.active || p.picker != nil || p.bar.asking() }

func (p *absencesPane) pending() int { return p.bar.pending() + p.pendingN }

func (p *absencesPane) resize(_, height int) { p.height = height }

func (p *absencesPane) update(msg tea.Msg) tea.Cmd {
	if cmd, ok := p.bar.update(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case deskDayMsg:
		return p.onDay(msg)
	case weekKeysMsg:
		if msg.err != nil {
			return errorCmd(msg.err)
		}
		p.bar.sel.add(msg.shown...)
		return p.retarget()
	case tripDoneMsg:
		p.pendingN = max(p.pendingN-1, 0)
		if msg.err != nil {
			return errorCmd(msg.err)
		}
		p.bar.sel.clear()
		return tea.Batch(statusCmd("%s", outcomeText("Sortie scolaire", " devenues sorties", msg.out, "laissé tel quel (pas une absence)")), p.retarget())
	case changeMsg:
		return p.bar.onChange(model.Change(msg))
	}
	return nil
}

func (p *absencesPane) onDay(msg deskDayMsg) tea.Cmd {
	latest, next := p.loader.arrived(msg.gen, func() tea.Cmd { return p.load(p.day) })
	if !latest {
		return next
	}
	if msg.err != nil {
		return tea.Batch(next, errorCmd(msg.err))
	}
	keep := p.cursorPupil()
	p.lines, p.auds, p.loaded = msg.lines, msg.auds, true
	p.rows = deskRows(msg.lines)
	p.refilter(keep)
	p.bar.sel.refresh(p.shownNow)
	return tea.Batch(next, p.retarget())
}

func (p *absencesPane) cursorPupil() model.PupilID {
	if i, ok := p.list.selected(); ok && i < len(p.lines) {
		return p.lines[i].Pupil.ID
	}
	return ""
}

// refilter lists the lines the filter keeps, the cursor staying on keep.
func (p *absencesPane) refilter(keep model.PupilID) {
	p.filter.Name = p.name.String()
	var items []int
	for i, l := range p.lines {
		if p.filter.Keep(l) {
			items = append(items, i)
		}
	}
	p.list.items, p.list.cursor = items, 0
	for pos, i := range items {
		if p.lines[i].Pupil.ID == keep {
			p.list.cursor = pos
		}
	}
}

// lineTargets are the absences a motive applies to for one line, as shown:
// the pupil's absences of begun séances without motive, else all of them (to
// change their motive, which asks first).
func lineTargets(l model.DeskLine) []model.Shown {
	if shown := l.Targets(true); len(shown) > 0 {
		return shown
	}
	return l.Targets(false)
}

// shownNow returns a selected record as the day's lines show it now: not
// shown when it is of another day (a week's selection), shown but not kept
// when it is no longer an absence or a lateness of a begun séance.
func (p *absencesPane) shownNow(k model.MarkKey) (model.Shown, bool, bool) {
	if d, err := k.Seance.Date(); err != nil || d != p.day {
		return model.Shown{}, false, false
	}
	for _, l := range p.lines {
		if l.Pupil.ID != k.Pupil {
			continue
		}
		for _, x := range l.Targets(false) {
			if x.Key == k {
				return x, true, true
			}
		}
	}
	return model.Shown{}, true, false
}

func (p *absencesPane) cursorLine() (model.DeskLine, bool) {
	i, ok := p.list.selected()
	if !ok || i >= len(p.lines) {
		return model.DeskLine{}, false
	}
	return p.lines[i], true
}

// retarget tells the bar what a motive key would apply to now.
func (p *absencesPane) retarget() tea.Cmd {
	l, ok := p.cursorLine()
	if !ok {
		return p.bar.retarget(nil)
	}
	return p.bar.retarget(lineTargets(l))
}

func (p *absencesPane) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.bar.asking():
		cmd, _ := p.bar.key(msg)
		return tea.Batch(cmd, p.retarget())
	case p.name.active:
		return p.filterKey(msg)
	case p.picker != nil:
		return p.pickerKey(msg)
	case p.list.navigate(msg, p.env.nav, p.rowsHeight()):
		p.extendRange()
		return p.retarget()
	}
	if cmd, ok := p.command(msg); ok {
		return cmd
	}
	if cmd, ok := p.bar.key(msg); ok {
		p.anchor = -1
		return cmd
	}
	if msg.Type == tea.KeyEsc {
		return p.escape()
	}
	return nil
}

func (p *absencesPane) command(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Toggle):
		if l, ok := p.cursorLine(); ok {
			p.bar.sel.toggle(lineTargets(l))
			p.list.moveTo(p.list.cursor + 1)
		}
	case key.Matches(msg, k.Range):
		p.toggleRange()
	case key.Matches(msg, k.All):
		p.selectShown()
	case key.Matches(msg, k.Week):
		return p.selectWeek(), true
	case key.Matches(msg, k.Audience):
		p.picker = newAudiencePicker(p.auds, p.filter.Audience)
	case key.Matches(msg, k.Unjustified):
		p.filter.Unjustified = !p.filter.Unjustified
		p.refilter(p.cursorPupil())
	case key.Matches(msg, p.env.nav.Filter):
		p.name.active = true
	default:
		return p.lineCommand(msg)
	}
	return p.retarget(), true
}

func (p *absencesPane) lineCommand(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Trip):
		return p.trip(), true
	case key.Matches(msg, k.Announce):
		req := formRequest{}
		if l, ok := p.cursorLine(); ok {
			req.pupil = &l.Pupil
		}
		p.openForm(req)
		return nil, true
	case key.Matches(msg, k.Correct):
		if l, ok := p.cursorLine(); ok && len(l.Entries) > 0 {
			id := l.Entries[0].Seance.ID
			if i := slices.IndexFunc(l.Entries, model.Missed); i >= 0 {
				id = l.Entries[i].Seance.ID
			}
			pupil := l.Pupil.ID
			return func() tea.Msg { return openSeanceMsg{id: id, pupil: pupil} }, true
		}
		return nil, true
	case key.Matches(msg, k.Open):
		if l, ok := p.cursorLine(); ok {
			id := l.Pupil.ID
			return func() tea.Msg { return openPupilMsg{id: id} }, true
		}
		return nil, true
	}
	return nil, false
}

// toggleRange starts a range selection at the cursor, or ends it.
func (p *absencesPane) toggleRange() {
	if p.anchor >= 0 {
		p.anchor = -1
		return
	}
	p.anchor, p.base = p.list.cursor, p.bar.sel.clone()
	p.extendRange()
}

// extendRange selects the lines from the anchor to the cursor, besides what
// was selected before the range began.
func (p *absencesPane) extendRange() {
	if p.anchor < 0 {
		return
	}
	p.bar.sel.clear()
	p.bar.sel.add(p.base.list()...)
	lo, hi := min(p.anchor, p.list.cursor), max(p.anchor, p.list.cursor)
	for pos := lo; pos <= hi && pos < len(p.list.items); pos++ {
		p.bar.sel.add(lineTargets(p.lines[p.list.items[pos]])...)
	}
}

// selectShown selects every line the filter shows, or unselects them when
// they all are.
func (p *absencesPane) selectShown() {
	var shown []model.Shown
	for _, i := range p.list.items {
		shown = append(shown, lineTargets(p.lines[i])...)
	}
	p.bar.sel.toggle(shown)
}

// selectWeek adds the cursor pupil's absences of the week (Monday to Sunday
// of the day shown) to the selection: those without motive, else all.
func (p *absencesPane) selectWeek() tea.Cmd {
	l, ok := p.cursorLine()
	if !ok {
		return nil
	}
	svc, id, monday := p.env.svc, l.Pupil.ID, p.day.Monday()
	return func() tea.Msg {
		atts, err := svc.PupilAbsences(id, monday, monday.AddDays(6))
		return weekKeysMsg{shown: lineTargets(model.DeskLine{Entries: atts}), err: err}
	}
}

// trip turns the absences of the selection (else of the cursor's pupil) into
// outings: a school trip.
func (p *absencesPane) trip() tea.Cmd {
	shown := p.bar.target
	if len(shown) == 0 {
		return nil
	}
	svc, shown := p.env.svc, slices.Clone(shown)
	p.pendingN++
	return p.env.act(func() tea.Msg {
		out, err := svc.Requalify(shown, model.KindOuting)
		return tripDoneMsg{out: out, err: err}
	})
}

func (p *absencesPane) escape() tea.Cmd {
	switch {
	case p.anchor >= 0:
		p.anchor = -1
	case p.bar.sel.len() > 0:
		p.bar.sel.clear()
	default:
		p.name.reset()
		p.filter = model.DeskFilter{}
		p.refilter(p.cursorPupil())
	}
	return p.retarget()
}

func (p *absencesPane) filterKey(msg tea.KeyMsg) tea.Cmd {
	if !p.name.filterKey(msg) {
		p.list.navigate(msg, p.env.nav, p.rowsHeight())
	}
	p.refilter(p.cursorPupil())
	return p.retarget()
}

func (p *absencesPane) pickerKey(msg tea.KeyMsg) tea.Cmd {
	code, done := p.picker.key(msg, p.env.nav)
	if !done {
		return nil
	}
	p.picker = nil
	if code != nil {
		p.filter.Audience = *code
		p.refilter(p.cursorPupil())
	}
	return p.retarget()
}
