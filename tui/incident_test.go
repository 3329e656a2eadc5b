package tui_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/tui"
	"appel/tui/tuitest"
)

// faultyStore is the school's store, but its reads panic once armed: a bug
// in the work of one session.
type faultyStore struct {
	*storage.DB
	armed atomic.Bool
}

func (s *faultyStore) View(fn func(model.ReadTx) error) error {
	if s.armed.Load() {
		panic("lecture impossible : index hors limites")
	}
	return s.DB.View(fn)
}

// TestPanicEndsOneSessionOnly: a panic in the work of one session ends it
// with a French message and an incident number, reported with its stack;
// another session goes on marking, and its marks are saved.
func TestPanicEndsOneSessionOnly(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 8, 5))
	faulty := &faultyStore{DB: f.db}
	var mu sync.Mutex
	var incidents []tui.Incident
	cfg := tui.Config{
		Service: model.NewService(faulty, model.Actor{Login: "cpe", Session: "faulty"}, modeltest.Clock(f.now)),
		Incident: func(in tui.Incident) {
			mu.Lock()
			defer mu.Unlock()
			incidents = append(incidents, in)
		},
	}
	broken := tuitest.StartWith(t, cfg, 100, 30)
	prof := f.start(t, "prof", 100, 30)
	broken.WaitFor("Absences du jour")
	prof.WaitFor("appel non fait")
	faulty.armed.Store(true)
	broken.Press("2")
	v := broken.WaitFor("Erreur interne (incident ")
	broken.WaitQuit()
	prof.Press("a", "a")
	prof.WaitFor("2 absents")
	prof.Press("enter")
	prof.WaitFor("✓ appel fait")
	maths := modeltest.MathsSeance(modeltest.Monday)
	if got := stored(t, f, key(maths, "E001"), key(maths, "E002")); len(got) != 2 {
		t.Errorf("the other session's marks: %+v", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(incidents) != 1 || !incidents[0].Ended || len(incidents[0].Stack) == 0 || !strings.Contains(v, incidents[0].ID) {
		t.Fatalf("incidents %+v, screen:\n%s", incidents, v)
	}
	if !strings.Contains(incidents[0].Cause, "index hors limites") || strings.Contains(v, "index hors limites") {
		t.Errorf("the cause goes to the log, not to the user:\n%s", v)
	}
}
