package model_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// justifyFixture is a store with prof's Monday séance taken: pupils 1–4 absent, 5 late.
func justifyFixture(t *testing.T) (*storage.DB, model.SeanceID, []model.MarkKey) {
	t.Helper()
	db := storagetest.New(t)
	data := modeltest.School(10)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	id := modeltest.MathsSeance(modeltest.Monday)
	prof := svc(db, "prof")
	var keys []model.MarkKey
	for i, p := range []model.PupilID{"E001", "E002", "E003", "E004", "E005", "E006"} {
		kind := model.KindAbsent
		if i == 4 {
			kind = model.KindLate
		}
		if i < 5 {
			if _, err := prof.SetMark(id, p, kind); err != nil {
				t.Fatal(err)
			}
		}
		keys = append(keys, model.MarkKey{Seance: id, Pupil: p})
	}
	return db, id, keys
}

func svc(db *storage.DB, login string) *model.Service {
	return model.NewService(db, model.Actor{Login: login, Session: "s-" + login}, modeltest.Clock(modeltest.At(modeltest.Monday, 10, 0)))
}

func motives(t *testing.T, db *storage.DB, keys []model.MarkKey) map[model.PupilID]string {
	t.Helper()
	out := map[model.PupilID]string{}
	err := db.View(func(tx model.ReadTx) error {
		for _, k := range keys {
			m, ok, err := tx.Mark(k)
			if err != nil {
				return err
			}
			if ok && m.Justification != nil {
				out[k.Pupil] = m.Justification.Motive
			} else if ok {
				out[k.Pupil] = "-"
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJustifyUndoRedo(t *testing.T) {
	db, _, keys := justifyFixture(t)
	aed := svc(db, "aed")
	out, err := aed.Justify(keys, "maladie")
	if err != nil {
		t.Fatal(err)
	}
	if out.Touched != 5 || out.Skipped != 1 {
		t.Fatalf("touched %d skipped %d, want 5 (4 absences, 1 lateness) and 1 (present)", out.Touched, out.Skipped)
	}
	got := motives(t, db, keys)
	if len(got) != 5 || got["E001"] != "maladie" || got["E005"] != "maladie" {
		t.Fatalf("after justify: %v", got)
	}
	again, _ := aed.Justify(keys, "maladie")
	if again.Touched != 0 {
		t.Errorf("re-applying the same motive changed %d records", again.Touched)
	}
	r, err := aed.Undo()
	if err != nil || r.Applied != 5 || r.Conflicts != 0 {
		t.Fatalf("undo: %+v %v", r, err)
	}
	if got := motives(t, db, keys); got["E001"] != "-" || len(got) != 5 {
		t.Fatalf("after undo: %v", got)
	}
	if r, err := aed.Redo(); err != nil || r.Applied != 5 {
		t.Fatalf("redo: %+v %v", r, err)
	}
	if got := motives(t, db, keys); got["E003"] != "maladie" {
		t.Fatalf("after redo: %v", got)
	}
	if _, err := aed.Redo(); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a second redo has nothing to do: %v", err)
	}
}

func TestUndoLeavesOthersChangesAlone(t *testing.T) {
	db, _, keys := justifyFixture(t)
	aed, cpe := svc(db, "aed"), svc(db, "cpe")
	if _, err := aed.Justify(keys[:3], "maladie"); err != nil {
		t.Fatal(err)
	}
	if _, err := cpe.Justify(keys[:1], "reveil"); err != nil {
		t.Fatal(err)
	}
	r, err := aed.Undo()
	if err != nil || r.Applied != 2 || r.Conflicts != 1 {
		t.Fatalf("undo: %+v %v, want 2 applied and the CPE's change kept", r, err)
	}
	if got := motives(t, db, keys); got["E001"] != "reveil" || got["E002"] != "-" {
		t.Errorf("after undo: %v", got)
	}
}

func TestJustifyPolicy(t *testing.T) {
	db, _, keys := justifyFixture(t)
	for _, login := range []string{"prof", "direction"} {
		if _, err := svc(db, login).Justify(keys, "maladie"); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s justified: %v", login, err)
		}
	}
	if _, err := svc(db, "aed").SetValidity(shownFor(t, svc(db, "aed"), keys), true); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an AED overruled a validity: %v", err)
	}
	if _, err := svc(db, "aed").Justify(keys, "inconnu"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown motive: %v", err)
	}
}

func TestOverruleValidity(t *testing.T) {
	db, _, keys := justifyFixture(t)
	cpe := svc(db, "cpe")
	if _, err := cpe.Justify(keys[:2], "reveil"); err != nil {
		t.Fatal(err)
	}
	out, err := cpe.SetValidity(shownFor(t, cpe, keys), true)
	if err != nil || out.Done != (model.Selection{Absences: 2}) {
		t.Fatalf("overrule: %+v %v (only justified absences)", out, err)
	}
	_ = db.View(func(tx model.ReadTx) error {
		m, _, _ := tx.Mark(keys[0])
		if j := m.Justification; j == nil || !j.Valid || !j.Overruled || j.Label != "Panne de réveil" {
			t.Errorf("overruled justification: %+v", j)
		}
		return nil
	})
}

// TestConcurrentOverlappingJustifications: two CPEs apply motives to
// overlapping selections at once; every absence ends with exactly one of the
// two motives, and both actions are audited.
func TestConcurrentOverlappingJustifications(t *testing.T) {
	db, _, keys := justifyFixture(t)
	a, b := svc(db, "cpe"), svc(db, "cpe2")
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); _, _ = a.Justify(keys[:4], "maladie") }()
		go func() { defer wg.Done(); _, _ = b.Justify(keys[2:], "transport") }()
	}
	wg.Wait()
	got := motives(t, db, keys)
	for _, p := range []model.PupilID{"E001", "E002", "E003", "E004", "E005"} {
		if got[p] != "maladie" && got[p] != "transport" {
			t.Errorf("%s ended with %q", p, got[p])
		}
	}
	_ = db.View(func(tx model.ReadTx) error {
		for _, login := range []string{"cpe", "cpe2"} {
			entries, err := tx.Audit(model.AuditQuery{Login: login})
			if err != nil || len(entries) == 0 {
				t.Errorf("no audit entry for %s: %v", login, err)
			}
		}
		return nil
	})
}
