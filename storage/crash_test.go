package storage_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"appel/model"
	"appel/storage"
)

// crashEnv tells the test binary to run as the crash test's child, writing
// marks into the base it names.
const crashEnv = "APPEL_STORAGE_CRASH_CHILD"

// TestCrashKeepsAcknowledgedMarks runs a child process that commits marks
// through Update from several goroutines and prints each acknowledged key;
// it kills the child with SIGKILL after some acknowledgements, reopens the
// base, checks it and requires every acknowledged mark. APPEL_CRASH_ROUNDS
// sets the number of rounds (default 3; 1000 for a long run).
func TestCrashKeepsAcknowledgedMarks(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path, os.Getenv("APPEL_STORAGE_CRASH_ROUND"))
		return
	}
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	rounds := 3
	if s := os.Getenv("APPEL_CRASH_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	path := tempPath(t)
	var acked []model.MarkKey
	for round := range rounds {
		acked = append(acked, runCrashChild(t, path, round, 20+(round*53)%180)...)
		verifyAcked(t, path, round, acked)
	}
	t.Logf("%d rounds, %d acknowledged marks, all present", rounds, len(acked))
}

// runCrashChild starts the child, kills it after killAfter acknowledgements
// and returns every acknowledgement it printed in full.
func runCrashChild(t *testing.T, path string, round, killAfter int) []model.MarkKey {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashKeepsAcknowledgedMarks$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path, "APPEL_STORAGE_CRASH_ROUND="+strconv.Itoa(round))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acks []model.MarkKey
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil { // EOF: a line cut by the kill was never acknowledged in full
			break
		}
		if s, p, ok := strings.Cut(strings.TrimPrefix(strings.TrimSuffix(line, "\n"), "ack "), " "); ok && strings.HasPrefix(line, "ack ") {
			acks = append(acks, model.MarkKey{Seance: model.SeanceID(s), Pupil: model.PupilID(p)})
		}
		if len(acks) == killAfter {
			_ = cmd.Process.Kill()
		}
	}
	_ = cmd.Wait()
	if len(acks) < killAfter {
		t.Fatalf("round %d: child stopped after %d acknowledgements: %s", round, len(acks), stderr.String())
	}
	return acks
}

func verifyAcked(t *testing.T, path string, round int, acked []model.MarkKey) {
	t.Helper()
	db, err := storage.Open(path, storage.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("round %d: reopen: %v", round, err)
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		t.Fatalf("round %d: %v", round, err)
	}
	mustView(t, db, func(tx model.ReadTx) error {
		for _, k := range acked {
			if _, ok, err := tx.Mark(k); !ok || err != nil {
				t.Fatalf("round %d: acknowledged mark %s lost (%v)", round, k, err)
			}
		}
		return nil
	})
}

// crashChild writes marks until it is killed (or a minute passes), printing
// "ack séance pupil" once each Update has returned.
func crashChild(path, round string) {
	db, err := storage.Open(path, storage.Options{Timeout: 10 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var mu sync.Mutex
	ack := func(k model.MarkKey) {
		mu.Lock()
		defer mu.Unlock()
		_, _ = io.WriteString(os.Stdout, "ack "+string(k.Seance)+" "+string(k.Pupil)+"\n")
	}
	s := model.SeanceID("20261123-0800-r" + round)
	stop := time.Now().Add(time.Minute)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; time.Now().Before(stop); i++ {
				m := mark(s, model.PupilID(fmt.Sprintf("w%d-%06d", w, i)), model.KindAbsent)
				if _, err := db.Update(context.Background(), tester, "marque", func(tx model.Tx) error { return tx.PutMark(m) }); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(2)
				}
				ack(m.Key())
			}
		})
	}
	wg.Wait()
	os.Exit(3)
}
