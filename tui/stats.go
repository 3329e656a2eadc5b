package tui

import (
	"fmt"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// statsPane is a view of the statistics screen.
type statsPane int

// The statistics screen's views, in tab order.
const (
	panePupils statsPane = iota
	paneDivisions
	paneMonths
	paneThresholds
	paneCount
)

var statsPaneTitles = [paneCount]string{"Élèves", "Divisions", "Mois", "Seuil"}

// statsKeys are the statistics screen's keys.
type statsKeys struct {
	Pane, PanePrev, Prev, Next, Period, PeriodPrev key.Binding
	Sort, Reverse, Explain, Report, Back           key.Binding
	// Step and SortBoth stand for the pairs ←/→ and o/O in the footer;
	// Open is enter on a division.
	Step, SortBoth, Open key.Binding
}

func defaultStatsKeys() statsKeys {
	return statsKeys{
		Pane:       newKey("tab", "vues", "tab"),
		PanePrev:   newKey("⇧tab", "vue précédente", "shift+tab"),
		Prev:       newKey("←/h", "division/mois préc.", "left", "h"),
		Next:       newKey("→/l", "division/mois suiv.", "right", "l"),
		Period:     newKey("p", "période suivante", "p"),
		PeriodPrev: newKey("P", "période précédente", "P"),
		Sort:       newKey("o", "trier", "o"),
		Reverse:    newKey("O", "inverser le tri", "O"),
		Explain:    newKey("↵/x", "expliquer", "enter", "x"),
		Report:     newKey("s", "signaler (DASEN)", "s"),
		Back:       newKey("esc", "retour", "esc"),
		Step:       newKey("←/→", "division", "left", "right"),
		SortBoth:   newKey("o/O", "trier", "o", "O"),
		Open:       newKey("↵", "élèves de la division", "enter", "x"),
	}
}

// statsScreen is the Statistiques screen: the counts per pupil of a
// division, per division, the ministry's monthly table with the absenteeism
// rate, the threshold list, and the explanation of a pupil's figures.
type statsScreen struct {
	env     *env
	keys    statsKeys
	periods []statsPeriod
	// period is the period chosen, shown the one of st.
	period, shown int
	st            *model.Statistics
	// codes are the divisions of st, in order.
	codes []string
	// canReport: the account may record reports to the DASEN.
	canReport bool
	pane      statsPane
	division  int
	month     int
	tables    [paneCount]sortedTable
	filter    lineEdit
	explain   *explainView
	// confirm is the question « s » asks before recording a report.
	confirm *confirmation
	loads   loadGate
	size    tea.WindowSizeMsg
}

func newStatsScreen(e *env) Screen {
	s := &statsScreen{env: e, keys: defaultStatsKeys()}
	for i := range s.tables {
		s.tables[i].sortCol = unsorted
	}
	return s
}

type statsLoadedMsg struct {
	gen, period int
	periods     []statsPeriod
	canReport   bool
	st          model.Statistics
	err         error
}

// statsTickMsg is the statistics screen's reload timer.
type statsTickMsg struct{}

type reportDoneMsg struct {
	pupil model.Pupil
	month string
	err   error
}

func (s *statsScreen) Init() tea.Cmd { return s.load(true) }

// load counts the chosen period; the first load also reads the periods.
// force: the user asked for it (a change waits for the load in flight).
func (s *statsScreen) load(force bool) tea.Cmd {
	svc, index := s.env.svc, s.period
	return s.loads.load(force, func(gen int) tea.Msg {
		dir, pol, err := svc.Session()
		if err != nil {
			return statsLoadedMsg{gen: gen, err: err}
		}
		periods := periodsOf(shown(dir.School))
		index = min(index, len(periods)-1)
		st, err := svc.Statistics(periods[index].from, periods[index].to)
		return statsLoadedMsg{gen: gen, period: index, periods: periods, canReport: pol.Allows(model.PermReport), st: st, err: err}
	})
}

func (s *statsScreen) Title() string { return "Statistiques" }

func (s *statsScreen) Capturing() bool { return s.filter.active || s.confirm != nil }

func (s *statsScreen) HasPanes() bool { return true }

func (s *statsScreen) Pending() int { return 0 }

func (s *statsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
		s.rebuild()
	case tea.KeyMsg:
		if s.explain != nil {
			return s, s.explainKey(msg)
		}
		return s, s.handleKey(msg)
	case statsLoadedMsg:
		return s, s.onLoaded(msg)
	case statsTickMsg:
		if s.loads.fire() {
			return s, s.load(false)
		}
	case explainLoadedMsg:
		if s.explain != nil {
			return s, s.explain.onLoaded(msg)
		}
	case reportDoneMsg:
		return s, s.onReported(msg)
	case changeMsg:
		return s, s.onChange(model.Change(msg))
	}
	return s, nil
}

