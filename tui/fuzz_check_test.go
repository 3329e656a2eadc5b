package tui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// checkStore fails t unless the store is consistent once the session of
// login ended: bbolt's own check, every mark valid and about a pupil of an
// existing séance, the indexes by pupil agreeing with the data, and the audit
// log accounting for every stored value (checkAudit).
func checkStore(t *testing.T, db *storage.DB, login string) {
	t.Helper()
	// A write still queued commits before this empty Update returns.
	if _, err := db.Update(context.Background(), model.Actor{Login: login}, "barrière", func(model.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := db.Check(); err != nil {
		t.Fatal(err)
	}
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	err = db.View(func(tx model.ReadTx) error {
		return storeProblem(tx, dir, login)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Bounds wide enough for every stored date.
var (
	firstDate = model.NewDate(2000, 1, 1)
	lastDate  = model.NewDate(2100, 1, 1)
)

// storeProblem returns the first inconsistency of the snapshot tx.
func storeProblem(tx model.ReadTx, dir *model.Directory, login string) error {
	marks, err := tx.MarksBetween(firstDate, lastDate)
	if err != nil {
		return err
	}
	for _, m := range marks {
		if err := markProblem(m, dir); err != nil {
			return fmt.Errorf("mark %s: %w", m.Key(), err)
		}
	}
	if err := pupilIndexProblem(tx, dir, marks); err != nil {
		return err
	}
	return auditProblem(tx, dir, marks, login)
}

// markProblem returns what is wrong with one stored mark.
func markProblem(m model.Mark, dir *model.Directory) error {
	if err := m.Validate(); err != nil {
		return err
	}
	s, ok := dir.Seance(m.Seance)
	if !ok {
		return fmt.Errorf("no such séance")
	}
	p, ok := dir.Pupil(m.Pupil)
	if !ok {
		return fmt.Errorf("no such pupil")
	}
	if !dir.Attends(p, s) {
		return fmt.Errorf("the pupil does not attend the séance")
	}
	if j := m.Justification; j != nil {
		if _, ok := dir.MotiveByCode(j.Motive); !ok {
			return fmt.Errorf("unknown motive %q", j.Motive)
		}
	}
	return nil
}

// pupilIndexProblem checks that each pupil's marks and notices, read through
// the indexes by pupil, are those of the whole store.
func pupilIndexProblem(tx model.ReadTx, dir *model.Directory, marks []model.Mark) error {
	notices, err := tx.AllNotices()
	if err != nil {
		return err
	}
	for _, p := range dir.Pupils {
		own, err := tx.MarksOfPupil(p.ID, firstDate, lastDate)
		if err != nil {
			return err
		}
		if !sameKeys(own, filter(marks, func(m model.Mark) bool { return m.Pupil == p.ID }), markLabel) {
			return fmt.Errorf("the marks of %s by pupil differ from the marks", p.ID)
		}
		ns, err := tx.NoticesOfPupil(p.ID)
		if err != nil {
			return err
		}
		if !sameKeys(ns, filter(notices, func(n model.Notice) bool { return n.Pupil == p.ID }), noticeLabel) {
			return fmt.Errorf("the notices of %s by pupil differ from the notices", p.ID)
		}
	}
	return nil
}

func markLabel(m model.Mark) string     { return m.Key().String() }
func noticeLabel(n model.Notice) string { return n.ID }

func filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// sameKeys reports whether a and b hold values of the same keys.
func sameKeys[T any](a, b []T, key func(T) string) bool {
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i, x := range a {
		ka[i] = key(x)
	}
	for i, x := range b {
		kb[i] = key(x)
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(ka, kb)
}

// auditProblem replays the audit log: entries numbered in order, each one's
// before value the previous one's after value of the same key, written by
// the fixture or by login; the last after value of every mark, roll call,
// notice, motive and account must be the one stored, and nothing stored may
// lack one.
func auditProblem(tx model.ReadTx, dir *model.Directory, marks []model.Mark, login string) error {
	entries, err := tx.Audit(model.AuditQuery{})
	if err != nil {
		return err
	}
	last, err := replayAudit(entries, login)
	if err != nil {
		return err
	}
	stored, err := storedValues(tx, dir, marks)
	if err != nil {
		return err
	}
	for k, v := range stored {
		if got, err := canonical(k.entity, last[k]); err != nil || got != v {
			return fmt.Errorf("%s %s: stored %s, audited %s (%v)", k.entity, k.key, v, last[k], err)
		}
	}
	for k, after := range last {
		if _, ok := stored[k]; !ok && after != "" && auditedEntities[k.entity] {
			return fmt.Errorf("%s %s: audited %s, not stored", k.entity, k.key, after)
		}
	}
	return nil
}

// auditKey names a stored value in the audit log.
type auditKey struct{ entity, key string }

// replayAudit returns the last after value of every key of the log.
func replayAudit(entries []model.AuditEntry, login string) (map[auditKey]string, error) {
	last := map[auditKey]string{}
	var prev model.AuditEntry
	for i, e := range entries {
		switch {
		case i > 0 && (e.Seq <= prev.Seq || e.Action < prev.Action):
			return nil, fmt.Errorf("audit entry %d (action %d) after %d (action %d)", e.Seq, e.Action, prev.Seq, prev.Action)
		case e.Login != "test" && e.Login != login:
			return nil, fmt.Errorf("audit entry %d written by %q", e.Seq, e.Login)
		case e.Before == e.After:
			return nil, fmt.Errorf("audit entry %d changes nothing", e.Seq)
		}
		k := auditKey{e.Entity, e.Key}
		if e.Before != last[k] {
			return nil, fmt.Errorf("audit entry %d of %s %s: before %s, last after %s", e.Seq, e.Entity, e.Key, e.Before, last[k])
		}
		last[k], prev = e.After, e
	}
	return last, nil
}

// auditedEntities are the entities whose stored values storedValues reads.
var auditedEntities = map[string]bool{
	model.EntityMark: true, model.EntityRollCall: true, model.EntityNotice: true,
	model.EntityMotive: true, model.EntityAccount: true,
}

// storedValues returns the canonical JSON of every stored value of
// auditedEntities, by audit key.
func storedValues(tx model.ReadTx, dir *model.Directory, marks []model.Mark) (map[auditKey]string, error) {
	out := map[auditKey]string{}
	put := func(entity, key string, v any) {
		b, _ := json.Marshal(v)
		out[auditKey{entity, key}] = string(b)
	}
	for _, m := range marks {
		put(model.EntityMark, m.Key().String(), m)
	}
	rcs, err := tx.RollCallsBetween(firstDate, lastDate)
	if err != nil {
		return nil, err
	}
	for _, r := range rcs {
		put(model.EntityRollCall, string(r.Seance), r)
	}
	notices, err := tx.AllNotices()
	if err != nil {
		return nil, err
	}
	for _, n := range notices {
		put(model.EntityNotice, n.ID, n)
	}
	for _, m := range dir.Motives {
		put(model.EntityMotive, m.Code, m)
	}
	for _, a := range dir.Accounts {
		put(model.EntityAccount, a.Login, a)
	}
	return out, nil
}

// canonical decodes an audited value of entity and encodes it again, as
// storedValues does.
func canonical(entity, raw string) (string, error) {
	var v any
	switch entity {
	case model.EntityMark:
		v = &model.Mark{}
	case model.EntityRollCall:
		v = &model.RollCall{}
	case model.EntityNotice:
		v = &model.Notice{}
	case model.EntityMotive:
		v = &model.Motive{}
	case model.EntityAccount:
		v = &model.Account{}
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		return "", err
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// TestStoreProblem checks the fuzzer's checker: the grid's week is
// consistent; a mark about a pupil who does not attend the séance, or by an
// account other than the session's, is found.
func TestStoreProblem(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.WithGridWeek(modeltest.GridSchool(12)))
	problem := func(login string) error {
		dir, err := db.Directory()
		if err != nil {
			t.Fatal(err)
		}
		return db.View(func(tx model.ReadTx) error { return storeProblem(tx, dir, login) })
	}
	if err := problem("prof"); err != nil {
		t.Fatalf("the fixture: %v", err)
	}
	write := func(fn func(model.Tx) error) {
		if _, err := db.Update(context.Background(), model.Actor{Login: "prof"}, "test", fn); err != nil {
			t.Fatal(err)
		}
	}
	maths := modeltest.MathsSeance(modeltest.WeekA.AddDays(4))
	write(func(tx model.Tx) error { return tx.PutRollCall(model.RollCall{Seance: maths, By: "prof"}) })
	if err := problem("prof"); err != nil {
		t.Fatalf("prof's roll call: %v", err)
	}
	if err := problem("cpe"); err == nil || !strings.Contains(err.Error(), `written by "prof"`) {
		t.Errorf("a write of another account: %v", err)
	}
	write(func(tx model.Tx) error {
		return tx.PutMark(model.Mark{Seance: maths, Pupil: "A001", Kind: model.KindAbsent, By: "prof"})
	})
	if err := problem("prof"); err == nil || !strings.Contains(err.Error(), "does not attend") {
		t.Errorf("a 4A pupil marked in 4B's maths: %v", err)
	}
}
