package model_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func operator(db model.Store) *model.Service {
	return model.NewSystemService(db, model.Actor{Login: "cli:test"}, modeltest.Clock(modeltest.At(modeltest.Monday, 9, 0)))
}

// TestSetupNeedsAdmin: imports' reads and writes, and the full export, are
// for administrators (and the operator).
func TestSetupNeedsAdmin(t *testing.T) {
	db := storagetest.New(t)
	data := modeltest.School(3)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	view := func(*model.Directory, model.ReadTx) error { return nil }
	write := func(_ *model.Directory, tx model.Tx) error { return tx.PutDivision(model.Division{Code: "5C"}) }
	for login, allowed := range map[string]bool{"admin": true, "cpe": false, "direction": false, "prof": false, "aed": false} {
		s := svc(db, login)
		errs := []error{s.SetupView(view)}
		_, err := s.SetupUpdate("test", write)
		errs = append(errs, err)
		_, err = s.Dataset()
		errs = append(errs, err)
		for i, err := range errs {
			if allowed != (err == nil) || !allowed && !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s, call %d: %v", login, i, err)
			}
		}
	}
	if _, err := operator(db).Dataset(); err != nil {
		t.Errorf("operator: %v", err)
	}
}

// TestDatasetRestore: the dump of a school restored into an empty store
// dumps the same; a store that holds a school refuses a restore, and only
// the operator restores.
func TestDatasetRestore(t *testing.T) {
	src := storagetest.New(t)
	data := modeltest.School(4)
	prof := svc(src, "prof")
	if _, err := src.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	if _, err := prof.SetMark(modeltest.MathsSeance(modeltest.Monday), "E002", model.KindAbsent); err != nil {
		t.Fatal(err)
	}
	dump, err := operator(src).Dataset()
	if err != nil || len(dump.Marks) != 1 || len(dump.Pupils) != 8 {
		t.Fatalf("dump: %d marks, %d pupils, %v", len(dump.Marks), len(dump.Pupils), err)
	}
	dst := storagetest.New(t)
	if _, err := svc(dst, "admin").Restore(dump); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("an account restored: %v", err)
	}
	if _, err := operator(dst).Restore(dump); err != nil {
		t.Fatal(err)
	}
	again, err := operator(dst).Dataset()
	a, _ := json.Marshal(dump)
	b, _ := json.Marshal(again)
	if err != nil || string(a) != string(b) {
		t.Errorf("restored school differs:\n%s\n%s", a, b)
	}
	if _, err := operator(dst).Restore(dump); !errors.Is(err, model.ErrConflict) {
		t.Errorf("restore over a school: %v", err)
	}
}
