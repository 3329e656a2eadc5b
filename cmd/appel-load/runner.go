package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// common are the flags every mode shares.
type common struct {
	n     int
	fps   int
	appel string
	dir   string
	keep  bool
	seed  uint64
}

func (c *common) flags(fs *flag.FlagSet, n int) {
	fs.IntVar(&c.n, "n", n, "sessions simultanées (un enseignant chacune)")
	fs.IntVar(&c.fps, "fps", 60, "images par seconde des serveurs")
	fs.StringVar(&c.appel, "appel", "", "binaire appel (défaut : construit par go build)")
	fs.StringVar(&c.dir, "dir", "", "dossier de travail (défaut : temporaire, effacé)")
	fs.BoolVar(&c.keep, "keep", false, "garder le dossier de travail")
	fs.Uint64Var(&c.seed, "seed", 1, "graine des pauses")
}

// setUp reads a mode's flags (the common ones, n sessions by default, and
// those define adds) and prepares its workspace; the caller cleans it up.
func setUp(name string, args []string, n int, define func(*flag.FlagSet)) (*workspace, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	var c common
	c.flags(fs, n)
	if define != nil {
		define(fs)
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return c.prepare()
}

// typing is how the teachers of a wave arrive and type.
type typing struct{ ramp, pauseMin, pauseMax time.Duration }

func (t *typing) flags(fs *flag.FlagSet) {
	fs.DurationVar(&t.ramp, "ramp", 30*time.Second, "durée de l'arrivée des sessions")
	fs.DurationVar(&t.pauseMin, "pause-min", 500*time.Millisecond, "pause minimale entre deux touches")
	fs.DurationVar(&t.pauseMax, "pause-max", 1500*time.Millisecond, "pause maximale entre deux touches")
}

// wave is the plan of the teachers of w typing so.
func (t typing) wave(w *workspace) wave {
	return wave{teachers: w.teachers, ramp: t.ramp, pace: pacing{t.pauseMin, t.pauseMax}, seed: w.seed}
}

// workspace is a run's directory, its school and its appel binary.
type workspace struct {
	common
	db       string
	teachers []teacher
	cleanup  func()
}

// prepare makes the directory, the appel binary and the school of c.n teachers.
func (c common) prepare() (*workspace, error) {
	raiseFileLimit()
	w := &workspace{common: c, cleanup: func() {}}
	if w.dir == "" {
		dir, err := os.MkdirTemp("", "appel-load-")
		if err != nil {
			return nil, err
		}
		w.dir = dir
		if !c.keep {
			remove := func() { os.RemoveAll(dir) }
			forget := onInterrupt(remove)
			w.cleanup = func() {
				forget()
				remove()
			}
		}
	}
	if w.appel == "" {
		w.appel = filepath.Join(w.dir, "appel")
		if out, err := exec.Command("go", "build", "-o", w.appel, "appel/cmd/appel").CombinedOutput(); err != nil {
			return nil, fmt.Errorf("go build appel (lancez appel-load depuis le dépôt, ou donnez --appel BINAIRE) : %v\n%s", err, out)
		}
	}
	var err error
	if w.teachers, err = teachers(c.n); err != nil {
		return nil, err
	}
	w.db = filepath.Join(w.dir, "charge.db")
	_ = os.Remove(w.db)
	return w, buildSchool(w.db, w.teachers)
}

func (w *workspace) appelSpec() serverSpec {
	return serverSpec{appel: w.appel, db: w.db, dir: w.dir, fps: w.fps}
}

func (w *workspace) bareSpec() serverSpec { return serverSpec{dir: w.dir, fps: w.fps} }

// raiseFileLimit lets one process hold thousands of connections.
func raiseFileLimit() {
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) == nil && lim.Cur < lim.Max {
		lim.Cur = lim.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
	}
}

// wave is the plan of a morning: who, how fast they arrive, how fast they type.
type wave struct {
	teachers []teacher
	ramp     time.Duration
	pace     pacing
	seed     uint64
}

// morning is one wave of roll calls: n sessions connecting within ramp,
// each marking every pupil with pauses, validating and quitting.
type morning struct {
	wave
	target *target
	appel  bool

	connect, first, keys, frames latencies
	events                       *counters
	sheets                       []*sheet
}

func (m *morning) run() {
	m.events = newCounters()
	m.sheets = make([]*sheet, len(m.teachers))
	together(len(m.teachers), m.ramp, m.session)
}

// together runs fn(i) for i from 0 to n-1 at once, each starting i/n of
// ramp after the first, and returns when all have ended.
func together(n int, ramp time.Duration, fn func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			time.Sleep(time.Duration(int64(ramp) * int64(i) / int64(n)))
			fn(i)
		})
	}
	wg.Wait()
}

func (m *morning) session(i int) {
	r := rand.New(rand.NewPCG(m.seed, uint64(i)))
	t := m.teachers[i]
	c, err := dial(m.target.addr, t.Login, t.Signer)
	if err != nil {
		m.events.fail("connexion", err)
		return
	}
	defer c.close()
	m.connect.add(time.Since(c.started))
	var d driver = appelDriver{}
	if !m.appel {
		d = bareDriver{typed: new(int)}
	}
	if _, ok := c.screen.waitFor(d.ready(), 0, keyTimeout); !ok {
		m.events.fail("premier écran", c.lost("premier écran absent"))
		return
	}
	m.first.add(time.Since(c.started))
	s := newSheet()
	if m.appel {
		m.sheets[i] = s
	}
	if err := markRowsTimed(c, d, s, 0, pupilsPer, m.pace, r, timings{first: &m.frames, saved: &m.keys}, nil); err != nil {
		m.events.sessionFailed("session", err)
		return
	}
	if err := validateAndQuit(c, m.appel); err != nil {
		m.events.sessionFailed("session", err)
		return
	}
	m.events.count("terminées")
}
