package model

import (
	"context"
	"time"
)

// Actor is who performs an action: the account, and where from (for the audit).
type Actor struct {
	Login   string
	Session string
	Addr    string
}

// ReadTx reads one consistent snapshot of the store. Slices it returns belong to
// the caller.
type ReadTx interface {
	Mark(k MarkKey) (Mark, bool, error)
	MarksOfSeance(id SeanceID) ([]Mark, error)
	// MarksBetween returns the marks of the séances dated from from to to, both included.
	MarksBetween(from, to Date) ([]Mark, error)
	MarksOfPupil(p PupilID, from, to Date) ([]Mark, error)
	RollCall(id SeanceID) (RollCall, bool, error)
	RollCallsBetween(from, to Date) ([]RollCall, error)
	Notice(id string) (Notice, bool, error)
	// NoticesOverlapping returns the notices whose span meets [from, to).
	NoticesOverlapping(from, to time.Time) ([]Notice, error)
	NoticesOfPupil(p PupilID) ([]Notice, error)
	// AllNotices returns every notice, by start.
	AllNotices() ([]Notice, error)
	Guardians(p PupilID) ([]Guardian, error)
	AllGuardians() ([]Guardian, error)
	Calls(p PupilID) ([]FamilyCall, error)
	// AllCalls returns every call to a family, by pupil then time.
	AllCalls() ([]FamilyCall, error)
	Reports() ([]Report, error)
	FamilyNotice(id string) (FamilyNotice, bool, error)
	// AllFamilyNotices returns every notice to a family (the outbox and its
	// record), by identifier: by day, then half-day.
	AllFamilyNotices() ([]FamilyNotice, error)
	// FamilyNoticesOn returns the notices about the absences of day d.
	FamilyNoticesOn(d Date) ([]FamilyNotice, error)
	// Templates returns the school's own templates by kind (the others are the defaults).
	Templates() (map[string]string, error)
	// Settings returns the stored settings by key (unset keys are absent).
	Settings() (map[string]string, error)
	// Audit returns the entries matching q, oldest first.
	Audit(q AuditQuery) ([]AuditEntry, error)
	// Messages returns the messages to login not yet read, oldest first.
	Messages(login string) ([]Notification, error)

	// Incidents, Punishments, Detentions and Sanctions return every record
	// of the discipline, by identifier.
	Incidents() ([]Incident, error)
	Punishments() ([]Punishment, error)
	Detentions() ([]DetentionSession, error)
	Sanctions() ([]Sanction, error)
	// DisciplineList returns the stored list of that name (ListIncidentKinds,
	// ListPunishmentKinds); ok is false while the school keeps the default.
	DisciplineList(name string) (list []DisciplineKind, ok bool, err error)
}

// Tx reads and writes inside one atomic transaction. Every Put and Delete is
// written to the audit log with its before and after values, and announced on
// the change feed once committed. A function given to Store.Update may run more
// than once (group commit retries): it must only read and write through tx.
type Tx interface {
	ReadTx
	PutMark(m Mark) error
	DeleteMark(k MarkKey) error
	PutRollCall(r RollCall) error
	DeleteRollCall(id SeanceID) error
	PutNotice(n Notice) error
	DeleteNotice(id string) error
	PutCall(c FamilyCall) error
	PutReport(r Report) error
	DeleteReport(p PupilID, month string) error
	PutFamilyNotice(n FamilyNotice) error
	PutTemplate(kind, text string) error
	DeleteTemplate(kind string) error

	Account(login string) (Account, bool, error)
	PutAccount(a Account) error
	DeleteAccount(login string) error
	// School returns the school as this transaction sees it, with what the
	// functions before it in the same commit wrote: a change of the school
	// reads it here, never from Directory, so that no change is lost.
	School() (School, bool, error)
	// Directory builds the structure as this transaction sees it, with
	// what the functions before it in the same commit wrote: for the writes
	// planned against the whole structure (imports), never per keystroke.
	Directory() (*Directory, error)
	PutSchool(s School) error
	PutDivision(d Division) error
	DeleteDivision(code string) error
	PutGroup(g Group) error
	DeleteGroup(code string) error
	Pupil(id PupilID) (Pupil, bool, error)
	PutPupil(p Pupil) error
	DeletePupil(id PupilID) error
	PutGuardian(g Guardian) error
	DeleteGuardian(id string) error
	PutCourse(c Course) error
	DeleteCourse(id string) error
	PutMotive(m Motive) error
	PutSeanceChange(c SeanceChange) error
	DeleteSeanceChange(id SeanceID) error
	PutExtraSeance(s Seance) error
	DeleteExtraSeance(id SeanceID) error
	PutSetting(key, value string) error
	DeleteSetting(key string) error
	PutIncident(i Incident) error
	DeleteIncident(id string) error
	PutPunishment(p Punishment) error
	DeletePunishment(id string) error
	PutDetention(d DetentionSession) error
	DeleteDetention(id string) error
	PutSanction(s Sanction) error
	DeleteSanction(id string) error
	PutDisciplineList(name string, list []DisciplineKind) error

	// Notify keeps a message for an account until he reads it, and sends it
	// to his open sessions once committed.
	Notify(n Notification) error
	// ReadMessages forgets the messages to login up to the one numbered upTo.
	ReadMessages(login string, upTo uint64) error
}

