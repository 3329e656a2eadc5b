package model

import (
	"slices"
	"strings"
	"time"
)

// SanctionKind is one of the six sanctions disciplinaires of R511-13; there
// is no other.
type SanctionKind string

// The six sanctions of R511-13, in the order of the article.
const (
	SanctionWarning        SanctionKind = "avertissement"
	SanctionBlame          SanctionKind = "blame"
	SanctionResponsibility SanctionKind = "responsabilisation"
	SanctionClassExclusion SanctionKind = "exclusion-classe"
	SanctionTempExclusion  SanctionKind = "exclusion-temporaire"
	SanctionExpulsion      SanctionKind = "exclusion-definitive"
)

// SanctionKinds lists the six sanctions in the order of R511-13.
var SanctionKinds = []SanctionKind{
	SanctionWarning, SanctionBlame, SanctionResponsibility,
	SanctionClassExclusion, SanctionTempExclusion, SanctionExpulsion,
}

// sanctionRule is what R511-13 says of one sanction: its label, the school
// years after the one it was pronounced in at whose end it is erased (-1:
// never), whether it may carry a sursis, its longest duration and whether it
// takes the conseil de discipline.
type sanctionRule struct {
	label    string
	erasure  int
	sursis   bool
	maxDays  int
	maxHours int
	council  bool
	excludes bool
}

// sanctionRules is the one table of R511-13 (as amended by the décret
// n° 2019-906): the avertissement is erased at the end of its school year,
// the blâme and the mesure de responsabilisation at the end of the following
// one, the temporary exclusions at the end of the second following one; the
// exclusion définitive is never erased.
var sanctionRules = map[SanctionKind]sanctionRule{
	SanctionWarning:        {label: "Avertissement", erasure: 0},
	SanctionBlame:          {label: "Blâme", erasure: 1},
	SanctionResponsibility: {label: "Mesure de responsabilisation", erasure: 1, sursis: true, maxHours: 20},
	SanctionClassExclusion: {label: "Exclusion temporaire de la classe", erasure: 2, sursis: true, maxDays: 8, excludes: true},
	SanctionTempExclusion:  {label: "Exclusion temporaire de l'établissement", erasure: 2, sursis: true, maxDays: 8, excludes: true},
	SanctionExpulsion:      {label: "Exclusion définitive", erasure: -1, sursis: true, council: true},
}

// Label names the sanction in French.
func (k SanctionKind) Label() string {
	if r, ok := sanctionRules[k]; ok {
		return r.label
	}
	return string(k)
}

// ParseSanctionKind reads one of the six codes (or its number 1 to 6);
// anything else is refused.
func ParseSanctionKind(s string) (SanctionKind, error) {
	s = FoldAccents(strings.TrimSpace(s))
	for i, k := range SanctionKinds {
		if s == string(k) || s == string(rune('1'+i)) {
			return k, nil
		}
	}
	return "", invalid("sanction %q inconnue : R511-13 n'en connaît que six (%s)", Visible(s), sanctionCodes())
}

func sanctionCodes() string {
	var codes []string
	for _, k := range SanctionKinds {
		codes = append(codes, string(k))
	}
	return strings.Join(codes, ", ")
}

// SchoolYearOf returns the first day (1 September, L521-1) of the school
// year that d belongs to.
func SchoolYearOf(d Date) Date {
	y := d.Year
	if d.Month < time.September {
		y--
	}
	return NewDate(y, time.September, 1)
}

// ErasureDate returns the first day on which a sanction of kind pronounced
// on day no longer shows in the pupil's file; ok is false for a sanction
// that is never erased (or an unknown kind). A sursis changes nothing.
func ErasureDate(kind SanctionKind, day Date) (Date, bool) {
	r, ok := sanctionRules[kind]
	if !ok || r.erasure < 0 {
		return Date{}, false
	}
	start := SchoolYearOf(day)
	return NewDate(start.Year+1+r.erasure, time.September, 1), true
}

// Sursis is how much of a sanction is suspended.
type Sursis string

// The kinds of sursis.
const (
	SursisNone    Sursis = ""
	SursisFull    Sursis = "total"
	SursisPartial Sursis = "partiel"
)

// Authority is who pronounced a sanction.
type Authority string

// The authorities of R511-13.
const (
	AuthorityHead    Authority = "chef"
	AuthorityCouncil Authority = "conseil"
)

// Label names the authority in French.
func (a Authority) Label() string {
	if a == AuthorityCouncil {
		return "conseil de discipline"
	}
	return "chef d'établissement"
}

