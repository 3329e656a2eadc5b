package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// myKeys is « Mes clés » (K from any screen): the SSH keys of the account
// signed in, one to withdraw (a lost laptop; never the last one), and a
// one-time code for a new computer of his own, shown once.
type myKeys struct {
	keys  []model.PublicKey
	list  cursorList
	code  string
	err   string
	binds myKeysBindings
	// confirm asks before a key is withdrawn.
	confirm *confirmation
}

type myKeysBindings struct {
	Remove, Invite, Close key.Binding
}

// inviteDays is how long a code for one's own new computer is valid.
const inviteDays = 7

type myKeysMsg struct {
	keys []model.PublicKey
	code string
	err  error
}

func (a *App) openMyKeys() tea.Cmd {
	a.mine = &myKeys{binds: myKeysBindings{
		Remove: newKey("x", "retirer la clé (ordinateur perdu)", "x"),
		Invite: newKey("n", "code pour un nouvel ordinateur", "n"),
		Close:  newKey("esc", "fermer", "esc"),
	}}
	return loadMyKeys(a.env.svc, nil)
}

// loadMyKeys reads the keys in the command's goroutine, after write when
// given (a withdrawal, or a code made, which it returns to be shown).
func loadMyKeys(svc service, write func() (code string, err error)) tea.Cmd {
	return func() tea.Msg {
		var code string
		var err error
		if write != nil {
			code, err = write()
		}
		keys, kerr := svc.MyKeys()
		if err == nil {
			err = kerr
		}
		return myKeysMsg{keys: keys, code: code, err: err}
	}
}

func (m *myKeys) onLoaded(msg myKeysMsg) {
	m.keys, m.err = msg.keys, ""
	m.list.setItems(indexes(len(msg.keys)))
	if msg.code != "" {
		m.code = msg.code
	}
	if msg.err != nil {
		m.err = model.UserMessage(msg.err)
	}
}

// key handles a key while « Mes clés » is open; it reports whether to close.
func (a *App) myKeysKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	m, svc := a.mine, a.env.svc
	if cmd, ok := answerPending(&m.confirm, msg); ok {
		return cmd, false
	}
	i, selected := m.list.selected()
	switch {
	case key.Matches(msg, m.binds.Close):
		return nil, true
	case key.Matches(msg, m.binds.Invite):
		return loadMyKeys(svc, func() (string, error) {
			code, _, err := svc.InviteMe(inviteDays)
			return code, err
		}), false
	case key.Matches(msg, m.binds.Remove) && selected:
		fp := m.keys[i].Fingerprint
		m.confirm = &confirmation{
			question: fmt.Sprintf("Retirer la clé %s ? Elle n'ouvrira plus votre compte.", fp),
			yes: func() tea.Cmd {
				return loadMyKeys(svc, func() (string, error) { return "", svc.RemoveMyKey(fp) })
			},
		}
	default:
		m.list.navigate(msg, a.env.nav, 10)
	}
	return nil, false
}

func (m *myKeys) view(st *Styles, width int) string {
	if m.confirm != nil {
		return m.confirm.view(st, width)
	}
	lines := []string{st.Title.Render("Mes clés SSH"), ""}
	for pos, i := range m.list.items {
		k := m.keys[i]
		added := k.AddedAt
		if t, err := time.Parse(time.RFC3339, k.AddedAt); err == nil {
			added = t.Format("02/01/2006")
		}
		text := keyText(k) + "  ajoutée le " + added
		if pos == m.list.cursor {
			lines = append(lines, truncate("› "+st.Cursor.Render(text), width))
		} else {
			lines = append(lines, truncate("  "+text, width))
		}
	}
	if len(m.keys) == 0 {
		lines = append(lines, st.Muted.Render("  aucune clé"))
	}
	if m.code != "" {
		lines = append(lines, "", st.Warn.Render(fmt.Sprintf("Code pour votre nouvel ordinateur : %s (valable %d jours, affiché une seule fois).", m.code, inviteDays)),
			truncate("Sur ce nouvel ordinateur : ssh-keygen -t ed25519, puis connectez-vous ; appel demandera ce code.", width))
	}
	if m.err != "" {
		lines = append(lines, "", st.Error.Render(truncate("✗ "+m.err, width)))
	}
	b := m.binds
	return strings.Join(append(lines, "", st.Muted.Render(bindingsText([]key.Binding{b.Remove, b.Invite, b.Close}))), "\n")
}

// keyText writes a public key on one line: fingerprint, type, comment.
func keyText(k model.PublicKey) string {
	return k.Fingerprint + "  " + strings.Fields(k.Line)[0] + "  " + k.Comment
}