// Store is appel's persistent state.
type Store interface {
	// Directory returns the structure as last committed; it is never nil once a
	// school exists (ErrNotFound before).
	Directory() (*Directory, error)
	// View runs fn on a consistent snapshot.
	View(fn func(ReadTx) error) error
	// Update runs fn in a transaction committed to disk (fsync) before it returns,
	// audited under actor and verb (a short French phrase: "marque", "motif").
	Update(ctx context.Context, actor Actor, verb string, fn func(Tx) error) (Receipt, error)
	// Watch returns the feed of committed changes; it is closed when ctx ends.
	Watch(ctx context.Context) <-chan Change
	// WatchInterest is Watch for the changes that box wants when they are
	// published (every Resync change too): the watcher may replace the box's
	// Interest at any time.
	WatchInterest(ctx context.Context, box *InterestBox) <-chan Change
}

// Receipt tells what a committed Update did.
type Receipt struct {
	// Action numbers the Update in the audit log.
	Action uint64
	At     time.Time
	// Entries are the audited changes, in the order they were made.
	Entries []AuditEntry
}

// ChangeKind says what kind of data a change touched.
type ChangeKind uint16

// Kinds of change, combined as a bit set.
const (
	ChangedMarks ChangeKind = 1 << iota
	ChangedRollCalls
	ChangedNotices
	ChangedStructure
	ChangedMotives
	ChangedAccounts
	ChangedFamily
	ChangedReports
	ChangedSettings
	ChangedDiscipline
)

// Change is a committed Update as the feed announces it.
type Change struct {
	Action uint64
	By     string
	// Session is the session of the actor (Actor.Session), empty when unknown.
	Session string
	Kinds   ChangeKind
	Dates   []Date
	Seances []SeanceID
	Pupils  []PupilID
	// Notifications addressed to accounts.
	Notifications []Notification
	// Resync is set when the subscriber fell behind and missed changes: reload all.
	Resync bool
}

// Touches reports whether the change concerns any of the kinds.
func (c Change) Touches(k ChangeKind) bool { return c.Resync || c.Kinds&k != 0 }

// TouchesDate reports whether the change concerns data of that date.
func (c Change) TouchesDate(d Date) bool {
	if c.Resync || c.Kinds&(ChangedStructure|ChangedNotices|ChangedMotives) != 0 {
		return true
	}
	for _, x := range c.Dates {
		if x == d {
			return true
		}
	}
	return false
}

// Notification is a short message for a user's open sessions (a reminder to
// take a roll call).
type Notification struct {
	// ID numbers the messages kept: later ones have greater numbers.
	ID     uint64    `json:"id,omitempty"`
	To     string    `json:"to"`
	From   string    `json:"from"`
	Text   string    `json:"text"`
	Seance SeanceID  `json:"seance,omitempty"`
	At     time.Time `json:"at"`
}

// AuditEntry is one audited change: who, when, from where, what, before, after.
type AuditEntry struct {
	Seq     uint64    `json:"seq"`
	Action  uint64    `json:"action"`
	At      time.Time `json:"at"`
	Login   string    `json:"login"`
	Session string    `json:"session,omitempty"`
	Addr    string    `json:"addr,omitempty"`
	Verb    string    `json:"verb"`
	Entity  string    `json:"entity"`
	Key     string    `json:"key"`
	// Before and After are the JSON values; empty for a creation or a deletion.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
}

// AuditQuery selects audit entries; zero fields do not filter.
type AuditQuery struct {
	From   time.Time
	To     time.Time
	Login  string
	Action uint64
	Limit  int
}
