package tui

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"appel/model"
	"appel/model/imports"
)

// Minimum terminal size the screens are drawn for.
const (
	MinWidth  = 60
	MinHeight = 14
)

// DefaultIdle ends a session after 15 minutes without a key.
const DefaultIdle = 15 * time.Minute

// Config is what the interface of one session needs.
type Config struct {
	// Ctx ends with the session: feeds and pending commands stop with it.
	Ctx      context.Context
	Service  *model.Service
	Renderer *lipgloss.Renderer
	// Width and Height seed the size before the first WindowSizeMsg.
	Width, Height int
	// Idle ends the session after that long without a key (0: DefaultIdle).
	Idle time.Duration
	// Wall is the real clock for the idle timeout (nil: time.Now); the
	// service's clock may be fixed by --now.
	Wall func() time.Time
	// Imports is the imports folder that the import screen offers (nil:
	// none configured; the screen says how to give one).
	Imports *imports.Folder
	// YearEnd, when set, lets an administrator end the school year from
	// the Imports screen (« N »).
	YearEnd *YearEnd
	// Health, when set, tells the administrators and the CPEs about the
	// server's backups and disk (appel serve).
	Health func() ServerHealth
	// Incident, when set, is told of every incident (to log it).
	Incident func(Incident)
}

// App is the root model: it routes keys to the active screen and owns the
// global keys, the help overlay, the status line and the idle timeout.
type App struct {
	env     *env
	keys    GlobalKeys
	slots   [maxSlot + 1]*screenDef
	order   []int
	screens map[int]Screen
	active  int
	// back holds the slots of the screens that opened the active one (openOn),
	// the latest last: esc with nothing else to close returns to it.
	back     []int
	width    int
	height   int
	showHelp bool
	status   statusMsg
	banner   string
	// inbox is the messages to the account not yet read, shown above the screen.
	inbox inbox
	// archive, on an ended year's archive, says so in the status line
	// whenever it has nothing else to say.
	archive string
	// health, for the roles that look after the server, gives the status
	// line its note when it has nothing else to say.
	health func() ServerHealth
	// mine is « Mes clés », open over the screen (K), nil when closed.
	mine *myKeys
	// incident is the panic that ended the session; onIncident logs each.
	incident   *Incident
	onIncident func(Incident)
	idle       idleClock
	quitting   bool
	quitAt     time.Time
	header     string
	feed       <-chan model.Change
	// interest is what the feed hands this session; wants holds each open
	// screen's part of it, by slot.
	interest model.InterestBox
	wants    [maxSlot + 1]model.Interest
}

// New builds the interface for the service's account. It fails when the
// account does not exist or may open no screen.
func New(cfg Config) (*App, error) {
	if cfg.Ctx == nil {
		cfg.Ctx = context.Background()
	}
	svc := service{cfg.Service}
	acc, err := svc.Account()
	if err != nil {
		return nil, err
	}
	a := &App{
		env: &env{
			ctx: cfg.Ctx, svc: svc, styles: StylesFor(cfg.Renderer),
			nav: DefaultNavKeys(), login: acc.Login, imports: cfg.Imports, yearEnd: cfg.YearEnd,
		},
		keys:    DefaultGlobalKeys(),
		screens: map[int]Screen{},
		width:   cfg.Width,
		height:  cfg.Height,
		idle:    newIdleClock(cfg.Ctx, cfg.Idle, cfg.Wall),
		header:  fmt.Sprintf("%s (%s)", acc.Name, roleLabels(acc)),
	}
	a.onIncident = cfg.Incident
	if acc.Has(model.RoleAdmin) || acc.Has(model.RoleCPE) {
		a.health = cfg.Health
	}
	if year, ok := cfg.Service.ArchivedYear(); ok {
		a.archive = "Archive de l'année " + year + " : lecture seule, rien ne s'y modifie."
	}
	a.slots, a.order = layoutScreens(model.PolicyFor(acc), acc)
	if len(a.order) == 0 {
		return nil, model.Forbidden("aucun écran n'est ouvert au compte %s", acc.Login)
	}
	a.active = a.order[0]
	return a, nil
}

func roleLabels(acc model.Account) string {
	parts := make([]string, len(acc.Roles))
	for i, r := range acc.Roles {
		parts[i] = r.Label()
	}
	return strings.Join(parts, ", ")
}

// Init opens the landing screen, subscribes to the change feed and starts the
// idle timer.
func (a *App) Init() tea.Cmd {
	cmd := a.open(a.active)
	a.syncInterest()
	a.feed = a.env.svc.WatchInterest(a.env.ctx, &a.interest)
	return guard(tea.Batch(cmd, waitFeed(a.feed), a.idle.schedule(), loadMessages(a.env.svc)))
}

