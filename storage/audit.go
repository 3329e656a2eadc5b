package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"slices"
	"sort"

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
		if err := t.newAction(); err != nil {
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

// newAction numbers the running Update: the meta bucket's counter plus one.
func (t *tx) newAction() error {
	meta := t.btx.Bucket(bMeta)
	var n uint64
	if v := meta.Get(keyAction); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	}
	t.action = n + 1
	return meta.Put(keyAction, u64(t.action))
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
	first, err := r.firstOfAction(q.Action)
	if err != nil || first == 0 {
		return nil, err
	}
	var out []model.AuditEntry
	c := r.btx.Bucket(bAudit).Cursor()
	for k, _ := c.Seek(u64(first)); k != nil; k, _ = c.Next() {
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

// firstOfAction returns the seq of the first entry of action, 0 if none. The
// audit holds seq 1 to its bucket's sequence, with actions in growing order.
func (r reader) firstOfAction(action uint64) (uint64, error) {
	var failed error
	last := r.btx.Bucket(bAudit).Sequence()
	i, found := sort.Find(int(last), func(i int) int {
		e, err := r.auditEntry(u64(uint64(i + 1)))
		if err != nil {
			failed = err
			return 0
		}
		return cmp.Compare(action, e.Action)
	})
	if failed != nil || !found {
		return 0, failed
	}
	return uint64(i + 1), nil
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
