package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// sshFixture is an in-process server on a real store, with a key per account.
type sshFixture struct {
	t    *testing.T
	db   *storage.DB
	srv  *server
	addr string
	keys map[string]gossh.Signer
	log  *syncBuffer
}

// syncBuffer is a log that the server writes while a test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newSSHFixture(t *testing.T, idle time.Duration) *sshFixture {
	t.Helper()
	db := storagetest.NewWith(t, modeltest.School(10))
	f := &sshFixture{t: t, db: db, keys: map[string]gossh.Signer{}, log: &syncBuffer{}}
	admin := model.NewSystemService(db, model.Actor{Login: "test"}, time.Now)
	for _, login := range []string{"prof", "prof2", "cpe", "admin"} {
		signer, line := newKey(t)
		if _, err := admin.AddKey(login, line); err != nil {
			t.Fatal(err)
		}
		f.keys[login] = signer
	}
	logger := slog.New(slog.NewTextHandler(f.log, nil))
	srv, err := newServer(serverConfig{DB: db, HostKey: filepath.Join(t.TempDir(), "host"), Idle: idle,
		Now: modeltest.Clock(modeltest.At(modeltest.Monday, 8, 5)), Log: logger, Command: remoteCommand(db, logger)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.serve(ln) }()
	f.srv, f.addr = srv, ln.Addr().String()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.stop(ctx)
	})
	return f
}

func newKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer, string(gossh.MarshalAuthorizedKey(signer.PublicKey()))
}

func (f *sshFixture) dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", f.addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
	})
}

func (f *sshFixture) client(user, keyOf string) *gossh.Client {
	f.t.Helper()
	c, err := f.dial(user, gossh.PublicKeys(f.keys[keyOf]))
	if err != nil {
		f.t.Fatalf("dial %s: %v", user, err)
	}
	return c
}

// sshScreen is an interactive session with a PTY and everything it printed.
type sshScreen struct {
	t     *testing.T
	sess  *gossh.Session
	in    io.WriteCloser
	mu    sync.Mutex
	out   bytes.Buffer
	ended chan error
}

func (f *sshFixture) shell(c *gossh.Client) *sshScreen {
	f.t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		f.t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 30, 100, gossh.TerminalModes{}); err != nil {
		f.t.Fatal(err)
	}
	s := &sshScreen{t: f.t, sess: sess, ended: make(chan error, 1)}
	s.in, _ = sess.StdinPipe()
	sess.Stdout = s
	if err := sess.Shell(); err != nil {
		f.t.Fatal(err)
	}
	go func() { s.ended <- sess.Wait() }()
	return s
}

func (s *sshScreen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Write(p)
}

// text is what the session printed, without escape sequences.
func (s *sshScreen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.Strip(s.out.String())
}