func (a *App) open(slot int) tea.Cmd {
	a.active = slot
	if _, ok := a.screens[slot]; ok {
		return nil
	}
	s := a.slots[slot].build(a.env)
	s, _ = s.Update(tea.WindowSizeMsg{Width: a.width, Height: a.height})
	a.screens[slot] = s
	return s.Init()
}

func waitFeed(ch <-chan model.Change) tea.Cmd {
	return func() tea.Msg {
		c, ok := <-ch
		if !ok {
			return nil
		}
		return changeMsg(c)
	}
}

// Update routes a message, then narrows the change feed to what the open
// screens show now.
// Update handles a message; a panic in a screen or in a command's work
// ends this session only (crash), never the server.
func (a *App) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	if a.incident != nil {
		return a, nil
	}
	defer func() {
		if r := recover(); r != nil {
			next, cmd = a, a.crash(r, debug.Stack())
		}
	}()
	if in, ok := msg.(incidentMsg); ok {
		return a, a.crash(in.cause, in.stack)
	}
	next, cmd = a.update(msg)
	return next, guard(cmd)
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.route(msg)
	a.syncInterest()
	return a, cmd
}

func (a *App) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = max(msg.Width, 0), max(msg.Height, 0)
		return a.broadcast(msg)
	case tea.KeyMsg:
		a.idle.touch()
		return a.handleKeys(msg)
	case idleMsg:
		return a.handleIdle(msg)
	case messagesMsg:
		a.inbox.add(msg.msgs...)
		return errCmd(msg.err)
	case messagesReadMsg:
		return errCmd(msg.err)
	case myKeysMsg:
		if a.mine != nil {
			a.mine.onLoaded(msg)
		}
		return nil
	case changeMsg:
		a.notice(model.Change(msg))
		return tea.Batch(a.broadcast(msg), waitFeed(a.feed))
	case statusMsg:
		if msg.cause != nil && model.IsFault(msg.cause) {
			msg.text = a.fault(msg.cause)
		}
		a.status = msg
		return nil
	case openSeanceMsg:
		return a.openSeance(msg)
	case openPupilMsg:
		return a.openOn(screenPupils, msg, "la fiche élève")
	case openPupilGridMsg:
		return a.openOn(screenPlanning, msg, "le planning")
	case backMsg:
		return a.goBack()
	case quitCheckMsg:
		return a.tryQuit()
	case serverStoppingMsg:
		a.banner = "Le serveur s'arrête : vos saisies enregistrées sont conservées."
		return a.tryQuit()
	}
	return a.broadcast(msg)
}

// syncInterest gives the store the union of the open screens' interests and
// the notifications to the session's account, when a screen's part changed.
func (a *App) syncInterest() {
	changed := a.interest.Unset()
	for slot, s := range a.screens {
		if in := interestOf(s); !in.Equal(a.wants[slot]) {
			a.wants[slot], changed = in, true
		}
	}
	if !changed {
		return
	}
	all := model.NotificationsInterest(a.env.login)
	for slot := range a.screens {
		all = all.Union(a.wants[slot])
	}
	a.interest.Set(all)
}

