package tui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// rollChrome is the number of body lines the roll call uses around its rows.
const rollChrome = 3

func (s *rollScreen) sheetKey(msg tea.KeyMsg) tea.Cmd {
	if s.filter.active {
		return s.filterKey(msg)
	}
	if s.numbering {
		if done, cmd := s.numberKey(msg); done {
			return cmd
		}
	}
	if key.Matches(msg, s.keys.Number) && s.sheet != nil {
		s.numbering, s.digits = true, ""
		return nil
	}
	if kind, ok := s.keys.markKind(msg); ok {
		s.digits = ""
		return s.mark(kind)
	}
	return s.sheetCommand(msg)
}

// numberKey handles a key in the numbers mode that : starts: digits number
// a pupil, a mark applies to him and the mode goes on (« :5a17a22r »), ↵
// validates the roll call and esc ends the mode; any other key ends it and
// does what it does. It reports whether the key was used up.
func (s *rollScreen) numberKey(msg tea.KeyMsg) (bool, tea.Cmd) {
	if key.Matches(msg, s.keys.Digit) {
		s.typeDigit(msg.Runes[0])
		return true, nil
	}
	s.digits = ""
	_, marking := s.keys.markKind(msg)
	switch {
	case msg.Type == tea.KeyEsc:
		s.numbering = false
		return true, nil
	case marking:
	default:
		s.numbering = false
	}
	return false, nil
}

func (s *rollScreen) sheetCommand(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Validate):
		return s.validate()
	case key.Matches(msg, s.keys.Day):
		return s.showDay()
	case key.Matches(msg, s.keys.Later):
		return s.shiftLate(+lateStep)
	case key.Matches(msg, s.keys.Sooner):
		return s.shiftLate(-lateStep)
	case key.Matches(msg, s.keys.Prev):
		return s.step(-1)
	case key.Matches(msg, s.keys.Next):
		return s.step(+1)
	case key.Matches(msg, s.env.nav.Filter):
		s.filter.active = true
	case msg.Type == tea.KeyEsc:
		return s.escape()
	default:
		s.list.navigate(msg, s.env.nav, s.rowsHeight())
	}
	return nil
}

// escape clears the filter; without one, it returns to the screen that
// opened the roll call.
func (s *rollScreen) escape() tea.Cmd {
	if s.filter.String() != "" {
		s.filter.reset()
		s.refilter()
		return nil
	}
	return goBack
}

func (s *rollScreen) filterKey(msg tea.KeyMsg) tea.Cmd {
	if s.filter.filterKey(msg) {
		s.refilter()
	} else {
		s.list.navigate(msg, s.env.nav, s.rowsHeight())
	}
	return nil
}

// typeDigit extends the pupil number being typed and moves the cursor to it;
// a digit that would name no pupil starts a new number.
func (s *rollScreen) typeDigit(r rune) {
	if s.sheet == nil {
		return
	}
	candidate := s.digits + string(r)
	n, _ := strconv.Atoi(candidate)
	if n < 1 || n > len(s.sheet.Rows) {
		candidate = string(r)
		n, _ = strconv.Atoi(candidate)
	}
	s.digits = candidate
	if n < 1 || n > len(s.sheet.Rows) {
		return
	}
	if !s.list.selectItem(n - 1) {
		s.filter.reset()
		s.refilter()
		s.list.selectItem(n - 1)
	}
}

func (s *rollScreen) rowsHeight() int { return max(s.bodyHeight()-rollChrome, 1) }

// mark applies kind to the pupil under the cursor and moves to the next one.
func (s *rollScreen) mark(kind model.MarkKind) tea.Cmd {
	if s.sheet == nil {
		return nil
	}
	i, ok := s.list.selected()
	if !ok {
		return nil
	}
	if !s.sheet.CanMark {
		return statusCmd("Consultation seule : vous ne pouvez pas modifier cet appel.")
	}
	k := model.MarkKey{Seance: s.sheet.Seance.ID, Pupil: s.sheet.Rows[i].Pupil.ID}
	s.list.moveTo(s.list.cursor + 1)
	return s.writes.want(s.env.svc, k, kind)
}

// lateStep is how many minutes + and - add to or take from a lateness.
const lateStep = 5

type lateMinutesMsg struct {
	key model.MarkKey
	att model.Attendance
	err error
}

