package model

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
