package model_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

var div4B = model.Target{Kind: model.TargetDivision, Code: modeltest.Division4B}

func gridDB(t *testing.T, size int) *storage.DB {
	t.Helper()
	db := storagetest.New(t)
	data := modeltest.WithGridWeek(modeltest.GridSchool(size))
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	return db
}

func gridSvc(db model.Store, login string) *model.Service {
	return model.NewService(db, model.Actor{Login: login, Session: "s-" + login}, modeltest.Clock(modeltest.GridNow))
}

// cellAt returns pupil's cell on day (0 = Monday) at the slot starting at hh:mm.
func cellAt(t *testing.T, g model.Grid, pupil model.PupilID, day int, hh, mm int) model.GridCell {
	t.Helper()
	slot := slices.IndexFunc(g.Slots, func(s model.Slot) bool { return s.Start == model.Clock(hh*60+mm) })
	for _, r := range g.Rows {
		if r.Pupil.ID == pupil {
			return r.Cells[day*len(g.Slots)+slot]
		}
	}
	t.Fatalf("no row for %s", pupil)
	return model.GridCell{}
}

func TestClassGridCells(t *testing.T) {
	db := gridDB(t, 12)
	cases := []struct {
		name        string
		pupil       model.PupilID
		day, hh, mm int
		cpe, prof   model.CellKind
	}{
		{"absent, no motive", "E001", 0, 8, 0, model.CellAbsent, model.CellAbsent},
		{"absent, maladie", "E002", 0, 8, 55, model.CellAbsentValid, model.CellAbsentJustified},
		{"absent, panne de réveil", "E003", 1, 8, 55, model.CellAbsentInvalid, model.CellAbsentJustified},
		{"late", "E004", 0, 8, 0, model.CellLate, model.CellLate},
		{"announced, maladie, upcoming séance", "E005", 3, 11, 0, model.CellAbsentValid, model.CellAbsentJustified},
		{"infirmary", "E006", 1, 10, 5, model.CellInfirmary, model.CellInfirmary},
		{"present over a notice", "E007", 2, 8, 0, model.CellDiscordant, model.CellDiscordant},
		{"announced, no motive", "E007", 2, 8, 55, model.CellAbsent, model.CellAbsent},
		{"excluded", "E008", 0, 11, 0, model.CellExcluded, model.CellExcluded},
		{"present, roll call done", "E009", 0, 8, 0, model.CellPresent, model.CellPresent},
		{"roll call not done", "E009", 2, 8, 55, model.CellUnknown, model.CellUnknown},
		{"upcoming", "E009", 3, 11, 0, model.CellUpcoming, model.CellUpcoming},
		{"cancelled", "E009", 1, 13, 30, model.CellCancelled, model.CellCancelled},
		{"week A: SVT", "E009", 0, 13, 30, model.CellPresent, model.CellPresent},
		{"two-slot EPS, second slot", "E009", 0, 15, 25, model.CellPresent, model.CellPresent},
		{"no course (M5)", "E009", 0, 11, 55, model.CellNoCourse, model.CellNoCourse},
		{"Spanish: group members only", "E002", 0, 10, 5, model.CellNoCourse, model.CellNoCourse},
		{"Spanish: a member", "E010", 0, 10, 5, model.CellPresent, model.CellPresent},
		{"free Wednesday afternoon", "E009", 2, 13, 30, model.CellNoCourse, model.CellNoCourse},
	}
	grids := map[string]model.Grid{}
	for _, login := range []string{"cpe", "prof"} {
		g, err := gridSvc(db, login).ClassGrid(div4B, modeltest.WeekA.AddDays(2))
		if err != nil {
			t.Fatal(err)
		}
		grids[login] = g
	}
	for _, c := range cases {
		if got := cellAt(t, grids["cpe"], c.pupil, c.day, c.hh, c.mm).Kind; got != c.cpe {
			t.Errorf("%s: cpe sees %d, want %d", c.name, got, c.cpe)
		}
		if got := cellAt(t, grids["prof"], c.pupil, c.day, c.hh, c.mm).Kind; got != c.prof {
			t.Errorf("%s: prof sees %d, want %d", c.name, got, c.prof)
		}
	}
}

func TestClassGridShape(t *testing.T) {
	db := gridDB(t, 35)
	g, err := gridSvc(db, "cpe").ClassGrid(div4B, modeltest.WeekB)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Rows) != 35 || len(g.Days) != 5 || len(g.Slots) != 9 || g.From != modeltest.WeekB {
		t.Fatalf("%d rows, %d days, %d slots, from %s", len(g.Rows), len(g.Days), len(g.Slots), g.From)
	}
	if g.Days[0].WeekType != "B" || g.Days[2].Holiday != "Armistice" || g.Days[1].Holiday != "" {
		t.Errorf("days: %+v", g.Days)
	}
	if k := cellAt(t, g, "E009", 2, 8, 0).Kind; k != model.CellHoliday {
		t.Errorf("Armistice: cell %d, want holiday", k)
	}
	// Week B: Technologie, not SVT, on Monday at 13:30.
	if c := cellAt(t, g, "E001", 0, 13, 30); c.Kind != model.CellAbsent || c.Attendance.Seance.Subject != "Technologie" {
		t.Errorf("Monday 13:30 of week B: %d %q", c.Kind, c.Attendance.Seance.Subject)
	}
	if g.Name("lambert") != "Mme Lambert" || len(g.Motives) != len(model.DefaultMotives()) {
		t.Errorf("names %v, %d motives", g.Names, len(g.Motives))
	}
	if f := g.Rows[0].Figures; f.HalfDays() != 1 || f.InvalidHalfDays != 1 {
		t.Errorf("E001's week B: %+v", f)
	}
}