func (s *statsScreen) onLoaded(msg statsLoadedMsg) tea.Cmd {
	latest, next := s.loads.arrived(msg.gen, func() tea.Cmd { return s.loads.later(s.env.ctx, statsTickMsg{}) })
	if !latest {
		return nil
	}
	if msg.err != nil {
		return tea.Batch(next, errorCmd(msg.err))
	}
	first := s.st == nil
	s.periods, s.shown, s.canReport, s.st = msg.periods, msg.period, msg.canReport, &msg.st
	s.codes = s.st.DivisionCodes()
	s.keys.Report.SetEnabled(s.canReport)
	if first {
		s.month = s.monthOf(s.env.svc.Today().MonthKey())
	}
	s.division = min(s.division, max(len(s.codes)-1, 0))
	s.month = min(s.month, max(len(s.st.Months)-1, 0))
	s.rebuild()
	return next
}

// monthOf returns the index of a month in the statistics, else the last one.
func (s *statsScreen) monthOf(key string) int {
	i := slices.IndexFunc(s.st.Months, func(m model.MonthStats) bool { return m.Table.Month == key })
	if i < 0 {
		return max(len(s.st.Months)-1, 0)
	}
	return i
}

// onChange reloads when a change concerns the counts of the period: marks of
// its months, announced absences, the structure, the reports.
func (s *statsScreen) onChange(c model.Change) tea.Cmd {
	var cmds []tea.Cmd
	if s.explain != nil && (c.Resync || slices.Contains(c.Pupils, s.explain.pupil.ID)) {
		cmds = append(cmds, s.explain.load(s.env.svc))
	}
	if s.st != nil && statsTouched(c, s.st.From, s.st.To) {
		cmds = append(cmds, s.loads.later(s.env.ctx, statsTickMsg{}))
	}
	return tea.Batch(cmds...)
}

func statsTouched(c model.Change, from, to model.Date) bool {
	if c.Resync || c.Kinds&(model.ChangedStructure|model.ChangedNotices|model.ChangedReports) != 0 {
		return true
	}
	if c.Kinds&model.ChangedMarks == 0 {
		return false
	}
	first, last := model.NewDate(from.Year, from.Month, 1), model.NewDate(to.Year, to.Month+1, 0)
	return slices.ContainsFunc(c.Dates, func(d model.Date) bool { return d.Within(first, last) })
}

func (s *statsScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	if s.filter.active {
		s.filterKey(msg)
		return nil
	}
	if cmd, ok := answerPending(&s.confirm, msg); ok {
		return cmd
	}
	k := s.keys
	switch {
	case key.Matches(msg, k.Pane):
		s.setPane((s.pane + 1) % paneCount)
	case key.Matches(msg, k.PanePrev):
		s.setPane((s.pane + paneCount - 1) % paneCount)
	case key.Matches(msg, k.Period):
		return s.stepPeriod(+1)
	case key.Matches(msg, k.PeriodPrev):
		return s.stepPeriod(-1)
	case key.Matches(msg, k.Prev):
		s.step(-1)
	case key.Matches(msg, k.Next):
		s.step(+1)
	default:
		return s.tableKey(msg)
	}
	return nil
}

func (s *statsScreen) tableKey(msg tea.KeyMsg) tea.Cmd {
	t := &s.tables[s.pane]
	switch {
	case key.Matches(msg, s.keys.Sort):
		t.cycleSort()
	case key.Matches(msg, s.keys.Reverse):
		t.reverse()
	case key.Matches(msg, s.keys.Explain):
		return s.open()
	case key.Matches(msg, s.keys.Report) && s.pane == paneThresholds:
		return s.report()
	case key.Matches(msg, s.env.nav.Filter):
		s.filter.active = true
	case key.Matches(msg, s.keys.Back):
		s.filter.reset()
		t.setFilter("")
	default:
		t.list.navigate(msg, s.env.nav, s.rowsHeight())
	}
	return nil
}

