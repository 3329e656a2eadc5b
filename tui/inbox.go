package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"appel/model"
)

// inbox holds the messages to the account not yet read: those kept while he
// was away, loaded at login, and those that arrive. They stay above the
// screen until ↵ or esc marks them read, and stay kept if the session ends
// first.
type inbox struct {
	msgs []model.Notification
}

// maxInboxLines bounds the lines the messages take above the screen.
const maxInboxLines = 6

type messagesMsg struct {
	msgs []model.Notification
	err  error
}

type messagesReadMsg struct{ err error }

func loadMessages(svc service) tea.Cmd {
	return func() tea.Msg {
		ms, err := svc.Messages()
		return messagesMsg{msgs: ms, err: err}
	}
}

// add takes in messages, each once, oldest first.
func (b *inbox) add(ms ...model.Notification) {
	for _, m := range ms {
		if !slices.ContainsFunc(b.msgs, func(x model.Notification) bool { return x.ID == m.ID }) {
			b.msgs = append(b.msgs, m)
		}
	}
	slices.SortFunc(b.msgs, func(x, y model.Notification) int { return cmp.Compare(x.ID, y.ID) })
}

// read empties the inbox and records, through svc, that its messages were read.
func (b *inbox) read(svc service) tea.Cmd {
	if len(b.msgs) == 0 {
		return nil
	}
	upTo := b.msgs[len(b.msgs)-1].ID
	b.msgs = nil
	return func() tea.Msg { return messagesReadMsg{err: svc.ReadMessages(upTo)} }
}

// lines draws the messages, each wrapped to the width, the newest kept when
// they do not fit.
func (b *inbox) lines(st *Styles, width int) []string {
	if len(b.msgs) == 0 {
		return nil
	}
	title := fmt.Sprintf("✉ %d message(s) — ↵ ou esc : lu", len(b.msgs))
	if len(b.msgs) == 1 {
		title = "✉ 1 message — ↵ ou esc : lu"
	}
	var body []string
	for _, m := range b.msgs {
		text := fmt.Sprintf("%s, %s : %s", m.At.Format("02/01 15:04"), m.From, m.Text)
		body = append(body, strings.Split(ansi.Wrap(text, max(width-2, 10), " "), "\n")...)
	}
	if len(body) > maxInboxLines-1 {
		body = body[len(body)-(maxInboxLines-1):]
	}
	out := []string{st.Banner.Render(truncate(title, width))}
	for _, l := range body {
		out = append(out, st.Warn.Render("  "+l))
	}
	return out
}
