package model_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// statsFixture is the modeltest school (10 pupils in 4B, 4 in 4A) with
// modeltest.History's marks.
func statsFixture(t *testing.T) *storage.DB {
	t.Helper()
	db := storagetest.New(t)
	data := modeltest.School(10)
	modeltest.History(&data)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	return db
}

func serviceAt(db *storage.DB, login string, at time.Time) *model.Service {
	return model.NewService(db, model.Actor{Login: login, Session: "s-" + login}, modeltest.Clock(at))
}

// afterHistory is a clock after every séance of modeltest.History: all of it counts.
var afterHistory = modeltest.At(model.NewDate(2026, 12, 2), 18, 0)

func statsOf(t *testing.T, db *storage.DB, from, to model.Date) model.Statistics {
	t.Helper()
	st, err := serviceAt(db, "cpe", afterHistory).Statistics(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStatisticsPerPupil(t *testing.T) {
	db := statsFixture(t)
	st := statsOf(t, db, day("2026-11-15"), day("2026-12-31"))
	type row struct {
		valid, invalid, minutes, lates, lateMin int
		months                                  []string
	}
	want := map[model.PupilID]row{
		"E001": {1, 4, 5 * 55, 0, 0, []string{"2026-11"}},
		"E002": {0, 0, 0, 1, 10, nil},
		"E003": {0, 1, 55, 0, 0, nil},
		"E004": {1, 0, 110, 0, 0, nil},
		// E005's absences are before the period, but November's threshold counts the whole month.
		"E005": {0, 0, 0, 0, 0, []string{"2026-11"}},
		"E006": {0, 0, 0, 0, 0, nil},
	}
	got := map[model.PupilID]model.PupilStats{}
	for _, p := range st.PupilsOf(modeltest.Division4B) {
		got[p.Pupil.ID] = p
	}
	if len(got) != 10 {
		t.Fatalf("4B has %d lines, want 10", len(got))
	}
	for id, w := range want {
		c := got[id].Count
		g := row{c.Total.ValidHalfDays, c.Total.InvalidHalfDays, c.Total.MissedMinutes, c.Total.Lates, c.Total.LateMinutes, c.ReportMonths()}
		if !rowsEqual(g, w, func(r row) []int { return []int{r.valid, r.invalid, r.minutes, r.lates, r.lateMin} }) || !slices.Equal(g.months, w.months) {
			t.Errorf("%s: got %+v, want %+v", id, g, w)
		}
	}
	if st.Unplaced != 1 {
		t.Errorf("unplaced marks: %d, want 1", st.Unplaced)
	}
}

func rowsEqual[T any](a, b T, nums func(T) []int) bool { return slices.Equal(nums(a), nums(b)) }

func TestStatisticsSumsAndOrder(t *testing.T) {
	db := statsFixture(t)
	st := statsOf(t, db, day("2026-09-01"), day("2027-07-03"))
	if got := st.DivisionCodes(); !slices.Equal(got, []string{"4A", "4B"}) {
		t.Errorf("divisions %v, want directory order", got)
	}
	var sum model.Figures
	for _, p := range st.PupilsOf(modeltest.Division4B) {
		sum = sum.Add(p.Count.Total)
		if p.Count.Total.HalfDays() != p.Count.Total.ValidHalfDays+p.Count.Total.InvalidHalfDays {
			t.Errorf("%s: total is not valable + non valable", p.Pupil.ID)
		}
	}
	var div model.DivisionCount
	for _, d := range st.Divisions {
		if d.Division == modeltest.Division4B {
			div = d
		}
	}
	if div.Figures != sum || div.Pupils != 10 || div.OverThreshold != 2 {
		t.Errorf("4B: %+v, want the sum %+v of 10 pupils, 2 over the threshold", div, sum)
	}
	if st.School.Figures != sum || st.School.Pupils != 14 {
		t.Errorf("school: %+v (4A has no absence), want %+v over 14 pupils", st.School, sum)
	}
	if n := len(st.Months); n != 11 || st.Months[0].Table.Month != "2026-09" || st.Months[10].Table.Month != "2027-07" {
		t.Errorf("%d months from %s", n, st.Months[0].Table.Month)
	}
}

func TestStatisticsMinistryMonth(t *testing.T) {
	db := statsFixture(t)
	st := statsOf(t, db, day("2026-11-01"), day("2026-12-31"))
	nov, ok := st.Month("2026-11")
	if !ok {
		t.Fatal("no November")
	}
	school := nov.Table.School
	if school.Enrolled != 14 || school.NoMotive4To10 != 2 || school.Absentees() != 2 {
		t.Errorf("school row %+v", school)
	}
	if f := nov.Figures[modeltest.Division4B]; f.InvalidHalfDays != 8 || f.ValidHalfDays != 2 {
		t.Errorf("November 4B figures %+v, want 8 non valable, 2 valable", f)
	}
	if f := nov.Figures["4A"]; f != (model.Figures{}) {
		t.Errorf("4A figures %+v", f)
	}
	dec, _ := st.Month("2026-12")
	if dec.Table.School.Absentees() != 0 || dec.Figures[model.SchoolLabel].InvalidHalfDays != 1 {
		t.Errorf("December %+v %+v", dec.Table.School, dec.Figures[model.SchoolLabel])
	}
}

func TestThresholdListAndReport(t *testing.T) {
	db := statsFixture(t)
	st := statsOf(t, db, day("2026-11-01"), day("2026-11-30"))
	type line struct {
		pupil    model.PupilID
		reached  model.Date
		half     model.HalfDay
		reported bool
	}
	var got []line
	for _, l := range st.Thresholds {
		got = append(got, line{l.Pupil.ID, l.Crossing.ReachedOn, l.Crossing.ReachedHalf, l.Report != nil})
	}
	want := []line{{"E005", day("2026-11-05"), model.Morning, false}, {"E001", day("2026-11-26"), model.Morning, false}}
	if !slices.Equal(got, want) {
		t.Fatalf("threshold list %+v, want %+v", got, want)
	}
	at := modeltest.At(modeltest.Monday, 10, 0)
	if _, err := serviceAt(db, "direction", at).RecordReport("E005", "2026-11", ""); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("direction may not record a report: %v", err)
	}
	r, err := serviceAt(db, "cpe", at).RecordReport("E005", "2026-11", "commission éducative")
	if err != nil || r.By != "cpe" || !r.At.Equal(at) {
		t.Fatalf("RecordReport = %+v, %v", r, err)
	}
	if _, err := serviceAt(db, "cpe2", at).RecordReport("E005", "2026-11", ""); !errors.Is(err, model.ErrConflict) {
		t.Errorf("second report of the same month: %v", err)
	}
	st = statsOf(t, db, day("2026-11-01"), day("2026-11-30"))
	if rep := st.Thresholds[0].Report; rep == nil || rep.By != "cpe" || rep.Note != "commission éducative" {
		t.Errorf("report not shown in the list: %+v", rep)
	}
	if n := auditCount(t, db, model.EntityReport); n != 1 {
		t.Errorf("%d audited reports, want 1", n)
	}
}

func TestReportRefusals(t *testing.T) {
	db := statsFixture(t)
	cpe := serviceAt(db, "cpe", afterHistory)
	cases := []struct {
		pupil model.PupilID
		month string
		kind  error
	}{
		{"E999", "2026-11", model.ErrNotFound},
		{"E001", "2026-13", model.ErrInvalid},
		{"E001", "novembre", model.ErrInvalid},
	}
	for _, c := range cases {
		if _, err := cpe.RecordReport(c.pupil, c.month, ""); !errors.Is(err, c.kind) {
			t.Errorf("RecordReport(%s, %s) = %v, want %v", c.pupil, c.month, err, c.kind)
		}
	}
	if err := cpe.CancelReport("E001", "2026-11"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("cancelling no report: %v", err)
	}
	if _, err := cpe.RecordReport("E001", "2026-11", ""); err != nil {
		t.Fatal(err)
	}
	if err := cpe.CancelReport("E001", "2026-11"); err != nil {
		t.Fatal(err)
	}
	if st := statsOf(t, db, day("2026-11-01"), day("2026-11-30")); st.Thresholds[1].Report != nil {
		t.Errorf("cancelled report still shown")
	}
	if n := auditCount(t, db, model.EntityReport); n != 2 {
		t.Errorf("%d audit entries, want the report and its withdrawal", n)
	}
}

func auditCount(t *testing.T, db *storage.DB, entity string) int {
	t.Helper()
	n := 0
	err := db.View(func(tx model.ReadTx) error {
		entries, err := tx.Audit(model.AuditQuery{})
		for _, e := range entries {
			if e.Entity == entity {
				n++
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStatsPolicy(t *testing.T) {
	db := statsFixture(t)
	at := modeltest.At(modeltest.Monday, 10, 0)
	for login, allowed := range map[string]bool{"cpe": true, "direction": true, "admin": true, "prof": false, "aed": false} {
		s := serviceAt(db, login, at)
		_, err1 := s.Statistics(day("2026-11-01"), day("2026-11-30"))
		_, err2 := s.ExplainPupil("E001", day("2026-11-01"), day("2026-11-30"))
		_, err3 := s.Dashboard()
		_, err4 := s.SchoolFigures(day("2026-11-01"), day("2026-11-30"))
		for _, err := range []error{err1, err2, err3, err4} {
			if allowed != (err == nil) || !allowed && !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s: %v", login, err)
			}
		}
	}
	if _, err := serviceAt(db, "cpe", at).Statistics(day("2026-11-30"), day("2026-11-01")); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("reversed period: %v", err)
	}
}

func TestExplainPupilMatchesStatistics(t *testing.T) {
	db := statsFixture(t)
	from, to := day("2026-11-01"), day("2026-11-30")
	st := statsOf(t, db, from, to)
	cpe := serviceAt(db, "cpe", afterHistory)
	for _, p := range st.Pupils {
		e, err := cpe.ExplainPupil(p.Pupil.ID, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if e.Explanation.Totals != p.Count.Total {
			t.Errorf("%s: explained %+v, counted %+v", p.Pupil.ID, e.Explanation.Totals, p.Count.Total)
		}
	}
	e, err := cpe.ExplainPupil("E004", from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Explanation.HalfDays) != 1 {
		t.Fatalf("E004: %d half-days", len(e.Explanation.HalfDays))
	}
	h := e.Explanation.HalfDays[0]
	if h.Status() != "valable" || len(h.Seances) != 2 {
		t.Fatalf("E004's half-day %s with %d séances", h.Status(), len(h.Seances))
	}
	a := h.Seances[1].Attendance
	if by, _ := a.EnteredBy(); by != "aed1" || a.Notice == nil || a.Justification.Label != "Maladie" || a.Seance.Subject != "Espagnol" {
		t.Errorf("Spanish séance: entered by %q, notice %v, %+v", by, a.Notice != nil, a.Justification)
	}
	if _, err := cpe.ExplainPupil("E999", from, to); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown pupil: %v", err)
	}
	if e, _ := cpe.ExplainPupil("E002", from, to); len(e.Unplaced) != 1 {
		t.Errorf("E002's unplaced marks: %v", e.Unplaced)
	}
}

func TestDashboard(t *testing.T) {
	db := statsFixture(t)
	// Monday 23 November at 10:30: maths (done) and 4A's history have
	// started at 08:00, Spanish at 10:05; the marks after today are not read.
	got, err := serviceAt(db, "direction", modeltest.At(modeltest.Monday, 10, 30)).Dashboard()
	if err != nil {
		t.Fatal(err)
	}
	var notDone []string
	for _, se := range got.NotDone {
		notDone = append(notDone, se.Subject)
	}
	if got.AbsentPupils != 2 || got.LatePupils != 1 || got.Started != 3 || !slices.Equal(notDone, []string{"Histoire", "Espagnol"}) {
		t.Errorf("today: %d absent, %d late, %d started, not done %v", got.AbsentPupils, got.LatePupils, got.Started, notDone)
	}
	// E005's four absences and E001's of today have no motive; E004's are announced with one.
	if got.Unjustified != 5 || got.UnjustifiedPupils != 2 {
		t.Errorf("backlog %d absences of %d pupils, want 5 of 2", got.Unjustified, got.UnjustifiedPupils)
	}
	if got.Month != "2026-11" || len(got.Crossed) != 1 || got.Crossed[0].Pupil.ID != "E005" {
		t.Errorf("crossed in %s: %+v", got.Month, got.Crossed)
	}
}
