package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"appel/model"
)

// reader implements model.ReadTx on a bbolt transaction. Everything it
// returns is decoded, so it stays valid after the transaction.
type reader struct{ btx *bolt.Tx }

var _ model.ReadTx = reader{}

// get decodes the value stored under key in bucket.
func get[T any](r reader, bucket, key []byte) (T, bool, error) {
	var v T
	raw := r.btx.Bucket(bucket).Get(key)
	if raw == nil {
		return v, false, nil
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, false, fmt.Errorf("lecture de %s %q : %w", bucket, readable(key), err)
	}
	return v, true, nil
}

// scan decodes the values from start on while keep accepts their key.
func scan[T any](r reader, bucket, start []byte, keep func(k []byte) bool) ([]T, error) {
	var out []T
	c := r.btx.Bucket(bucket).Cursor()
	for k, raw := c.Seek(start); k != nil && keep(k); k, raw = c.Next() {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, fmt.Errorf("lecture de %s %q : %w", bucket, readable(k), err)
		}
		out = append(out, v)
	}
	return out, nil
}

// all decodes every value of bucket, in key order.
func all[T any](r reader, bucket []byte) ([]T, error) {
	return scan[T](r, bucket, nil, func([]byte) bool { return true })
}

// follow decodes, for each index key from start on that keep accepts, the
// value that target holds under ref(index key).
func follow[T any](r reader, index, start []byte, keep func(k []byte) bool, target []byte, ref func(k []byte) []byte) ([]T, error) {
	var out []T
	c := r.btx.Bucket(index).Cursor()
	for k, _ := c.Seek(start); k != nil && keep(k); k, _ = c.Next() {
		v, ok, err := get[T](r, target, ref(k))
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// hasPrefix returns a keep function for the keys that start with p.
func hasPrefix(p []byte) func([]byte) bool {
	return func(k []byte) bool { return bytes.HasPrefix(k, p) }
}

// upTo returns a keep function for the keys whose séance date is at most to;
// a zero to keeps everything.
func upTo(to model.Date) func([]byte) bool {
	if to.IsZero() {
		return func([]byte) bool { return true }
	}
	hi := dateKey(to)
	return func(k []byte) bool { return bytes.Compare(dateOfKey(k), hi) <= 0 }
}

// Mark returns the mark of a pupil in a séance.
func (r reader) Mark(k model.MarkKey) (model.Mark, bool, error) {
	return get[model.Mark](r, bMarks, join(string(k.Seance), string(k.Pupil)))
}

// MarksOfSeance returns the marks of one séance, by pupil identifier.
func (r reader) MarksOfSeance(id model.SeanceID) ([]model.Mark, error) {
	p := prefix(string(id))
	return scan[model.Mark](r, bMarks, p, hasPrefix(p))
}

// MarksBetween returns the marks of the séances dated from from to to, both
// included (a zero to has no end), in séance order.
func (r reader) MarksBetween(from, to model.Date) ([]model.Mark, error) {
	return scan[model.Mark](r, bMarks, dateKey(from), upTo(to))
}

// MarksOfPupil returns a pupil's marks in séances from from to to, both
// included (a zero from has no start, a zero to no end), in séance order.
func (r reader) MarksOfPupil(p model.PupilID, from, to model.Date) ([]model.Mark, error) {
	pre := prefix(string(p))
	start := pre
	if !from.IsZero() {
		start = append(bytes.Clone(pre), dateKey(from)...)
	}
	inRange := upTo(to)
	keep := func(k []byte) bool { return bytes.HasPrefix(k, pre) && inRange(k[len(pre):]) }
	ref := func(k []byte) []byte { return join(string(k[len(pre):]), string(p)) }
	return follow[model.Mark](r, bMarksByPupil, start, keep, bMarks, ref)
}

// RollCall returns the record of a séance's roll call.
func (r reader) RollCall(id model.SeanceID) (model.RollCall, bool, error) {
	return get[model.RollCall](r, bRollCalls, []byte(id))
}

// RollCallsBetween returns the roll calls of the séances dated from from to
// to, both included (a zero to has no end).
func (r reader) RollCallsBetween(from, to model.Date) ([]model.RollCall, error) {
	return scan[model.RollCall](r, bRollCalls, dateKey(from), upTo(to))
}

// Notice returns an announced absence.
func (r reader) Notice(id string) (model.Notice, bool, error) {
	return get[model.Notice](r, bNotices, []byte(id))
}

// NoticesOverlapping returns the notices whose span meets [from, to), by start.
// It reads the notices that end after from and before to plus the longest
// span a notice may have.
func (r reader) NoticesOverlapping(from, to time.Time) ([]model.Notice, error) {
	hi := timeKey(to.Add(model.MaxNoticeSpan))
	keep := func(k []byte) bool { return len(k) > timeKeyLen && bytes.Compare(k[:timeKeyLen], hi) <= 0 }
	ref := func(k []byte) []byte { return k[timeKeyLen:] }
	ns, err := follow[model.Notice](r, bNoticesByEnd, timeKey(from), keep, bNotices, ref)
	if err != nil {
		return nil, err
	}
	ns = slices.DeleteFunc(ns, func(n model.Notice) bool { return !n.From.Before(to) || !n.To.After(from) })
	sortNotices(ns)
	return ns, nil
}

// NoticesOfPupil returns a pupil's notices, by start.
func (r reader) NoticesOfPupil(p model.PupilID) ([]model.Notice, error) {
	pre := prefix(string(p))
	ref := func(k []byte) []byte { return k[len(pre):] }
	ns, err := follow[model.Notice](r, bNoticesByPupil, pre, hasPrefix(pre), bNotices, ref)
	sortNotices(ns)
	return ns, err
}

// AllNotices returns every notice, by start.
func (r reader) AllNotices() ([]model.Notice, error) {
	ns, err := all[model.Notice](r, bNotices)
	sortNotices(ns)
	return ns, err
}

func sortNotices(ns []model.Notice) {
	slices.SortFunc(ns, func(a, b model.Notice) int {
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		return bytes.Compare([]byte(a.ID), []byte(b.ID))
	})
}

// Guardians returns the guardians linked to a pupil, by identifier.
func (r reader) Guardians(p model.PupilID) ([]model.Guardian, error) {
	pre := prefix(string(p))
	ref := func(k []byte) []byte { return k[len(pre):] }
	return follow[model.Guardian](r, bGuardiansByPupil, pre, hasPrefix(pre), bGuardians, ref)
}

// AllGuardians returns every guardian, by identifier.
func (r reader) AllGuardians() ([]model.Guardian, error) { return all[model.Guardian](r, bGuardians) }

// Calls returns the calls to a pupil's family, oldest first.
func (r reader) Calls(p model.PupilID) ([]model.FamilyCall, error) {
	pre := prefix(string(p))
	return scan[model.FamilyCall](r, bCalls, pre, hasPrefix(pre))
}

// AllCalls returns every call to a family, by pupil then time.
func (r reader) AllCalls() ([]model.FamilyCall, error) { return all[model.FamilyCall](r, bCalls) }

// Reports returns every report to the DASEN, by pupil and month.
func (r reader) Reports() ([]model.Report, error) { return all[model.Report](r, bReports) }

// Settings returns the stored settings by key.
func (r reader) Settings() (map[string]string, error) {
	out := map[string]string{}
	err := r.btx.Bucket(bSettings).ForEach(func(k, v []byte) error {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("réglage %s illisible : %w", k, err)
		}
		out[string(k)] = s
		return nil
	})
	return out, err
}

// Account returns the account with that login.
func (r reader) Account(login string) (model.Account, bool, error) {
	return get[model.Account](r, bAccounts, []byte(login))
}

// School returns the stored school.
func (r reader) School() (model.School, bool, error) {
	return get[model.School](r, bSchool, keySchool)
}

// Pupil returns the pupil with that identifier.
func (r reader) Pupil(id model.PupilID) (model.Pupil, bool, error) {
	return get[model.Pupil](r, bPupils, []byte(id))
}

// FamilyNotice returns one notice to a family.
func (r reader) FamilyNotice(id string) (model.FamilyNotice, bool, error) {
	return get[model.FamilyNotice](r, bFamilyNotices, []byte(id))
}

// AllFamilyNotices returns every notice to a family, by identifier.
func (r reader) AllFamilyNotices() ([]model.FamilyNotice, error) {
	return all[model.FamilyNotice](r, bFamilyNotices)
}

// FamilyNoticesOn returns the notices about day d: their identifiers start
// with the day (model.FamilyNoticeID).
func (r reader) FamilyNoticesOn(d model.Date) ([]model.FamilyNotice, error) {
	pre := []byte(d.Compact() + "-")
	return scan[model.FamilyNotice](r, bFamilyNotices, pre, hasPrefix(pre))
}

// Templates returns the stored templates by kind.
// Messages returns the messages to login not yet read, oldest first.
func (r reader) Messages(login string) ([]model.Notification, error) {
	pre := append([]byte(login), 0)
	return scan[model.Notification](r, bMessages, pre, hasPrefix(pre))
}

func (r reader) Templates() (map[string]string, error) {
	out := map[string]string{}
	err := r.btx.Bucket(bTemplates).ForEach(func(k, v []byte) error {
		var text string
		if err := json.Unmarshal(v, &text); err != nil {
			return err
		}
		out[string(k)] = text
		return nil
	})
	return out, err
}
