package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

type accountKeys struct {
	New, Roles, Toggle, AddKey, DropKey, Open key.Binding
}

func defaultAccountKeys() accountKeys {
	return accountKeys{
		New:     newKey("n", "nouveau compte", "n"),
		Roles:   newKey("r", "nom et rôles", "r"),
		Toggle:  newKey("d", "désactiver/réactiver", "d"),
		AddKey:  newKey("a", "ajouter une clé SSH", "a"),
		DropKey: newKey("x", "retirer la dernière clé", "x"),
		Open:    newKey("↵", "voir les clés", "enter"),
	}
}

// accountsScreen is the administrator's list of accounts: create one, change
// its name and roles, disable it, authorise or withdraw its SSH keys.
type accountsScreen struct {
	env      *env
	keys     accountKeys
	accounts []model.Account
	list     cursorList
	filter   listFilter
	// setup is the set-up checklist (« Mise en route ») while a point is left.
	setup  []model.SetupItem
	detail bool
	form   *form
	// saveForm saves the form's values (create, edit or add a key).
	saveForm func([]string) tea.Cmd
	// confirm is the question a destructive key asks before it acts.
	confirm *confirmation
	size    tea.WindowSizeMsg
	// busy counts the writes not yet acknowledged: quitting waits for them.
	busy int
}

func newAccountsScreen(e *env) Screen {
	return &accountsScreen{env: e, keys: defaultAccountKeys()}
}

type accountsMsg struct {
	accounts []model.Account
	setup    []model.SetupItem
	err      error
}

type accountSavedMsg struct {
	text string
	err  error
}

func (s *accountsScreen) Init() tea.Cmd { return s.load() }

func (s *accountsScreen) load() tea.Cmd {
	svc := s.env.svc
	return func() tea.Msg {
		accs, err := svc.Accounts()
		setup, _ := svc.SetupChecklist()
		return accountsMsg{accounts: accs, setup: setup, err: err}
	}
}

func (s *accountsScreen) Title() string { return "Comptes" }
func (s *accountsScreen) Capturing() bool {
	return s.form != nil || s.confirm != nil || s.filter.typing()
}
func (s *accountsScreen) Pending() int   { return s.busy }
func (s *accountsScreen) HasPanes() bool { return false }

// accountsReload is what reloads the screen: the accounts, and what the
// set-up checklist reads (the structure, the guardians, the settings).
const accountsReload = model.ChangedAccounts | model.ChangedStructure | model.ChangedFamily | model.ChangedSettings

// Interest: the list and the checklist reload when what they show changes.
func (s *accountsScreen) Interest() model.Interest { return model.KindsInterest(accountsReload) }

func (s *accountsScreen) selected() (model.Account, bool) {
	i, ok := s.list.selected()
	if !ok {
		return model.Account{}, false
	}
	return s.accounts[i], true
}

func (s *accountsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case accountsMsg:
		if msg.err != nil {
			return s, errorCmd(msg.err)
		}
		s.accounts, s.setup = msg.accounts, msg.setup
		s.refilter()
	case accountSavedMsg:
		s.busy = max(s.busy-1, 0)
		if msg.err != nil && s.form != nil && s.form.saving {
			s.form.fail(model.UserMessage(msg.err))
			return s, nil
		}
		if msg.err != nil {
			return s, errorCmd(msg.err)
		}
		s.form = nil
		return s, tea.Batch(statusCmd("%s", msg.text), s.load())
	case changeMsg:
		if model.Change(msg).Touches(accountsReload) {
			return s, s.load()
		}
	case tea.KeyMsg:
		return s, s.handleKey(msg)
	}
	return s, nil
}

