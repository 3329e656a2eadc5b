package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// This file is the grid's "selection → count shown first → motive key" step,
// kept apart so that the desk's shared piece (issue 4) can replace it: the
// planning screen uses only newMotivePrompt, its preview, lines, match and
// apply methods, undoCmd, and the justifiedMsg and replayedMsg messages.
// The action itself is model.Service.Justify (one transaction, one entry of
// the session's undo history), as on the desk.

// motivePrompt holds what a selection would justify: the marks to which a
// motive applies (absences and latenesses), counted for the preview.
type motivePrompt struct {
	motives         []model.Motive
	keys            []model.MarkKey
	absences, lates int
	remove          key.Binding
}

func newMotivePrompt(motives []model.Motive, cells []model.GridCell) motivePrompt {
	p := motivePrompt{
		motives: motives,
		remove:  key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("⌫", "retirer le motif")),
	}
	seen := map[model.MarkKey]bool{}
	for _, c := range cells {
		if !c.HasSeance() || !c.Kind.Justifiable() || seen[c.Key()] {
			continue
		}
		seen[c.Key()] = true
		p.keys = append(p.keys, c.Key())
		if c.Kind == model.CellLate {
			p.lates++
		} else {
			p.absences++
		}
	}
	return p
}

// preview says what a motive key would apply to, before it is pressed.
func (p motivePrompt) preview() string {
	if len(p.keys) == 0 {
		return "aucune absence ni aucun retard à justifier"
	}
	return p.count() + " — tapez un motif"
}

func (p motivePrompt) count() string {
	parts := []string{}
	if p.absences > 0 {
		parts = append(parts, plural(p.absences, "absence", "absences"))
	}
	if p.lates > 0 {
		parts = append(parts, plural(p.lates, "retard", "retards"))
	}
	return strings.Join(parts, " et ")
}

// lines lists the motive keys (✓ valable, ✗ non valable) in at most maxLines lines.
func (p motivePrompt) lines(st Styles, width, maxLines int) []string {
	var items, plain []string
	for _, m := range p.motives {
		mark := "✗"
		if m.Valid {
			mark = "✓"
		}
		text := truncate(m.Label, 14) + " " + mark
		items = append(items, st.Key.Render(m.Key)+" "+text)
		plain = append(plain, m.Key+" "+text)
	}
	h := p.remove.Help()
	items = append(items, st.Key.Render(h.Key)+" "+h.Desc)
	plain = append(plain, h.Key+" "+h.Desc)
	return flow(items, plain, " · ", width, maxLines)
}

// match returns the motive code a key applies ("" removes the motive).
func (p motivePrompt) match(msg tea.KeyMsg) (code, label string, ok bool) {
	if key.Matches(msg, p.remove) {
		return "", "motif retiré", true
	}
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 {
		return "", "", false
	}
	if m, found := model.MotiveByKey(p.motives, string(msg.Runes)); found {
		return m.Code, m.Label, true
	}
	return "", "", false
}

// justifiedMsg is the commit (or failure) of a motive applied to a selection.
type justifiedMsg struct {
	label   string
	outcome model.Outcome
	err     error
}

// apply justifies the selection with code in one transaction.
func (p motivePrompt) apply(svc *model.Service, code, label string) tea.Cmd {
	keys := p.keys
	return func() tea.Msg {
		out, err := svc.Justify(keys, code)
		return justifiedMsg{label: label, outcome: out, err: err}
	}
}

// status says what a justification did.
func (m justifiedMsg) status() tea.Cmd {
	if m.err != nil {
		return errorCmd(m.err)
	}
	if m.outcome.Touched == 0 {
		return statusCmd("Rien à changer : la sélection était déjà ainsi.")
	}
	return statusCmd("✓ %s : %s (u pour annuler).", plural(m.outcome.Touched, "marque modifiée", "marques modifiées"), m.label)
}

// replayedMsg is the result of an undo or a redo.
type replayedMsg struct {
	redo   bool
	replay model.Replay
	err    error
}

func undoCmd(svc *model.Service, redo bool) tea.Cmd {
	return func() tea.Msg {
		var r model.Replay
		var err error
		if redo {
			r, err = svc.Redo()
		} else {
			r, err = svc.Undo()
		}
		return replayedMsg{redo: redo, replay: r, err: err}
	}
}

func (m replayedMsg) status() tea.Cmd {
	if m.err != nil {
		return errorCmd(m.err)
	}
	what := "Annulé"
	if m.redo {
		what = "Rétabli"
	}
	text := fmt.Sprintf("✓ %s : %s (%s)", what, m.replay.Verb, plural(m.replay.Applied, "marque", "marques"))
	if m.replay.Conflicts > 0 {
		text += fmt.Sprintf(", %d laissée(s) : modifiée(s) depuis par quelqu'un d'autre", m.replay.Conflicts)
	}
	return statusCmd("%s.", text)
}
