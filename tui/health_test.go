package tui_test

import (
	"strings"
	"testing"
	"time"

	"appel/model/modeltest"
	"appel/tui"
	"appel/tui/tuitest"
)

// TestHealthInTheStatusLine: the administrator and the CPE read when the
// last verified backup was taken, and a warning when the disk is nearly
// full; a teacher reads neither.
func TestHealthInTheStatusLine(t *testing.T) {
	now := modeltest.At(modeltest.Monday, 11, 0)
	f := newFixture(t, 5, now)
	health := tui.ServerHealth{Known: true, LastBackup: now.Add(-3 * time.Hour), FreeMB: 9000, WarnMB: 500}
	cfg := func(login string) tui.Config {
		return tui.Config{Service: f.service(login), Health: func() tui.ServerHealth { return health }}
	}
	for _, login := range []string{"admin", "cpe"} {
		d := tuitest.StartWith(t, cfg(login), 100, 30)
		d.WaitFor("Dernière sauvegarde vérifiée : il y a 3 h.")
	}
	prof := tuitest.StartWith(t, cfg("prof"), 100, 30)
	prof.WaitFor("appel")
	prof.Settle(30 * time.Millisecond)
	if strings.Contains(prof.View(), "sauvegarde") {
		t.Errorf("a teacher sees the backups:\n%s", prof.View())
	}
	health.FreeMB = 120
	d := tuitest.StartWith(t, cfg("admin"), 100, 30)
	d.WaitFor("Disque presque plein : 120 Mo libres (seuil 500 Mo)")
}
