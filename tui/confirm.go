package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// confirmation is the question a destructive key asks before it acts: « o »
// does it, any other key leaves everything as it was, so that a stray key
// (a filter typed on a screen that has none) never disables or removes.
type confirmation struct {
	question string
	yes      func() tea.Cmd
}

// answerPending hands msg to the question *pending asks, if any, and clears
// it: handled is false when no question was pending.
func answerPending(pending **confirmation, msg tea.KeyMsg) (cmd tea.Cmd, handled bool) {
	c := *pending
	if c == nil {
		return nil, false
	}
	*pending = nil
	return c.answer(msg), true
}

// answer acts on « o » (or « y »), and says that nothing was done otherwise.
func (c *confirmation) answer(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "o", "O", "y", "Y":
		return c.yes()
	}
	return statusCmd("Rien n'a été fait.")
}

func (c *confirmation) view(st *Styles, width int) string {
	return strings.Join([]string{
		"",
		st.Warn.Render(truncate(c.question, width)),
		"",
		st.Muted.Render(truncate("o : oui · toute autre touche : non", width)),
	}, "\n")
}
