package tui

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// justifyBar is the mass-justification mechanism that screens share (the
// desk, the planning grid): the selection, the absences and latenesses the
// next motive key applies to (its target, as the screen shows them), the
// preview of what a valable and a non valable motive would change, shown
// before the key, the motive keys themselves, the question asked before a
// motive already given is replaced, the overrule keys, undo and redo. Its
// host screen:
//   - calls init once (the bar reads the motives offered) or offer (the host
//     read them), and passes it every non-key message (update) and change
//     (onChange);
//   - calls retarget whenever its selection, cursor or data change, with what
//     a motive would apply to when the bar's own selection (sel) is empty:
//     the desk's cursor line, the grid's rectangle;
//   - gives it every key first while it asks (asking), else the keys it does
//     not use itself (key), and draws previewLine and motiveLines.
type justifyBar struct {
	// token tells this bar's messages from those of another bar of the
	// session, and numbers its previews.
	token   *requests
	env     *env
	keys    barKeys
	motives []model.Motive
	// sel is the selection; cursor the host's default target when it is empty.
	sel     markSet
	cursor  []model.Shown
	target  []model.Shown
	preview *model.KindsPreview
	// ask is the question on screen before a motive replaces others.
	ask  *barQuestion
	busy int
	// reads: the bar reads the motives itself (init), again when they change.
	reads bool
}

// barQuestion is a motive key (nil motive: x) waiting for the user's answer
// because it would replace motives already given.
type barQuestion struct {
	motive   *model.Motive
	shown    []model.Shown
	replaced []model.Given
	// preview is what the key does when the user says yes, once computed.
	preview *model.Preview
	gen     int
}

// barKeys are the keys of a justifying screen besides the motives' own.
type barKeys struct {
	Motive, Clear, Valid, Invalid, Undo, Redo key.Binding
}

func defaultBarKeys() barKeys {
	return barKeys{
		Motive:  newKey("m r f…", "motif"),
		Clear:   newKey("x", "retirer le motif", "x"),
		Valid:   newKey("+", "forcer valable (CPE)", "+"),
		Invalid: newKey("-", "forcer non valable (CPE)", "-"),
		Undo:    newKey("u", "annuler", "u"),
		Redo:    newKey("ctrl+r", "rétablir", "ctrl+r"),
	}
}

func newJustifyBar(e *env) justifyBar {
	return justifyBar{token: new(requests), env: e, keys: defaultBarKeys(), sel: newMarkSet()}
}

type barMotivesMsg struct {
	token   *requests
	motives []model.Motive
	err     error
}

type barPreviewMsg struct {
	token   *requests
	gen     int
	preview model.KindsPreview
	err     error
}

// barKeyPreviewMsg is the preview of the key the question is about.
type barKeyPreviewMsg struct {
	token   *requests
	gen     int
	preview model.Preview
}

// barDoneMsg is the end of an action of the bar: a motive applied, a validity
// overruled, an undo or redo.
type barDoneMsg struct {
	token   *requests
	text    string
	cleared bool
	err     error
}

func (b *justifyBar) init() tea.Cmd {
	b.reads = true
	svc, token := b.env.svc, b.token
	return func() tea.Msg {
		dir, err := svc.Directory()
		if err != nil {
			return barMotivesMsg{token: token, err: err}
		}
		var offered []model.Motive
		for _, m := range dir.Motives {
			if !m.Retired {
				offered = append(offered, m)
			}
		}
		return barMotivesMsg{token: token, motives: shown(offered)}
	}
}

// update handles the bar's own messages; it reports whether msg was one.
func (b *justifyBar) update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case barMotivesMsg:
		if msg.token != b.token {
			return nil, false
		}
		b.setMotives(msg.motives)
		return tea.Batch(errCmd(msg.err), b.refresh()), true
	case barPreviewMsg:
		if msg.token != b.token || !b.token.take(msg.gen) {
			return nil, msg.token == b.token
		}
		if msg.err != nil {
			b.preview = nil
			return nil, true
		}
		b.preview = &msg.preview
		return nil, true
	case barKeyPreviewMsg:
		if msg.token != b.token {
			return nil, false
		}
		if b.ask != nil && b.ask.gen == msg.gen {
			b.ask.preview = &msg.preview
		}
		return nil, true
	case barDoneMsg:
		if msg.token != b.token {
			return nil, false
		}
		return b.onDone(msg), true
	}
	return nil, false
}

