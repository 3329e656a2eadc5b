package model_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// randomStore writes a random school (modeltest.RandomSchool) and its
// records into a real store, and returns the store, its directory and what
// was written.
func randomStore(t *testing.T, r *rand.Rand) (*storage.DB, *model.Directory, model.Dataset) {
	t.Helper()
	data := modeltest.RandomSchool(r)
	draft := model.NewDirectory(model.Directory{School: data.School, Divisions: data.Divisions, Groups: data.Groups,
		Pupils: data.Pupils, Courses: data.Courses, Motives: data.Motives, Changes: data.Changes})
	data.Marks, data.Notices = modeltest.RandomRecords(r, draft)
	db := storagetest.NewWith(t, data)
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	return db, dir, data
}

// byPupil indexes figures by pupil.
func byPupil(fs []model.PupilFigures) map[model.PupilID]model.PupilFigures {
	out := make(map[model.PupilID]model.PupilFigures, len(fs))
	for _, f := range fs {
		out[f.Pupil.ID] = f
	}
	return out
}

// cutAt returns the records as they would stand if nothing after the clock
// existed: the marks of séances begun by at, and the announced absences
// ended just after at.
func cutAt(dir *model.Directory, marks []model.Mark, notices []model.Notice, at time.Time) ([]model.Mark, []model.Notice) {
	var ms []model.Mark
	for _, m := range marks {
		if se, ok := dir.Seance(m.Seance); !ok || se.Begun(at, dir.Location()) {
			ms = append(ms, m)
		}
	}
	var ns []model.Notice
	end := at.Add(time.Nanosecond)
	for _, n := range notices {
		if n.To.After(end) {
			n.To = end
		}
		if n.To.After(n.From) {
			ns = append(ns, n)
		}
	}
	return ms, ns
}

// TestPropertyEveryFigureIsFiguresAt: random schools, timetables, announced
// absences, marks, motives and clocks before, during and after séances. For
// every pupil, the figures of every screen's query and of the exports' (the
// statistics, the ministry's table and the threshold list, the pupil's file,
// his grid and its explanation, the class grid, the register, the desk, the
// dashboard) are the one computation's (FiguresAt), and nothing after the
// clock is counted: FiguresAt at the clock equals FiguresAt at the end of the
// year over the records cut at the clock.
func TestPropertyEveryFigureIsFiguresAt(t *testing.T) {
	counted := 0
	for seed := range uint64(14) {
		r := rand.New(rand.NewPCG(seed, 12))
		db, dir, data := randomStore(t, r)
		for _, at := range modeltest.RandomClocks(r, dir, 4) {
			c := figureCheck{t: t, db: db, dir: dir, data: data, at: at, seed: seed}
			counted += c.run()
		}
	}
	if counted == 0 {
		t.Fatal("no half-day counted: the test checks nothing")
	}
}

type figureCheck struct {
	t    *testing.T
	db   *storage.DB
	dir  *model.Directory
	data model.Dataset
	at   time.Time
	seed uint64
	ref  map[model.PupilID]model.PupilFigures
}

func (c *figureCheck) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("seed %d, clock %s, method %q: "+format, append([]any{c.seed, c.at.Format("Mon 02/01 15:04"), c.dir.School.Settings.Method}, args...)...)
}

func (c *figureCheck) fatal(err error) {
	c.t.Helper()
	if err != nil {
		c.t.Fatalf("seed %d, clock %s: %v", c.seed, c.at, err)
	}
}

func (c *figureCheck) figures(from, to model.Date) map[model.PupilID]model.PupilFigures {
	return byPupil(model.FiguresAt(c.dir, c.dir.Pupils, from, to, c.at, c.data.Marks, c.data.Notices))
}

func (c *figureCheck) svc() *model.Service {
	return model.NewService(c.db, model.Actor{Login: "cpe"}, modeltest.Clock(c.at))
}

// run checks every query at the clock and returns the half-days counted.
func (c *figureCheck) run() int {
	from, to := modeltest.RandomFrom, modeltest.RandomTo
	c.ref = c.figures(from, to)
	c.checkNothingAfterTheClock()
	c.checkStatistics()
	c.checkPupilQueries()
	c.checkClassGrids()
	c.checkRegister()
	c.checkDesk()
	c.checkDashboard()
	n := 0
	for _, f := range c.ref {
		n += f.Figures().HalfDays()
	}
	return n
}

