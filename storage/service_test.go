package storage_test

import (
	"errors"
	"slices"
	"testing"

	"appel/model"
)

func TestServiceMySeances(t *testing.T) {
	c := newClock(at(23, 8, 12))
	db := serviceDB(t, c)
	putMarks(t, db, mark(sMaths, "p3", model.KindAbsent), mark(sMaths, "p1", model.KindLate))
	sts, err := serviceOf(db, "prof", c).MySeances(d(23))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		id            model.SeanceID
		absent, late  int
		done, cancels bool
	}
	var got []row
	for _, st := range sts {
		got = append(got, row{st.Seance.ID, st.Absent, st.Late, st.Done != nil, st.Seance.Cancelled})
	}
	// At 08:12 the 11:00 séance has not begun: its announced absence counts for nothing yet.
	want := []row{{sMaths, 2, 1, false, false}, {sEsp, 0, 0, false, false}, {sHist, 0, 0, false, true}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if id, ok := model.PickSeance(sts, c.Now()); !ok || id != sMaths {
		t.Errorf("PickSeance = %s", id)
	}
	if _, err := serviceOf(db, "direction", c).MySeances(d(23)); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("direction: %v", err)
	}
	if _, err := serviceOf(db, "ancien", c).MySeances(d(23)); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("disabled account: %v", err)
	}
}

func rowsOf(sheet model.RollSheet) map[model.PupilID]model.RollRow {
	out := map[model.PupilID]model.RollRow{}
	for _, r := range sheet.Rows {
		out[r.Pupil.ID] = r
	}
	return out
}

func TestServiceRollSheet(t *testing.T) {
	c := newClock(at(23, 8, 12))
	db := serviceDB(t, c)
	putMarks(t, db, mark(sMaths, "p3", model.KindAbsent))

	sheet, err := serviceOf(db, "prof", c).RollSheet(sMaths)
	if err != nil {
		t.Fatal(err)
	}
	var order []model.PupilID
	for _, r := range sheet.Rows {
		order = append(order, r.Pupil.ID)
	}
	if !slices.Equal(order, []model.PupilID{"p3", "p2", "p1"}) || !sheet.CanMark || sheet.Done != nil {
		t.Fatalf("sheet: order %v, CanMark %v, Done %v", order, sheet.CanMark, sheet.Done)
	}
	p2 := rowsOf(sheet)["p2"].Attendance
	if p2.Kind != model.KindAbsent || !p2.Justified() || p2.Justification.Label != "" || p2.Notice == nil {
		t.Errorf("teacher's view of the announced absence: %+v", p2)
	}
	cpeSheet, err := serviceOf(db, "cpe", c).RollSheet(sMaths)
	if err != nil || rowsOf(cpeSheet)["p2"].Attendance.Justification.Label != "Maladie" {
		t.Errorf("cpe sees the motive: %v %+v", err, cpeSheet)
	}
	esp, err := serviceOf(db, "prof", c).RollSheet(sEsp)
	if err != nil {
		t.Fatal(err)
	}
	if r := rowsOf(esp)["p3"]; r.AbsentEarlier == nil || r.AbsentEarlier.ID != sMaths {
		t.Errorf("p3 absent earlier in maths: %+v", r.AbsentEarlier)
	}
	if r := rowsOf(esp)["p4"]; r.AbsentEarlier != nil || len(esp.Rows) != 2 {
		t.Errorf("ESP rows: %+v", esp.Rows)
	}
	tests := []struct {
		login   string
		id      model.SeanceID
		canMark bool
		err     error
	}{
		{"prof", sFr, false, model.ErrForbidden},
		{"prof2", sFr, true, nil},
		{"cpe", sFr, true, nil},
		{"direction", sFr, false, nil},
		{"prof", sHist, false, nil},
		{"prof", "20261123-0800-nope", false, model.ErrNotFound},
	}
	for _, tt := range tests {
		s, err := serviceOf(db, tt.login, c).RollSheet(tt.id)
		if !errors.Is(err, tt.err) || err == nil && s.CanMark != tt.canMark {
			t.Errorf("%s on %s: CanMark %v, err %v; want %v, %v", tt.login, tt.id, s.CanMark, err, tt.canMark, tt.err)
		}
	}
}

func TestServiceSetMark(t *testing.T) {
	c := newClock(at(23, 8, 12))
	db := serviceDB(t, c)
	prof := serviceOf(db, "prof", c)
	tests := []struct {
		name    string
		pupil   model.PupilID
		kind    model.MarkKind
		want    model.MarkKind
		minutes int
		stored  bool
		discord bool
	}{
		{"late counts minutes from the start", "p1", model.KindLate, model.KindLate, 12, true, false},
		{"absent", "p1", model.KindAbsent, model.KindAbsent, 0, true, false},
		{"present clears", "p1", model.KindPresent, model.KindPresent, 0, false, false},
		{"present over a notice is kept", "p2", model.KindPresent, model.KindPresent, 0, true, true},
		{"infirmary", "p3", model.KindInfirmary, model.KindInfirmary, 0, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := prof.SetMark(sMaths, tt.pupil, tt.kind)
			if err != nil || a.Kind != tt.want || a.Minutes != tt.minutes || a.Discordant() != tt.discord {
				t.Fatalf("SetMark: %+v, %v", a, err)
			}
			mustView(t, db, func(tx model.ReadTx) error {
				m, ok, err := tx.Mark(model.MarkKey{Seance: sMaths, Pupil: tt.pupil})
				if err != nil || ok != tt.stored || ok && (m.Kind != tt.kind || m.By != "prof" || !m.At.Equal(c.Now())) {
					t.Errorf("stored %v %+v (%v)", ok, m, err)
				}
				return nil
			})
		})
	}
}

