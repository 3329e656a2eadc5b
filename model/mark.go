package model

import (
	"fmt"
	"time"
)

// MarkKind is what the roll call says of a pupil in a séance.
type MarkKind string

// The marks of DOMAIN.md. KindPresent is stored only where a teacher declares a
// pupil present over an announced absence (a discordance to show).
const (
	KindPresent   MarkKind = "present"
	KindAbsent    MarkKind = "absent"
	KindLate      MarkKind = "late"
	KindInfirmary MarkKind = "infirmary"
	KindExcluded  MarkKind = "excluded"
	KindExempt    MarkKind = "exempt"
	KindOuting    MarkKind = "outing"
)

// MarkKinds lists the kinds that a mark export shows, in the interface's order.
var MarkKinds = []MarkKind{KindAbsent, KindLate, KindInfirmary, KindExcluded, KindExempt, KindOuting}

// Export returns the French code used in files (absent, retard, infirmerie, exclu, dispense, sortie).
func (k MarkKind) Export() string {
	switch k {
	case KindAbsent:
		return "absent"
	case KindLate:
		return "retard"
	case KindInfirmary:
		return "infirmerie"
	case KindExcluded:
		return "exclu"
	case KindExempt:
		return "dispense"
	case KindOuting:
		return "sortie"
	case KindPresent:
		return "present"
	}
	return string(k)
}

// Label returns the kind's French label for screens.
func (k MarkKind) Label() string {
	switch k {
	case KindAbsent:
		return "absent"
	case KindLate:
		return "en retard"
	case KindInfirmary:
		return "infirmerie"
	case KindExcluded:
		return "exclu"
	case KindExempt:
		return "dispensé"
	case KindOuting:
		return "sortie"
	}
	return "présent"
}

// ParseMarkKind reads a file's code (absent, retard, …) or an internal name.
func ParseMarkKind(s string) (MarkKind, error) {
	for _, k := range append([]MarkKind{KindPresent}, MarkKinds...) {
		if s == k.Export() || s == string(k) {
			return k, nil
		}
	}
	switch s {
	case "", "abs":
		return KindAbsent, nil
	case "dispensé", "dispensee", "dispensée":
		return KindExempt, nil
	}
	return "", invalid("marque inconnue %q (absent, retard, infirmerie, exclu, dispense, sortie)", s)
}

// Justification is the motive given to an absence, with the validity it had
// when it was given: editing a motive later never changes it.
type Justification struct {
	Motive string `json:"motive"`
	Label  string `json:"label"`
	Valid  bool   `json:"valid"`
	// Overruled is set when a CPE decided the validity against the motive's.
	Overruled bool      `json:"overruled,omitempty"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
}

// Mark is the roll call's statement about one pupil in one séance.
type Mark struct {
	Seance SeanceID `json:"seance"`
	Pupil  PupilID  `json:"pupil"`
	Kind   MarkKind `json:"kind"`
	// Minutes of lateness (late marks only).
	Minutes       int            `json:"minutes,omitempty"`
	Justification *Justification `json:"justification,omitempty"`
	By            string         `json:"by"`
	At            time.Time      `json:"at"`
}

// Key identifies the (séance, pupil) pair that a mark is about.
func (m Mark) Key() MarkKey { return MarkKey{m.Seance, m.Pupil} }

// Validate reports the first inconsistency of a mark.
func (m Mark) Validate() error {
	switch {
	case m.Seance == "" || m.Pupil == "":
		return invalid("marque sans séance ou sans élève")
	case m.Kind == KindLate && (m.Minutes < 0 || m.Minutes > maxLateMinutes):
		return invalid("retard de %d minutes invalide", m.Minutes)
	case m.Kind != KindLate && m.Minutes != 0:
		return invalid("des minutes ne vont qu'avec un retard")
	}
	if _, err := ParseMarkKind(string(m.Kind)); err != nil {
		return err
	}
	if _, err := m.Seance.Date(); err != nil {
		return err
	}
	return nil
}

// MarkKey identifies a pupil in a séance.
type MarkKey struct {
	Seance SeanceID `json:"seance"`
	Pupil  PupilID  `json:"pupil"`
}

// String formats the key for messages.
func (k MarkKey) String() string { return fmt.Sprintf("%s/%s", k.Seance, k.Pupil) }

// RollCall records that a séance's roll call was done.
type RollCall struct {
	Seance SeanceID  `json:"seance"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// MaxNoticeSpan is the longest span a notice may cover; storage relies on it
// to find the notices that meet a range without reading them all.
const MaxNoticeSpan = 400 * 24 * time.Hour

// Notice is an absence announced ahead by the family: it covers every séance of
// the pupil that overlaps [From, To).
type Notice struct {
	ID            string         `json:"id"`
	Pupil         PupilID        `json:"pupil"`
	From          time.Time      `json:"from"`
	To            time.Time      `json:"to"`
	Justification *Justification `json:"justification,omitempty"`
	Note          string         `json:"note,omitempty"`
	By            string         `json:"by"`
	At            time.Time      `json:"at"`
}

// Covers reports whether the notice covers séance s (in loc).
func (n Notice) Covers(s Seance, loc *time.Location) bool {
	start, end := s.Date.Time(s.Start, loc), s.Date.Time(s.End, loc)
	return start.Before(n.To) && end.After(n.From)
}

// Validate reports the first inconsistency of a notice.
func (n Notice) Validate() error {
	switch {
	case n.ID == "" || n.Pupil == "":
		return invalid("absence annoncée sans identifiant ou sans élève")
	case !n.To.After(n.From):
		return invalid("absence annoncée : la fin doit suivre le début")
	case n.To.Sub(n.From) > MaxNoticeSpan:
		return invalid("absence annoncée de plus d'un an")
	}
	return nil
}

// FamilyCall is a call to (or from) a pupil's family, logged in his file.
type FamilyCall struct {
	ID      string    `json:"id"`
	Pupil   PupilID   `json:"pupil"`
	At      time.Time `json:"at"`
	By      string    `json:"by"`
	Person  string    `json:"person,omitempty"`
	Outcome string    `json:"outcome"`
	Note    string    `json:"note,omitempty"`
}

// Report records that a pupil was reported to the DASEN for a month (L131-8).
type Report struct {
	Pupil PupilID   `json:"pupil"`
	Month string    `json:"month"`
	By    string    `json:"by"`
	At    time.Time `json:"at"`
	Note  string    `json:"note,omitempty"`
}
