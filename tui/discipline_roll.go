package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// detentionRoll is the roll call of a detention session, with a séance's
// keys: a absent, p or space present (the cursor then moves on), a number
// goes to a pupil, ↵ validates, esc returns to the list.
type detentionRoll struct {
	id     string
	sheet  model.DetentionSheet
	found  bool
	list   cursorList
	digits string
	keys   rollKeys
	// queue holds the writes typed while one is in flight: they are sent
	// one after the other, so that the last key typed is the one stored and
	// ↵ validates after every mark.
	queue    []tea.Cmd
	inflight bool
}

// send starts w, or queues it behind the write in flight.
func (r *detentionRoll) send(w tea.Cmd) tea.Cmd {
	if r.inflight {
		r.queue = append(r.queue, w)
		return nil
	}
	r.inflight = true
	return w
}

// next starts the next queued write once one is acknowledged.
func (r *detentionRoll) next() tea.Cmd {
	r.inflight = false
	if len(r.queue) == 0 {
		return nil
	}
	w := r.queue[0]
	r.queue = r.queue[1:]
	r.inflight = true
	return w
}

type detentionMarkMsg struct {
	sheet    model.DetentionSheet
	validate bool
	err      error
}

func newDetentionRoll(id string) *detentionRoll {
	return &detentionRoll{id: id, keys: defaultRollKeys()}
}

// refresh takes the session's sheet from freshly loaded data.
func (r *detentionRoll) refresh(d disciplineData) {
	if r == nil {
		return
	}
	for _, sh := range d.detentions {
		if sh.Session.ID == r.id {
			r.sheet, r.found = sh, true
			cursor := r.list.cursor
			r.list.setItems(indexes(len(sh.Pupils)))
			r.list.moveTo(cursor)
			return
		}
	}
}

func (s *disciplineScreen) rollKey(msg tea.KeyMsg) tea.Cmd {
	r := s.roll
	switch {
	case msg.Type == tea.KeyEsc:
		s.roll = nil
		return nil
	case key.Matches(msg, r.keys.Digit):
		r.typeDigit(msg.Runes[0])
		return nil
	case key.Matches(msg, r.keys.Number):
		// « : » starts the numbers at a séance; here digits always number.
		r.digits = ""
		return nil
	case key.Matches(msg, r.keys.Absent):
		return s.rollMark(model.KindAbsent)
	case key.Matches(msg, r.keys.Present):
		return s.rollMark(model.KindPresent)
	case key.Matches(msg, r.keys.Validate):
		r.digits = ""
		svc, id := s.env.svc, r.id
		s.busy++
		return r.send(func() tea.Msg {
			sh, err := svc.TakeDetentionRoll(id)
			return detentionMarkMsg{sheet: sh, validate: true, err: err}
		})
	}
	r.list.navigate(msg, s.env.nav, s.rowsHeight())
	return nil
}

func (r *detentionRoll) typeDigit(c rune) {
	candidate := r.digits + string(c)
	n, _ := strconv.Atoi(candidate)
	if n < 1 || n > len(r.sheet.Pupils) {
		candidate = string(c)
		n, _ = strconv.Atoi(candidate)
	}
	r.digits = candidate
	if n >= 1 && n <= len(r.sheet.Pupils) {
		r.list.moveTo(n - 1)
	}
}

func (s *disciplineScreen) rollMark(kind model.MarkKind) tea.Cmd {
	r := s.roll
	r.digits = ""
	i, ok := r.list.selected()
	if !ok {
		return nil
	}
	svc, id, pupil := s.env.svc, r.id, r.sheet.Pupils[i].ID
	r.list.moveTo(r.list.cursor + 1)
	s.busy++
	return r.send(func() tea.Msg {
		sh, err := svc.SetDetentionMark(id, pupil, kind)
		return detentionMarkMsg{sheet: sh, err: err}
	})
}

func (s *disciplineScreen) onRollMark(msg detentionMarkMsg) tea.Cmd {
	s.busy = max(s.busy-1, 0)
	var next tea.Cmd
	if s.roll != nil {
		next = s.roll.next()
	}
	if msg.err != nil {
		return tea.Batch(next, errorCmd(msg.err))
	}
	if s.roll != nil && s.roll.id == msg.sheet.Session.ID {
		s.roll.sheet = msg.sheet
	}
	if msg.validate {
		return tea.Batch(next, statusCmd("✓ Appel de la retenue fait : %d absent(s) à suivre.", len(msg.sheet.Session.Absent)), s.load())
	}
	return next
}

func (s *disciplineScreen) rollView(width, height int) string {
	st, r := s.env.styles, s.roll
	if !r.found {
		return "Chargement…"
	}
	x := r.sheet.Session
	state := st.Warn.Render("appel non fait")
	if x.Taken() {
		state = st.Ok.Render("✓ appel fait " + x.TakenAt.Format("15:04") + " par " + x.TakenBy)
	}
	lines := []string{
		truncate(st.Title.Render(fmt.Sprintf("Retenue · %s %s–%s · %s · surveillant %s", shortDate(x.Date), x.Start, x.End, x.Room, x.Supervisor))+"  "+state, width),
		st.Header.Render(padRight("   n° Élève                               Marque", width)),
	}
	from, to := r.list.window(max(height-3, 1))
	for pos := from; pos < to; pos++ {
		p := r.sheet.Pupils[r.list.items[pos]]
		mark := "présent"
		if r.sheet.Absent(p.ID) {
			mark = st.Warn.Render("absent")
		}
		text := fmt.Sprintf("%3d %-35s ", pos+1, truncate(shown(p.FullName()+" ("+p.Division+")"), 35))
		if pos == r.list.cursor {
			lines = append(lines, truncate("›"+st.Cursor.Render(text)+mark, width))
		} else {
			lines = append(lines, truncate(" "+text+mark, width))
		}
	}
	if len(r.sheet.Pupils) == 0 {
		lines = append(lines, st.Muted.Render("  Aucun élève placé dans cette retenue."))
	}
	lines = append(lines, st.Muted.Render(fmt.Sprintf("%d élève(s) · %d absent(s) · une retenue n'est pas une séance : elle ne compte dans aucune demi-journée",
		len(r.sheet.Pupils), len(x.Absent))))
	return strings.Join(lines, "\n")
}

func (r *detentionRoll) bindings() []key.Binding {
	return []key.Binding{r.keys.Absent, r.keys.Present, r.keys.Validate, r.keys.Digit, newKey("esc", "retour aux retenues", "esc")}
}
