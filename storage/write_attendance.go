package storage

import (
	"bytes"
	"encoding/json"

	"appel/model"
)

// PutMark stores a mark (validated first) and indexes it by pupil.
func (t *tx) PutMark(m model.Mark) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if err := checkKey(m.Key()); err != nil {
		return err
	}
	old, changed, err := t.put(eMark, join(string(m.Seance), string(m.Pupil)), m)
	if err != nil || !changed {
		return err
	}
	t.touchSeance(m.Seance)
	t.touchPupil(m.Pupil)
	if old != nil {
		return nil
	}
	return t.index(bMarksByPupil, join(string(m.Pupil), string(m.Seance)), true)
}

// DeleteMark removes a mark and its index entry.
func (t *tx) DeleteMark(k model.MarkKey) error {
	old, err := t.del(eMark, join(string(k.Seance), string(k.Pupil)))
	if err != nil || old == nil {
		return err
	}
	t.touchSeance(k.Seance)
	t.touchPupil(k.Pupil)
	return t.index(bMarksByPupil, join(string(k.Pupil), string(k.Seance)), false)
}

func checkKey(k model.MarkKey) error {
	if err := checkID(model.EntityMark, string(k.Seance)); err != nil {
		return err
	}
	return checkID(model.EntityMark, string(k.Pupil))
}

// checkSeanceID refuses séance identifiers that do not start with a date.
func checkSeanceID(what string, id model.SeanceID) error {
	if err := checkID(what, string(id)); err != nil {
		return err
	}
	_, err := id.Date()
	return err
}

// PutRollCall records that a séance's roll call was done.
func (t *tx) PutRollCall(r model.RollCall) error {
	if err := checkSeanceID(model.EntityRollCall, r.Seance); err != nil {
		return err
	}
	_, changed, err := t.put(eRollCall, []byte(r.Seance), r)
	if changed {
		t.touchSeance(r.Seance)
	}
	return err
}

// DeleteRollCall marks a séance's roll call as not done.
func (t *tx) DeleteRollCall(id model.SeanceID) error {
	old, err := t.del(eRollCall, []byte(id))
	if old != nil {
		t.touchSeance(id)
	}
	return err
}

// PutNotice stores an announced absence (validated first: its span is
// bounded by model.MaxNoticeSpan) and keeps its indexes.
func (t *tx) PutNotice(n model.Notice) error {
	if err := n.Validate(); err != nil {
		return err
	}
	if err := checkID(model.EntityNotice, n.ID); err != nil {
		return err
	}
	if err := checkID(model.EntityNotice, string(n.Pupil)); err != nil {
		return err
	}
	old, changed, err := t.put(eNotice, []byte(n.ID), n)
	if err != nil || !changed {
		return err
	}
	if err := t.unindexNotice(old); err != nil {
		return err
	}
	t.touchPupil(n.Pupil)
	return t.indexNotice(n, true)
}

// DeleteNotice removes an announced absence and its indexes.
func (t *tx) DeleteNotice(id string) error {
	old, err := t.del(eNotice, []byte(id))
	if err != nil {
		return err
	}
	return t.unindexNotice(old)
}

// unindexNotice removes the index entries of a stored notice (raw JSON, or nil).
func (t *tx) unindexNotice(raw []byte) error {
	if raw == nil {
		return nil
	}
	var n model.Notice
	if err := json.Unmarshal(raw, &n); err != nil {
		return err
	}
	t.touchPupil(n.Pupil)
	return t.indexNotice(n, false)
}

func (t *tx) indexNotice(n model.Notice, on bool) error {
	if err := t.index(bNoticesByPupil, join(string(n.Pupil), n.ID), on); err != nil {
		return err
	}
	return t.index(bNoticesByEnd, append(timeKey(n.To), n.ID...), on)
}

// callKey is pupil·timeKey(At)callID: a pupil's calls sort by time.
func callKey(c model.FamilyCall) []byte {
	k := append(prefix(string(c.Pupil)), timeKey(c.At)...)
	return append(k, c.ID...)
}

// callLabel formats a call's key as pupil/callID for the audit log.
func callLabel(k []byte) string {
	pupil, rest := split(k)
	if len(rest) < timeKeyLen {
		return readable(k)
	}
	return pupil + "/" + rest[timeKeyLen:]
}

// PutCall logs a call to a family; a call stored again with another pupil or
// time moves to its new key.
func (t *tx) PutCall(c model.FamilyCall) error {
	if err := checkID(model.EntityCall, c.ID); err != nil {
		return err
	}
	if err := checkID(model.EntityCall, string(c.Pupil)); err != nil {
		return err
	}
	key := callKey(c)
	ids := t.btx.Bucket(bCallsByID)
	if prev := bytes.Clone(ids.Get([]byte(c.ID))); prev != nil && !bytes.Equal(prev, key) {
		if _, err := t.del(eCall, prev); err != nil {
			return err
		}
	}
	_, changed, err := t.put(eCall, key, c)
	if err != nil || !changed {
		return err
	}
	t.touchPupil(c.Pupil)
	return ids.Put([]byte(c.ID), key)
}

// PutReport records a report to the DASEN for a pupil and a month.
func (t *tx) PutReport(r model.Report) error {
	if err := checkID(model.EntityReport, string(r.Pupil)); err != nil {
		return err
	}
	if err := checkID(model.EntityReport, r.Month); err != nil {
		return err
	}
	_, changed, err := t.put(eReport, join(string(r.Pupil), r.Month), r)
	if changed {
		t.touchPupil(r.Pupil)
	}
	return err
}

// DeleteReport removes the report of a pupil for a month.
func (t *tx) DeleteReport(p model.PupilID, month string) error {
	old, err := t.del(eReport, join(string(p), month))
	if old != nil {
		t.touchPupil(p)
	}
	return err
}

// PutFamilyNotice stores a notice to a family: queued, then its sending and outcome.
func (t *tx) PutFamilyNotice(n model.FamilyNotice) error {
	if err := checkID(model.EntityFamilyNotice, n.ID); err != nil {
		return err
	}
	for _, p := range n.Pupils {
		t.touchPupil(p)
	}
	return t.putID(eFamilyNotice, n.ID, n)
}