func (c *figureCheck) checkNothingAfterTheClock() {
	marks, notices := cutAt(c.dir, c.data.Marks, c.data.Notices, c.at)
	cut := byPupil(model.FiguresAt(c.dir, c.dir.Pupils, modeltest.RandomFrom, modeltest.RandomTo, afterYear, marks, notices))
	for id, f := range c.ref {
		if f.Figures() != cut[id].Figures() || !reflect.DeepEqual(f.Months, cut[id].Months) {
			c.errorf("%s: %+v at the clock, %+v once cut at the clock", id, f.Figures(), cut[id].Figures())
		}
		if got, want := absenceKeys(f.Absences()), absenceKeys(cut[id].Absences()); !slices.Equal(got, want) {
			c.errorf("%s: absences %v at the clock, %v once cut", id, got, want)
		}
		for _, l := range f.Absences() {
			for _, a := range l.Seances {
				if !a.Seance.Begun(c.at, c.dir.Location()) {
					c.errorf("%s: the absence of %s is listed before it began", id, a.Seance.ID)
				}
			}
		}
	}
}

// absenceKeys are an absence list's half-days, states and séances, comparable.
func absenceKeys(ls []model.AbsenceLine) []string {
	var out []string
	for _, l := range ls {
		k := l.Date.String() + l.Half.String() + l.State.Label()
		for _, a := range l.Seances {
			k += " " + string(a.Seance.ID)
		}
		out = append(out, k)
	}
	return out
}

func (c *figureCheck) checkStatistics() {
	from, to := modeltest.RandomFrom, modeltest.RandomTo
	st, err := c.svc().Statistics(from, to)
	c.fatal(err)
	first, last := model.MonthSpan(from, to)
	months := c.figures(first, last)
	var counts []model.PupilCount
	for _, p := range c.dir.Pupils {
		counts = append(counts, months[p.ID].Count())
	}
	for _, p := range st.Pupils {
		id := p.Pupil.ID
		if p.Count.Total != c.ref[id].Figures() {
			c.errorf("statistics of %s: %+v, FiguresAt %+v", id, p.Count.Total, c.ref[id].Figures())
		}
		if !reflect.DeepEqual(p.Count.Months, months[id].Months) {
			c.errorf("statistics' months of %s: %+v, FiguresAt %+v", id, p.Count.Months, months[id].Months)
		}
	}
	want := model.Thresholds(counts)
	if len(st.Thresholds) != len(want) {
		c.errorf("threshold list: %d lines, FiguresAt %d", len(st.Thresholds), len(want))
	}
	for i := range min(len(st.Thresholds), len(want)) {
		if st.Thresholds[i].Crossing != want[i] {
			c.errorf("threshold line %d: %+v, FiguresAt %+v", i, st.Thresholds[i].Crossing, want[i])
		}
	}
	for _, m := range st.Months {
		table, err := model.NewMinistryTable(c.dir, counts, m.Table.Month)
		c.fatal(err)
		if !reflect.DeepEqual(m.Table, table) {
			c.errorf("ministry table of %s: %+v, FiguresAt %+v", m.Table.Month, m.Table, table)
		}
	}
}

func (c *figureCheck) checkPupilQueries() {
	from, to := modeltest.RandomFrom, modeltest.RandomTo
	svc := c.svc()
	school, err := svc.SchoolFigures(from, to)
	c.fatal(err)
	for _, f := range school {
		if f.Figures() != c.ref[f.Pupil.ID].Figures() || !slices.Equal(absenceKeys(f.Absences()), absenceKeys(c.ref[f.Pupil.ID].Absences())) {
			c.errorf("school figures of %s: %+v, FiguresAt %+v", f.Pupil.ID, f.Figures(), c.ref[f.Pupil.ID].Figures())
		}
	}
	if len(school) != len(c.dir.Pupils) {
		c.errorf("school figures: %d pupils of %d", len(school), len(c.dir.Pupils))
	}
	for _, p := range c.dir.Pupils {
		want := c.ref[p.ID]
		file, err := svc.PupilFile(p.ID, model.Period{Name: "deux semaines", From: from, To: to}, from)
		c.fatal(err)
		if file.Figures != want.Figures() || len(file.History) != len(want.Explanation.HalfDays) {
			c.errorf("file of %s: %+v (%d half-days), FiguresAt %+v (%d)", p.ID, file.Figures, len(file.History),
				want.Figures(), len(want.Explanation.HalfDays))
		}
		grid, err := svc.PupilGrid(p.ID, from, to)
		c.fatal(err)
		if grid.Totals != want.Figures() {
			c.errorf("grid of %s: %+v, FiguresAt %+v", p.ID, grid.Totals, want.Figures())
		}
		for _, row := range grid.Rows {
			d := grid.Days[row.Day].Date
			if row.Figures != want.Within(d, d) {
				c.errorf("grid of %s on %s: %+v, FiguresAt %+v", p.ID, d, row.Figures, want.Within(d, d))
			}
		}
		e, err := svc.ExplainPupil(p.ID, from, to)
		c.fatal(err)
		if e.Figures() != want.Figures() || !slices.Equal(absenceKeys(e.Absences()), absenceKeys(want.Absences())) {
			c.errorf("explanation of %s: %+v, FiguresAt %+v", p.ID, e.Figures(), want.Figures())
		}
	}
}

