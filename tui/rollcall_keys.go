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
	if key.Matches(msg, s.keys.Number) {
		s.typeDigit(msg.Runes[0])
		return nil
	}
	if kind, ok := s.keys.markKind(msg); ok {
		s.digits = ""
		return s.mark(kind)
	}
	return s.sheetCommand(msg)
}

func (s *rollScreen) sheetCommand(msg tea.KeyMsg) tea.Cmd {
	hadDigits := s.digits != ""
	s.digits = ""
	switch {
	case key.Matches(msg, s.keys.Validate):
		if hadDigits {
			return nil
		}
		return s.validate()
	case key.Matches(msg, s.keys.Day):
		return s.showDay()
	case key.Matches(msg, s.keys.Prev):
		return s.step(-1)
	case key.Matches(msg, s.keys.Next):
		return s.step(+1)
	case key.Matches(msg, s.env.nav.Filter):
		s.filter.active = true
	case msg.Type == tea.KeyEsc:
		return s.escape(hadDigits)
	default:
		s.list.navigate(msg, s.env.nav, s.rowsHeight())
	}
	return nil
}

// escape clears the filter, or the digits typed; with neither, it returns
// to the screen that opened the roll call.
func (s *rollScreen) escape(hadDigits bool) tea.Cmd {
	switch {
	case s.filter.String() != "":
		s.filter.reset()
		s.refilter()
	case !hadDigits:
		return goBack
	}
	return nil
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

func (s *rollScreen) onMarkDone(msg markDoneMsg) tea.Cmd {
	next := s.writes.done(s.env.svc, msg)
	if msg.err != nil {
		return tea.Batch(errorCmd(msg.err), s.loadSheet())
	}
	if x := msg.exclusion; x != nil && x.MissingReport() && s.report == nil {
		s.report = s.newExclusionReport(*x)
	}
	if s.sheet != nil && s.sheet.Seance.ID == msg.key.Seance {
		for i := range s.sheet.Rows {
			if s.sheet.Rows[i].Pupil.ID == msg.key.Pupil {
				s.sheet.Rows[i].Attendance = msg.att
			}
		}
	}
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
