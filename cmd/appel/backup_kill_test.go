package main

import (
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appel/storage"
	"appel/storage/backups"
)

// TestServeKilledDuringBackup kills appel serve (kill -9) at points further
// and further into the backup it writes when it starts: every time, the
// backup that was there is byte for byte intact, every file the folder
// lists as a backup passes the check, and the db itself still opens.
func TestServeKilledDuringBackup(t *testing.T) {
	t.Parallel()
	written, unfinished := 0, 0
	// The last round (-1) waits for the new backup to be listed, whatever
	// the machine's load, then kills: one kill at least after a finished one.
	for _, delay := range []int{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 120, 140, 160, 200, 300, 600, -1} {
		db := demoDB(t)
		dir := filepath.Join(filepath.Dir(db), "sauvegardes")
		old := writeOldBackup(t, db, dir)
		oldSum := fileSum(t, old)
		cmd := exec.Command(appelBin, "--db", db, "serve", "--addr", "127.0.0.1:0")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if delay >= 0 {
			time.Sleep(time.Duration(delay) * time.Millisecond)
		} else {
			waitForBackups(t, dir, 2)
		}
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if fileSum(t, old) != oldSum {
			t.Fatalf("kill at %d ms: the previous backup changed", delay)
		}
		list, err := backups.List(dir, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range list {
			if _, err := storage.CheckFile(b.Path, time.Second); err != nil {
				t.Fatalf("kill at %d ms: %s is listed as a backup but fails its check: %v", delay, b.Path, err)
			}
		}
		written += len(list) - 1
		if left, _ := filepath.Glob(filepath.Join(dir, ".en-cours-*")); len(left) > 0 {
			unfinished++
		}
		if damaged, _ := backups.Damaged(dir); len(damaged) > 0 {
			t.Fatalf("kill at %d ms: a sound db's copy was kept aside as damaged: %v", delay, damaged)
		}
		if out, errOut, code := appelRun(t, "", "--db", db, "check"); code != 0 || !strings.Contains(out+errOut, "0939999N") {
			t.Fatalf("kill at %d ms: appel check: exit %d\n%s%s", delay, code, out, errOut)
		}
	}
	// The later kills come after the backup: the test must have seen some
	// written whole, or it proves nothing about the earlier ones.
	if written == 0 {
		t.Fatal("no kill came after a finished backup: lengthen the delays")
	}
	t.Logf("%d kills left a finished new backup beside the previous one, %d a copy under way (never listed)", written, unfinished)
}

// writeOldBackup puts a verified backup of a week before into dir.
func writeOldBackup(t *testing.T, db, dir string) string {
	t.Helper()
	store, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	b, err := backups.Write(store, dir, "0939999N", time.Now().Add(-7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	return b.Path
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// waitForBackups waits (up to a minute) until dir lists n verified backups.
func waitForBackups(t *testing.T, dir string, n int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		if list, _ := backups.List(dir, time.Local); len(list) >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no new backup listed in %s after a minute", dir)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
