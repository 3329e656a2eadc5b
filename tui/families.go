package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
	"appel/model/letters"
)

// The Familles screen's views of the outbox.
const (
	familyAll = iota
	familyQueue
	familySent
	familyFailed
	familyViews
)

var familyViewNames = [familyViews]string{"tous", "en attente", "envoyés", "en échec"}

// familiesScreen is the vie scolaire's view of the notices to families: the
// queue, what was sent, what failed. enter previews a message; s sends one
// now (queued again first when held or failed; without a relay set it waits
// for the server's next pass); h holds one still waiting.
type familiesScreen struct {
	env   *env
	keys  familyKeys
	lines []model.FamilyNoticeLine
	list  cursorList
	// words is the / filter, over the view's notices.
	words   listFilter
	view    int
	preview *model.Message
	// editor edits the templates (t, CPE and administrator).
	editor      *templateEditor
	canTemplate bool
	busy        int
	loaded      bool
	size        tea.WindowSizeMsg
}

type familyKeys struct {
	View, Preview, Send, Hold, Templates, Letters key.Binding
}

type lettersWrittenMsg struct {
	written letters.Written
	err     error
}

type familiesLoadedMsg struct {
	lines []model.FamilyNoticeLine
	err   error
}

type familyPreviewMsg struct {
	msg model.Message
	err error
}

type familyHeldMsg struct {
	notice model.FamilyNotice
	err    error
}

func newFamiliesScreen(e *env) Screen {
	return &familiesScreen{env: e, keys: familyKeys{
		View: newKey("f", "filtre (tous, en attente, envoyés, en échec)", "f"), Preview: newKey("↵", "voir le message", "enter"),
		Send: newKey("s", "envoyer maintenant", "s"), Hold: newKey("h", "retenir", "h"),
		Templates: newKey("t", "modèles des avis et courriers", "t"),
		Letters:   newKey("l", "courriers de la semaine (PDF)", "l"),
	}, canTemplate: e.svc.Require(model.PermTemplates) == nil}
}

func (s *familiesScreen) Init() tea.Cmd {
	svc := s.env.svc
	return func() tea.Msg {
		lines, err := svc.FamilyOutbox()
		return familiesLoadedMsg{lines: lines, err: err}
	}
}

func (s *familiesScreen) Title() string { return "Familles" }

func (s *familiesScreen) Capturing() bool { return s.editor != nil || s.words.typing() }

func (s *familiesScreen) Pending() int {
	if s.editor != nil {
		return s.busy + s.editor.saving
	}
	return s.busy
}

// Interest: the list reloads when a notice or a guardian changes.
func (s *familiesScreen) Interest() model.Interest { return model.KindsInterest(model.ChangedFamily) }