func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for slot, s := range a.screens {
		next, cmd := s.Update(msg)
		a.screens[slot] = next
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// notice takes the messages to the account that a change carries into the inbox.
func (a *App) notice(c model.Change) {
	for _, n := range c.Notifications {
		if n.To == a.env.login {
			a.inbox.add(n)
		}
	}
}

func (a *App) openSeance(msg openSeanceMsg) tea.Cmd {
	return a.openOn(screenRollCall, msg, "l'appel")
}

// openOn makes the screen id active and hands it msg (what to show); esc
// on it returns to the screen active before (goBack).
func (a *App) openOn(id screenID, msg tea.Msg, what string) tea.Cmd {
	for _, slot := range a.order {
		if a.slots[slot].id == id {
			if slot != a.active {
				a.back = append(a.back[max(len(a.back)+1-maxBack, 0):], a.active)
			}
			cmd := a.open(slot)
			next, cmd2 := a.screens[slot].Update(msg)
			a.screens[slot] = next
			return tea.Batch(cmd, cmd2)
		}
	}
	return errorCmd(model.Forbidden("%s n'est pas accessible à votre rôle", what))
}

// maxBack is how many screens esc can go back through.
const maxBack = 8

// goBack returns to the screen that opened the active one, if any.
func (a *App) goBack() tea.Cmd {
	if len(a.back) == 0 {
		return nil
	}
	slot := a.back[len(a.back)-1]
	a.back = a.back[:len(a.back)-1]
	return a.open(slot)
}

// switchTo opens a screen the user chose (a digit, tab): esc no longer
// returns to where the screens opened one another.
func (a *App) switchTo(slot int) tea.Cmd {
	a.back = nil
	return a.open(slot)
}

func (a *App) current() Screen { return a.screens[a.active] }

// handleKeys splits runes typed faster than the terminal is read (Bubble Tea
// delivers "ajr" as one message) into one key each; a paste stays whole.
func (a *App) handleKeys(msg tea.KeyMsg) tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste {
		return a.handleKey(msg)
	}
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	for _, r := range msg.Runes {
		cmds = append(cmds, a.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}

func (a *App) handleKey(msg tea.KeyMsg) tea.Cmd {
	if a.quitting {
		return nil
	}
	a.banner = ""
	if a.showHelp {
		a.showHelp = false
		return nil
	}
	if msg.String() == "ctrl+c" {
		return a.tryQuit()
	}
	if a.mine != nil {
		cmd, closed := a.myKeysKey(msg)
		if closed {
			a.mine = nil
		}
		return cmd
	}
	if len(a.inbox.msgs) > 0 && (msg.Type == tea.KeyEnter || msg.Type == tea.KeyEsc) {
		return a.inbox.read(a.env.svc)
	}
	cur := a.current()
	if cur == nil || cur.Capturing() && !a.digitOverNames(msg, cur) {
		return a.forward(msg)
	}
	if cmd, done := a.globalKey(msg, cur); done {
		return cmd
	}
	return a.forward(msg)
}

func (a *App) globalKey(msg tea.KeyMsg, cur Screen) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.keys.Quit):
		return a.tryQuit(), true
	case key.Matches(msg, a.keys.Help):
		a.showHelp = true
		return nil, true
	case key.Matches(msg, a.keys.MyKeys):
		return a.openMyKeys(), true
	case key.Matches(msg, a.keys.Screen) && !consumesDigits(cur):
		slot := slotOf(msg.Runes[0])
		if a.slots[slot] == nil {
			return statusCmd("écran %s non disponible pour votre rôle", slotKey(slot)), true
		}
		a.status = statusMsg{}
		return a.switchTo(slot), true
	}
	return nil, false
}

// digitOverNames reports whether msg is a screen's digit typed into a field
// that takes names only: it switches screens all the same.
func (a *App) digitOverNames(msg tea.KeyMsg, s Screen) bool {
	n, ok := s.(nameTyper)
	return ok && n.TypesNamesOnly() && key.Matches(msg, a.keys.Screen)
}

func consumesDigits(s Screen) bool {
	d, ok := s.(digitConsumer)
	return ok && d.ConsumesDigits()
}

func (a *App) forward(msg tea.KeyMsg) tea.Cmd {
	cur := a.current()
	if cur == nil {
		return nil
	}
	if key.Matches(msg, a.keys.Tab) && !cur.Capturing() && !hasPanes(cur) {
		return a.nextScreen()
	}
	next, cmd := cur.Update(msg)
	a.screens[a.active] = next
	return cmd
}

func hasPanes(s Screen) bool {
	p, ok := s.(paneSwitcher)
	return ok && p.HasPanes()
}

// nextScreen is tab's fallback when the active screen has no pane to switch.
func (a *App) nextScreen() tea.Cmd {
	for i, slot := range a.order {
		if slot == a.active {
			return a.switchTo(a.order[(i+1)%len(a.order)])
		}
	}
	return nil
}

type quitCheckMsg struct{}

// tryQuit quits once no write is pending (waiting at most 5 s), so that a mark
// typed just before q is committed before the program ends.
func (a *App) tryQuit() tea.Cmd {
	if !a.quitting {
		a.quitting, a.quitAt = true, a.idle.now()
	}
	pending := 0
	for _, s := range a.screens {
		pending += s.Pending()
	}
	if pending == 0 || a.idle.now().Sub(a.quitAt) > 5*time.Second {
		return tea.Quit
	}
	return sleep(a.env.ctx, 50*time.Millisecond, quitCheckMsg{})
}

func statusCmd(format string, args ...any) tea.Cmd {
	text := fmt.Sprintf(format, args...)
	return func() tea.Msg { return statusMsg{text: text} }
}

// ErrIdle is reported when a session ends for inactivity.
var ErrIdle = errors.New("session fermée après inactivité")

// Err returns why the interface ended, when it was not the user's choice
// (ErrIdle), or nil.
func (a *App) Err() error { return a.idle.err }

// serverStoppingMsg tells a session that the server stops.
type serverStoppingMsg struct{}

// ServerStopping is the message a server sends to every open session before it
// stops: the session says so, commits its pending marks and quits.
func ServerStopping() tea.Msg { return serverStoppingMsg{} }
