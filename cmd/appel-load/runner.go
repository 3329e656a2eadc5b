package main

import (
	"errors"
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
	var wg sync.WaitGroup
	for i := range m.teachers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(int64(m.ramp) * int64(i) / int64(len(m.teachers))))
			m.session(i)
		}()
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
		m.failed(err)
		return
	}
	if err := validateAndQuit(c, m.appel); err != nil {
		m.failed(err)
		return
	}
	m.events.count("terminées")
}

func (m *morning) failed(err error) {
	if errors.Is(err, errDropped) {
		m.events.count("coupées")
	}
	m.events.fail("session", err)
}
