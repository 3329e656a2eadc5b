package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"time"
)

// soakPort is the server's port inside the namespace.
const soakPort = "2222"

// runSoak keeps n teachers typing for a long time through a lossy, slow
// network: no session may be dropped by the server, no mark lost.
func runSoak(args []string, out io.Writer) error {
	if err := soakPossible(); err != nil {
		return err
	}
	var ty typing
	var duration, delay time.Duration
	var loss int
	w, err := setUp("soak", args, 300, func(fs *flag.FlagSet) {
		ty.flags(fs)
		fs.DurationVar(&duration, "duration", 30*time.Minute, "durée")
		fs.DurationVar(&delay, "delay", 50*time.Millisecond, "délai ajouté dans chaque sens (aller-retour : le double)")
		fs.IntVar(&loss, "loss", 1, "paquets TCP perdus dans chaque sens, en %")
	})
	if err != nil {
		return err
	}
	defer w.cleanup()
	net, err := makeLossyNet(loss, soakPort)
	if err != nil {
		return err
	}
	defer net.remove()
	rl, err := startRelay(net.serverIP+":"+soakPort, delay)
	if err != nil {
		return err
	}
	defer rl.close()
	spec := w.appelSpec()
	spec.netns, spec.listen, spec.dialVia = net.ns, net.serverIP+":"+soakPort, rl.addr()
	t, err := start(spec)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "endurance : %d sessions pendant %s, +%s dans chaque sens, %d %% de pertes dans chaque sens (espace réseau %s)\n",
		w.n, duration, delay, loss, net.ns)
	s := &soak{wave: ty.wave(w), target: t, until: time.Now().Add(duration), events: newCounters()}
	smp := sampleEvery(t, 5*time.Second)
	s.run()
	cores, peak := smp.end()
	if err := t.stop(); err != nil {
		s.events.fail("arrêt du serveur", err)
	}
	a, err := verify(w.db, w.teachers, s.sheets, false)
	if err != nil {
		return err
	}
	return s.report(out, a, cores, peak)
}

// soakPossible says what the soak needs: root, ip and nft.
func soakPossible() error {
	if os.Geteuid() != 0 {
		return errors.New("l'endurance crée un espace réseau : lancez-la en root")
	}
	for _, tool := range []string{"ip", "nft"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("l'endurance a besoin de %s (paquets iproute2 et nftables)", tool)
		}
	}
	return nil
}

// soak is a long wave: each teacher marks his roll call over and over.
type soak struct {
	wave
	target *target
	until  time.Time
	keys   latencies
	events *counters
	sheets []*sheet
}

func (s *soak) run() {
	s.sheets = make([]*sheet, len(s.teachers))
	together(len(s.teachers), s.ramp, func(i int) {
		if err := s.session(i); err != nil {
			s.events.sessionFailed(s.teachers[i].Login, err)
		}
	})
}

func (s *soak) session(i int) error {
	t := s.teachers[i]
	c, err := dial(s.target.addr, t.Login, t.Signer)
	if err != nil {
		return err
	}
	defer c.close()
	if _, ok := c.screen.waitFor(appelDriver{}.ready(), 0, keyTimeout); !ok {
		return c.lost("premier écran absent")
	}
	s.sheets[i] = newSheet()
	r := rand.New(rand.NewPCG(s.seed, uint64(i)))
	stop := make(chan struct{})
	time.AfterFunc(time.Until(s.until), func() { close(stop) })
	for time.Now().Before(s.until) {
		if err := markRows(c, appelDriver{}, s.sheets[i], 0, pupilsPer, s.pace, r, &s.keys, stop); err != nil {
			return err
		}
		if _, _, err := c.press("g"); err != nil {
			return err
		}
	}
	return validateAndQuit(c, true)
}

func (s *soak) report(out io.Writer, a audit, cores float64, peak int64) error {
	fmt.Fprintf(out, "touche → écran (enregistrée) : %s\n", s.keys.summary())
	fmt.Fprintf(out, "sessions coupées par le serveur %d, erreurs %d\n", s.events.get("coupées"), s.events.failures())
	for _, line := range s.events.report() {
		fmt.Fprintln(out, line)
	}
	fmt.Fprintf(out, "serveur : CPU %.2f cœur en moyenne, RSS max %s\n", cores, mib(peak))
	fmt.Fprintf(out, "base : marques vues enregistrées %d, absentes %d\n", a.Checked, a.Lost)
	if a.Lost > 0 || s.events.failures() > 0 {
		return fmt.Errorf("échec : %d perdues, %d erreurs", a.Lost, s.events.failures())
	}
	return nil
}