func (s *accountsScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	if s.form != nil {
		switch s.form.handle(msg) {
		case formCancel:
			s.form = nil
		case formSave:
			s.form.startSaving()
			return s.saveForm(s.form.values())
		}
		return nil
	}
	if cmd, ok := answerPending(&s.confirm, msg); ok {
		return cmd
	}
	if s.filter.typing() && s.filter.key(msg) {
		s.refilter()
		return nil
	}
	acc, ok := s.selected()
	switch {
	case key.Matches(msg, s.env.nav.Filter):
		s.filter.start()
	case msg.Type == tea.KeyEsc && !s.detail && s.filter.clear():
		s.refilter()
	case key.Matches(msg, s.keys.New):
		s.openForm(s.create, newForm(s.env.styles, "Nouveau compte", formField{label: "Identifiant"}, formField{label: "Nom affiché"},
			formField{label: "Rôles", hint: rolesHint}))
	case !ok:
	case key.Matches(msg, s.keys.Open):
		s.detail = !s.detail
	case msg.Type == tea.KeyEsc:
		s.detail = false
	case key.Matches(msg, s.keys.Roles):
		s.openForm(s.edit(acc.Login), newForm(s.env.styles, "Compte "+acc.Login, formField{label: "Nom affiché", value: acc.Name},
			formField{label: "Rôles", value: acc.RolesString(), hint: rolesHint}))
	case key.Matches(msg, s.keys.Toggle):
		return s.toggle(acc)
	case key.Matches(msg, s.keys.AddKey):
		s.openForm(s.addKey(acc.Login), newForm(s.env.styles, "Clé SSH pour "+acc.Login, formField{label: "Clé publique", hint: "ssh-ed25519 AAAA…"}))
	case key.Matches(msg, s.keys.DropKey) && len(acc.Keys) > 0:
		fp := acc.Keys[len(acc.Keys)-1].Fingerprint
		s.confirm = &confirmation{
			question: fmt.Sprintf("Retirer la clé %s de %s ? Elle n'ouvrira plus ce compte.", fp, acc.Login),
			yes:      func() tea.Cmd { return s.dropKey(acc.Login, fp) },
		}
	default:
		s.list.navigate(msg, s.env.nav, s.size.Height-appChrome-2)
	}
	return nil
}

// rolesHint lists the roles a form's Rôles field reads.
const rolesHint = "enseignant, aed, cpe, direction, administrateur"

func (s *accountsScreen) openForm(save func([]string) tea.Cmd, f *form) {
	s.form, s.saveForm = f, save
}

// save starts a write, counted in Pending until its accountSavedMsg.
func (s *accountsScreen) save(text string, fn func() error) tea.Cmd {
	s.busy++
	return func() tea.Msg { return accountSavedMsg{text: text, err: fn()} }
}

func (s *accountsScreen) create(v []string) tea.Cmd {
	svc := s.env.svc
	return s.save("Compte "+v[0]+" créé.", func() error {
		roles, err := model.ParseRoles(v[2])
		if err != nil {
			return err
		}
		return svc.AddAccount(model.Account{Login: v[0], Name: v[1], Roles: roles})
	})
}

func (s *accountsScreen) edit(login string) func([]string) tea.Cmd {
	svc := s.env.svc
	return func(v []string) tea.Cmd {
		return s.save("Compte "+login+" modifié.", func() error {
			roles, err := model.ParseRoles(v[1])
			if err != nil {
				return err
			}
			_, err = svc.EditAccount(login, func(a *model.Account) error {
				a.Name, a.Roles = v[0], roles
				return nil
			})
			return err
		})
	}
}

func (s *accountsScreen) toggle(acc model.Account) tea.Cmd {
	if acc.Login == s.env.login {
		return statusCmd("Vous ne pouvez pas désactiver votre propre compte.")
	}
	svc, state := s.env.svc, "désactivé"
	if acc.Disabled {
		state = "réactivé"
	}
	act := func() tea.Cmd { return s.saveToggle(svc, acc, state) }
	if acc.Disabled {
		return act()
	}
	s.confirm = &confirmation{
		question: fmt.Sprintf("Désactiver le compte %s (%s) ? Il ne pourra plus se connecter.", acc.Login, acc.Name),
		yes:      act,
	}
	return nil
}

func (s *accountsScreen) saveToggle(svc service, acc model.Account, state string) tea.Cmd {
	return s.save("Compte "+acc.Login+" "+state+".", func() error {
		_, err := svc.EditAccount(acc.Login, func(a *model.Account) error { a.Disabled = !a.Disabled; return nil })
		return err
	})
}

