package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUserCommands: accounts and keys from the command line, checked through
// user list, and every change in the audit log with who, before and after.
func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	inProcess(t, "init", "--uai", "0670001A", "--name", "Collège Test", "--zone", "B", "--db", db, "--now", "2026-11-23T08:05")
	inProcess(t, "user", "add", "mdupont", "--role", "teacher,cpe", "--name", "Marie Dupont", "--db", db)
	if got := inProcess(t, "user", "list", "--db", db); got != "mdupont\tenseignant,cpe\tMarie Dupont\n" {
		t.Errorf("user list = %q", got)
	}
	key := "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILaGBBzwFuSQ7p7KktgWQuHgg1rFr8IdRrGxHZcnQSau marie@poste"
	keyFile := filepath.Join(t.TempDir(), "id.pub")
	writeFile(t, keyFile, key+"\n")
	inProcess(t, "user", "key", "add", "mdupont", "--key-file", keyFile, "--db", db)
	if got := inProcess(t, "user", "key", "list", "mdupont", "--db", db); !strings.HasPrefix(got, "SHA256:fW+dGt2hCeSjafpwXefgPHjZV/tNLh2K8K5vtacfOc4\tssh-ed25519\tmarie@poste") {
		t.Errorf("key list = %q", got)
	}
	refusals := [][]string{
		{"user", "add", "mdupont", "--role", "teacher", "--name", "Autre"},
		{"user", "add", "Bad Login", "--role", "teacher", "--name", "X"},
		{"user", "add", "x", "--role", "chef", "--name", "X"},
		{"user", "key", "add", "mdupont", "--key-file", keyFile},
		{"user", "key", "add", "inconnu", "--key-file", keyFile},
	}
	for _, args := range refusals {
		_, errOut, code := appelRun(t, "", append(args, "--db", db)...)
		if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "appel : ") {
			t.Errorf("%v: exit %d, stderr %q: want a one-line French refusal", args, code, errOut)
		}
	}
	inProcess(t, "user", "key", "rm", "mdupont", "SHA256:fW+dGt2hCeSjafpwXefgPHjZV/tNLh2K8K5vtacfOc4", "--db", db)
	audit := inProcess(t, "audit", "--db", db, "--from", "2026-11-23")
	for _, want := range []string{"\tcompte créé\t", "\tcompte modifié\t", "login : mdupont", "\tcli:"} {
		if !strings.Contains(audit, want) {
			t.Errorf("the audit lacks %q:\n%s", want, audit)
		}
	}
	lines := strings.Split(strings.TrimSpace(audit), "\n")
	last := strings.Split(lines[len(lines)-1], "\t")
	if len(last) != 9 || !strings.Contains(last[7], "SHA256:fW+") || strings.Contains(last[8], "SHA256:fW+") {
		t.Errorf("the key removal's before/after: %q", lines[len(lines)-1])
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}