// setMotives offers the motives; their keys make the Motive binding.
func (b *justifyBar) setMotives(ms []model.Motive) {
	b.motives = ms
	keys := make([]string, len(ms))
	for i, m := range ms {
		keys[i] = m.Key
	}
	b.keys.Motive.SetKeys(keys...)
	help := strings.Join(keys[:min(3, len(keys))], " ")
	if len(keys) > 3 {
		help += "…"
	}
	b.keys.Motive.SetHelp(help, "motif")
}

// offer gives the bar the motives its host read (the grid's: those the
// reader may apply); the next retarget previews with them.
func (b *justifyBar) offer(ms []model.Motive) {
	b.setMotives(ms)
	b.token.next()
	b.preview = nil
}

func (b *justifyBar) onDone(msg barDoneMsg) tea.Cmd {
	b.busy = max(b.busy-1, 0)
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	if msg.cleared {
		b.sel.clear()
		b.target = b.cursor
	}
	return tea.Batch(statusCmd("%s", msg.text), b.refresh())
}

// onChange recomputes what a committed change makes stale: the motives, the
// preview of the target.
func (b *justifyBar) onChange(c model.Change) tea.Cmd {
	var cmds []tea.Cmd
	if c.Touches(model.ChangedMotives) && b.reads {
		cmds = append(cmds, b.init())
	}
	if c.Touches(model.ChangedMarks|model.ChangedNotices) && b.targets(c) {
		cmds = append(cmds, b.refresh())
	}
	return tea.Batch(cmds...)
}

// targets reports whether a change concerns a pupil of the target.
func (b *justifyBar) targets(c model.Change) bool {
	if c.Resync {
		return true
	}
	for _, x := range b.target {
		if slices.Contains(c.Pupils, x.Key.Pupil) {
			return true
		}
	}
	return false
}

// retarget sets the host's default target (the cursor's absences, as shown)
// and recomputes the preview when the target changes.
func (b *justifyBar) retarget(cursor []model.Shown) tea.Cmd {
	b.cursor = cursor
	next := b.cursor
	if b.sel.len() > 0 {
		next = b.sel.list()
	}
	if slices.Equal(next, b.target) && b.preview != nil {
		return nil
	}
	b.target = next
	return b.refresh()
}

// refresh recomputes the preview of the target: a valable and a non valable motive.
func (b *justifyBar) refresh() tea.Cmd {
	gen := b.token.next()
	b.preview = nil
	if len(b.target) == 0 || len(b.motives) == 0 {
		return nil
	}
	svc, token, shown := b.env.svc, b.token, slices.Clone(b.target)
	return func() tea.Msg {
		pv, err := svc.PreviewKinds(shown)
		return barPreviewMsg{token: token, gen: gen, preview: pv, err: err}
	}
}

// asking reports whether the bar waits for an answer: its host gives it every key.
func (b *justifyBar) asking() bool { return b.ask != nil }

// answer handles a key while the bar asks: o or y replaces, n or enter
// applies to the others only, esc gives up.
func (b *justifyBar) answer(msg tea.KeyMsg) tea.Cmd {
	q := b.ask
	switch {
	case msg.String() == "o" || msg.String() == "y" || msg.String() == "O" || msg.String() == "Y":
		b.ask = nil
		return b.apply(q.motive, q.shown, true)
	case msg.String() == "n" || msg.String() == "N" || msg.Type == tea.KeyEnter:
		b.ask = nil
		return b.apply(q.motive, q.shown, false)
	case msg.Type == tea.KeyEsc:
		b.ask = nil
		return statusCmd("Rien n'a été changé.")
	}
	return nil
}

