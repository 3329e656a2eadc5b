package demo

import (
	"testing"
	"time"

	"appel/model"
)

// TestHistoryReferences checks every mark, roll call, announced absence,
// call, report and cancellation against the structure and the clock.
func TestHistoryReferences(t *testing.T) {
	d := reference(t)
	c := newChecker(d)
	today := model.DateOf(refNow)
	checkMarks(t, c, today)
	for _, rc := range d.RollCalls {
		s, ok := c.seance(rc.Seance)
		if !ok || s.Cancelled || !s.Date.Before(today) || !s.TaughtBy(rc.By) || model.DateOf(rc.At) != s.Date {
			t.Errorf("roll call %+v (séance found %v: %+v)", rc, ok, s)
		}
	}
	for _, n := range d.Notices {
		if _, ok := c.dir.Pupil(n.Pupil); !ok || n.Validate() != nil || !n.At.Before(refNow) || n.Justification == nil {
			t.Errorf("notice %+v", n)
		}
	}
	for _, call := range d.Calls {
		if _, ok := c.dir.Pupil(call.Pupil); !ok || !call.At.Before(refNow) || call.Outcome == "" || call.Person == "" {
			t.Errorf("call %+v", call)
		}
	}
	for _, r := range d.Reports {
		if _, ok := c.dir.Pupil(r.Pupil); !ok || !r.At.Before(refNow) || r.Month >= today.MonthKey() {
			t.Errorf("report %+v", r)
		}
	}
	for _, ch := range d.Changes {
		if s, ok := c.seance(ch.Seance); !ok || !s.Cancelled || s.TaughtBy(ProfLogin) {
			t.Errorf("change %+v", ch)
		}
	}
}

func checkMarks(t *testing.T, c *checker, today model.Date) {
	t.Helper()
	motives := map[string]model.Motive{}
	for _, m := range c.d.Motives {
		motives[m.Code] = m
	}
	seen := map[model.MarkKey]bool{}
	for _, m := range c.d.Marks {
		s, ok := c.seance(m.Seance)
		p, known := c.dir.Pupil(m.Pupil)
		switch {
		case m.Validate() != nil || seen[m.Key()]:
			t.Errorf("mark %+v invalid or twice", m)
		case !ok || s.Cancelled || !known || !c.dir.Attends(p, s):
			t.Errorf("mark %+v: séance %v (cancelled %v), pupil %v attends %v", m.Key(), ok, s.Cancelled, known, ok && c.dir.Attends(p, s))
		case !s.Date.Before(today) || m.By != s.Teachers[0] || model.DateOf(m.At.In(paris)) != s.Date:
			t.Errorf("mark %+v on %s by %s at %s", m.Key(), s.Date, m.By, m.At)
		case m.Kind == model.KindLate && m.Minutes <= 0:
			t.Errorf("late mark %+v without minutes", m.Key())
		}
		seen[m.Key()] = true
		if j := m.Justification; j != nil {
			mo, ok := motives[j.Motive]
			if !ok || mo.Valid != j.Valid || mo.Label != j.Label || !j.At.Before(refNow) || j.At.Before(m.At) {
				t.Errorf("mark %+v: justification %+v", m.Key(), j)
			}
		}
	}
}

// TestNothingFromToday builds the demo at several clocks and checks that no
// mark or roll call is dated on or after the clock's date, and that prof's
// séances of that date show every pupil present.
func TestNothingFromToday(t *testing.T) {
	clocks := []time.Time{
		time.Date(2026, time.August, 20, 10, 0, 0, 0, paris),
		time.Date(2026, time.September, 1, 8, 5, 0, 0, paris),
		time.Date(2026, time.September, 14, 8, 5, 0, 0, paris),
		refNow,
		time.Date(2026, time.November, 24, 16, 30, 0, 0, paris),
		time.Date(2027, time.March, 29, 8, 5, 0, 0, paris), // Lundi de Pâques
		time.Date(2027, time.June, 18, 8, 0, 0, 0, paris),
		time.Date(2027, time.July, 20, 8, 0, 0, 0, paris),
	}
	for _, now := range clocks {
		d := Build(now)
		today := model.DateOf(now)
		for _, m := range d.Marks {
			if day, _ := m.Seance.Date(); !day.Before(today) || !m.At.Before(now) {
				t.Fatalf("now %s: mark %+v", now, m)
			}
		}
		for _, rc := range d.RollCalls {
			if day, _ := rc.Seance.Date(); !day.Before(today) {
				t.Fatalf("now %s: roll call %+v", now, rc)
			}
		}
		checkProfToday(t, newChecker(d), now)
	}
}

func checkProfToday(t *testing.T, c *checker, now time.Time) {
	t.Helper()
	today := model.DateOf(now)
	for _, s := range c.dir.TeacherSeances(ProfLogin, today) {
		for _, p := range c.dir.Members(s.Target, today) {
			if a := model.Resolve(s, p.ID, nil, c.d.Notices, paris); a.Marked() {
				t.Errorf("now %s: prof's séance %s shows %s %s", now, s.ID, p.ID, a.Kind)
			}
		}
	}
}

func TestBeforeAndAfterTheYear(t *testing.T) {
	before := Build(time.Date(2026, time.August, 31, 12, 0, 0, 0, paris))
	if n := len(before.Marks) + len(before.RollCalls) + len(before.Notices) + len(before.Calls) + len(before.Reports) + len(before.Changes); n != 0 {
		t.Errorf("before the rentrée: %d history records", n)
	}
	after := Build(time.Date(2027, time.August, 15, 12, 0, 0, 0, paris))
	months := map[string]bool{}
	for _, m := range after.Marks {
		day, _ := m.Seance.Date()
		months[day.MonthKey()] = true
	}
	for _, want := range []string{"2026-09", "2027-01", "2027-06"} {
		if !months[want] {
			t.Errorf("after the year: no mark in %s (%d marks)", want, len(after.Marks))
		}
	}
	if len(after.Notices) == 0 || len(after.Reports) == 0 {
		t.Errorf("after the year: %d notices, %d reports", len(after.Notices), len(after.Reports))
	}
}
