package main

import (
	"fmt"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestMaxStartupsReadsOpenSSHSyntax(t *testing.T) {
	for _, tc := range []struct {
		in                string
		start, rate, full int
		bad               bool
	}{
		{"10:30:100", 10, 30, 100, false},
		{"20", 20, 100, 20, false},
		{"0", 0, 100, 0, false},
		{"100:30:10", 0, 0, 0, true},
		{"10:130:100", 0, 0, 0, true},
		{"10:30", 0, 0, 0, true},
		{"dix", 0, 0, 0, true},
	} {
		start, rate, full, err := maxStartups(tc.in)
		if (err != nil) != tc.bad || !tc.bad && (start != tc.start || rate != tc.rate || full != tc.full) {
			t.Errorf("maxStartups(%q) = %d:%d:%d, %v", tc.in, start, rate, full, err)
		}
	}
}

// TestGuardCapAndPenalties: past start the cap refuses with the growing
// chance OpenSSH gives; at full it refuses all; a source that fails
// penaltyFree times in a row waits, longer each time, up to the maximum.
func TestGuardCapAndPenalties(t *testing.T) {
	var refusals []string
	g, err := newDoorGuard(0, "2:50:4", 0, 8*time.Second, func(m string, _ ...any) { refusals = append(refusals, m) })
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		pending, roll int
		over          bool
	}{
		{1, 0, false}, {2, 49, true}, {2, 50, false}, {3, 74, true}, {3, 75, false}, {4, 99, true},
	} {
		g.unauthenticated = tc.pending
		g.roll = func() int { return tc.roll }
		if got := g.overCap(); got != tc.over {
			t.Errorf("%d pending, roll %d: over %v", tc.pending, tc.roll, got)
		}
	}
	g.unauthenticated = 0
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	g.now = func() time.Time { return now }
	waits := []time.Duration{}
	for range penaltyFree + 3 {
		gc := &guardedConn{guard: g, source: "203.0.113.9", opened: now}
		g.unauthenticated++
		g.closed(gc)
		if p := g.sources["203.0.113.9"]; p != nil && p.until.After(now) {
			waits = append(waits, p.until.Sub(now))
		}
	}
	if fmt.Sprint(waits) != "[1s 2s 4s 8s]" {
		t.Errorf("waits %v, want 1s 2s 4s 8s (the maximum)", waits)
	}
	if g.unauthenticated != 0 || strings.Count(strings.Join(refusals, " "), "source_pénalisée") != 4 {
		t.Errorf("pending %d, refusals %v", g.unauthenticated, refusals)
	}
}

// TestLoginGraceClosesIdleConnections: with --login-grace 1s, TCP
// connections that never start SSH are closed after a second and logged
// (those past the per-source cap at once), while a teacher logs in from
// another address and runs a command as usual.
func TestLoginGraceClosesIdleConnections(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	keys := addKeys(t, db, "prof")
	srv := startServe(t, db, "--login-grace", "1s", "--now", "2026-11-23T08:05")
	var idle []net.Conn
	for range 40 {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", srv.port))
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, c)
	}
	// The teacher from another address (127.0.0.2): the idle ones fill
	// their own source's share of the door, never his.
	args := append(strings.Fields(sshArgs(srv.port, keys["prof"])), "-o", "BatchMode=yes", "-b", "127.0.0.2", "prof@127.0.0.1", "help")
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil || !strings.Contains(string(out), "appel") {
		t.Fatalf("a login beside idle connections: %v %s", err, out)
	}
	start := time.Now()
	for _, c := range idle {
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.ReadAll(c); err != nil {
			t.Fatalf("an idle connection was not closed by the server: %v", err)
		}
		c.Close()
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("idle connections closed after %s", d)
	}
	srv.stop()
	if !strings.Contains(srv.log.String(), "motif=délai_de_connexion_dépassé") {
		t.Errorf("no refusal logged:\n%s", srv.log)
	}
}

// TestEnrolWithACode: the administrator invites prof; prof connects with a
// key the server does not know, types the code at « Code d'activation : »
// and lands on his roll call; the same key then logs in without a code; a
// wrong code is refused with the tries left; the code is in neither the
// log nor the audit.
func TestEnrolWithACode(t *testing.T) {
	requireSSH(t)
	db := demoDB(t)
	out := appelCmd(t, "user", "invite", "prof", "--db", db, "--now", "2026-11-23T08:00")
	fields := strings.Fields(out)
	if len(fields) < 2 || len(fields[1]) != 9 {
		t.Fatalf("invite printed %q", out)
	}
	code := fields[1]
	key := sshKey(t, "prof")
	srv := startServe(t, db, "--now", "2026-11-23T08:05")
	// The default log level, as a teacher has it: OpenSSH shows the server's
	// instructions only from INFO on.
	login := strings.Replace(sshArgs(srv.port, key), "-o LogLevel=ERROR ", "", 1) + " prof@127.0.0.1"
	term := newTerminal(t, 100, 30, nil, login)
	term.waitFor("Code d'activation")
	term.send("AAAA-BBBB", "Enter")
	term.waitFor("code d'activation faux", "Code d'activation")
	term.send(code, "Enter")
	term.waitFor("08:00–08:55")
	term.send("q")
	term.waitExit()
	args := append(strings.Fields(sshArgs(srv.port, key)), "-o", "BatchMode=yes", "prof@127.0.0.1", "help")
	if out, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil || !strings.Contains(string(out), "appel") {
		t.Errorf("the enrolled key without a code: %v\n%s", err, out)
	}
	srv.stop()
	audit := appelCmd(t, "audit", "--db", db)
	if strings.Contains(srv.log.String(), code) || strings.Contains(audit, code) {
		t.Error("the code appears in the log or the audit")
	}
	if !strings.Contains(srv.log.String(), "clé enregistrée par code d'activation") || !strings.Contains(srv.log.String(), "motif=code_d_activation") {
		t.Errorf("log:\n%s", srv.log)
	}
}

// TestInvitationSheets: appel user invite --all --out writes one sheet per
// account without a key, with its code, the command that connects and the
// host key's fingerprint.
func TestInvitationSheets(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext absent (poppler-utils) : les feuilles ne sont pas relues")
	}
	requireSSH(t)
	db := demoDB(t)
	hostKey := filepath.Join(filepath.Dir(db), "host_ed25519")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	pdf := filepath.Join(t.TempDir(), "invitations.pdf")
	appelCmd(t, "user", "invite", "prof", "--out", pdf, "--host", "appel.college.fr", "--db", db)
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	fp := hostKeyFingerprint(hostKey)
	for _, want := range []string{"ssh -p 2222 prof@appel.college.fr", fp, "Code d'activation", "ssh-keygen -t ed25519"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the sheet lacks %q:\n%s", want, text)
		}
	}
	if fp == "" || !regexp.MustCompile(`[A-Z2-9]{4}-[A-Z2-9]{4}`).Match(text) {
		t.Errorf("no code or fingerprint:\n%s", text)
	}
}