// Sanction is a sanction disciplinaire pronounced against one pupil: its
// kind, the day, the facts, the sursis, and for an exclusion its first day
// and its days (school days with lessons), for a mesure de
// responsabilisation its hours.
type Sanction struct {
	ID        string       `json:"id"`
	Pupil     PupilID      `json:"pupil"`
	Kind      SanctionKind `json:"kind"`
	Date      Date         `json:"date"`
	Facts     string       `json:"facts"`
	Incident  string       `json:"incident,omitempty"`
	Authority Authority    `json:"authority"`
	Sursis    Sursis       `json:"sursis,omitempty"`
	// SursisDays is the suspended part of a partial sursis (days or hours).
	SursisDays int       `json:"sursis_days,omitempty"`
	From       Date      `json:"from,omitzero"`
	Days       int       `json:"days,omitempty"`
	Hours      int       `json:"hours,omitempty"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
	// Level is the pupil's level (his division's) when pronounced, which
	// the registre keeps; Anonymised is set once the erased sanction lost
	// the pupil's identifier (Pupil is then empty).
	Level      string `json:"level,omitempty"`
	Anonymised bool   `json:"anonymised,omitempty"`
}

// Erasure returns the first day the sanction no longer shows in the
// pupil's file; ok is false when it is never erased.
func (s Sanction) Erasure() (Date, bool) { return ErasureDate(s.Kind, s.Date) }

// Erased reports whether the sanction is erased from the pupil's file on day.
func (s Sanction) Erased(day Date) bool {
	e, ok := s.Erasure()
	return ok && !day.Before(e)
}

// ExcludedDays returns how many days the pupil is actually excluded: the
// exclusion's days less the suspended ones (none under a full sursis).
func (s Sanction) ExcludedDays() int {
	if !sanctionRules[s.Kind].excludes {
		return 0
	}
	switch s.Sursis {
	case SursisFull:
		return 0
	case SursisPartial:
		return max(0, s.Days-s.SursisDays)
	}
	return s.Days
}

// Validate reports the first way the sanction breaks R511-13.
func (s Sanction) Validate() error {
	r, ok := sanctionRules[s.Kind]
	switch {
	case !ok:
		_, err := ParseSanctionKind(string(s.Kind))
		return err
	case s.ID == "" || s.Pupil == "" && !s.Anonymised:
		return invalid("sanction sans identifiant ou sans élève")
	case s.Date.IsZero():
		return invalid("sanction sans date")
	case strings.TrimSpace(s.Facts) == "":
		return invalid("sanction sans les faits qui la motivent")
	case !slices.Contains([]Authority{AuthorityHead, AuthorityCouncil}, s.Authority):
		return invalid("autorité %q inconnue (chef, conseil)", s.Authority)
	case r.council && s.Authority != AuthorityCouncil:
		return invalid("l'exclusion définitive est prononcée par le conseil de discipline")
	}
	return s.validateMeasure(r)
}

func (s Sanction) validateMeasure(r sanctionRule) error {
	switch {
	case s.Sursis != SursisNone && !r.sursis:
		return invalid("%s : pas de sursis possible", strings.ToLower(r.label))
	case !slices.Contains([]Sursis{SursisNone, SursisFull, SursisPartial}, s.Sursis):
		return invalid("sursis %q inconnu (total, partiel)", s.Sursis)
	case r.maxDays > 0 && (s.Days < 1 || s.Days > r.maxDays):
		return invalid("%s : de 1 à %d jours", strings.ToLower(r.label), r.maxDays)
	case r.maxDays > 0 && s.From.IsZero():
		return invalid("%s : premier jour manquant", strings.ToLower(r.label))
	case r.maxDays == 0 && s.Days != 0:
		return invalid("%s : pas de jours d'exclusion", strings.ToLower(r.label))
	case r.maxHours > 0 && (s.Hours < 1 || s.Hours > r.maxHours):
		return invalid("%s : de 1 à %d heures", strings.ToLower(r.label), r.maxHours)
	case r.maxHours == 0 && s.Hours != 0:
		return invalid("%s : pas d'heures", strings.ToLower(r.label))
	case s.Sursis == SursisPartial && (s.SursisDays < 1 || s.SursisDays >= max(s.Days, s.Hours)):
		return invalid("sursis partiel : une partie seulement de la durée")
	case s.Sursis != SursisPartial && s.SursisDays != 0:
		return invalid("durée du sursis sans sursis partiel")
	}
	return nil
}