func (c *figureCheck) checkClassGrids() {
	svc := c.svc()
	for _, monday := range []model.Date{modeltest.RandomFrom, modeltest.RandomFrom.AddDays(7)} {
		week := c.figures(monday, monday.AddDays(6))
		for _, code := range []string{"4A", modeltest.Division4B} {
			g, err := svc.ClassGrid(model.Target{Kind: model.TargetDivision, Code: code}, monday)
			c.fatal(err)
			for _, row := range g.Rows {
				if row.Figures != week[row.Pupil.ID].Figures() {
					c.errorf("class grid %s, week of %s, %s: %+v, FiguresAt %+v", code, monday, row.Pupil.ID,
						row.Figures, week[row.Pupil.ID].Figures())
				}
			}
		}
	}
}

// recordKey is a register line, comparable.
type recordKey struct {
	seance model.SeanceID
	pupil  model.PupilID
	kind   model.MarkKind
	motive string
}

func keyOfRecord(a model.Attendance) recordKey {
	k := recordKey{seance: a.Seance.ID, pupil: a.Pupil, kind: a.Kind}
	if a.Justification != nil {
		k.motive = a.Justification.Motive
	}
	return k
}

func (c *figureCheck) checkRegister() {
	recs, err := c.svc().MarkRecords(modeltest.RandomFrom, modeltest.RandomTo)
	c.fatal(err)
	var got, want []recordKey
	for _, r := range recs {
		if !r.Seance.Begun(c.at, c.dir.Location()) {
			c.errorf("the register holds %s/%s before it began", r.Seance.ID, r.Pupil.ID)
		}
		got = append(got, keyOfRecord(r.Attendance))
	}
	for _, f := range c.ref {
		for _, a := range f.Records() {
			want = append(want, keyOfRecord(a))
		}
	}
	sortRecords(got)
	sortRecords(want)
	if !slices.Equal(got, want) {
		c.errorf("register: %d lines, FiguresAt %d:\n%v\n%v", len(got), len(want), got, want)
	}
}

func sortRecords(ks []recordKey) {
	slices.SortFunc(ks, func(a, b recordKey) int {
		if a.seance != b.seance {
			return map[bool]int{true: -1, false: 1}[a.seance < b.seance]
		}
		if a.pupil != b.pupil {
			return map[bool]int{true: -1, false: 1}[a.pupil < b.pupil]
		}
		return 0
	})
}

// dayRecords returns a pupil's begun records of a day in séances not cancelled.
func dayRecords(f model.PupilFigures, day model.Date) []model.Attendance {
	var out []model.Attendance
	for _, a := range f.Records() {
		if a.Seance.Date == day && !a.Seance.Cancelled {
			out = append(out, a)
		}
	}
	return out
}

func (c *figureCheck) checkDesk() {
	svc := c.svc()
	for day := modeltest.RandomFrom; !day.After(modeltest.RandomTo); day = day.AddDays(1) {
		lines, err := svc.DayAbsences(day, model.DeskFilter{})
		c.fatal(err)
		shown := map[model.PupilID]model.DeskLine{}
		for _, l := range lines {
			shown[l.Pupil.ID] = l
		}
		for id, f := range c.ref {
			absences, unjustified := 0, 0
			for _, a := range dayRecords(f, day) {
				if a.Kind == model.KindAbsent {
					absences++
				}
				if model.Missed(a) && !a.Justified() {
					unjustified++
				}
			}
			l := shown[id]
			if l.Absences() != absences || l.Unjustified() != unjustified {
				c.errorf("desk of %s, %s: %d absences, %d to justify; FiguresAt %d, %d", day, id,
					l.Absences(), l.Unjustified(), absences, unjustified)
			}
		}
	}
}

