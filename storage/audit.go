package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"slices"

	"appel/model"
)

// audit appends the entry of one change, numbering the Update's action on its
// first change.
func (t *tx) audit(e entity, key, before, after []byte) error {
	log := t.btx.Bucket(bAudit)
	seq, err := log.NextSequence()
	if err != nil {
		return err
	}
	if t.action == 0 {
		if err := t.newAction(seq); err != nil {
			return err
		}
	}
	label := readable
	if e.label != nil {
		label = e.label
	}
	entry := model.AuditEntry{
		Seq: seq, Action: t.action, At: t.at,
		Login: t.actor.Login, Session: t.actor.Session, Addr: t.actor.Addr,
		Verb: t.verb, Entity: e.name, Key: label(key), Before: string(before), After: string(after),
	}
	val, err := json.Marshal(entry)
	if err != nil {
		return err
	}
	if err := log.Put(u64(seq), val); err != nil {
		return err
	}
	if err := t.index(bAuditByTime, append(timeKey(t.at), u64(seq)...), true); err != nil {
		return err
	}
	t.entries = append(t.entries, entry)
	t.kinds |= e.kind
	t.structural = t.structural || e.kind&structuralKinds != 0
	return nil
}

// newAction numbers the running Update and records its first entry.
func (t *tx) newAction(firstSeq uint64) error {
	actions := t.btx.Bucket(bAuditActions)
	n, err := actions.NextSequence()
	if err != nil {
		return err
	}
	t.action = n
	return actions.Put(u64(n), u64(firstSeq))
}

// Audit returns the entries matching q, oldest first. From is included and To
// excluded; with a Limit, the most recent entries are kept.
func (r reader) Audit(q model.AuditQuery) ([]model.AuditEntry, error) {
	if q.Action != 0 {
		return r.auditOfAction(q)
	}
	c := r.btx.Bucket(bAuditByTime).Cursor()
	var k []byte
	if q.To.IsZero() {
		k, _ = c.Last()
	} else if k, _ = c.Seek(timeKey(q.To)); k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	var out []model.AuditEntry
	for ; k != nil && len(k) == timeKeyLen+8; k, _ = c.Prev() {
		if !q.From.IsZero() && bytes.Compare(k[:timeKeyLen], timeKey(q.From)) < 0 {
			break
		}
		e, err := r.auditEntry(k[timeKeyLen:])
		if err != nil {
			return nil, err
		}
		if q.Login != "" && e.Login != q.Login {
			continue
		}
		if out = append(out, e); q.Limit > 0 && len(out) >= q.Limit {
			break
		}
	}
	slices.Reverse(out)
	return out, nil
}

// auditOfAction reads the entries of one action, which follow each other.
func (r reader) auditOfAction(q model.AuditQuery) ([]model.AuditEntry, error) {
	first := r.btx.Bucket(bAuditActions).Get(u64(q.Action))
	if first == nil {
		return nil, nil
	}
	var out []model.AuditEntry
	c := r.btx.Bucket(bAudit).Cursor()
	for k, _ := c.Seek(first); k != nil; k, _ = c.Next() {
		e, err := r.auditEntry(k)
		if err != nil {
			return nil, err
		}
		if e.Action != q.Action {
			break
		}
		if matchAudit(q, e) {
			out = append(out, e)
		}
	}
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[len(out)-q.Limit:]
	}
	return out, nil
}

func matchAudit(q model.AuditQuery, e model.AuditEntry) bool {
	switch {
	case q.Login != "" && e.Login != q.Login:
		return false
	case !q.From.IsZero() && e.At.Before(q.From):
		return false
	case !q.To.IsZero() && !e.At.Before(q.To):
		return false
	}
	return true
}

func (r reader) auditEntry(seq []byte) (model.AuditEntry, error) {
	e, ok, err := get[model.AuditEntry](r, bAudit, seq)
	if err == nil && !ok {
		err = model.NotFound("entrée %d du journal introuvable", binary.BigEndian.Uint64(seq))
	}
	return e, err
}
