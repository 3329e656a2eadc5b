package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	bm "github.com/charmbracelet/wish/bubbletea"
	wishrecover "github.com/charmbracelet/wish/recover"
	gossh "golang.org/x/crypto/ssh"

	"appel/model"
	"appel/model/imports"
	"appel/storage"
	"appel/tui"
)

// serverConfig is what the SSH server needs.
type serverConfig struct {
	DB      *storage.DB
	HostKey string
	Idle    time.Duration
	// FPS caps the frames per second of each session (Bubble Tea's default: 60).
	FPS int
	Now func() time.Time
	Log *slog.Logger
	// Imports is the imports folder the import screen offers (nil: none).
	Imports *imports.Folder
	// Command runs an administration command line for a session (ssh host user list).
	Command func(sess ssh.Session, svc *model.Service, args []string) int
	// Archive is the year of the archive served (appel --year … serve), ""
	// for the current year: an archive opens only to the accounts that may
	// read statistics (vie scolaire, direction, administrators).
	Archive string
	// YearEnd lets an administrator end the school year from the interface.
	YearEnd *tui.YearEnd
	// Health tells the administrators and the CPEs about the backups and
	// the disk (nil: not known).
	Health func() tui.ServerHealth
	// Guard keeps the door: grace time, unauthenticated cap, penalties
	// (nil: none).
	Guard *doorGuard
}

// server serves the interface over SSH: public keys only, one Bubble Tea
// program per session, sessions tracked so that a stop can tell them.
type server struct {
	cfg serverConfig
	// past holds the archives opened for sessions of ended years.
	past     *pastYears
	ssh      *ssh.Server
	sessions sync.Map // *tea.Program → struct{}
	active   atomic.Int64
}

type ctxKey string

const loginKey ctxKey = "appel-login"

func newServer(cfg serverConfig) (*server, error) {
	s := &server{cfg: cfg, past: &pastYears{dbPath: cfg.DB.Path()}}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(cfg.HostKey),
		wish.WithPublicKeyAuth(s.knownKey),
		wish.WithKeyboardInteractiveAuth(s.enrol),
		// Middlewares run last to first: recover wraps everything; the
		// connection log, then the identity check, then commands (no PTY
		// needed), then the PTY check, then what a crashed interface tells
		// its user, then the interface.
		wish.WithMiddleware(
			wishrecover.MiddlewareWithLogger(slogPrintf{cfg.Log},
				bm.MiddlewareWithProgramHandler(s.program, 0),
				s.afterCrash,
				activeterm.Middleware(),
				s.commands,
				s.identity,
				s.logConnection,
			),
		),
	)
	if err != nil {
		return nil, fmt.Errorf("serveur SSH : %v", err)
	}
	srv.ConnCallback = func(ctx ssh.Context, conn net.Conn) net.Conn {
		conn = keepAlive(ctx, conn)
		if cfg.Guard == nil {
			return conn
		}
		return cfg.Guard.admit(ctx, conn)
	}
	s.ssh = srv
	return s, nil
}

// keepAlive turns on TCP keep-alives so that half-open connections (a laptop
// closed, a network cut) are dropped within a minute, with no timer per session.
func keepAlive(_ ssh.Context, conn net.Conn) net.Conn {
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetKeepAliveConfig(net.KeepAliveConfig{Enable: true, Idle: 15 * time.Second, Interval: 15 * time.Second, Count: 3})
	}
	return conn
}

