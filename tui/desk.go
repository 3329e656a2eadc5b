package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// deskPane is one pane of the vie scolaire's desk; they share the day shown.
type deskPane interface {
	// title names the pane in the desk's pane line, with its count.
	title() string
	load(day model.Date) tea.Cmd
	// update handles the pane's own messages (loads, actions done).
	update(msg tea.Msg) tea.Cmd
	key(msg tea.KeyMsg) tea.Cmd
	view(width, height int) string
	resize(width, height int)
	// stale reports whether a committed change concerns what the pane shows.
	stale(c model.Change) bool
	capturing() bool
	pending() int
	shortHelp() []key.Binding
	fullHelp() []HelpSection
}

// deskKeys are the keys the desk's panes share.
type deskKeys struct {
	PrevDay, NextDay, Pane key.Binding
}

func defaultDeskKeys() deskKeys {
	return deskKeys{
		PrevDay: newKey("←/h", "jour précédent", "left", "h"),
		NextDay: newKey("→/l", "jour suivant", "right", "l"),
		Pane:    newKey("tab", "volet suivant", "tab"),
	}
}

// deskScreen is the vie scolaire's desk, the landing screen of AEDs and CPEs:
// the day's absences, the absences announced by families, the roll calls not
// done and the discordances, on one date that ←/→ change.
type deskScreen struct {
	env    *env
	keys   deskKeys
	day    model.Date
	panes  []deskPane
	active int
	form   *noticeForm
	size   tea.WindowSizeMsg
}

func newDeskScreen(e *env) Screen {
	s := &deskScreen{env: e, keys: defaultDeskKeys()}
	s.panes = []deskPane{newAbsencesPane(e, s.openForm), newNoticesPane(e, s.openForm), newRollCallsPane(e), newDiscordPane(e), newExclusionsPane(e)}
	return s
}

// formRequest opens the announced-absence form: for a pupil, or to edit a
// notice (neither: a new notice, pupil to find).
type formRequest struct {
	pupil  *model.Pupil
	notice *model.NoticeLine
}

// openForm opens the form at once, so that the keys typed next go to it.
func (s *deskScreen) openForm(r formRequest) {
	s.form = newNoticeForm(s.env, s.day, r, func() []model.Motive { return s.absences().bar.motives })
}

func (s *deskScreen) Init() tea.Cmd {
	s.day = s.env.svc.Today()
	cmds := []tea.Cmd{s.absences().bar.init()}
	for _, p := range s.panes {
		cmds = append(cmds, p.load(s.day))
	}
	return tea.Batch(cmds...)
}

func (s *deskScreen) absences() *absencesPane { return s.panes[0].(*absencesPane) }

func (s *deskScreen) Title() string { return "Absences du jour" }

func (s *deskScreen) HasPanes() bool { return true }

func (s *deskScreen) Capturing() bool {
	return s.form != nil || s.panes[s.active].capturing()
}

func (s *deskScreen) Pending() int {
	n := 0
	for _, p := range s.panes {
		n += p.pending()
	}
	if s.form != nil && s.form.busy {
		n++
	}
	return n
}

func (s *deskScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
		for _, p := range s.panes {
			p.resize(msg.Width, s.paneHeight())
		}
		return s, nil
	case tea.KeyMsg:
		return s, s.handleKey(msg)
	case changeMsg:
		return s, s.onChange(model.Change(msg))
	case formDoneMsg:
		return s, s.onFormDone(msg)
	}
	cmds := make([]tea.Cmd, 0, len(s.panes)+1)
	if s.form != nil {
		cmds = append(cmds, s.form.update(msg))
	}
	for _, p := range s.panes {
		cmds = append(cmds, p.update(msg))
	}
	return s, tea.Batch(cmds...)
}

func (s *deskScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	if s.form != nil {
		cmd := s.form.key(msg)
		if s.form.closed {
			s.form = nil
		}
		return cmd
	}
	pane := s.panes[s.active]
	if pane.capturing() {
		return pane.key(msg)
	}
	switch {
	case key.Matches(msg, s.keys.Pane):
		s.active = (s.active + 1) % len(s.panes)
		return nil
	case key.Matches(msg, s.keys.PrevDay):
		return s.setDay(s.day.AddDays(-1))
	case key.Matches(msg, s.keys.NextDay):
		return s.setDay(s.day.AddDays(1))
	}
	cmd := pane.key(msg)
	if s.form != nil {
		// The key opened the form: preview what it would count.
		cmd = tea.Batch(cmd, s.form.refresh())
	}
	return cmd
}

func (s *deskScreen) setDay(d model.Date) tea.Cmd {
	s.day = d
	cmds := make([]tea.Cmd, len(s.panes))
	for i, p := range s.panes {
		cmds[i] = p.load(d)
	}
	return tea.Batch(cmds...)
}

// onChange reloads the panes that a committed change concerns.
func (s *deskScreen) onChange(c model.Change) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range s.panes {
		if p.stale(c) {
			cmds = append(cmds, p.load(s.day))
		}
		cmds = append(cmds, p.update(changeMsg(c)))
	}
	return tea.Batch(cmds...)
}

func (s *deskScreen) onFormDone(msg formDoneMsg) tea.Cmd {
	if s.form == nil || msg.form != s.form {
		return nil
	}
	s.form.busy = false
	if msg.err != nil {
		s.form.err = model.UserMessage(msg.err)
		return nil
	}
	s.form = nil
	return statusCmd("%s", msg.text)
}

func (s *deskScreen) paneHeight() int { return max(s.size.Height-appChrome-1, 1) }

// View draws the date and the pane line, then the active pane (or the form).
func (s *deskScreen) View(width, height int) string {
	head := s.paneLine(width)
	if s.form != nil {
		return head + "\n" + s.form.view(width, height-1)
	}
	return head + "\n" + s.panes[s.active].view(width, max(height-1, 1))
}

func (s *deskScreen) paneLine(width int) string {
	st := s.env.styles
	parts := []string{st.Title.Render(shortDate(s.day) + "/" + fmt.Sprint(s.day.Year))}
	for i, p := range s.panes {
		if i == s.active {
			parts = append(parts, st.TabActive.Render("["+p.title()+"]"))
		} else {
			parts = append(parts, st.Tab.Render(" "+p.title()+" "))
		}
	}
	return truncate(strings.Join(parts, " "), width)
}

func (s *deskScreen) ShortHelp() []key.Binding {
	if s.form != nil {
		return s.form.shortHelp()
	}
	return s.panes[s.active].shortHelp()
}

func (s *deskScreen) FullHelp() []HelpSection {
	if s.form != nil {
		return s.form.fullHelp()
	}
	return append(s.panes[s.active].fullHelp(), HelpSection{
		Title: "Jour et volets", Keys: []key.Binding{s.keys.PrevDay, s.keys.NextDay, s.keys.Pane},
	})
}