func TestServiceSetMarkKeepsJustificationAndSkipsNoOps(t *testing.T) {
	c := newClock(at(23, 8, 12))
	db := serviceDB(t, c)
	m := mark(sMaths, "p1", model.KindAbsent)
	m.Justification = model.DefaultMotives()[1].Justify("cpe", at(23, 8, 10))
	putMarks(t, db, m)
	prof := serviceOf(db, "prof", c)
	a, err := prof.SetMark(sMaths, "p1", model.KindLate)
	if err != nil || a.Kind != model.KindLate || !a.Justified() {
		t.Fatalf("late over a justified absence: %+v, %v", a, err)
	}
	count := func() int {
		var n int
		mustView(t, db, func(tx model.ReadTx) error {
			es, err := tx.Audit(model.AuditQuery{Login: "prof"})
			n = len(es)
			return err
		})
		return n
	}
	before := count()
	if _, err := prof.SetMark(sMaths, "p1", model.KindLate); err != nil {
		t.Fatal(err)
	}
	if count() != before {
		t.Error("the same mark typed twice was written twice")
	}
	es := func() []model.AuditEntry {
		var out []model.AuditEntry
		mustView(t, db, func(tx model.ReadTx) error {
			var err error
			out, err = tx.Audit(model.AuditQuery{Login: "prof"})
			return err
		})
		return out
	}()
	if len(es) != 1 || es[0].Verb != "appel" || es[0].Entity != model.EntityMark || es[0].Before == "" {
		t.Errorf("audit of SetMark: %+v", es)
	}
}

func TestServiceSetMarkRefusals(t *testing.T) {
	c := newClock(at(23, 8, 12))
	db := serviceDB(t, c)
	tests := []struct {
		name  string
		login string
		id    model.SeanceID
		pupil model.PupilID
		err   error
	}{
		{"direction reads only", "direction", sMaths, "p1", model.ErrForbidden},
		{"another teacher's séance", "prof", sFr, "p1", model.ErrForbidden},
		{"cancelled séance", "prof", sHist, "p1", model.ErrInvalid},
		{"pupil of another division", "prof", sMaths, "p4", model.ErrNotFound},
		{"pupil who left", "prof", sMaths, "p5", model.ErrNotFound},
		{"unknown séance", "prof", "20261123-0800-nope", "p1", model.ErrNotFound},
		{"disabled account", "ancien", sMaths, "p1", model.ErrForbidden},
		{"unknown account", "inconnu", sMaths, "p1", model.ErrForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := serviceOf(db, tt.login, c).SetMark(tt.id, tt.pupil, model.KindAbsent); !errors.Is(err, tt.err) {
				t.Errorf("got %v, want %v", err, tt.err)
			}
		})
	}
	mustView(t, db, func(tx model.ReadTx) error {
		if ms, _ := tx.MarksBetween(d(23), d(23)); len(ms) != 0 {
			t.Errorf("refused marks were stored: %v", keysOf(ms))
		}
		return nil
	})
	if _, err := serviceOf(db, "aed", c).SetMark(sFr, "p1", model.KindAbsent); err != nil {
		t.Errorf("the vie scolaire may mark any séance: %v", err)
	}
}

func TestServiceValidateRollCall(t *testing.T) {
	c := newClock(at(23, 8, 12))
	db := serviceDB(t, c)
	prof := serviceOf(db, "prof", c)
	feed := db.Watch(t.Context())
	if _, err := prof.ValidateRollCall(sMaths); err != nil {
		t.Fatal(err)
	}
	if ch := <-feed; ch.Kinds != model.ChangedRollCalls || !slices.Equal(ch.Seances, []model.SeanceID{sMaths}) {
		t.Errorf("change: %+v", ch)
	}
	c.Set(at(23, 8, 40))
	if _, err := prof.ValidateRollCall(sMaths); err != nil {
		t.Fatal(err)
	}
	sheet, err := prof.RollSheet(sMaths)
	if err != nil || sheet.Done == nil || !sheet.Done.At.Equal(at(23, 8, 40)) || sheet.Done.By != "prof" {
		t.Errorf("Done after validating again: %+v, %v", sheet.Done, err)
	}
	sts, _ := prof.MySeances(d(23))
	if sts[0].Done == nil || sts[1].Done != nil {
		t.Errorf("MySeances Done: %+v", sts)
	}
	refusals := []struct {
		login string
		id    model.SeanceID
		err   error
	}{
		{"direction", sMaths, model.ErrForbidden},
		{"prof", sFr, model.ErrForbidden},
		{"prof", sHist, model.ErrForbidden},
		{"prof", "20261123-0800-nope", model.ErrNotFound},
	}
	for _, tt := range refusals {
		if _, err := serviceOf(db, tt.login, c).ValidateRollCall(tt.id); !errors.Is(err, tt.err) {
			t.Errorf("%s validating %s: %v, want %v", tt.login, tt.id, err, tt.err)
		}
	}
}
