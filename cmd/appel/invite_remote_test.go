package main

import (
	"bytes"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestInviteOverSSHGivesTheFingerprint: `ssh admin@host user invite prof`
// prints the fingerprint of the host key the client sees, to compare at the
// first connection (the server runs while the db is held, so the
// administrator invites over SSH).
func TestInviteOverSSHGivesTheFingerprint(t *testing.T) {
	f := newSSHFixture(t, 0)
	var seen string
	c, err := gossh.Dial("tcp", f.addr, &gossh.ClientConfig{User: "admin", Auth: []gossh.AuthMethod{gossh.PublicKeys(f.keys["admin"])},
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			seen = gossh.FingerprintSHA256(key)
			return nil
		}, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	if err := sess.Run("user invite prof2"); err != nil {
		t.Fatalf("user invite over SSH: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	if !strings.HasPrefix(seen, "SHA256:") || !strings.Contains(stderr.String(), "Empreinte de la clé du serveur, à comparer à la première connexion : "+seen) {
		t.Errorf("host key %q not given:\n%s", seen, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "prof2\t") {
		t.Errorf("no code line:\n%s", stdout.String())
	}
}
