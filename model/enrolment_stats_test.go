package model_test

import (
	"context"
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
	"appel/storage/storagetest"
)

// moverSchool is the modeltest school where A001 (4A) moves to 4B on Monday
// 16 November: absent at 4A's history on Mondays 2 and 9 November, at 4B's
// maths on Tuesday 17 and Wednesday 18; a mark of 4A's history on the 16th
// (he was no longer there) counts for nothing.
func moverSchool(t *testing.T) *model.Service {
	t.Helper()
	return serviceAt(moverStore(t), "cpe", afterHistory)
}

func moverStore(t *testing.T) *storage.DB {
	t.Helper()
	data := modeltest.School(4)
	for i, p := range data.Pupils {
		if p.ID == "A001" {
			data.Pupils[i] = p.MoveTo(nov(16), modeltest.Division4B, p.Groups)
		}
	}
	history := func(d model.Date) model.SeanceID { return model.NewSeanceID(d, 8*60, modeltest.CourseHistory) }
	absent := func(s model.SeanceID) model.Mark {
		return model.Mark{Seance: s, Pupil: "A001", Kind: model.KindAbsent, By: "prof", At: modeltest.HistoryAt}
	}
	data.Marks = append(data.Marks, absent(history(nov(2))), absent(history(nov(9))), absent(history(nov(16))),
		absent(modeltest.MathsSeance(nov(17))), absent(modeltest.MathsSeance(nov(18))),
		model.Mark{Seance: modeltest.MathsSeance(nov(17)), Pupil: "E001", Kind: model.KindAbsent, By: "prof", At: modeltest.HistoryAt})
	db := storagetest.New(t)
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestCountsFollowTheDivisionOfTheDay: the mover's 4A absences count in
// 4A's November figures, those after the 16th in 4B's; his own total keeps
// every day; the class-council view of 4B for the first trimestre shows his
// absences since he came, with the day.
func TestCountsFollowTheDivisionOfTheDay(t *testing.T) {
	svc := moverSchool(t)
	st, err := svc.Statistics(day("2026-09-01"), day("2026-12-18"))
	if err != nil {
		t.Fatal(err)
	}
	month, ok := st.Month("2026-11")
	if !ok {
		t.Fatal("no November")
	}
	cases := []struct {
		row  string
		want int
	}{
		{"4A", 2}, {modeltest.Division4B, 3}, {model.SchoolLabel, 5},
	}
	for _, c := range cases {
		if got := month.Figures[c.row].HalfDays(); got != c.want {
			t.Errorf("November %s: %d half-days, want %d", c.row, got, c.want)
		}
	}
	lines := map[string]model.PupilStats{}
	for _, division := range []string{"4A", modeltest.Division4B} {
		for _, p := range st.PupilsOf(division) {
			if p.Pupil.ID == "A001" {
				lines[division] = p
			}
		}
	}
	if got := lines["4A"].Count.Total.HalfDays(); got != 2 {
		t.Errorf("his 4A line: %d half-days, want 2", got)
	}
	in4B := lines[modeltest.Division4B]
	if got := in4B.Count.Total.HalfDays(); got != 2 {
		t.Errorf("his 4B line: %d half-days, want 2", got)
	}
	if note := in4B.Pupil.StintNote(in4B.Count.Stint); note != "en 4B depuis le 16/11/2026" {
		t.Errorf("his 4B line says %q", note)
	}
	if got := in4B.Whole.Total.HalfDays(); got != 4 {
		t.Errorf("his own count: %d half-days, want 4", got)
	}
	for _, d := range st.Divisions {
		if d.Division == "4A" && d.Figures.HalfDays() != 2 || d.Division == modeltest.Division4B && d.Figures.HalfDays() != 3 {
			t.Errorf("division %s: %d half-days", d.Division, d.Figures.HalfDays())
		}
	}
	if st.School.Pupils != 8 {
		t.Errorf("the school counts %d pupils, want 8 (the mover once)", st.School.Pupils)
	}
	own, err := svc.PupilFigures("A001", day("2026-09-01"), day("2026-12-18"))
	if err != nil {
		t.Fatal(err)
	}
	if got := own.Figures().HalfDays(); got != 4 || len(own.Unplaced) != 1 {
		t.Errorf("his file: %d half-days, %d unplaced marks; want 4 and 1 (4A's séance after he left it)", got, len(own.Unplaced))
	}
	table := month.Table
	for _, r := range table.Divisions {
		if r.Label == "4A" && r.Enrolled != 4 || r.Label == modeltest.Division4B && r.Enrolled != 4 {
			t.Errorf("ministry table %s enrols %d", r.Label, r.Enrolled)
		}
	}
}

// TestRollCallAndGridFollowTheMove: the roll call of 4A's history lists the
// mover before the 16th, not after; 4B's maths the other way round.
func TestRollCallAndGridFollowTheMove(t *testing.T) {
	svc := moverSchool(t)
	dir, err := svc.Directory()
	if err != nil {
		t.Fatal(err)
	}
	has := func(t model.Target, d model.Date) bool {
		for _, p := range dir.Members(t, d) {
			if p.ID == "A001" {
				return true
			}
		}
		return false
	}
	a := model.Target{Kind: model.TargetDivision, Code: "4A"}
	b := model.Target{Kind: model.TargetDivision, Code: modeltest.Division4B}
	cases := []struct {
		target model.Target
		day    model.Date
		want   bool
	}{{a, nov(9), true}, {a, nov(16), false}, {b, nov(13), false}, {b, nov(16), true}}
	for _, c := range cases {
		if got := has(c.target, c.day); got != c.want {
			t.Errorf("%s on %s lists him: %v, want %v", c.target.Code, c.day, got, c.want)
		}
	}
	inGrid := func(d model.Date) bool {
		grid, err := svc.ClassGrid(b, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range grid.Rows {
			if r.Pupil.ID == "A001" {
				return true
			}
		}
		return false
	}
	if inGrid(nov(9)) || !inGrid(nov(16)) {
		t.Errorf("4B's grid lists him the week of the 9th: %v, of the 16th: %v; want false, true", inGrid(nov(9)), inGrid(nov(16)))
	}
}

// TestRegisterFollowsTheMove: 4A's register lists the mover's absences
// while he was in 4A, 4B's those after; neither lists him in a séance of a
// division he was not in that day.
func TestRegisterFollowsTheMove(t *testing.T) {
	svc := moverSchool(t)
	cases := []struct {
		division string
		want     []string // séance date: pupils listed, in registre order
	}{
		{"4A", []string{"2026-11-02 A001", "2026-11-09 A001"}},
		{modeltest.Division4B, []string{"2026-11-17 E001 A001", "2026-11-18 A001"}},
	}
	for _, c := range cases {
		r, err := svc.Register(c.division, nov(1), nov(30))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range r.Seances {
			if len(s.Lines) == 0 {
				continue
			}
			line := s.Seance.Date.String()
			for _, a := range s.Lines {
				line += " " + string(a.Pupil)
			}
			got = append(got, line)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("register of %s: %q, want %q", c.division, got, c.want)
		}
		if c.division == "4A" && len(r.Seances) == 0 {
			t.Error("4A's register has no séance")
		}
	}
	if _, err := serviceAt(moverStore(t), "prof", afterHistory).Register("4A", nov(1), nov(30)); err == nil {
		t.Error("a teacher read a register")
	}
}

// TestPupilRecord: the copy of a pupil's data holds every mark of his, and
// is for those who may see motives.
func TestPupilRecord(t *testing.T) {
	db := moverStore(t)
	r, err := serviceAt(db, "cpe", afterHistory).PupilRecord("A001")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Marks) != 5 || r.Pupil.DivisionOn(nov(2)) != "4A" || r.Audited == 0 {
		t.Errorf("A001's record: %d marks, %d audit entries", len(r.Marks), r.Audited)
	}
	for _, login := range []string{"prof", "aed"} {
		if _, err := serviceAt(db, login, afterHistory).PupilRecord("A001"); err == nil {
			t.Errorf("%s read a pupil's whole record", login)
		}
	}
}
