package tui

import (
	"maps"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// rollKeys are the roll call's keys (docs/CONTRACT.md).
type rollKeys struct {
	Absent, Late, Present, Infirmary, Excluded, Exempt, Outing key.Binding
	Later, Sooner                                              key.Binding
	Validate, Number, Digit, Prev, Next, Day, Open             key.Binding
}

func defaultRollKeys() rollKeys {
	return rollKeys{
		Absent:    newKey("a", "absent", "a"),
		Late:      newKey("r", "retard", "r"),
		Present:   newKey("p/espace", "présent", "p", " "),
		Infirmary: newKey("i", "infirmerie", "i"),
		Excluded:  newKey("e", "exclu", "e"),
		Exempt:    newKey("d", "dispensé", "d"),
		Outing:    newKey("s", "sortie (avec l'établissement)", "s"),
		Later:     newKey("+", "retard : 5 min de plus", "+"),
		Sooner:    newKey("-", "retard : 5 min de moins", "-"),
		Validate:  newKey("↵", "valider l'appel", "enter"),
		Number:    newKey(":", "numéros d'élèves (:5a17a… esc)", ":"),
		Digit:     newKey("0-9", "numéro d'élève (après :)", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Prev:      newKey("←/h", "séance précédente", "left", "h"),
		Next:      newKey("→/l", "séance suivante", "right", "l"),
		Day:       newKey("tab", "mes séances du jour", "tab"),
		Open:      newKey("↵", "ouvrir la séance", "enter"),
	}
}

func (k rollKeys) markKind(msg tea.KeyMsg) (model.MarkKind, bool) {
	switch {
	case key.Matches(msg, k.Absent):
		return model.KindAbsent, true
	case key.Matches(msg, k.Late):
		return model.KindLate, true
	case key.Matches(msg, k.Present):
		return model.KindPresent, true
	case key.Matches(msg, k.Infirmary):
		return model.KindInfirmary, true
	case key.Matches(msg, k.Excluded):
		return model.KindExcluded, true
	case key.Matches(msg, k.Exempt):
		return model.KindExempt, true
	case key.Matches(msg, k.Outing):
		return model.KindOuting, true
	}
	return "", false
}

// rollScreen is the teacher's roll call: one séance's pupils, one key per mark,
// and a pane listing the day's séances.
type rollScreen struct {
	env     *env
	keys    rollKeys
	day     model.Date
	seances []model.SeanceStatus
	dayPane bool
	dayCur  int
	current model.SeanceID
	// focus is the pupil to put the cursor on when current's sheet arrives.
	focus  model.PupilID
	sheet  *model.RollSheet
	roster map[model.PupilID]bool
	list   cursorList
	filter lineEdit
	digits string
	// minutesAsked is the latest number of minutes asked for each lateness
	// not yet saved so (the next + or - starts from it); one write per
	// lateness is in flight at a time, the latest asked follows it.
	minutesAsked  map[model.MarkKey]int
	minutesWrites map[model.MarkKey]bool
	// numbering: the numbers mode that : starts, where digits number the
	// pupils instead of choosing screens (numberKey).
	numbering bool
	writes    markWrites
	loads     requests
	loaded    bool
	// dayStale: a change touched the day's séances while their list was
	// hidden; it is reloaded when shown (a mark need not reload it).
	dayStale bool
	size     tea.WindowSizeMsg
	wants    rollInterest
	frame    frameCache
	// report is the written report of an exclusion being typed (e asks it).
	report *exclusionReport
}

// rollInterest is the roll call's interest in the feed, with what it was
// built from: it is rebuilt when one of them changes.
type rollInterest struct {
	built   bool
	current model.SeanceID
	sheet   *model.RollSheet
	seances []model.SeanceStatus
	value   model.Interest
}

func newRollScreen(e *env) Screen {
	return &rollScreen{env: e, keys: defaultRollKeys(), writes: newMarkWrites()}
}

type daySeancesMsg struct {
	day     model.Date
	seances []model.SeanceStatus
	pick    bool
	err     error
}

type sheetMsg struct {
	gen   int
	sheet model.RollSheet
	err   error
}

type validatedMsg struct {
	rc  model.RollCall
	err error
}

func (s *rollScreen) Init() tea.Cmd {
	s.day = s.env.svc.Today()
	return s.loadDay(true)
}

func (s *rollScreen) loadDay(pick bool) tea.Cmd {
	s.dayStale = false
	svc, day := s.env.svc, s.day
	return func() tea.Msg {
		seances, err := svc.MySeances(day)
		return daySeancesMsg{day: day, seances: seances, pick: pick, err: err}
	}
}

func (s *rollScreen) loadSheet() tea.Cmd {
	if s.current == "" {
		return nil
	}
	svc, id, gen := s.env.svc, s.current, s.loads.next()
	return func() tea.Msg {
		sheet, err := svc.RollSheet(id)
		return sheetMsg{gen: gen, sheet: sheet, err: err}
	}
}

func (s *rollScreen) Title() string { return "Appel" }

func (s *rollScreen) Capturing() bool { return s.filter.active || s.numbering || s.report != nil }

// TypesNamesOnly: the filter takes a name, so digits switch screens; in the
// numbers mode they number pupils.
func (s *rollScreen) TypesNamesOnly() bool { return !s.numbering }

// ConsumesDigits: after :, digits number a pupil of the sheet on screen;
// else they choose screens, as everywhere.
func (s *rollScreen) ConsumesDigits() bool { return s.numbering }

func (s *rollScreen) HasPanes() bool { return true }

func (s *rollScreen) Pending() int {
	n := s.writes.pending() + len(s.minutesAsked)
	if s.report != nil && s.report.form.saving {
		n++
	}
	return n
}

func (s *rollScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if _, ok := msg.(changeMsg); !ok {
		s.frame.invalidate()
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		if s.report != nil {
			return s, s.reportKey(msg)
		}
		if s.dayPane {
			return s, s.dayKey(msg)
		}
		return s, s.sheetKey(msg)
	case reportSavedMsg:
		return s, s.onReportSaved(msg)
	case daySeancesMsg:
		return s, s.onDay(msg)
	case sheetMsg:
		return s, s.onSheet(msg)
	case markDoneMsg:
		return s, s.onMarkDone(msg)
	case lateMinutesMsg:
		return s, s.onLateMinutes(msg)
	case validatedMsg:
		return s, s.onValidated(msg)
	case openSeanceMsg:
		s.dayPane, s.current, s.focus = false, msg.id, msg.pupil
		if d, err := msg.id.Date(); err == nil && d != s.day {
			s.day = d
			return s, tea.Batch(s.loadDay(false), s.loadSheet())
		}
		return s, s.loadSheet()
	case changeMsg:
		return s, s.onChange(model.Change(msg))
	}
	return s, nil
}

func (s *rollScreen) onDay(msg daySeancesMsg) tea.Cmd {
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	if msg.day != s.day {
		return nil
	}
	s.seances = msg.seances
	s.dayCur = min(s.dayCur, max(len(s.seances)-1, 0))
	if !msg.pick {
		return nil
	}
	s.loaded = true
	if s.current != "" {
		// A séance was opened explicitly (openSeanceMsg) before the day arrived.
		return nil
	}
	id, ok := model.PickSeance(s.seances, s.env.svc.Now())
	if !ok {
		s.dayPane = true
		return nil
	}
	s.current = id
	s.dayCur = s.indexOf(id)
	return s.loadSheet()
}

func (s *rollScreen) indexOf(id model.SeanceID) int {
	return max(slices.IndexFunc(s.seances, func(st model.SeanceStatus) bool { return st.Seance.ID == id }), 0)
}

func (s *rollScreen) onSheet(msg sheetMsg) tea.Cmd {
	if !s.loads.take(msg.gen) {
		return nil
	}
	s.loaded = true
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	changed := s.sheet == nil || s.sheet.Seance.ID != msg.sheet.Seance.ID
	s.sheet = &msg.sheet
	s.roster = make(map[model.PupilID]bool, len(msg.sheet.Rows))
	for _, r := range msg.sheet.Rows {
		s.roster[r.Pupil.ID] = true
	}
	if changed {
		s.filter.reset()
		s.digits = ""
		s.list = cursorList{}
	}
	s.refilter()
	s.focusPupil()
	return nil
}

// focusPupil puts the cursor on the pupil that the screen was opened for,
// once his séance's sheet is there.
func (s *rollScreen) focusPupil() {
	if s.focus == "" || s.sheet == nil || s.sheet.Seance.ID != s.current {
		return
	}
	for pos, i := range s.list.items {
		if s.sheet.Rows[i].Pupil.ID == s.focus {
			s.list.moveTo(pos)
			break
		}
	}
	s.focus = ""
}

// onChange reloads what a committed change makes stale: the séance shown
// (its marks, or its pupils' earlier absences today) and the day's list.
func (s *rollScreen) onChange(c model.Change) tea.Cmd {
	var cmds []tea.Cmd
	if s.sheet != nil && s.sheetTouched(c) {
		cmds = append(cmds, s.loadSheet())
	}
	switch {
	case !s.dayTouched(c):
	case s.dayPane || s.sheet == nil || c.Touches(model.ChangedStructure):
		cmds = append(cmds, s.loadDay(false))
	default:
		s.dayStale = true
	}
	return tea.Batch(cmds...)
}

// showDay opens the pane of the day's séances, reloading them if a change
// touched them while hidden.
func (s *rollScreen) showDay() tea.Cmd {
	s.dayPane = true
	s.dayCur = s.indexOf(s.current)
	if !s.dayStale {
		return nil
	}
	return s.loadDay(false)
}

func (s *rollScreen) sheetTouched(c model.Change) bool {
	if s.ownMark(c) {
		return false
	}
	if c.Resync || c.Kinds&(model.ChangedStructure|model.ChangedNotices|model.ChangedMotives) != 0 {
		return true
	}
	if slices.Contains(c.Seances, s.current) {
		return true
	}
	if !c.TouchesDate(s.sheet.Seance.Date) {
		return false
	}
	for _, p := range c.Pupils {
		if s.roster[p] {
			return true
		}
	}
	return false
}

// ownMark reports whether c is only a mark this session made on the sheet
// shown: its acknowledgement (markDoneMsg) already brought the stored value.
func (s *rollScreen) ownMark(c model.Change) bool {
	own := s.env.svc.Actor().Session
	return own != "" && c.Session == own && !c.Resync && c.Kinds == model.ChangedMarks &&
		len(c.Seances) == 1 && c.Seances[0] == s.current
}

func (s *rollScreen) dayTouched(c model.Change) bool {
	if c.Resync || c.Kinds&(model.ChangedStructure|model.ChangedNotices) != 0 {
		return true
	}
	for _, st := range s.seances {
		if slices.Contains(c.Seances, st.Seance.ID) {
			return true
		}
	}
	return false
}

// Interest is what onChange reloads for: the séance shown, the day's
// séances, the sheet's pupils on its date, and the kinds of change that may
// alter any sheet.
func (s *rollScreen) Interest() model.Interest {
	w := &s.wants
	if !w.built || w.current != s.current || w.sheet != s.sheet || !sameSlice(w.seances, s.seances) {
		*w = rollInterest{built: true, current: s.current, sheet: s.sheet, seances: s.seances, value: s.buildInterest()}
	}
	return w.value
}

func (s *rollScreen) buildInterest() model.Interest {
	ids := make([]model.SeanceID, 0, len(s.seances)+1)
	if s.current != "" {
		ids = append(ids, s.current)
	}
	for _, st := range s.seances {
		ids = append(ids, st.Seance.ID)
	}
	in := model.KindsInterest(model.ChangedStructure | model.ChangedNotices | model.ChangedMotives).
		Union(model.SeancesInterest(ids...))
	if s.sheet != nil {
		in = in.Union(model.PupilsInterest(s.sheet.Seance.Date, slices.Collect(maps.Keys(s.roster))...))
	}
	return in
}

// sameSlice reports whether a and b are the same slice (not only equal).
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func (s *rollScreen) refilter() {
	if s.sheet == nil {
		return
	}
	q := s.filter.String()
	var visible []int
	for i, r := range s.sheet.Rows {
		if model.NameMatches(r.Pupil, q) {
			visible = append(visible, i)
		}
	}
	s.list.setItems(visible)
}
