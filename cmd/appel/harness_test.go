package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// appelBin is the program built once for the end-to-end tests (with the race
// detector when the tests run with it).
var appelBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "appel-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	appelBin = filepath.Join(dir, "appel")
	args := []string{"build", "-o", appelBin}
	if raceEnabled {
		args = append(args, "-race")
	}
	if out, err := exec.Command("go", append(args, ".")...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	if demoTemplate.path != "" {
		os.RemoveAll(filepath.Dir(demoTemplate.path))
	}
	os.Exit(code)
}

// appelCmd runs the built program and returns its stdout; a non-zero exit fails the test.
func appelCmd(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := appelRun(t, "", args...)
	if code != 0 {
		t.Fatalf("appel %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// appelRun runs the built program with stdin and returns stdout, stderr and the exit code.
func appelRun(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(appelBin, args...)
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+t.TempDir())
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("appel %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

// terminal is a real terminal: a tmux session on a private server.
type terminal struct {
	t      *testing.T
	socket string
}

// newTerminal starts command in a width×height tmux pane; it skips the test
// when tmux is missing.
func newTerminal(t *testing.T, width, height int, env []string, command string) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux absent : test de bout en bout ignoré (installez tmux ; .ci/run le fait)")
	}
	term := &terminal{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock")}
	args := []string{"new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height)}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	term.tmux(append(args, command)...)
	term.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", term.socket, "kill-server").Run() })
	return term
}

func (term *terminal) tmux(args ...string) string {
	term.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", term.socket}, args...)...).CombinedOutput()
	if err != nil {
		term.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// send types keys (tmux key names: "a", "Enter", "Tab", "Escape").
func (term *terminal) send(keys ...string) {
	term.t.Helper()
	for _, k := range keys {
		term.tmux("send-keys", "-t", "e2e", k)
	}
}

func (term *terminal) screen() string { return term.tmux("capture-pane", "-p", "-t", "e2e") }

// waitFor waits until the screen shows every text, and returns it.
func (term *terminal) waitFor(texts ...string) string {
	term.t.Helper()
	return term.waitUntil(func(s string) bool { return containsAll(s, texts) }, fmt.Sprintf("%q", texts))
}

// waitLine waits until the screen's line that holds row also holds texts
// (a text found elsewhere, in a legend, does not count), and returns the
// screen.
func (term *terminal) waitLine(row string, texts ...string) string {
	term.t.Helper()
	return term.waitUntil(func(s string) bool { return containsAll(lineOf(s, row), texts) },
		fmt.Sprintf("%q on the line of %q", texts, row))
}

func (term *terminal) waitUntil(ok func(screen string) bool, what string) string {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := term.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("the screen never showed %s:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitExit waits until the pane's program ended and returns its exit status.
func (term *terminal) waitExit() int {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		out := strings.TrimSpace(term.tmux("display-message", "-p", "-t", "e2e", "#{pane_dead} #{pane_dead_status}"))
		var dead, status int
		fmt.Sscan(out, &dead, &status)
		if dead == 1 {
			return status
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("the program did not end:\n%s", term.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// pid returns the process id of the pane's program.
func (term *terminal) pid() int {
	var pid int
	fmt.Sscan(strings.TrimSpace(term.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}")), &pid)
	return pid
}

func containsAll(s string, texts []string) bool {
	for _, x := range texts {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
