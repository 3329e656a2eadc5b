package tui_test

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
	"appel/model/modeltest"
	"appel/tui"
)

// feedSeen records the changes the feed hands a session.
func feedSeen(d *driver) *[]model.Change {
	var seen []model.Change
	d.Observe = func(msg tea.Msg) {
		if c, ok := tui.ChangeOf(msg); ok {
			seen = append(seen, c)
		}
	}
	return &seen
}

func touchesSeance(id model.SeanceID) func(model.Change) bool {
	return func(c model.Change) bool { return slices.Contains(c.Seances, id) }
}

var historySeance = model.NewSeanceID(modeltest.Monday, 8*60, modeltest.CourseHistory)

// TestRollCallFeedIsNarrow: a teacher's roll call is handed the changes of
// its own séance made by another session (a CPE justifying) and the reminders
// to its account, never a mark of another teacher's séance of another
// division. The feed keeps commit order, so that mark, committed before the
// justification, would have been handed over before it.
func TestRollCallFeedIsNarrow(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	maths := modeltest.MathsSeance(modeltest.Monday)
	prof := f.start(t, "prof", 100, 30)
	seen := feedSeen(prof)
	prof.WaitFor("4B · Mathématiques", "appel non fait")
	prof.Press("a")
	prof.WaitFor("1 absent")

	markAs(t, f, "prof2", historySeance, model.KindAbsent, "A001")
	if _, err := f.service("cpe").Justify([]model.MarkKey{key(maths, "E001")}, "maladie"); err != nil {
		t.Fatal(err)
	}
	prof.WaitUntil(func(v string) bool { return strings.Contains(line(v, "ABADIE"), "justifiée") }, "the justification")
	if _, err := f.service("cpe").Remind(maths); err != nil {
		t.Fatal(err)
	}
	prof.WaitFor("✉ 1 message", "cpe : appel non fait : 4B · Mathématiques")
	if n := tui.InterestAllocs(prof.App); n != 0 {
		t.Errorf("keeping the interest allocates %v times per Update", n)
	}

	if slices.ContainsFunc(*seen, touchesSeance(historySeance)) {
		t.Errorf("the roll call was handed prof2's mark: %+v", *seen)
	}
	justified := func(c model.Change) bool { return c.By == "cpe" && slices.Contains(c.Seances, maths) }
	if !slices.ContainsFunc(*seen, justified) {
		t.Errorf("the justification did not come through the feed: %+v", *seen)
	}
}

// TestOpenScreensWidenTheFeed: a screen that shows the whole school (the
// desk) is handed every change once open, the roll call alone is not.
func TestOpenScreensWidenTheFeed(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	cpe := f.start(t, "cpe", 100, 30)
	seen := feedSeen(cpe)
	cpe.WaitFor("Absences du jour")
	markAs(t, f, "prof2", historySeance, model.KindAbsent, "A001")
	cpe.WaitUntil(func(string) bool { return slices.ContainsFunc(*seen, touchesSeance(historySeance)) }, "prof2's mark")
}

// TestPupilFileWidensATeachersFeed: a teacher who opens a pupil's file is
// handed that pupil's marks of other séances and days.
func TestPupilFileWidensATeachersFeed(t *testing.T) {
	f := newFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5))
	prof := f.start(t, "prof", 100, 30)
	seen := feedSeen(prof)
	prof.WaitFor("4B · Mathématiques")
	prof.Press("tab", "3")
	prof.WaitFor("Rechercher un élève")
	prof.Press("a", "b", "a", "d", "i", "e")
	prof.WaitFor("› ")
	prof.Press("enter")
	prof.WaitFor("[Résumé]", "ABADIE")
	tuesday := modeltest.MathsSeance(modeltest.Monday.AddDays(1))
	if _, err := f.db.Update(t.Context(), model.Actor{Login: "cpe"}, "marque", func(tx model.Tx) error {
		return tx.PutMark(model.Mark{Seance: tuesday, Pupil: "E001", Kind: model.KindLate, Minutes: 5, By: "cpe"})
	}); err != nil {
		t.Fatal(err)
	}
	prof.WaitUntil(func(string) bool { return slices.ContainsFunc(*seen, touchesSeance(tuesday)) }, "E001's mark of Tuesday")
}
