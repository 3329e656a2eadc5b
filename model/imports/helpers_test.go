package imports_test

import (
	"context"
	"strings"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/imports"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// today is the fixtures' clock date (a Monday of week B).
var today = modeltest.Monday

var now = modeltest.At(today, 10, 0)

// synthetic returns a synthetic school file of the repository as a source.
func synthetic(tb testing.TB, name string) imports.Source {
	tb.Helper()
	return imports.Source{Name: name, Data: schoolfiles.Read(tb, name)}
}

// realSample returns a real sample of ../shared/samples as a source, and
// false when the samples are not reachable (the test then says so in its log
// and tests the synthetic files only).
func realSample(tb testing.TB, name string) (imports.Source, bool) {
	tb.Helper()
	data, ok := schoolfiles.Sample(tb, name)
	return imports.Source{Name: name, Data: data}, ok
}

// bare is the fixtures' school (calendar, accounts, motives) without
// divisions, groups, pupils or courses: what `appel init` leaves.
func bare(uai string) model.Dataset {
	d := modeltest.School(0)
	d.School.UAI = uai
	d.Divisions, d.Groups, d.Pupils, d.Courses = nil, nil, nil, nil
	return d
}

// fixture is a real store holding a school, and the operator's service on it.
type fixture struct {
	db  *storage.DB
	svc *model.Service
}

func newFixture(tb testing.TB, data model.Dataset) fixture {
	tb.Helper()
	db := storagetest.Open(tb, storage.Options{Now: modeltest.Clock(now)})
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		tb.Fatal(err)
	}
	return fixture{db: db, svc: model.NewSystemService(db, model.Actor{Login: "cli:test"}, modeltest.Clock(now))}
}

// as returns the service of an account of the fixture.
func (f fixture) as(login string) *model.Service {
	return model.NewService(f.db, model.Actor{Login: login}, modeltest.Clock(now))
}

func (f fixture) run(tb testing.TB, kind imports.Kind, src imports.Source, opt imports.Options) *imports.Report {
	tb.Helper()
	rep, err := imports.Run(f.svc, kind, src, opt)
	if err != nil {
		tb.Fatalf("import %s %s: %v", kind, src.Name, err)
	}
	return rep
}

func (f fixture) dir(tb testing.TB) *model.Directory {
	tb.Helper()
	dir, err := f.db.Directory()
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// audit returns the number of audited changes in the store.
func (f fixture) audit(tb testing.TB) int {
	tb.Helper()
	var n int
	err := f.db.View(func(tx model.ReadTx) error {
		es, err := tx.Audit(model.AuditQuery{})
		n = len(es)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// details joins the plan's detail lines, for assertions.
func details(p *imports.Plan) string { return strings.Join(p.Details(), "\n") }

func csvSource(name string, lines ...string) imports.Source {
	return imports.Source{Name: name, Data: []byte(strings.Join(lines, "\r\n") + "\r\n")}
}
