package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damagedArchive ends the demo's year and spoils one page number of the
// archive so that it points past the file. Before the archives were checked
// on open, stats read such an archive as if it were sound (exit 0), and a
// read that reached that page would have died of a memory fault.
func damagedArchive(t *testing.T) (db, archive string) {
	t.Helper()
	db = demoDB(t)
	appelCmd(t, "--db", db, "--now", "2026-11-23T08:05", "year", "new", "--yes")
	archive = filepath.Join(filepath.Dir(db), "appel-2026-2027.db")
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	spoiled := spoiledPointer(t, data, uint64(len(data)/4096+3))
	if bytes.Equal(spoiled, data) {
		t.Fatal("nothing spoiled")
	}
	if err := os.WriteFile(archive, spoiled, 0o600); err != nil {
		t.Fatal(err)
	}
	return db, archive
}

// TestDamagedArchiveRefused: --year on a damaged archive exits 3 with the
// archive's way out (a copy of the archive, never a live backup), no Go
// trace, the archive unchanged.
func TestDamagedArchiveRefused(t *testing.T) {
	db, archive := damagedArchive(t)
	before := fileSum(t, archive)
	_, errOut, code := appelRun(t, "", "--db", db, "--year", "2026-2027", "--now", "2026-11-23T08:05", "stats")
	if code != exitDamaged || !strings.Contains(errOut, "archive d'une année close") || strings.Contains(errOut, "goroutine") ||
		strings.Contains(errOut, "appel restore") {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	if fileSum(t, archive) != before {
		t.Fatal("the archive was written")
	}
	if sha256.Sum256(nil) == before {
		t.Fatal("empty archive")
	}
}

// TestSSHDamagedArchiveKeepsTheServer: ssh cpe+2026-2027 on a damaged
// archive is refused in French, and the server goes on serving the year.
func TestSSHDamagedArchiveKeepsTheServer(t *testing.T) {
	requireSSH(t)
	db, _ := damagedArchive(t)
	keys := addKeys(t, db, "cpe")
	srv := startServe(t, db, "--now", "2026-11-23T08:05")
	s := &sshSchool{db: db, keys: keys, srv: srv}
	_, errOut, code := s.ssh(t, "cpe+2026-2027", "cpe", nil, "stats --by division")
	if code == 0 || strings.Contains(errOut, "goroutine") || strings.Contains(errOut, db) {
		t.Fatalf("the damaged archive over SSH: exit %d\n%s", code, errOut)
	}
	if out, errOut, code := s.ssh(t, "cpe", "cpe", nil, "stats --by division"); code != 0 || out == "" {
		t.Fatalf("the server after the damaged archive: exit %d\n%s", code, errOut)
	}
}
