package main

import (
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sshServer is `appel serve` running as a child process.
type sshServer struct {
	t    *testing.T
	cmd  *exec.Cmd
	port int
	// log is the server's standard error, read by the test while the
	// process writes it.
	log *syncBuffer
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func startServe(t *testing.T, db string, extra ...string) *sshServer {
	t.Helper()
	port := freePort(t)
	s := &sshServer{t: t, port: port, log: &syncBuffer{}}
	args := append([]string{"serve", "--db", db, "--addr", fmt.Sprintf("127.0.0.1:%d", port),
		"--host-key", filepath.Join(t.TempDir(), "host_ed25519")}, extra...)
	s.cmd = exec.Command(appelBin, args...)
	s.cmd.Stderr = s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.cmd.Process.Kill(); _ = s.cmd.Wait() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("appel serve did not listen: %s", s.log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits for a clean exit.
func (s *sshServer) stop() {
	s.t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		s.t.Fatal(err)
	}
	if err := s.cmd.Wait(); err != nil {
		s.t.Fatalf("appel serve exited with %v: %s", err, s.log)
	}
}

// sshKey makes an ed25519 key pair with ssh-keygen and returns the private key's path.
func sshKey(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	return path
}

func sshArgs(port int, key string) string {
	return fmt.Sprintf("ssh -F none -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "+
		"-o IdentitiesOnly=yes -i %s -p %d", key, port)
}

func requireSSH(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s absent : test SSH de bout en bout ignoré (paquet openssh-client ; .ci/run l'installe)", tool)
		}
	}
}

// TestSSHEndToEnd is issue 3's acceptance check with the real OpenSSH client:
// a second session, opened first, sees prof's marks appear by itself; after
// SIGTERM the export shows both marks.
func TestSSHEndToEnd(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	key := sshKey(t, "prof")
	appelCmd(t, "user", "key", "add", "prof", "--key-file", key+".pub", "--db", db)
	before := profMarks(t, db)
	srv := startServe(t, db, "--now", "2026-11-23T08:05")
	login := sshArgs(srv.port, key) + " -tt prof@127.0.0.1"
	watcher := newTerminal(t, 100, 30, nil, login)
	watcher.waitFor("08:00–08:55", "appel non fait")
	marker := newTerminal(t, 100, 30, nil, login)
	marker.waitFor("08:00–08:55", "appel non fait")
	marker.send("a", "j", "r", "Enter")
	marker.waitFor("✓ appel fait")
	watcher.waitFor("1 absent ·", "1 retard ·", "✓ appel fait")
	marker.send("q")
	if status := marker.waitExit(); status != 0 {
		t.Errorf("ssh exit status %d after q", status)
	}
	srv.stop()
	watcher.waitExit()
	after := profMarks(t, db)
	if after["absent"] != before["absent"]+1 || after["retard"] != before["retard"]+1 {
		t.Errorf("marks before %v, after %v", before, after)
	}
	for _, want := range []string{"connexion", "compte=prof", "déconnexion", "durée="} {
		if !strings.Contains(srv.log.String(), want) {
			t.Errorf("the server log lacks %q:\n%s", want, srv.log)
		}
	}
}

// TestSSHRefusals: an unknown key and a password attempt end with exit status
// 255 and no screen.
func TestSSHRefusals(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	known := sshKey(t, "prof")
	appelCmd(t, "user", "key", "add", "prof", "--key-file", known+".pub", "--db", db)
	srv := startServe(t, db)
	stranger := sshKey(t, "stranger")
	attempts := map[string]string{
		"unknown key": sshArgs(srv.port, stranger) + " -o BatchMode=yes -tt prof@127.0.0.1",
		"password": sshArgs(srv.port, known) + " -o BatchMode=yes -o PubkeyAuthentication=no " +
			"-o PreferredAuthentications=password,keyboard-interactive -tt prof@127.0.0.1",
	}
	for name, command := range attempts {
		cmd := exec.Command("sh", "-c", command)
		cmd.Stdin = strings.NewReader("")
		out, err := cmd.CombinedOutput()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 255 {
			t.Errorf("%s: %v, want exit status 255", name, err)
		}
		if strings.Contains(string(out), "Appel") || !strings.Contains(string(out), "Permission denied") {
			t.Errorf("%s printed: %q", name, out)
		}
	}
}
