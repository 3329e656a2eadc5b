package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"appel/model"
)

// entity describes one kind of stored value: its bucket, its name in the
// audit log and the kind of change it makes.
type entity struct {
	name   string
	bucket []byte
	kind   model.ChangeKind
	// label formats a key for the audit log (default: readable).
	label func(key []byte) string
}

// The stored entities.
var (
	eMark         = entity{name: model.EntityMark, bucket: bMarks, kind: model.ChangedMarks}
	eRollCall     = entity{name: model.EntityRollCall, bucket: bRollCalls, kind: model.ChangedRollCalls}
	eNotice       = entity{name: model.EntityNotice, bucket: bNotices, kind: model.ChangedNotices}
	eCall         = entity{name: model.EntityCall, bucket: bCalls, kind: model.ChangedFamily, label: callLabel}
	eReport       = entity{name: model.EntityReport, bucket: bReports, kind: model.ChangedReports}
	eSchool       = entity{name: model.EntitySchool, bucket: bSchool, kind: model.ChangedStructure}
	eDivision     = entity{name: model.EntityDivision, bucket: bDivisions, kind: model.ChangedStructure}
	eGroup        = entity{name: model.EntityGroup, bucket: bGroups, kind: model.ChangedStructure}
	ePupil        = entity{name: model.EntityPupil, bucket: bPupils, kind: model.ChangedStructure}
	eGuardian     = entity{name: model.EntityGuardian, bucket: bGuardians, kind: model.ChangedFamily}
	eAccount      = entity{name: model.EntityAccount, bucket: bAccounts, kind: model.ChangedAccounts}
	eCourse       = entity{name: model.EntityCourse, bucket: bCourses, kind: model.ChangedStructure}
	eMotive       = entity{name: model.EntityMotive, bucket: bMotives, kind: model.ChangedMotives}
	eSeanceChange = entity{name: model.EntitySeanceChange, bucket: bSeanceChanges, kind: model.ChangedStructure}
	eExtraSeance  = entity{name: model.EntityExtraSeance, bucket: bExtraSeances, kind: model.ChangedStructure}
	eSetting      = entity{name: model.EntitySetting, bucket: bSettings, kind: model.ChangedSettings}
	eFamilyNotice = entity{name: model.EntityFamilyNotice, bucket: bFamilyNotices, kind: model.ChangedFamily}
	eTemplate     = entity{name: model.EntityTemplate, bucket: bTemplates, kind: model.ChangedSettings}
	eIncident     = entity{name: model.EntityIncident, bucket: bIncidents, kind: model.ChangedDiscipline}
	ePunishment   = entity{name: model.EntityPunishment, bucket: bPunishments, kind: model.ChangedDiscipline}
	eDetention    = entity{name: model.EntityDetention, bucket: bDetentions, kind: model.ChangedDiscipline}
	eSanction     = entity{name: model.EntitySanction, bucket: bSanctions, kind: model.ChangedDiscipline}
	eDiscipline   = entity{name: model.EntityDiscipline, bucket: bDisciplineLists, kind: model.ChangedDiscipline}
)

// structuralKinds are the changes that the Directory shows.
const structuralKinds = model.ChangedStructure | model.ChangedAccounts | model.ChangedMotives

// tx is one run of an Update function: it implements model.Tx, audits its
// writes and gathers what the change feed will announce.
type tx struct {
	reader
	actor model.Actor
	verb  string
	at    time.Time

	action     uint64
	entries    []model.AuditEntry
	kinds      model.ChangeKind
	structural bool
	dates      map[model.Date]bool
	seances    map[model.SeanceID]bool
	pupils     map[model.PupilID]bool
	notes      []model.Notification
}

var _ model.Tx = (*tx)(nil)

func newTx(btx *bolt.Tx, actor model.Actor, verb string, at time.Time) *tx {
	return &tx{
		reader: reader{btx}, actor: actor, verb: verb, at: at,
		dates: map[model.Date]bool{}, seances: map[model.SeanceID]bool{}, pupils: map[model.PupilID]bool{},
	}
}