func (s *statsScreen) filterKey(msg tea.KeyMsg) {
	t := &s.tables[s.pane]
	if s.filter.filterKey(msg) {
		t.setFilter(s.filter.String())
	} else {
		t.list.navigate(msg, s.env.nav, s.rowsHeight())
	}
}

func (s *statsScreen) setPane(p statsPane) {
	s.pane = p
	s.filter.reset()
	s.tables[p].setFilter("")
}

func (s *statsScreen) stepPeriod(delta int) tea.Cmd {
	if len(s.periods) == 0 {
		return nil
	}
	s.period = (s.period + delta + len(s.periods)) % len(s.periods)
	return s.load(true)
}

// step changes the division (élèves) or the month (mois).
func (s *statsScreen) step(delta int) {
	if s.st == nil {
		return
	}
	switch s.pane {
	case panePupils:
		s.division = max(0, min(s.division+delta, len(s.codes)-1))
		s.tables[panePupils].list = cursorList{}
	case paneMonths:
		s.month = max(0, min(s.month+delta, len(s.st.Months)-1))
	default:
		return
	}
	s.rebuild()
}

// open explains the figures of the pupil under the cursor (élèves, seuil), or
// shows the pupils of the division under the cursor (divisions).
func (s *statsScreen) open() tea.Cmd {
	row, ok := s.tables[s.pane].selected()
	if !ok || s.st == nil {
		return nil
	}
	switch s.pane {
	case panePupils:
		p := s.st.PupilsOf(s.currentDivision())[row]
		return s.openExplain(p.Pupil, s.st.From, s.st.To)
	case paneThresholds:
		l := s.st.Thresholds[row]
		first, _ := model.ParseDate(l.Crossing.Month + "-01")
		return s.openExplain(l.Pupil, first, model.NewDate(first.Year, first.Month+1, 0))
	case paneDivisions:
		if row < len(s.st.Divisions) {
			s.division = max(slices.Index(s.codes, s.st.Divisions[row].Division), 0)
			s.tables[panePupils].list = cursorList{}
			s.setPane(panePupils)
			s.rebuild()
		}
	}
	return nil
}

func (s *statsScreen) openExplain(p model.Pupil, from, to model.Date) tea.Cmd {
	s.explain = &explainView{env: s.env, pupil: p, from: from, to: to}
	return s.explain.load(s.env.svc)
}

func (s *statsScreen) explainKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, s.keys.Back) {
		s.explain = nil
		return nil
	}
	s.explain.navigate(msg, s.bodyHeight())
	return nil
}

// report records the report to the DASEN of the line under the cursor.
func (s *statsScreen) report() tea.Cmd {
	row, ok := s.tables[paneThresholds].selected()
	if !ok || s.st == nil || !s.canReport {
		return nil
	}
	l := s.st.Thresholds[row]
	if r := l.Report; r != nil {
		return statusCmd("%s : signalement de %s déjà enregistré le %s par %s.", l.Pupil.FullName(),
			monthLabel(r.Month), r.At.In(s.env.svc.Now().Location()).Format("02/01/2006"), r.By)
	}
	svc, p, month := s.env.svc, l.Pupil, l.Crossing.Month
	s.confirm = &confirmation{
		question: fmt.Sprintf("Enregistrer le signalement de %s (%s) à la DASEN ?", l.Pupil.FullName(), monthLabel(month)),
		yes: func() tea.Cmd {
			return func() tea.Msg {
				_, err := svc.RecordReport(p.ID, month, "")
				return reportDoneMsg{pupil: p, month: month, err: err}
			}
		},
	}
	return nil
}

func (s *statsScreen) onReported(msg reportDoneMsg) tea.Cmd {
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	return statusCmd("✓ Signalement DASEN de %s (%s) enregistré.", msg.pupil.FullName(), monthLabel(msg.month))
}

func (s *statsScreen) currentDivision() string {
	if len(s.codes) == 0 {
		return ""
	}
	return s.codes[min(s.division, len(s.codes)-1)]
}