// shiftLate corrects the minutes of the lateness under the cursor; the
// cursor stays on the pupil.
func (s *rollScreen) shiftLate(delta int) tea.Cmd {
	i, ok := s.list.selected()
	if s.sheet == nil || !ok || !s.sheet.CanMark {
		return nil
	}
	row := s.sheet.Rows[i]
	if row.Attendance.Kind != model.KindLate {
		return statusCmd("+ et - corrigent les minutes d'un retard : %s n'est pas en retard.", row.Pupil.FullName())
	}
	k := model.MarkKey{Seance: s.sheet.Seance.ID, Pupil: row.Pupil.ID}
	minutes, asked := s.minutesAsked[k]
	if !asked {
		minutes = row.Attendance.Minutes
	}
	if s.minutesAsked == nil {
		s.minutesAsked, s.minutesWrites = map[model.MarkKey]int{}, map[model.MarkKey]bool{}
	}
	s.minutesAsked[k] = max(minutes+delta, 0)
	if s.minutesWrites[k] {
		return nil
	}
	return s.writeMinutes(k)
}

// writeMinutes saves the minutes asked for k, the only write of k in flight.
func (s *rollScreen) writeMinutes(k model.MarkKey) tea.Cmd {
	svc, minutes := s.env.svc, s.minutesAsked[k]
	s.minutesWrites[k] = true
	return func() tea.Msg {
		att, err := svc.SetLateMinutes(k.Seance, k.Pupil, minutes)
		return lateMinutesMsg{key: k, att: att, err: err}
	}
}

func (s *rollScreen) onLateMinutes(msg lateMinutesMsg) tea.Cmd {
	delete(s.minutesWrites, msg.key)
	if msg.err != nil {
		delete(s.minutesAsked, msg.key)
		return errorCmd(msg.err)
	}
	s.setAttendance(msg.key, msg.att)
	if s.minutesAsked[msg.key] != msg.att.Minutes {
		return s.writeMinutes(msg.key)
	}
	delete(s.minutesAsked, msg.key)
	return statusCmd("✓ Retard de %d min enregistré.", msg.att.Minutes)
}

// setAttendance shows what was saved for k, if its séance is on screen.
func (s *rollScreen) setAttendance(k model.MarkKey, att model.Attendance) {
	if s.sheet == nil || s.sheet.Seance.ID != k.Seance {
		return
	}
	for i := range s.sheet.Rows {
		if s.sheet.Rows[i].Pupil.ID == k.Pupil {
			s.sheet.Rows[i].Attendance = att
		}
	}
}

func (s *rollScreen) onMarkDone(msg markDoneMsg) tea.Cmd {
	next := s.writes.done(s.env.svc, msg)
	if msg.err != nil {
		return tea.Batch(errorCmd(msg.err), s.loadSheet())
	}
	if x := msg.exclusion; x != nil && x.MissingReport() && s.report == nil {
		s.report = s.newExclusionReport(*x)
	}
	s.setAttendance(msg.key, msg.att)
	return next
}

func (s *rollScreen) validate() tea.Cmd {
	if s.sheet == nil || !s.sheet.CanMark {
		return nil
	}
	svc, id := s.env.svc, s.sheet.Seance.ID
	return func() tea.Msg {
		rc, err := svc.ValidateRollCall(id)
		return validatedMsg{rc: rc, err: err}
	}
}

func (s *rollScreen) onValidated(msg validatedMsg) tea.Cmd {
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	if s.sheet != nil && s.sheet.Seance.ID == msg.rc.Seance {
		rc := msg.rc
		s.sheet.Done = &rc
	}
	return statusCmd("✓ Appel enregistré à %s.", msg.rc.At.Format("15:04"))
}

// step opens the previous or next séance of the day.
func (s *rollScreen) step(delta int) tea.Cmd {
	if len(s.seances) == 0 {
		return nil
	}
	i := s.indexOf(s.current) + delta
	if i < 0 || i >= len(s.seances) {
		return nil
	}
	s.current = s.seances[i].Seance.ID
	s.dayCur = i
	return s.loadSheet()
}

func (s *rollScreen) dayKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.env.nav.Up):
		s.dayCur = max(s.dayCur-1, 0)
	case key.Matches(msg, s.env.nav.Down):
		s.dayCur = min(s.dayCur+1, max(len(s.seances)-1, 0))
	case key.Matches(msg, s.keys.Prev):
		s.day = s.day.AddDays(-1)
		return s.loadDay(false)
	case key.Matches(msg, s.keys.Next):
		s.day = s.day.AddDays(1)
		return s.loadDay(false)
	case key.Matches(msg, s.keys.Open) && s.dayCur < len(s.seances):
		s.current = s.seances[s.dayCur].Seance.ID
		s.dayPane = false
		return s.loadSheet()
	case msg.Type == tea.KeyEsc && s.sheet == nil:
		return goBack
	case msg.Type == tea.KeyTab || msg.Type == tea.KeyEsc:
		s.dayPane = s.sheet == nil
	}
	return nil
}