// waitFor waits until the output since the start contains every text.
func (s *sshScreen) waitFor(texts ...string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !containsAll(s.text(), texts) {
		if time.Now().After(deadline) {
			s.t.Fatalf("the session never printed %q; it printed:\n%q", texts, s.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *sshScreen) send(keys string) {
	s.t.Helper()
	if _, err := s.in.Write([]byte(keys)); err != nil {
		s.t.Fatal(err)
	}
}

func (s *sshScreen) waitEnd() {
	s.t.Helper()
	select {
	case <-s.ended:
	case <-time.After(10 * time.Second):
		s.t.Fatalf("the session did not end; it printed:\n%q", s.text())
	}
}

func TestSSHRefusesUnknownKeysAndPasswords(t *testing.T) {
	f := newSSHFixture(t, 0)
	stranger, _ := newKey(t)
	if _, err := f.dial("prof", gossh.PublicKeys(stranger)); err == nil {
		t.Errorf("an unknown key was accepted")
	}
	if _, err := f.dial("prof", gossh.Password("prof")); err == nil {
		t.Errorf("a password was accepted")
	}
	if _, err := f.dial("prof", gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
		return []string{"prof"}, nil
	})); err == nil {
		t.Errorf("keyboard-interactive was accepted")
	}
}

// TestSSHRefusesAnotherAccountsName: prof's key offered for admin is refused
// at authentication, like an unknown key, and both are logged as refusals.
func TestSSHRefusesAnotherAccountsName(t *testing.T) {
	f := newSSHFixture(t, 0)
	if c, err := f.dial("admin", gossh.PublicKeys(f.keys["prof"])); err == nil {
		c.Close()
		t.Fatal("prof's key opened admin")
	}
	stranger, _ := newKey(t)
	if _, err := f.dial("cpe", gossh.PublicKeys(stranger)); err == nil {
		t.Fatal("an unknown key was accepted")
	}
	log := f.log.String()
	for _, want := range []string{
		"level=WARN msg=refus motif=autre_compte compte_demandé=admin compte_de_la_clé=prof empreinte=SHA256:",
		"level=WARN msg=refus motif=clé_inconnue compte_demandé=cpe empreinte=SHA256:",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "connexion") {
		t.Errorf("a refused key is logged as a connection:\n%s", log)
	}
}

func TestSSHOpensTheRoleLandingScreen(t *testing.T) {
	f := newSSHFixture(t, 0)
	for login, want := range map[string]string{"prof": "appel non fait", "admin": "Identifiant"} {
		c := f.client(login, login)
		s := f.shell(c)
		s.waitFor(want)
		s.send("q")
		s.waitEnd()
		c.Close()
	}
}

func TestSSHCommandsFollowTheRole(t *testing.T) {
	f := newSSHFixture(t, 0)
	run := func(login, cmd string) (string, error) {
		c := f.client(login, login)
		defer c.Close()
		sess, _ := c.NewSession()
		out, err := sess.CombinedOutput(cmd)
		return string(out), err
	}
	if out, err := run("admin", "user list"); err != nil || !strings.Contains(out, "prof\tenseignant\tM. Martin") {
		t.Errorf("admin's user list: %v %q", err, out)
	}
	if out, err := run("prof", "user list"); err == nil || !strings.Contains(out, "votre rôle ne le permet pas") {
		t.Errorf("prof listed accounts: %v %q", err, out)
	}
	if out, err := run("admin", "serve"); err == nil || !strings.Contains(out, "seules ces commandes") {
		t.Errorf("serve over SSH: %v %q", err, out)
	}
	if out, err := run("admin", "backup -"); err != nil || len(out) < 4096 {
		t.Errorf("backup to stdout: %v, %d bytes", err, len(out))
	}
}

// TestSSHLiveUpdates: a session opened before another one marks sees the marks
// appear by itself.
func TestSSHLiveUpdates(t *testing.T) {
	f := newSSHFixture(t, 0)
	cb := f.client("prof", "prof")
	defer cb.Close()
	watcher := f.shell(cb)
	watcher.waitFor("appel non fait")
	ca := f.client("prof", "prof")
	defer ca.Close()
	marker := f.shell(ca)
	marker.waitFor("appel non fait")
	marker.send("aa")
	marker.waitFor("2 absents")
	watcher.waitFor("2 absents")
	marker.send("q")
	marker.waitEnd()
}

// TestSSHSessionsLeaveNoGoroutine: 50 sessions opened and closed (by q, and by
// cutting the connection) leave the server with the goroutines it had.
func TestSSHSessionsLeaveNoGoroutine(t *testing.T) {
	f := newSSHFixture(t, 0)
	warm := f.client("prof", "prof")
	w := f.shell(warm)
	w.waitFor("appel non fait")
	w.send("q")
	w.waitEnd()
	warm.Close()
	time.Sleep(200 * time.Millisecond)
	baseline := runtime.NumGoroutine()
	for i := 0; i < 50; i++ {
		c := f.client("prof", "prof")
		s := f.shell(c)
		s.waitFor("appel non fait")
		if i%2 == 0 {
			s.send("q")
			s.waitEnd()
		}
		c.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > baseline+2 {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("goroutines: %d after, %d before\n%s", runtime.NumGoroutine(), baseline, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := f.srv.open(); n != 0 {
		t.Errorf("%d sessions still registered", n)
	}
}

func TestSSHCtrlZDoesNotSuspend(t *testing.T) {
	f := newSSHFixture(t, 0)
	c := f.client("prof", "prof")
	defer c.Close()
	s := f.shell(c)
	s.waitFor("appel non fait")
	s.send("\x1a")
	s.send("a")
	s.waitFor("1 absent")
	other := f.client("prof", "prof")
	defer other.Close()
	o := f.shell(other)
	o.waitFor("1 absent")
}

func TestSSHIdleSessionEnds(t *testing.T) {
	f := newSSHFixture(t, 2*time.Second)
	c := f.client("prof", "prof")
	defer c.Close()
	s := f.shell(c)
	s.waitFor("appel non fait")
	s.waitFor("elle sera fermée")
	s.waitEnd()
}

// TestSSHStopTellsSessionsAndKeepsMarks: a stop tells the open sessions, and
// every mark they saw saved is in the store.
func TestSSHStopTellsSessionsAndKeepsMarks(t *testing.T) {
	f := newSSHFixture(t, 0)
	c := f.client("prof", "prof")
	defer c.Close()
	s := f.shell(c)
	s.waitFor("appel non fait")
	s.send("a")
	s.waitFor("1 absent")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := f.srv.stop(ctx); err != nil {
		t.Fatalf("stop: %v", err)
	}
	s.waitEnd()
	if !strings.Contains(s.text(), "Le serveur s'arr") && !strings.Contains(s.text(), "Enregistrement en cours") {
		t.Logf("the session ended before it could draw the notice")
	}
	var n int
	_ = f.db.View(func(tx model.ReadTx) error {
		ms, err := tx.MarksOfSeance(modeltest.MathsSeance(modeltest.Monday))
		n = len(ms)
		return err
	})
	if n != 1 {
		t.Errorf("%d marks stored, the session saw 1 saved", n)
	}
}

func TestHostKeyCreatedOnceAndPrivate(t *testing.T) {
	db := storagetest.New(t)
	path := filepath.Join(t.TempDir(), "host_ed25519")
	cfg := serverConfig{DB: db, HostKey: path, Now: time.Now, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var first []byte
	for i := 0; i < 2; i++ {
		if _, err := newServer(cfg); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("host key mode %v, want 0600", info.Mode().Perm())
		}
		data, _ := os.ReadFile(path)
		if i == 0 {
			first = data
		} else if !bytes.Equal(first, data) {
			t.Errorf("the host key changed on the second start")
		}
	}
}