func TestClassGridPolicy(t *testing.T) {
	db := gridDB(t, 12)
	esp := model.Target{Kind: model.TargetGroup, Code: "ESP 4AB"}
	cases := []struct {
		login  string
		target model.Target
		err    error
	}{
		{"prof", div4B, nil},
		{"prof2", div4B, model.ErrForbidden},
		{"prof2", esp, nil},
		{"direction", div4B, nil},
		{"aed", esp, nil},
		{"cpe", model.Target{Kind: model.TargetDivision, Code: "9Z"}, model.ErrNotFound},
	}
	for _, c := range cases {
		_, err := gridSvc(db, c.login).ClassGrid(c.target, modeltest.WeekA)
		if !errors.Is(err, c.err) && !(err == nil && c.err == nil) {
			t.Errorf("%s opens %s: %v, want %v", c.login, c.target, err, c.err)
		}
	}
	g, err := gridSvc(db, "prof").ClassGrid(div4B, modeltest.WeekA)
	if err != nil {
		t.Fatal(err)
	}
	if g.SeeMotives || len(g.Motives) != 0 {
		t.Errorf("a teacher sees motives (%v) or may apply them (%d)", g.SeeMotives, len(g.Motives))
	}
	for _, r := range g.Rows {
		for _, c := range r.Cells {
			if j := c.Attendance.Justification; j != nil && (j.Label != "" || j.Motive != "" || j.Valid) {
				t.Fatalf("a teacher reads a motive: %+v", j)
			}
		}
	}
}

func TestGridTargets(t *testing.T) {
	db := gridDB(t, 6)
	cases := []struct {
		login string
		want  []string
		first string
	}{
		{"prof", []string{"4B"}, "4B"},
		{"prof2", []string{"4A", "ESP 4AB"}, "4A"},
		{"cpe", []string{"4A", "4B", "ESP 4AB"}, "4A"},
	}
	for _, c := range cases {
		ts, first, err := gridSvc(db, c.login).GridTargets()
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, x := range ts {
			codes = append(codes, x.Code)
		}
		if !slices.Equal(codes, c.want) || first.Code != c.first {
			t.Errorf("%s: %v first %s, want %v first %s", c.login, codes, first.Code, c.want, c.first)
		}
	}
	// At 08:05 on a Monday, prof2 is teaching 4A.
	s := model.NewService(db, model.Actor{Login: "prof2"}, modeltest.Clock(modeltest.At(modeltest.Monday, 10, 10)))
	if _, first, _ := s.GridTargets(); first.Code != "ESP 4AB" {
		t.Errorf("prof2 at 10:10 on Monday opens %s, want ESP 4AB (his séance under way)", first.Code)
	}
}

func TestPupilGrid(t *testing.T) {
	db := gridDB(t, 8)
	from, to := modeltest.WeekB, modeltest.WeekA.AddDays(6)
	g, err := gridSvc(db, "cpe").PupilGrid("E001", from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !g.IsPupilGrid() || len(g.Rows) != 10 || len(g.Rows[0].Cells) != 9 {
		t.Fatalf("%d rows of %d cells", len(g.Rows), len(g.Rows[0].Cells))
	}
	if g.Days[g.Rows[2].Day].Holiday != "Armistice" || g.Rows[2].Cells[0].Kind != model.CellHoliday {
		t.Errorf("Wednesday 11/11 is not a holiday row: %+v", g.Rows[2].Cells[0])
	}
	if k := g.Rows[0].Cells[5].Kind; k != model.CellAbsent {
		t.Errorf("Monday 9/11 13:30: %d, want absent", k)
	}
	if g.Totals.HalfDays() != 2 || g.Rows[0].Figures.InvalidHalfDays != 1 || g.Rows[5].Figures.InvalidHalfDays != 1 {
		t.Errorf("totals %+v, Monday 9 %+v, Monday 16 %+v", g.Totals, g.Rows[0].Figures, g.Rows[5].Figures)
	}
	if _, err := gridSvc(db, "prof2").PupilGrid("E002", from, to); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("prof2 reads a 4B pupil who is not in his group: %v", err)
	}
	if _, err := gridSvc(db, "cpe").PupilGrid("E001", to, from); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("reversed range: %v", err)
	}
}

// countingStore counts the read transactions of a store.
type countingStore struct {
	model.Store
	views int
}

func (c *countingStore) View(fn func(model.ReadTx) error) error {
	c.views++
	return c.Store.View(fn)
}

func TestGridsReadTheStoreOnce(t *testing.T) {
	cs := &countingStore{Store: gridDB(t, 35)}
	s := gridSvc(cs, "cpe")
	if _, err := s.ClassGrid(div4B, modeltest.WeekA); err != nil || cs.views != 1 {
		t.Errorf("class grid: %d reads (%v)", cs.views, err)
	}
	cs.views = 0
	if _, err := s.PupilGrid("E001", modeltest.WeekB, modeltest.WeekB.AddDays(60)); err != nil || cs.views != 1 {
		t.Errorf("pupil grid: %d reads (%v)", cs.views, err)
	}
	cs.views = 0
	if _, err := s.PupilFile("E001", model.Period{}, modeltest.WeekA); err != nil || cs.views != 1 {
		t.Errorf("pupil file: %d reads (%v)", cs.views, err)
	}
}
