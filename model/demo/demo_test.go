package demo

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"appel/model"
)

func TestBuildIsDeterministic(t *testing.T) {
	a, b := Build(refNow), Build(refNow.UTC())
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds at the same clock differ")
	}
	later := Build(refNow.Add(24 * time.Hour))
	if len(later.Marks) <= len(a.Marks) || len(later.RollCalls) <= len(a.RollCalls) {
		t.Errorf("a day later: %d marks, %d roll calls; before: %d, %d",
			len(later.Marks), len(later.RollCalls), len(a.Marks), len(a.RollCalls))
	}
}

// TestHistoryPrefix checks that a later clock adds history without rewriting
// the roll calls of the days already shown.
func TestHistoryPrefix(t *testing.T) {
	a, b := Build(refNow), Build(refNow.AddDate(0, 0, 7))
	later := map[model.SeanceID]model.RollCall{}
	for _, rc := range b.RollCalls {
		later[rc.Seance] = rc
	}
	for _, rc := range a.RollCalls {
		if got, ok := later[rc.Seance]; !ok || !got.At.Equal(rc.At) || got.By != rc.By {
			t.Fatalf("roll call %s changed a week later: %+v → %+v", rc.Seance, rc, got)
		}
	}
}

// TestHistoryIsPlausible checks the rates of the history at the reference clock.
func TestHistoryIsPlausible(t *testing.T) {
	d := reference(t)
	c := newChecker(d)
	today := model.DateOf(refNow)
	halfDays := c.absences(today)
	perPupil, nonValid := map[model.PupilID]int{}, map[model.PupilID]map[string]int{}
	valid := 0
	for k, ok := range halfDays {
		perPupil[k.pupil]++
		if ok {
			valid++
			continue
		}
		if nonValid[k.pupil] == nil {
			nonValid[k.pupil] = map[string]int{}
		}
		nonValid[k.pupil][k.day.MonthKey()]++
	}
	few, crossing := 0, 0
	for _, p := range d.Pupils {
		if perPupil[p.ID] <= 3 {
			few++
		}
		for _, n := range nonValid[p.ID] {
			if n >= 4 {
				crossing++
				break
			}
		}
	}
	t.Logf("%d/%d pupils with ≤ 3 half-days; %d cross the threshold; %d of %d half-days valable",
		few, len(d.Pupils), crossing, valid, len(halfDays))
	if few < len(d.Pupils)*80/100 || crossing < 3 || crossing > 30 {
		t.Errorf("%d/%d pupils with ≤ 3 half-days; %d pupils cross 4 non valable half-days in a month", few, len(d.Pupils), crossing)
	}
	if share := float64(valid) / float64(len(halfDays)); share < 0.4 || share > 0.85 {
		t.Errorf("valable half-days: %d of %d", valid, len(halfDays))
	}
	checkRates(t, c, today)
}

func checkRates(t *testing.T, c *checker, today model.Date) {
	t.Helper()
	held := 0
	for day := c.d.School.YearStart; day.Before(today); day = day.AddDays(1) {
		for _, s := range c.seancesOn(day) {
			if !s.Cancelled {
				held++
			}
		}
	}
	if done := len(c.d.RollCalls); done >= held || done < held*95/100 {
		t.Errorf("%d roll calls for %d séances held", done, held)
	}
	kinds, justified, absent := map[model.MarkKind]int{}, 0, 0
	for _, m := range c.d.Marks {
		kinds[m.Kind]++
		if m.Kind == model.KindAbsent {
			absent++
			if m.Justification != nil || coveredByNotice(c, m) {
				justified++
			}
		}
	}
	for _, k := range model.MarkKinds {
		if kinds[k] == 0 {
			t.Errorf("no %s mark", k)
		}
	}
	t.Logf("%d roll calls for %d séances; %d of %d absences justified; kinds %v", len(c.d.RollCalls), held, justified, absent, kinds)
	if share := float64(justified) / float64(absent); share < 0.55 || share > 0.85 {
		t.Errorf("justified absences: %d of %d", justified, absent)
	}
	if len(c.d.Calls) == 0 || len(c.d.Reports) != 1 || len(c.d.Changes) == 0 {
		t.Errorf("%d calls, %d reports, %d cancelled séances", len(c.d.Calls), len(c.d.Reports), len(c.d.Changes))
	}
	checkAnnounced(t, c, today)
}

func coveredByNotice(c *checker, m model.Mark) bool {
	s, _ := c.seance(m.Seance)
	for _, n := range c.d.Notices {
		if n.Pupil == m.Pupil && n.Covers(s, paris) {
			return true
		}
	}
	return false
}

// checkAnnounced wants past announced absences and one or two that cover
// today and the next days.
func checkAnnounced(t *testing.T, c *checker, today model.Date) {
	t.Helper()
	past, current := 0, 0
	for _, n := range c.d.Notices {
		switch {
		case model.DateOf(n.To.In(paris)).After(today) && !model.DateOf(n.From.In(paris)).After(today):
			current++
		case !n.To.After(today.Time(0, paris)):
			past++
		}
	}
	t.Logf("%d past notices, %d covering today", past, current)
	if past < 5 || current < 1 || current > 2 {
		t.Errorf("%d past notices, %d covering today", past, current)
	}
}

func TestSummary(t *testing.T) {
	d := reference(t)
	s := Summary(d)
	for _, want := range []string{"Collège des Tilleuls", "UAI 0939999N", "zone C", "2026-2027", "24 divisions", "élèves", "absent "} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if empty := Summary(Build(time.Date(2026, time.July, 1, 9, 0, 0, 0, paris))); !strings.Contains(empty, "0 marque (aucune)") {
		t.Errorf("summary before the year:\n%s", empty)
	}
}

func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		Build(refNow)
	}
}

func BenchmarkBuildFullYear(b *testing.B) {
	now := time.Date(2027, time.July, 20, 8, 0, 0, 0, paris)
	for b.Loop() {
		Build(now)
	}
}
