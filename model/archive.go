package model

import (
	"fmt"
	"time"
)

// ValidMotiveLabel is what the archive of an ended year keeps of a health
// motive: that it was valable, nothing of what it said.
const ValidMotiveLabel = "motif valable"

// ValidMotiveCode is the code that replaces a health motive in an archive.
const ValidMotiveCode = "valable"

// ArchivePurge is what the archive of an ended year must not keep (R131-6,
// DOMAIN.md « L'année scolaire comme unité »): the marks stay with their
// durations and whether their motive was valable, but a health motive
// becomes « motif valable » (and leaves the list of motives), and the free
// texts (a notice's note, what calls to families said, the notes of
// reports) go.
type ArchivePurge struct {
	// Health holds the codes of the motives flagged Health.
	Health map[string]bool
}

// NewArchivePurge returns the purge of a school with those motives.
func NewArchivePurge(motives []Motive) ArchivePurge {
	p := ArchivePurge{Health: map[string]bool{}}
	for _, m := range motives {
		if m.Health {
			p.Health[m.Code] = true
		}
	}
	return p
}

// Justification returns j without a health motive.
func (p ArchivePurge) Justification(j *Justification) *Justification {
	if j == nil || !p.Health[j.Motive] {
		return j
	}
	out := *j
	out.Motive, out.Label = ValidMotiveCode, ValidMotiveLabel
	return &out
}

// Mark returns the mark as the archive keeps it.
func (p ArchivePurge) Mark(m Mark) Mark {
	m.Justification = p.Justification(m.Justification)
	return m
}

// Notice returns the announced absence as the archive keeps it: no note.
func (p ArchivePurge) Notice(n Notice) Notice {
	n.Justification = p.Justification(n.Justification)
	n.Note = ""
	return n
}

// PurgedText replaces a free text that an archive does not keep.
const PurgedText = "(texte retiré à la clôture de l'année)"

// Call returns the call to a family as the archive keeps it: who called whom
// and when, not what was said (its outcome and note are free texts).
func (p ArchivePurge) Call(c FamilyCall) FamilyCall {
	c.Note = ""
	if c.Outcome != "" {
		c.Outcome = PurgedText
	}
	return c
}

// Motive returns a motive as the archive keeps it: a health motive becomes
// ValidMotive, so that no health label stays anywhere in the archive.
func (p ArchivePurge) Motive(m Motive) Motive {
	if p.Health[m.Code] {
		return ValidMotive()
	}
	return m
}

// Report returns the report to the DASEN as the archive keeps it, without its note.
func (p ArchivePurge) Report(r Report) Report {
	r.Note = ""
	return r
}

// ValidMotive is the motive an archive adds, retired, for the marks whose
// health motive it replaced.
func ValidMotive() Motive {
	return Motive{Code: ValidMotiveCode, Label: ValidMotiveLabel, Key: "y", Valid: true, Order: 99, Retired: true}
}

// SettingArchiveRetention is how many years the archive of an ended year is
// kept after it ends (R131-6 and the archives' rules: 10 by default).
const SettingArchiveRetention = "archives.retention"

func init() {
	RegisterSettings(SettingDef{
		Key: SettingArchiveRetention, Label: "Conservation des archives d'année (ans)",
		Help: "Années pendant lesquelles l'archive d'une année close (appel-AAAA-AAAA.db, son registre d'appel) " +
			"est gardée après la fin de cette année ; « appel year purge » supprime les plus anciennes.",
		Kind: SettingInt, Default: "10", Min: 1, Max: 50,
	})
}

// ArchivedYear is the archive of an ended school year.
type ArchivedYear struct {
	// Year is its name (2026-2027); Path its file.
	Year string
	Path string
}

// KeptUntil returns the last day the archive of year (2026-2027) is kept
// for retention years: the 31 August that ends the school year, retention
// years later.
func KeptUntil(year string, retention int) (Date, error) {
	var a, b int
	if _, err := fmt.Sscanf(year, "%d-%d", &a, &b); err != nil || b != a+1 {
		return Date{}, invalid("année scolaire %q illisible (attendu 2026-2027)", year)
	}
	return NewDate(b+retention, time.August, 31), nil
}

// ExpiredYears returns the archives whose retention has passed on today, in
// the order given.
func ExpiredYears(archives []ArchivedYear, today Date, retention int) []ArchivedYear {
	var out []ArchivedYear
	for _, a := range archives {
		if until, err := KeptUntil(a.Year, retention); err == nil && today.After(until) {
			out = append(out, a)
		}
	}
	return out
}

// ArchivedStore is a Store that knows whether it holds the archive of an
// ended year (storage's DB does).
type ArchivedStore interface {
	// ArchivedYear returns the ended year the store holds, if it is an archive.
	ArchivedYear() (string, bool)
}

// ArchivedYear returns the year of the archive the service reads (an ended
// year, read-only), and false on the current year.
func (s *Service) ArchivedYear() (string, bool) {
	if a, ok := s.store.(ArchivedStore); ok {
		return a.ArchivedYear()
	}
	return "", false
}
