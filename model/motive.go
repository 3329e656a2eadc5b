package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Motive is a reason an absence can be given, with a one-key shortcut and the
// validity (valable or not) that it carries.
type Motive struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Key   string `json:"key"`
	Valid bool   `json:"valid"`
	// Order places the motive in lists.
	Order int `json:"order"`
	// Retired motives stay on the absences they justified but are no longer offered.
	Retired bool `json:"retired,omitempty"`
	// Health marks a motive that tells something of the pupil's health: the
	// archive of an ended year keeps only « motif valable » in its place
	// (R131-6; see ArchivePurge).
	Health bool `json:"health,omitempty"`
}

// ReservedKeys are the keys that navigation and selection use on the screens that
// apply motives; no motive key may take one of them.
const ReservedKeys = "hjklquvxgbn"

// DefaultMotives returns the default list of DOMAIN.md.
func DefaultMotives() []Motive {
	return []Motive{
		{"maladie", "Maladie", "m", true, 1, false, true},
		{"rdv-medical", "Rendez-vous médical", "r", true, 2, false, true},
		{"famille", "Événement familial grave / réunion solennelle de famille", "f", true, 3, false, false},
		{"transport", "Problème de transport", "t", true, 4, false, false},
		{"convocation", "Convocation officielle (examen, JDC, tribunal)", "c", true, 5, false, false},
		{"responsables", "Absence des responsables légaux que l'élève accompagne", "a", true, 6, false, false},
		{"reveil", "Panne de réveil", "p", false, 7, false, false},
		{"convenance", "Convenance personnelle / raison personnelle", "o", false, 8, false, false},
		{"non-recevable", "Motif non recevable", "z", false, 9, false, false},
	}
}

// Validate checks one motive on its own.
func (m Motive) Validate() error {
	switch {
	case m.Code == "" || strings.ContainsAny(m.Code, "/\x00"):
		return invalid("motif sans code valide")
	case strings.TrimSpace(m.Label) == "":
		return invalid("motif %s sans libellé", m.Code)
	case utf8.RuneCountInString(m.Key) != 1:
		return invalid("motif %s : la touche doit être un seul caractère", m.Label)
	case m.Key < "a" || m.Key > "z":
		return invalid("motif %s : la touche doit être une lettre minuscule", m.Label)
	case strings.Contains(ReservedKeys, m.Key):
		return invalid("motif %s : la touche %q sert déjà à la navigation", m.Label, m.Key)
	}
	return nil
}

// ValidateMotives checks a whole list: each motive, and no key or code used twice
// among the motives still offered.
func ValidateMotives(ms []Motive) error {
	keys, codes := map[string]string{}, map[string]bool{}
	for _, m := range ms {
		if err := m.Validate(); err != nil {
			return err
		}
		if codes[m.Code] {
			return invalid("code de motif %q en double", m.Code)
		}
		codes[m.Code] = true
		if m.Retired {
			continue
		}
		if other, dup := keys[m.Key]; dup {
			return invalid("la touche %q sert à « %s » et à « %s »", m.Key, other, m.Label)
		}
		keys[m.Key] = m.Label
	}
	return nil
}

// MotiveByKey returns the offered motive bound to key.
func MotiveByKey(ms []Motive, key string) (Motive, bool) {
	for _, m := range ms {
		if m.Key == key && !m.Retired {
			return m, true
		}
	}
	return Motive{}, false
}

// MotiveByLabel returns the motive whose label (or code) matches s, ignoring case and accents.
func MotiveByLabel(ms []Motive, s string) (Motive, bool) {
	want := FoldAccents(strings.TrimSpace(s))
	for _, m := range ms {
		if FoldAccents(m.Label) == want || m.Code == strings.TrimSpace(s) {
			return m, true
		}
	}
	return Motive{}, false
}

// Justify returns the justification that motive m gives, entered by login at t.
func (m Motive) Justify(login string, t time.Time) *Justification {
	return &Justification{Motive: m.Code, Label: m.Label, Valid: m.Valid, By: login, At: t}
}