// put stores v under key and audits the change. It returns the previous value
// (nil if none) and whether anything changed: a value equal to the stored one
// is not written.
func (t *tx) put(e entity, key []byte, v any) ([]byte, bool, error) {
	val, err := json.Marshal(v)
	if err != nil {
		return nil, false, fmt.Errorf("%s %s : %w", e.name, readable(key), err)
	}
	b := t.btx.Bucket(e.bucket)
	cur := b.Get(key)
	if cur != nil && bytes.Equal(cur, val) {
		return cur, false, nil
	}
	old := bytes.Clone(cur)
	if err := b.Put(key, val); err != nil {
		return nil, false, err
	}
	return old, true, t.audit(e, key, old, val)
}

// del removes key and audits the change; it returns the removed value, nil
// when there was none (nothing is audited then).
func (t *tx) del(e entity, key []byte) ([]byte, error) {
	b := t.btx.Bucket(e.bucket)
	cur := b.Get(key)
	if cur == nil {
		return nil, nil
	}
	old := bytes.Clone(cur)
	if err := b.Delete(key); err != nil {
		return nil, err
	}
	return old, t.audit(e, key, old, nil)
}

// putID and delID handle the entities keyed by one identifier.
func (t *tx) putID(e entity, id string, v any) error {
	if err := checkID(e.name, id); err != nil {
		return err
	}
	_, _, err := t.put(e, []byte(id), v)
	return err
}

func (t *tx) delID(e entity, id string) error {
	_, err := t.del(e, []byte(id))
	return err
}

// index adds (or, with on false, removes) an unaudited index key.
func (t *tx) index(bucket, key []byte, on bool) error {
	b := t.btx.Bucket(bucket)
	if on {
		return b.Put(key, []byte{})
	}
	return b.Delete(key)
}

func (t *tx) touchSeance(id model.SeanceID) {
	t.seances[id] = true
	if d, err := id.Date(); err == nil {
		t.dates[d] = true
	}
}

func (t *tx) touchPupil(p model.PupilID) { t.pupils[p] = true }

// Notify keeps n for n.To until he reads it, and sends it to his open
// sessions once the transaction commits.
func (t *tx) Notify(n model.Notification) error {
	if n.At.IsZero() {
		n.At = t.at
	}
	if n.From == "" {
		n.From = t.actor.Login
	}
	b := t.btx.Bucket(bMessages)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	n.ID = id
	val, err := json.Marshal(n)
	if err != nil {
		return err
	}
	if err := b.Put(messageKey(n.To, id), val); err != nil {
		return err
	}
	t.notes = append(t.notes, n)
	return nil
}

// ReadMessages forgets the messages to login numbered up to upTo.
func (t *tx) ReadMessages(login string, upTo uint64) error {
	b := t.btx.Bucket(bMessages)
	pre := messageKey(login, 0)[:len(login)+1]
	var read [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre) && len(k) == len(pre)+8; k, _ = c.Next() {
		if binary.BigEndian.Uint64(k[len(pre):]) > upTo {
			break
		}
		read = append(read, bytes.Clone(k))
	}
	for _, k := range read {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// messageKey is login, a zero byte and the message's number, big-endian:
// an account's messages in the order they were sent.
func messageKey(login string, id uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(login), 0), id)
}

// receipt tells the caller what its run did.
func (t *tx) receipt() model.Receipt {
	return model.Receipt{Action: t.action, At: t.at, Entries: slices.Clone(t.entries)}
}

// change is the feed's announcement of the run; ok is false when the run
// changed nothing and notified no one.
func (t *tx) change() (model.Change, bool) {
	if len(t.entries) == 0 && len(t.notes) == 0 {
		return model.Change{}, false
	}
	c := model.Change{
		Action: t.action, By: t.actor.Login, Session: t.actor.Session, Kinds: t.kinds, Notifications: t.notes,
		Dates:   sortedKeys(t.dates, func(a, b model.Date) int { return a.Compare(b) }),
		Seances: sortedKeys(t.seances, cmp.Compare[model.SeanceID]),
		Pupils:  sortedKeys(t.pupils, cmp.Compare[model.PupilID]),
	}
	return c, true
}

func sortedKeys[K comparable](m map[K]bool, cmp func(a, b K) int) []K {
	if len(m) == 0 {
		return nil
	}
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, cmp)
	return out
}
