package imports_test

import (
	"slices"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/imports"
	"appel/model/modeltest"
)

// TestImportPlansAgainstWhatCommittedBefore: an import planned while the
// administrator closes a day keeps the closure: the import reads the
// structure in its own transaction, not the directory read before it was
// queued, so the school it writes back (the subjects' labels of STS-Web)
// holds the closure.
func TestImportPlansAgainstWhatCommittedBefore(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	store := &modeltest.Interleaving{Store: f.db}
	admin := model.NewSystemService(store, model.Actor{Login: "cli:test"}, modeltest.Clock(now))
	closure := model.Holiday{Name: "Journée pédagogique", From: model.NewDate(2027, 1, 8), To: model.NewDate(2027, 1, 8)}
	store.Between = func() {
		if err := admin.AddClosure(closure); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := imports.Run(admin, imports.STS, synthetic(t, "sts_emp.xml"), imports.Options{})
	if err != nil || !rep.Applied {
		t.Fatalf("STS import: %v", err)
	}
	if rep.Count(model.EntitySchool, imports.Updated) != 1 {
		t.Fatalf("the import did not write the school, the test proves nothing:\n%s", details(rep.Plan))
	}
	school := f.dir(t).School
	if !slices.ContainsFunc(school.Holidays, func(h model.Holiday) bool { return h.Name == closure.Name }) {
		t.Error("the import wrote back the school without the closure committed before it")
	}
}