// knownKey accepts a key that belongs to an enabled account, and only for
// that account's name: a key offered for another account is refused the same
// way as an unknown key, so the client learns nothing (OpenSSH prints
// « Permission denied (publickey) »). Each refusal is logged (refusal).
// The session's account is derived again from the key that authenticated it
// (identity), since this callback may see keys the client then does not use.
func (s *server) knownKey(ctx ssh.Context, key ssh.PublicKey) bool {
	login, known := s.owner(key)
	user, year := splitUser(ctx.User())
	if known && login == user && (year == "" || s.cfg.Archive == "" && s.mayReadPast(login, year)) {
		if s.cfg.Guard != nil {
			s.cfg.Guard.authenticated(ctx)
		}
		return true
	}
	fingerprint := ""
	if key != nil {
		fingerprint = gossh.FingerprintSHA256(key)
	}
	if !known && s.invited(ctx) {
		// Kept for enrol: the code the user types next binds this key.
		ctx.SetValue(offeredKey{}, key)
	}
	if known {
		s.refusal("autre_compte", "compte_demandé", ctx.User(), "compte_de_la_clé", login, "empreinte", fingerprint,
			"depuis", ctx.RemoteAddr().String())
	} else {
		s.refusal("clé_inconnue", "compte_demandé", ctx.User(), "empreinte", fingerprint, "depuis", ctx.RemoteAddr().String())
	}
	return false
}

// refusal logs one refusal, in the format README.md documents:
// level=WARN msg=refus motif=MOTIF then the motif's fields.
func (s *server) refusal(motif string, fields ...any) {
	s.cfg.Log.Warn("refus", append([]any{"motif", motif}, fields...)...)
}

func (s *server) owner(key ssh.PublicKey) (string, bool) {
	if key == nil {
		return "", false
	}
	dir, err := s.cfg.DB.Directory()
	if err != nil {
		return "", false
	}
	login, ok := dir.KeyOwner(gossh.FingerprintSHA256(key))
	if !ok {
		return "", false
	}
	acc, _ := dir.Account(login)
	if s.cfg.Archive != "" && !model.PolicyFor(acc).Allows(model.PermStats) {
		return "", false
	}
	return login, !acc.Disabled
}

// identity refuses a session whose user name is not the account of the key
// that authenticated it, and records the account in the session's context.
func (s *server) identity(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		login, ok := s.owner(sess.PublicKey())
		user, year := splitUser(sess.User())
		if !ok || login != user || year != "" && (s.cfg.Archive != "" || !s.mayReadPast(login, year)) {
			wish.Fatalln(sess, fmt.Sprintf("appel : cette clé n'ouvre pas le compte %q.", sess.User()))
			return
		}
		sess.Context().SetValue(loginKey, login)
		sess.Context().SetValue(yearKey, year)
		next(sess)
	}
}

func (s *server) service(sess ssh.Session) *model.Service {
	login, _ := sess.Context().Value(loginKey).(string)
	actor := model.Actor{Login: login, Session: shortID(sess.Context().SessionID()), Addr: sess.RemoteAddr().String()}
	if year := yearOf(sess); year != "" {
		if db, err := s.past.get(year); err == nil {
			return model.NewService(db, actor, s.cfg.Now)
		}
	}
	return model.NewService(s.cfg.DB, actor, s.cfg.Now)
}

func shortID(id string) string { return id[:min(len(id), 12)] }

// commands runs "ssh host user list" and the like as the session's account.
func (s *server) commands(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		args := sess.Command()
		if len(args) == 0 {
			next(sess)
			return
		}
		if args[0] == "appel" {
			args = args[1:]
		}
		if year := yearOf(sess); year != "" {
			if db, err := s.past.get(year); err == nil {
				_ = sess.Exit(remoteCommand(db, s.cfg.Log)(sess, s.service(sess), args))
				return
			}
		}
		_ = sess.Exit(s.command(sess, args))
	}
}

// command runs a command line for the session; a panic in it ends that
// command only, with an incident number for the user and the stack in the
// log.
func (s *server) command(sess ssh.Session, args []string) (status int) {
	defer func() {
		if r := recover(); r != nil {
			in := tui.NewIncident(sess.User(), r, debug.Stack())
			s.logIncident(in)
			fmt.Fprintf(sess.Stderr(), "appel : erreur interne (incident %s) : la commande s'est arrêtée ; donnez ce numéro à l'administrateur.\n", in.ID)
			status = 1
		}
	}()
	return s.cfg.Command(sess, s.service(sess), args)
}