func (s *accountsScreen) addKey(login string) func([]string) tea.Cmd {
	svc := s.env.svc
	return func(v []string) tea.Cmd {
		return s.save("Clé ajoutée pour "+login+".", func() error { _, err := svc.AddKey(login, v[0]); return err })
	}
}

func (s *accountsScreen) dropKey(login, fingerprint string) tea.Cmd {
	svc := s.env.svc
	return s.save("Clé "+fingerprint+" retirée.", func() error { return svc.RemoveKey(login, fingerprint) })
}

// refilter shows the accounts whose login, name or roles hold the filter.
func (s *accountsScreen) refilter() {
	s.list.setItems(s.filter.keep(len(s.accounts), func(i int) string {
		a := s.accounts[i]
		return a.Login + " " + a.Name + " " + a.RolesString()
	}))
}

func (s *accountsScreen) View(width, height int) string {
	st := s.env.styles
	if s.form != nil {
		return s.form.view(width)
	}
	if s.confirm != nil {
		return s.confirm.view(st, width)
	}
	lines := []string{st.Header.Render(padRight(fmt.Sprintf("  %-14s %-28s %-24s %s", "Identifiant", "Nom", "Rôles", "Clés"), width))}
	rows := height - 1
	if setup := setupLines(st, s.setup, width); len(setup) > 0 {
		lines = append(setup, lines...)
		rows -= len(setup)
	}
	if f := s.filter.line(st); f != "" {
		lines, rows = append(lines, f), rows-1
	}
	if acc, ok := s.selected(); ok && s.detail {
		rows = max(height-len(acc.Keys)-4, 3)
	}
	from, to := s.list.window(rows)
	for i := from; i < to; i++ {
		lines = append(lines, s.accountLine(s.accounts[s.list.items[i]], i == s.list.cursor, width))
	}
	if acc, ok := s.selected(); ok && s.detail {
		lines = append(lines, "", st.Title.Render("Clés de "+acc.Login))
		for _, k := range acc.Keys {
			lines = append(lines, truncate("  "+keyText(k), width))
		}
		if len(acc.Keys) == 0 {
			lines = append(lines, st.Muted.Render("  aucune clé : ce compte ne peut pas se connecter par SSH"))
		}
	}
	return strings.Join(lines, "\n")
}

// setupLines is the « Mise en route » pane: the points left before the
// first morning, each with what fixes it; nothing once all are done.
func setupLines(st *Styles, items []model.SetupItem, width int) []string {
	var out []string
	for _, it := range items {
		if !it.Done {
			out = append(out, truncate("  ✗ "+it.What+" — "+it.Fix, width))
		}
	}
	if len(out) == 0 {
		return nil
	}
	title := st.Warn.Render(fmt.Sprintf("Mise en route : %s avant le premier matin (appel doctor)", plural(len(out), "point reste", "points restent")))
	return append(append([]string{title}, out...), "")
}

func (s *accountsScreen) accountLine(a model.Account, cursor bool, width int) string {
	text := fmt.Sprintf("%-14s %-28s %-24s %d", truncate(a.Login, 14), truncate(a.Name, 28), truncate(a.RolesString(), 24), len(a.Keys))
	if a.Disabled {
		text += " (désactivé)"
	}
	marker := "  "
	if cursor {
		marker, text = "› ", s.env.styles.Cursor.Render(text)
	}
	return truncate(marker+text, width)
}

func (s *accountsScreen) ShortHelp() []key.Binding {
	if s.form != nil {
		return s.form.bindings()
	}
	k := s.keys
	return []key.Binding{k.New, k.Roles, k.Toggle, k.AddKey, k.DropKey, k.Open}
}

func (s *accountsScreen) FullHelp() []HelpSection {
	if s.form != nil {
		return []HelpSection{{Title: s.form.title, Keys: s.form.bindings()}}
	}
	k := s.keys
	return []HelpSection{
		{Title: "Comptes", Keys: []key.Binding{k.New, k.Roles, k.Toggle, k.Open}},
		{Title: "Clés SSH", Keys: []key.Binding{k.AddKey, k.DropKey}},
		{Title: "Se déplacer", Keys: []key.Binding{s.env.nav.Up, s.env.nav.Down, s.env.nav.PageUp, s.env.nav.PageDown, s.env.nav.Filter}},
	}
}