func (s *familiesScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if s.editor != nil {
		if cmd, ok := s.editorUpdate(msg); ok {
			return s, cmd
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		return s, s.handleKey(msg)
	case familiesLoadedMsg:
		if msg.err == nil {
			s.lines, s.loaded = msg.lines, true
			s.filter()
		}
		return s, errCmd(msg.err)
	case familyPreviewMsg:
		if msg.err != nil {
			return s, errorCmd(msg.err)
		}
		s.preview = &msg.msg
	case lettersWrittenMsg:
		s.busy = max(s.busy-1, 0)
		if msg.err != nil {
			return s, errorCmd(msg.err)
		}
		w := msg.written
		text := fmt.Sprintf("✓ %d courrier(s) écrit(s) dans %s", w.Letters, w.Path)
		if w.Unreachable > 0 {
			text += fmt.Sprintf(" ; %d famille(s) injoignable(s) : voir la dernière page", w.Unreachable)
		}
		return s, statusCmd("%s", text)
	case familyHeldMsg:
		s.busy = max(s.busy-1, 0)
		if msg.err != nil {
			return s, tea.Batch(errorCmd(msg.err), s.Init())
		}
		return s, tea.Batch(statusCmd("✓ %s : %s.", msg.notice.Label(), msg.notice.Status), s.Init())
	case changeMsg:
		if model.Change(msg).Touches(model.ChangedFamily) {
			return s, s.Init()
		}
	}
	return s, nil
}

// in reports whether a notice belongs to the view.
func familyIn(view int, n model.FamilyNotice) bool {
	switch view {
	case familyQueue:
		return n.Pending() || n.Status == model.StatusHeld
	case familySent:
		return n.Status == model.StatusSent || n.Status == model.StatusPrinted
	case familyFailed:
		return n.Status == model.StatusFailed || n.Status == model.StatusUnreachable
	}
	return true
}

func (s *familiesScreen) filter() {
	var items []int
	for _, i := range s.words.keep(len(s.lines), func(i int) string { return noticeText(s.lines[i].Notice) }) {
		if familyIn(s.view, s.lines[i].Notice) {
			items = append(items, i)
		}
	}
	s.list.setItems(items)
}

func (s *familiesScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	if s.editor != nil {
		return s.editorKey(msg)
	}
	if key.Matches(msg, s.keys.Letters) && s.preview == nil {
		return s.writeLetters()
	}
	if key.Matches(msg, s.keys.Templates) && s.canTemplate {
		s.editor = newTemplateEditor()
		return s.loadTemplate(0)
	}
	if s.preview != nil {
		if msg.Type == tea.KeyEsc || msg.Type == tea.KeyEnter {
			s.preview = nil
		}
		return nil
	}
	if s.words.typing() && s.words.key(msg) {
		s.filter()
		return nil
	}
	if s.list.navigate(msg, s.env.nav, max(s.size.Height-appChrome-3, 1)) {
		return nil
	}
	i, ok := s.list.selected()
	switch {
	case key.Matches(msg, s.env.nav.Filter):
		s.words.start()
	case msg.Type == tea.KeyEsc && s.words.clear():
		s.filter()
	case key.Matches(msg, s.keys.View):
		s.view = (s.view + 1) % familyViews
		s.filter()
	case !ok:
	case key.Matches(msg, s.keys.Preview):
		svc, n := s.env.svc, s.lines[i].Notice
		return func() tea.Msg {
			m, err := svc.NoticeMessage(n)
			return familyPreviewMsg{msg: m, err: err}
		}
	case key.Matches(msg, s.keys.Send):
		return s.sendNow(s.lines[i].Notice.ID)
	case key.Matches(msg, s.keys.Hold):
		return s.hold(s.lines[i].Notice.ID, true)
	case msg.Type == tea.KeyEsc:
		return goBack
	}
	return nil
}

// writeLetters prints the letters of this week (Monday to today) into the
// server's letters folder; the status line says where.
func (s *familiesScreen) writeLetters() tea.Cmd {
	svc := s.env.svc
	today := svc.Today()
	s.busy++
	return func() tea.Msg {
		w, err := svc.WriteLetters(today.Monday(), today)
		return lettersWrittenMsg{written: w, err: err}
	}
}

// sendNow hands a notice to the relay at once (queued again first when held or failed).
func (s *familiesScreen) sendNow(id string) tea.Cmd {
	svc, ctx := s.env.svc, s.env.ctx
	s.busy++
	return func() tea.Msg {
		n, err := svc.SendNoticeNow(ctx, id)
		return familyHeldMsg{notice: n, err: err}
	}
}

func (s *familiesScreen) hold(id string, hold bool) tea.Cmd {
	svc := s.env.svc
	s.busy++
	return func() tea.Msg {
		n, err := svc.HoldFamilyNotice(id, hold)
		return familyHeldMsg{notice: n, err: err}
	}
}

func (s *familiesScreen) View(width, height int) string {
	st := s.env.styles
	if !s.loaded {
		return "Chargement…"
	}
	if s.editor != nil {
		return s.editorView(width, height)
	}
	if s.preview != nil {
		return s.previewView(width, height)
	}
	counts := [familyViews]int{}
	for _, l := range s.lines {
		for v := range counts {
			if familyIn(v, l.Notice) {
				counts[v]++
			}
		}
	}
	var tabs []string
	for v, name := range familyViewNames {
		t := fmt.Sprintf("%s (%d)", name, counts[v])
		if v == s.view {
			t = st.Cursor.Render("[" + t + "]")
		}
		tabs = append(tabs, t)
	}
	lines := []string{st.Title.Render("Avis aux familles") + "  " + strings.Join(tabs, " · ")}
	if f := s.words.line(st); f != "" {
		lines = append(lines, f)
	}
	lines = append(lines, st.Header.Render(padRight("  Demi-journée         Type     État            Canal     Élève(s) → responsable(s)", width)))
	if len(s.list.items) == 0 {
		lines = append(lines, st.Muted.Render("  Aucun avis dans cette vue."))
	}
	from, to := s.list.window(max(height-len(lines)-3, 1))
	for pos := from; pos < to; pos++ {
		lines = append(lines, s.line(s.lines[s.list.items[pos]], pos == s.list.cursor, width))
	}
	if i, ok := s.list.selected(); ok {
		lines = append(lines, "", s.detail(s.lines[i].Notice, width))
	}
	return strings.Join(lines, "\n")
}

// detail is the selected notice's recipients, Message-ID and the relay's last reply.
func (s *familiesScreen) detail(n model.FamilyNotice, width int) string {
	parts := []string{"À : " + strings.Join(n.To, ", ")}
	if len(n.To) == 0 {
		parts[0] = "Sans mél"
	}
	if n.Attempts > 0 {
		parts = append(parts, fmt.Sprintf("%d essai(s)", n.Attempts))
	}
	if n.Resent {
		parts = append(parts, "renvoyé après interruption")
	}
	out := s.env.styles.Muted.Render(truncate("  "+strings.Join(parts, " · "), width))
	if n.Reply != "" {
		out += "\n" + s.env.styles.Muted.Render(truncate("  Réponse : "+n.Reply, width))
	}
	return out
}

func (s *familiesScreen) line(l model.FamilyNoticeLine, cursor bool, width int) string {
	n := l.Notice
	status := n.Status
	switch {
	case n.Status == model.StatusFailed || n.Status == model.StatusRetry:
		status = "! " + status
	case n.Status == model.StatusSent:
		status = "✉ " + status
	}
	text := fmt.Sprintf("%-20s %-8s %-15s %-9s %s → %s", n.Date.French()+" "+n.Half.String(), n.Kind, status, n.Channel, l.Pupils, n.Names)
	if n.Reply != "" && n.Status != model.StatusSent {
		text += " (" + n.Reply + ")"
	}
	if cursor {
		return truncate("› "+s.env.styles.Cursor.Render(text), width)
	}
	return truncate("  "+text, width)
}

func (s *familiesScreen) previewView(width, height int) string {
	st, m := s.env.styles, s.preview
	lines := []string{st.Title.Render("Objet : " + m.Subject), ""}
	for _, l := range strings.Split(m.Text, "\n") {
		lines = append(lines, truncate(l, width))
	}
	lines = append(lines, "", st.Muted.Render("↵ ou esc : retour à la liste"))
	if len(lines) > height {
		lines = append(lines[:height-1], lines[len(lines)-1])
	}
	return strings.Join(lines, "\n")
}

func (s *familiesScreen) ShortHelp() []key.Binding {
	if s.editor != nil {
		return nil
	}
	keys := []key.Binding{s.keys.View, s.keys.Preview, s.keys.Send, s.keys.Hold, s.keys.Letters}
	if s.canTemplate {
		keys = append(keys, s.keys.Templates)
	}
	return keys
}

func (s *familiesScreen) FullHelp() []HelpSection {
	return []HelpSection{
		{Title: "Familles", Keys: s.ShortHelp()},
		{Title: "Se déplacer", Keys: s.env.nav.bindings()},
	}
}