// press handles a motive key (nil: x): it asks first when the motive would
// replace motives already given, else applies it.
func (b *justifyBar) press(m *model.Motive) tea.Cmd {
	if len(b.target) == 0 {
		return statusCmd("Aucune absence à justifier ici.")
	}
	code := ""
	if m != nil {
		code = m.Code
	}
	shown := slices.Clone(b.target)
	replaced := model.Replaced(shown, code)
	if len(replaced) == 0 {
		if m == nil {
			return statusCmd("Aucun motif à retirer ici.")
		}
		return b.apply(m, shown, false)
	}
	gen := b.token.next()
	b.ask = &barQuestion{motive: m, shown: shown, replaced: replaced, gen: gen}
	svc, token := b.env.svc, b.token
	return func() tea.Msg {
		pv, err := svc.Preview(model.MotiveRequest{Shown: shown, Code: code, Replace: true})
		if err != nil {
			return nil
		}
		return barKeyPreviewMsg{token: token, gen: gen, preview: pv}
	}
}

// key handles a motive key or one of the bar's keys; it reports whether the
// key was one. While the bar asks, every key is its answer.
func (b *justifyBar) key(msg tea.KeyMsg) (tea.Cmd, bool) {
	if b.asking() {
		return b.answer(msg), true
	}
	switch {
	case key.Matches(msg, b.keys.Undo):
		return b.replay(false), true
	case key.Matches(msg, b.keys.Redo):
		return b.replay(true), true
	case key.Matches(msg, b.keys.Clear):
		return b.press(nil), true
	case key.Matches(msg, b.keys.Valid):
		return b.overrule(true), true
	case key.Matches(msg, b.keys.Invalid):
		return b.overrule(false), true
	}
	if m, ok := b.motiveOf(msg); ok {
		return b.press(&m), true
	}
	return nil, false
}

func (b *justifyBar) motiveOf(msg tea.KeyMsg) (model.Motive, bool) {
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 || msg.Alt {
		return model.Motive{}, false
	}
	return model.MotiveByKey(b.motives, string(msg.Runes))
}

// apply gives the absences shown the motive (nil: removes the motive), in
// one undoable action; replace replaces the motives already given.
func (b *justifyBar) apply(m *model.Motive, shown []model.Shown, replace bool) tea.Cmd {
	svc, token, code, label := b.env.svc, b.token, "", "Motif retiré"
	if m != nil {
		code, label = m.Code, m.Label
	}
	b.busy++
	return b.env.act(func() tea.Msg {
		out, err := svc.ApplyMotive(model.MotiveRequest{Shown: shown, Code: code, Replace: replace})
		return barDoneMsg{token: token, text: outcomeText(cutLabel(label, 40), "", out, ""), cleared: true, err: err}
	})
}

func (b *justifyBar) overrule(valid bool) tea.Cmd {
	if len(b.target) == 0 {
		return nil
	}
	svc, token, shown, word := b.env.svc, b.token, slices.Clone(b.target), "non valable"
	if valid {
		word = "valable"
	}
	b.busy++
	return b.env.act(func() tea.Msg {
		out, err := svc.SetValidity(shown, valid)
		return barDoneMsg{token: token, text: outcomeText("Validité forcée ("+word+")", "", out, "sans motif, laissé"), cleared: true, err: err}
	})
}

// replay undoes or redoes the session's last action, once the actions asked
// for before it have ended.
func (b *justifyBar) replay(redo bool) tea.Cmd {
	token := b.token
	b.busy++
	return b.env.replay(redo, func(text string, err error) tea.Msg {
		return barDoneMsg{token: token, text: text, err: err}
	})
}

func (b justifyBar) pending() int { return b.busy }