// logIncident writes an incident to the log, stack included, under its number.
func (s *server) logIncident(in tui.Incident) {
	s.cfg.Log.Error("incident", "numéro", in.ID, "compte", in.Login, "session_fermée", in.Ended, "cause", in.Cause, "pile", string(in.Stack))
}

// appKey holds a session's interface in its context (afterCrash reads it).
const appKey ctxKey = "appel-app"

// afterCrash tells the user, once the interface has ended, that a panic
// ended it, with the incident's number; the server and the other sessions
// go on.
func (s *server) afterCrash(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		next(sess)
		if app, ok := sess.Context().Value(appKey).(*tui.App); ok {
			if in := app.Incident(); in != nil {
				fmt.Fprintf(sess, "\r\n%s\r\n", tui.IncidentText(*in))
				_ = sess.Exit(1)
			}
		}
	}
}

// program builds the interface of one session: its own renderer (from the
// session's terminal, with no query to it), its own service, the idle limit.
func (s *server) program(sess ssh.Session) *tea.Program {
	pty, _, _ := sess.Pty()
	cfg := tui.Config{
		Ctx: sess.Context(), Service: s.service(sess), Renderer: sessionRenderer(sess),
		Width: pty.Window.Width, Height: pty.Window.Height, Idle: s.cfg.Idle, Imports: s.cfg.Imports, YearEnd: s.cfg.YearEnd,
		Health: s.cfg.Health, Incident: s.logIncident,
	}
	if yearOf(sess) != "" {
		cfg.Imports, cfg.YearEnd = nil, nil
	}
	app, err := tui.New(cfg)
	if err != nil {
		wish.Fatalln(sess, "appel : "+model.UserMessage(err))
		return nil
	}
	sess.Context().SetValue(appKey, app)
	opts := append(bm.MakeOptions(sess), tea.WithAltScreen(), tea.WithFilter(noSuspend))
	if s.cfg.FPS > 0 {
		opts = append(opts, tea.WithFPS(s.cfg.FPS))
	}
	p := tea.NewProgram(app, opts...)
	s.sessions.Store(p, struct{}{})
	context.AfterFunc(sess.Context(), func() { s.sessions.Delete(p) })
	return p
}

// noSuspend drops suspend requests: in Bubble Tea v1 a suspend stops the whole
// process group, that is, the server.
func noSuspend(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.SuspendMsg); ok {
		return nil
	}
	return msg
}

// logConnection logs who connected, from where, for how long (never keys).
func (s *server) logConnection(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		s.active.Add(1)
		defer s.active.Add(-1)
		start := time.Now()
		id := shortID(sess.Context().SessionID())
		s.cfg.Log.Info("connexion", "session", id, "compte", sess.User(), "depuis", sess.RemoteAddr().String(), "commande", sess.RawCommand())
		next(sess)
		s.cfg.Log.Info("déconnexion", "session", id, "compte", sess.User(), "durée", time.Since(start).Round(time.Millisecond).String())
	}
}

// serve accepts connections on ln until stop.
func (s *server) serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if err == ssh.ErrServerClosed {
		return nil
	}
	return err
}

// stop tells every open session that the server stops, lets each quit (its
// pending marks are committed first) and running commands finish until ctx
// ends, then closes the listener and every connection left.
func (s *server) stop(ctx context.Context) error {
	s.sessions.Range(func(k, _ any) bool {
		go k.(*tea.Program).Send(tui.ServerStopping())
		return true
	})
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for s.active.Load() > 0 {
		select {
		case <-ctx.Done():
			_ = s.ssh.Close()
			_ = s.past.close()
			return ctx.Err()
		case <-tick.C:
		}
	}
	return errors.Join(s.ssh.Close(), s.past.close())
}

// open counts the sessions running the interface.
func (s *server) open() int {
	n := 0
	s.sessions.Range(func(_, _ any) bool { n++; return true })
	return n
}

type slogPrintf struct{ log *slog.Logger }

func (l slogPrintf) Printf(format string, v ...any) { l.log.Error(fmt.Sprintf(format, v...)) }
