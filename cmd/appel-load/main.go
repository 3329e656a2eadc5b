// Command appel-load proves appel at 8:00: it builds a throw-away school,
// starts `appel serve` (or the smallest wish + Bubble Tea program, the floor
// to compare with) as a child process, and drives it with many concurrent SSH
// clients that take roll calls like teachers, timing every key until the
// screen shows it saved and checking afterwards, in the store, that every
// mark a client saw saved is there.
//
//	appel-load load       -n 300 --ramp 30s           a morning's roll calls, then the bare program
//	appel-load logins     -n 1000 --within 2s         logins, idle cost, mass disconnect
//	appel-load crash      --rounds 1000 -n 20         kill -9 during roll calls, nothing lost
//	appel-load disconnect -n 50                       TCP cut mid-roll-call, resumed after
//	appel-load soak       -n 300 --duration 30m       at peak through netem (100 ms, 1 % loss)
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	_ "time/tzdata"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "bare" { // the bare program stops on its own signals
		cleanUpOnSignal()
	}
	if err := run(os.Args[1:], os.Stdout); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "appel-load : "+err.Error())
		}
		os.Exit(1)
	}
}

// modes are the sub-commands.
var modes = map[string]func(args []string, out io.Writer) error{
	"load":       runLoad,
	"logins":     runLogins,
	"crash":      runCrash,
	"disconnect": runDisconnect,
	"soak":       runSoak,
	"bare":       func(args []string, _ io.Writer) error { return runBare(args) },
}

func run(args []string, out io.Writer) error {
	if path := os.Getenv("APPEL_LOAD_CPUPROFILE"); path != "" {
		stop, err := profileCPU(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	if len(args) == 0 {
		return errors.New("mode attendu : load, logins, crash, disconnect, soak (appel-load MODE -h)")
	}
	mode, ok := modes[args[0]]
	if !ok {
		return fmt.Errorf("mode inconnu %q : load, logins, crash, disconnect, soak", args[0])
	}
	return mode(args[1:], out)
}

// profileCPU writes the load tool's own CPU profile to path (to tell its cost
// from the server's).
func profileCPU(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