// previewLine says what a motive key would do, before it is pressed, or the
// question a key asks.
func (b justifyBar) previewLine(st *Styles, width int) string {
	sel := model.SelectionOf(b.target)
	switch {
	case b.ask != nil:
		text := questionText(b.ask)
		if b.ask.preview != nil {
			text += " · " + keyPreviewText(*b.ask.preview)
		}
		return st.Warn.Render(truncate(text, width))
	case len(b.target) == 0:
		return st.Muted.Render(truncate("Rien à justifier ici.", width))
	case b.preview == nil:
		return st.Muted.Render(truncate(selectionText(sel)+" · calcul…", width))
	}
	return st.Selected.Render(truncate(kindsText(*b.preview, sel, distinctShown(b.target)), width))
}

// thresholdText is « (1 sous le seuil) » when the change moves pupils across
// the monthly report threshold.
func thresholdText(pv model.Preview) string {
	up, down := 0, 0
	for _, p := range pv.Pupils {
		switch p.ThresholdChange() {
		case 1:
			up++
		case -1:
			down++
		}
	}
	var parts []string
	if down > 0 {
		parts = append(parts, fmt.Sprintf("%d sous le seuil", down))
	}
	if up > 0 {
		parts = append(parts, fmt.Sprintf("%d au seuil", up))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// shortName is "Noé B.".
func shortName(p model.Pupil) string {
	initial := []rune(p.LastName)
	if len(initial) == 0 {
		return p.FirstName
	}
	return p.FirstName + " " + strings.ToUpper(string(initial[0])) + "."
}

// motiveLines lists the motive keys with their validity, folded to width.
func (b justifyBar) motiveLines(st *Styles, width int) []string {
	return motiveLines(st, b.motives, width)
}

// motiveLines lists motives' keys with their validity, folded to width
// (labels shortened more on narrow screens).
func motiveLines(st *Styles, motives []model.Motive, width int) []string {
	size := 10
	for try := 60; try > 10; try -= 5 {
		if legendRows(motives, width, try) <= 2 {
			size = try
			break
		}
	}
	var lines []string
	cur, used := "", 0
	for _, m := range motives {
		label, w := legendItem(m, size)
		if used > 0 && used+w > width {
			lines, cur, used = append(lines, cur), "", 0
		}
		if used > 0 {
			cur += "  "
		}
		cur += st.Key.Render(m.Key) + " " + label + " " + validMark(m)
		used += w
	}
	return append(lines, cur)
}

// legendRows counts the lines of the legend with labels cut to size runes,
// without drawing it: the frame draws it once, at the size chosen.
func legendRows(motives []model.Motive, width, size int) int {
	rows, used := 1, 0
	for _, m := range motives {
		_, w := legendItem(m, size)
		if used > 0 && used+w > width {
			rows, used = rows+1, 0
		}
		used += w
	}
	return rows
}

// legendItem is a motive's label cut to size runes and the cells its entry
// takes, separator included.
func legendItem(m model.Motive, size int) (string, int) {
	label := cutLabel(m.Label, size)
	return label, utf8.RuneCountInString(m.Key+" "+label+" "+validMark(m)) + 2
}

func validMark(m model.Motive) string {
	if m.Valid {
		return "✓"
	}
	return "✗"
}

// shortLabel keeps a motive's label up to its first " /" or " (" and 16 runes.
func shortLabel(label string) string { return cutLabel(label, 16) }

// cutLabel keeps a label up to its first " / " or " (" and size runes.
func cutLabel(label string, size int) string {
	for _, sep := range []string{" / ", " ("} {
		if i := strings.Index(label, sep); i > 0 {
			label = label[:i]
		}
	}
	if r := []rune(label); len(r) > size {
		return string(r[:size-1]) + "…"
	}
	return label
}

// help is the bar's section of the help overlay.
func (b justifyBar) help() HelpSection {
	k := b.keys
	ask := newKey("o / n", "remplacer / garder un motif déjà donné (demandé avant)")
	return HelpSection{Title: "Justifier (la sélection, sinon l'élève sous le curseur)", Keys: []key.Binding{k.Motive, k.Clear, ask, k.Valid, k.Invalid, k.Undo, k.Redo}}
}

// errCmd reports err in the status line, if any.
func errCmd(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	return errorCmd(err)
}
