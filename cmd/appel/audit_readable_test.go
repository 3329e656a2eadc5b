package main

import (
	"strings"
	"testing"
	"time"
)

func TestReadableChange(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database")
	}
	cases := []struct {
		name, before, after string
		wantBefore          string
		wantAfter           string
	}{
		{"created", "", `{"login":"mdupont","name":"M. Dupont","disabled":false}`,
			"-", "login : mdupont · name : M. Dupont · disabled : non"},
		{"only what changed", `{"login":"mdupont","name":"M. Dup","roles":["teacher"]}`, `{"login":"mdupont","name":"M. Dupont","roles":["teacher","cpe"]}`,
			"name : M. Dup · roles : [teacher]", "name : M. Dupont · roles : [teacher, cpe]"},
		{"member removed", `{"login":"x","keys":[{"fingerprint":"SHA256:ab"}]}`, `{"login":"x"}`,
			"keys : [{fingerprint : SHA256:ab}]", "—"},
		{"dates the French way", "", `{"at":"2026-11-19T11:24:00+01:00","day":"2026-11-19","n":3}`,
			"-", "at : 19/11/2026 11:24 · day : 19/11/2026 · n : 3"},
		{"unchanged", `{"a":1}`, `{"a":1}`, "(inchangé)", "(inchangé)"},
		{"scalar", "", `"30"`, "-", "30"},
		{"deleted", `{"kind":"absent"}`, "", "kind : absent", "-"},
		{"not JSON kept as is", "texte libre", "", "texte libre", "-"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, a := readableChange(c.before, c.after, paris)
			if b != c.wantBefore || a != c.wantAfter {
				t.Errorf("readableChange = %q, %q; want %q, %q", b, a, c.wantBefore, c.wantAfter)
			}
		})
	}
}

// TestAuditJSONKeepsTheRecords: --json gives scripts the ISO time and the
// stored records; without it a person reads French dates.
func TestAuditJSONKeepsTheRecords(t *testing.T) {
	db := emptySchool(t, "0750001A")
	inProcess(t, "settings", "set", "essai.delai", "30", "--db", db)
	raw := inProcess(t, "audit", "--json", "--db", db)
	if !strings.Contains(raw, "\tessai.delai\t-\t\"30\"") {
		t.Errorf("--json: %q", raw)
	}
	readable := inProcess(t, "audit", "--db", db)
	if strings.Contains(readable, "\"30\"") || !strings.Contains(readable, "\tessai.delai\t-\t30") {
		t.Errorf("readable: %q", readable)
	}
	first := strings.SplitN(readable, "\t", 2)[0]
	if _, err := time.Parse("02/01/2006 15:04:05", first); err != nil {
		t.Errorf("the time is not written the French way: %q", first)
	}
}
