package main

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// waitPrompts waits until the terminal shows n code prompts: the previous
// prompt stays on screen, so waiting for the text alone would type too early.
func waitPrompts(term *terminal, n int) {
	term.t.Helper()
	term.waitUntil(func(s string) bool { return strings.Count(s, "Code d'activation :") >= n }, fmt.Sprintf("code prompt %d", n))
}

// TestEnrolFiveWrongCodesVoid is issue 22's acceptance check with the real
// OpenSSH client: five wrong codes, over two connections as a teacher would
// type them (OpenSSH asks three times per connection), void the invitation;
// the right code then gets no prompt at all and the key stays refused; no
// code, right or wrong, is in the server's log or the audit.
func TestEnrolFiveWrongCodesVoid(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	fields := strings.Fields(appelCmd(t, "user", "invite", "prof", "--db", db, "--now", "2026-11-23T08:00"))
	if len(fields) < 2 || len(fields[1]) != 9 {
		t.Fatalf("invite printed %q", fields)
	}
	code := fields[1]
	key := sshKey(t, "prof")
	// No penalty: the third connection must reach the code prompt's check.
	srv := startServe(t, db, "--now", "2026-11-23T08:05", "--penalty-max", "0")
	login := strings.Replace(sshArgs(srv.port, key), "-o LogLevel=ERROR ", "", 1) + " prof@127.0.0.1"
	wrong := []string{"AAAA-BBBB", "CCCC-DDDD", "EEEE-FFFF", "GGGG-HHHH", "JJJJ-KKKK"}
	first := newTerminal(t, 100, 30, nil, login)
	for i, w := range wrong[:3] {
		waitPrompts(first, i+1)
		first.send(w, "Enter")
	}
	first.waitExit()
	if !strings.Contains(first.screen(), "Permission denied") {
		t.Errorf("three wrong codes did not end in a refusal:\n%s", first.screen())
	}
	second := newTerminal(t, 100, 30, nil, login)
	for i, w := range wrong[3:] {
		waitPrompts(second, i+1)
		second.send(w, "Enter")
	}
	// OpenSSH escapes the accents when the locale is not UTF-8 (tmux here).
	second.waitFor("5e fois : l'invitation est annul", "Permission denied")
	second.waitExit()
	args := append(strings.Fields(sshArgs(srv.port, key)), "-o", "BatchMode=yes", "prof@127.0.0.1", "help")
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err == nil || strings.Contains(string(out), "Code d'activation") {
		t.Errorf("after five wrong codes the key got in or was asked a code again: %v\n%s", err, out)
	}
	third := newTerminal(t, 100, 30, nil, login)
	third.waitExit()
	if !strings.Contains(third.screen(), "Permission denied (publickey") || strings.Contains(third.screen(), "Code d'activation") {
		t.Errorf("a voided invitation still opens or asks for the code:\n%s", third.screen())
	}
	srv.stop()
	audit := appelCmd(t, "audit", "--db", db)
	for _, c := range append(wrong, code) {
		if strings.Contains(srv.log.String(), c) || strings.Contains(audit, c) {
			t.Errorf("the code %s appears in the log or the audit", c)
		}
	}
	if n := strings.Count(srv.log.String(), "motif=code_d_activation"); n != 5 {
		t.Errorf("%d refusals motif=code_d_activation logged, want 5:\n%s", n, srv.log)
	}
}
