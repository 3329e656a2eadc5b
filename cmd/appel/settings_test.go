package main

import (
	"path/filepath"
	"strings"
	"testing"

	"appel/model"
)

func init() {
	model.RegisterSettings(model.SettingDef{Key: "essai.delai", Label: "délai d'essai", Kind: model.SettingInt,
		Default: "15", Min: 1, Max: 120})
}

// TestSettingsCommands: set, list and reset from the command line, a bad
// value refused in one French line, and the change audited.
func TestSettingsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	inProcess(t, "init", "--uai", "0670001A", "--name", "Collège Test", "--db", db, "--now", "2026-11-23T08:05")
	if got := inProcess(t, "settings", "list", "--db", db); !strings.Contains(got, "essai.delai\t15 (défaut)\t15\tdélai d'essai (nombre de 1 à 120)\n") {
		t.Errorf("settings list = %q", got)
	}
	if got := inProcess(t, "settings", "set", "essai.delai", "30", "--db", db); got != "essai.delai\t30\t15\tdélai d'essai (nombre de 1 à 120)\n" {
		t.Errorf("settings set = %q", got)
	}
	for _, args := range [][]string{{"settings", "set", "essai.delai", "500"}, {"settings", "set", "inconnu", "1"}} {
		_, errOut, code := appelRun(t, "", append(args, "--db", db)...)
		if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "appel : ") {
			t.Errorf("%v: exit %d, stderr %q: want a one-line French refusal", args, code, errOut)
		}
	}
	if got := inProcess(t, "settings", "list", "--db", db); !strings.Contains(got, "essai.delai\t30\t15\t") {
		t.Errorf("after set: %q", got)
	}
	inProcess(t, "settings", "reset", "essai.delai", "--db", db)
	if got := inProcess(t, "settings", "list", "--db", db); !strings.Contains(got, "essai.delai\t15 (défaut)") {
		t.Errorf("after reset: %q", got)
	}
	audit := inProcess(t, "audit", "--db", db, "--from", "2026-11-23")
	if !strings.Contains(audit, "\tréglage\t") || !strings.Contains(audit, "\tessai.delai\t-\t30\n") {
		t.Errorf("the audit lacks the setting:\n%s", audit)
	}
}