func (c *figureCheck) checkDashboard() {
	db, err := c.svc().Dashboard()
	c.fatal(err)
	today := model.DateOf(c.at.In(c.dir.Location()))
	year := c.figures(c.dir.School.YearStart, today)
	unjustified, absent := 0, 0
	for _, f := range year {
		unjustified += f.Unjustified()
		if slices.ContainsFunc(dayRecords(f, today), func(a model.Attendance) bool { return a.Kind == model.KindAbsent }) {
			absent++
		}
	}
	if db.Unjustified != unjustified || db.AbsentPupils != absent {
		c.errorf("dashboard: %d unjustified, %d absent; FiguresAt %d, %d", db.Unjustified, db.AbsentPupils, unjustified, absent)
	}
}

// TestPropertyPreviewIsTheResult: on random schools and clocks, what the
// preview of a motive key announces (its counts of absences done, kept and
// left, and each pupil's month before and after) is what applying it does;
// undo restores the counts.
func TestPropertyPreviewIsTheResult(t *testing.T) {
	previewed := 0
	for seed := range uint64(10) {
		r := rand.New(rand.NewPCG(seed, 13))
		db, dir, _ := randomStore(t, r)
		at := modeltest.RandomClocks(r, dir, 1)[0]
		cpe := model.NewService(db, model.Actor{Login: "cpe", Session: "s"}, modeltest.Clock(at))
		for _, p := range dir.Pupils {
			atts, err := cpe.PupilAbsences(p.ID, modeltest.RandomFrom, modeltest.RandomTo)
			if err != nil {
				t.Fatal(err)
			}
			shown := model.Targets(atts, false)
			if len(shown) == 0 {
				continue
			}
			code := []string{"maladie", "reveil", "transport", ""}[r.IntN(4)]
			req := model.MotiveRequest{Shown: shown, Code: code, Replace: r.IntN(2) == 0}
			previewed += checkPreviewIsResult(t, db, cpe, req, at)
		}
	}
	if previewed == 0 {
		t.Fatal("no preview touched anything: the test checks nothing")
	}
}

func checkPreviewIsResult(t *testing.T, db *storage.DB, cpe *model.Service, req model.MotiveRequest, at time.Time) int {
	t.Helper()
	pv, err := cpe.Preview(req)
	if err != nil {
		t.Fatal(err)
	}
	before := monthCounts(t, db, req.Shown[0].Key.Pupil, at)
	out, err := cpe.ApplyMotive(req)
	if err != nil {
		t.Fatal(err)
	}
	if out.Done != pv.Outcome.Done || out.Left != pv.Outcome.Left || !reflect.DeepEqual(out.Kept, pv.Outcome.Kept) || len(out.Changed) != len(pv.Outcome.Changed) {
		t.Errorf("%+v: preview %+v, result %+v", req.Code, pv.Outcome, out)
	}
	if out.Action.Size() != pv.Touched() {
		t.Errorf("%q: the preview touches %d marks, the action %d", req.Code, pv.Touched(), out.Action.Size())
	}
	after := monthCounts(t, db, req.Shown[0].Key.Pupil, at)
	for _, p := range pv.Pupils {
		if after[p.Before.Month] != p.After.Figures || before[p.Before.Month] != p.Before.Figures {
			t.Errorf("%q, %s: preview %+v → %+v, counts %+v → %+v", req.Code, p.Before.Month,
				p.Before.Figures, p.After.Figures, before[p.Before.Month], after[p.Before.Month])
		}
	}
	if out.Action.Size() > 0 {
		if _, err := cpe.Undo(); err != nil {
			t.Fatal(err)
		}
		if again := monthCounts(t, db, req.Shown[0].Key.Pupil, at); !reflect.DeepEqual(again, before) {
			t.Errorf("undo: %+v, before %+v", again, before)
		}
	}
	return pv.Touched()
}

// monthCounts reads a pupil's figures per month of November 2026 at the clock.
func monthCounts(t *testing.T, db *storage.DB, id model.PupilID, at time.Time) map[string]model.Figures {
	t.Helper()
	first, last := model.MonthSpan(modeltest.RandomFrom, modeltest.RandomTo)
	f, err := model.NewService(db, model.Actor{Login: "direction"}, modeltest.Clock(at)).PupilFigures(id, first, last)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.Figures{}
	for _, m := range f.Months {
		out[m.Month] = m.Figures
	}
	return out
}
