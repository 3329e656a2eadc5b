package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The short versions of the load tool's runs: every mode against a real
// appel serve child process, with real SSH clients; each fails on an error,
// a dropped session or a lost mark. Timing figures are printed, never
// asserted.

// TestMain lets the test binary serve the bare program, since the load
// tool starts it as "its own executable bare …".
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "bare" {
		if err := runBare(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	if appelBin != "" {
		os.RemoveAll(filepath.Dir(appelBin))
	}
	os.Exit(code)
}

var (
	buildOnce sync.Once
	appelBin  string
	buildErr  error
)

// appelBinary builds appel once for the tests of this package.
func appelBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "appel-load-test-")
		if err != nil {
			buildErr = err
			return
		}
		appelBin = filepath.Join(dir, "appel")
		out, err := exec.Command("go", "build", "-o", appelBin, "appel/cmd/appel").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatalf("go build appel : %v", buildErr)
	}
	return appelBin
}

func runMode(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	args = append(args, "--appel", appelBinary(t), "--dir", t.TempDir())
	err := run(args, &out)
	t.Logf("appel-load %s\n%s", strings.Join(args[:len(args)-4], " "), out.String())
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestLoadShort(t *testing.T) {
	out := runMode(t, "load", "-n", "8", "--ramp", "500ms", "--pause-min", "10ms", "--pause-max", "60ms")
	for _, want := range []string{"[nu]", "[appel]", "sessions terminées 8, coupées 0, erreurs 0", "absentes de la base 0", "rapport appel / nu"} {
		if !strings.Contains(out, want) {
			t.Errorf("rapport sans %q", want)
		}
	}
}

func TestLoginsShort(t *testing.T) {
	out := runMode(t, "logins", "-n", "20", "--within", "500ms", "--idle-for", "1s")
	if !strings.Contains(out, "20 ouvertes, 0 échecs") {
		t.Errorf("toutes les sessions ne se sont pas ouvertes")
	}
}

func TestCrashShort(t *testing.T) {
	out := runMode(t, "crash", "--rounds", "5", "-n", "6", "--min-run", "100ms", "--max-run", "500ms")
	if !strings.Contains(out, ": perdues 0 ;") {
		t.Errorf("marques perdues")
	}
}

func TestDisconnectShort(t *testing.T) {
	out := runMode(t, "disconnect", "-n", "6")
	if !strings.Contains(out, "6 appels repris avec toutes leurs marques, 0 erreurs") {
		t.Errorf("reprise incomplète")
	}
}

func TestSoakShort(t *testing.T) {
	if err := soakPossible(); err != nil {
		t.Skipf("endurance impossible ici : %v", err)
	}
	out := runMode(t, "soak", "-n", "6", "--duration", "6s", "--ramp", "500ms", "--pause-min", "50ms", "--pause-max", "200ms")
	if !strings.Contains(out, "sessions coupées par le serveur 0, erreurs 0") {
		t.Errorf("sessions coupées")
	}
}

// TestBareStopsOnSIGTERM: the bare program, run as the load tool's own
// executable, stops cleanly on SIGTERM (the interrupt cleanup must not
// turn it into a kill).
func TestBareStopsOnSIGTERM(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "appel-load")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	tg, err := start(serverSpec{dir: dir, fps: 60, bareBinary: bin})
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.stop(); err != nil {
		t.Fatalf("the bare program did not stop cleanly: %v", err)
	}
}
