package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"
)

// bareFlag asks whether to measure the bare program too.
func bareFlag(fs *flag.FlagSet, bare *bool) {
	fs.BoolVar(bare, "bare", true, "mesurer aussi le programme nu wish + Bubble Tea, juste avant")
}

// loadResult is one server's figures in a load run.
type loadResult struct {
	name                         string
	connect, first, keys, frames summary
	events                       *counters
	cores                        float64
	peakRSS                      int64
	audit                        *audit
	notes                        []string
}

func runLoad(args []string, out io.Writer) error {
	var ty typing
	var bare, notices bool
	var relayDelay, backupEvery time.Duration
	w, err := setUp("load", args, 300, func(fs *flag.FlagSet) {
		fs.DurationVar(&backupEvery, "backups", 0,
			"mesurer appel sans sauvegarde automatique puis avec une toutes les DURÉE (réglage backup.every), chaque fois sur une école neuve")
		ty.flags(fs)
		bareFlag(fs, &bare)
		fs.BoolVar(&notices, "notices", false, "mesurer aussi appel avec les avis aux familles (relais SMTP lent), sur une école neuve")
		fs.DurationVar(&relayDelay, "relay-delay", 2*time.Second, "temps que le relais SMTP met à accepter un message (--notices)")
	})
	if err != nil {
		return err
	}
	defer w.cleanup()
	fmt.Fprintf(out, "charge : %d sessions, arrivée en %s, pauses %s–%s, %d images/s, %d cœurs\n",
		w.n, ty.ramp, ty.pauseMin, ty.pauseMax, w.fps, runtime.NumCPU())
	plan := ty.wave(w)
	var results []loadResult
	if bare {
		r, err := w.measure(plan, false)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if backupEvery > 0 {
		off, on, err := w.measureBackups(plan, backupEvery)
		results = append(results, off, on)
		if err != nil {
			return err
		}
		defer fmt.Fprintf(out, "rapport sauvegardes / sans : %s\n", ratios(on.keys, off.keys))
		return reportLoad(out, results)
	}
	r, err := w.measure(plan, true)
	if err != nil {
		return err
	}
	results = append(results, r)
	if notices {
		on, err := w.measureNotices(plan, relayDelay)
		if err != nil {
			return err
		}
		defer fmt.Fprintf(out, "rapport avis / sans avis : %s\n", ratios(on.keys, r.keys))
		results = append(results, on)
	}
	return reportLoad(out, results)
}

// measureNotices runs the wave again on a new school whose notices are on,
// every absence due at once and sent through a relay that takes delay per message.
func (w *workspace) measureNotices(plan wave, delay time.Duration) (loadResult, error) {
	relay, err := startSlowRelay(delay)
	if err != nil {
		return loadResult{}, err
	}
	defer relay.close()
	if err := w.freshSchool("avis aux familles", noticeSettings(relay.addr)); err != nil {
		return loadResult{}, err
	}
	r, err := w.measure(plan, true)
	r.name = "appel + avis aux familles"
	if err != nil {
		return r, err
	}
	all, sent, err := noticesRecorded(w.db)
	r.notes = append(r.notes, fmt.Sprintf("  avis : %d décidés, %d envoyés (relais : %d acceptés, %s chacun)", all, sent, relay.accepted.Load(), delay))
	return r, err
}

// measure runs a wave against appel or the bare program and collects figures.
func (w *workspace) measure(plan wave, appel bool) (loadResult, error) {
	spec := w.bareSpec()
	if appel {
		spec = w.appelSpec()
	}
	t, err := start(spec)
	if err != nil {
		return loadResult{}, err
	}
	wave := &morning{wave: plan, target: t, appel: appel}
	s := sampleEvery(t, time.Second)
	wave.run()
	cores, peak := s.end()
	res := loadResult{name: t.name, connect: wave.connect.summary(), first: wave.first.summary(),
		keys: wave.keys.summary(), frames: wave.frames.summary(), events: wave.events, cores: cores, peakRSS: peak}
	if err := t.stop(); err != nil {
		wave.events.fail("arrêt du serveur", err)
	}
	if appel {
		a, err := verify(w.db, w.teachers, wave.sheets, false)
		if err != nil {
			return res, err
		}
		res.audit = &a
	}
	return res, nil
}

func reportLoad(out io.Writer, results []loadResult) error {
	var failed []string
	for _, r := range results {
		fmt.Fprintf(out, "\n[%s]\n", r.name)
		fmt.Fprintf(out, "  connexion (TCP + SSH + PTY)   %s\n", r.connect)
		fmt.Fprintf(out, "  premier écran                 %s\n", r.first)
		fmt.Fprintf(out, "  touche → première image       %s\n", r.frames)
		fmt.Fprintf(out, "  touche → écran (enregistrée)  %s\n", r.keys)
		fmt.Fprintf(out, "  sessions terminées %d, coupées %d, erreurs %d\n",
			r.events.get("terminées"), r.events.get("coupées"), r.events.failures())
		for _, line := range append(r.events.report(), r.notes...) {
			fmt.Fprintln(out, line)
		}
		fmt.Fprintf(out, "  serveur : CPU %.2f cœur en moyenne, RSS max %s\n", r.cores, mib(r.peakRSS))
		if r.audit != nil {
			fmt.Fprintf(out, "  marques vues enregistrées %d, absentes de la base %d, clés non confirmées gardées %d\n",
				r.audit.Checked, r.audit.Lost, r.audit.Extra)
			for _, d := range r.audit.Details[:min(len(r.audit.Details), 10)] {
				fmt.Fprintln(out, "    "+d)
			}
			if r.audit.Lost > 0 {
				failed = append(failed, fmt.Sprintf("%d marques perdues", r.audit.Lost))
			}
		}
		if n := r.events.failures(); n > 0 {
			failed = append(failed, fmt.Sprintf("%s : %d erreurs", r.name, n))
		}
	}
	if len(results) >= 2 && results[0].name == "nu" && results[0].keys.N > 0 {
		b, a := results[0].keys, results[1].keys
		fmt.Fprintf(out, "\nrapport appel / nu : %s (première image : p99 %.2f)\n",
			ratios(a, b), ratio(results[1].frames.P99, results[0].frames.P99))
	}
	if len(failed) > 0 {
		return fmt.Errorf("échec : %s", strings.Join(failed, ", "))
	}
	return nil
}

// ratios compares two runs' figures: « p50 1.10, p99 1.25, max 1.40 ».
func ratios(a, b summary) string {
	return fmt.Sprintf("p50 %.2f, p99 %.2f, max %.2f", ratio(a.P50, b.P50), ratio(a.P99, b.P99), ratio(a.Max, b.Max))
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
