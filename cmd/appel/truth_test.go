package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage"
)

// clockFlag writes a clock as --now takes it.
func clockFlag(t time.Time) string { return t.In(modeltest.Paris).Format("2006-01-02T15:04") }

// writeSchool writes a dataset into a new db file and returns its path and directory.
func writeSchool(t *testing.T, data model.Dataset) (string, *model.Directory) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "school.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	return path, dir
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

// TestExportsAreFiguresAt: on random schools (modeltest.RandomSchool) at
// random clocks, `appel stats --by pupil`, `appel export marks` and `appel
// export explain` (three pupils a clock) write, for every pupil, the figures and the absences of
// the one computation (model.FiguresAt) at the clock given by --now, hours
// with a decimal comma as model.HoursText writes them.
func TestExportsAreFiguresAt(t *testing.T) {
	from, to := modeltest.RandomFrom, modeltest.RandomTo
	span := []string{"--from", from.String(), "--to", to.String()}
	counted := 0
	for seed := range uint64(4) {
		r := rand.New(rand.NewPCG(seed, 21))
		data := modeltest.RandomSchool(r)
		draft := model.NewDirectory(model.Directory{School: data.School, Divisions: data.Divisions, Groups: data.Groups,
			Pupils: data.Pupils, Courses: data.Courses, Motives: data.Motives, Changes: data.Changes})
		data.Marks, data.Notices = modeltest.RandomRecords(r, draft)
		path, dir := writeSchool(t, data)
		for _, at := range modeltest.RandomClocks(r, dir, 2) {
			want := map[model.PupilID]model.PupilFigures{}
			for _, f := range model.FiguresAt(dir, dir.Pupils, from, to, at, data.Marks, data.Notices) {
				want[f.Pupil.ID] = f
				counted += f.Figures().HalfDays()
			}
			global := []string{"--db", path, "--now", clockFlag(at)}
			checkStatsExport(t, want, csvRows(t, inProcess(t, append(append(global, "stats", "--by", "pupil"), span...)...)))
			checkMarksExport(t, want, csvRows(t, inProcess(t, append(append(global, "export", "marks"), span...)...)))
			for _, i := range r.Perm(len(dir.Pupils))[:3] {
				f := want[dir.Pupils[i].ID]
				rows := csvRows(t, inProcess(t, append(append(global, "export", "explain", "--pupil", string(f.Pupil.ID)), span...)...))
				checkExplainExport(t, f, rows)
			}
		}
	}
	if counted == 0 {
		t.Fatal("no half-day counted: the test checks nothing")
	}
}

func checkStatsExport(t *testing.T, want map[model.PupilID]model.PupilFigures, rows []map[string]string) {
	t.Helper()
	if len(rows) != len(want) {
		t.Errorf("stats: %d rows for %d pupils", len(rows), len(want))
	}
	for _, row := range rows {
		f := want[model.PupilID(row["eleve_id"])].Figures()
		got := fmt.Sprintf("%s %s %s %s %s %s", row["demi_journees"], row["dj_valables"], row["dj_non_valables"],
			row["heures"], row["retards"], row["minutes_retard"])
		exp := fmt.Sprintf("%d %d %d %s %d %d", f.HalfDays(), f.ValidHalfDays, f.InvalidHalfDays,
			model.HoursText(f.MissedMinutes), f.Lates, f.LateMinutes)
		if got != exp {
			t.Errorf("stats of %s: %s, FiguresAt %s", row["eleve_id"], got, exp)
		}
	}
}

func checkMarksExport(t *testing.T, want map[model.PupilID]model.PupilFigures, rows []map[string]string) {
	t.Helper()
	exported := map[model.PupilID]map[string]int{}
	for _, row := range rows {
		id := model.PupilID(row["eleve_id"])
		if exported[id] == nil {
			exported[id] = map[string]int{}
		}
		exported[id][row["date"]+" "+row["debut"]+" "+row["seance"]+" "+row["marque"]+" "+row["motif"]]++
	}
	for id, f := range want {
		records := map[string]int{}
		for _, a := range f.Records() {
			motive := ""
			if a.Justification != nil {
				motive = a.Justification.Label
			}
			records[a.Seance.Date.French()+" "+a.Seance.Start.String()+" "+a.Seance.Target.Code+" "+a.Kind.Export()+" "+motive]++
		}
		if fmt.Sprint(records) != fmt.Sprint(exported[id]) && len(records)+len(exported[id]) > 0 {
			t.Errorf("marks export of %s:\n%v\nFiguresAt:\n%v", id, exported[id], records)
		}
	}
}

func checkExplainExport(t *testing.T, want model.PupilFigures, rows []map[string]string) {
	t.Helper()
	var got model.Figures
	for _, row := range rows {
		got.ValidHalfDays += atoi(t, row["dj_valable"])
		got.InvalidHalfDays += atoi(t, row["dj_non_valable"])
		got.MissedMinutes += atoi(t, row["minutes_dj"])
	}
	f := want.Figures()
	if got.ValidHalfDays != f.ValidHalfDays || got.InvalidHalfDays != f.InvalidHalfDays || got.MissedMinutes != f.MissedMinutes {
		t.Errorf("explain export of %s: %+v, FiguresAt %+v", want.Pupil.ID, got, f)
	}
}

// TestAnnouncedWeekInTheExports is issue 12's case through the command
// line: Morel Samuel (4B) announced ill Monday to Friday at 10:15 on Monday
// 23 November. `appel stats` and `appel export marks` count what has
// happened at --now: 1 half-day (3 séances) at 10:15, still 1 at 14:00 (his
// only afternoon séance begins at 15:25), 2 at 15:25, and the 7 half-days
// (25 séances) of his week on Friday evening — the demo's timetable gives him
// no afternoon course from Tuesday to Thursday.
func TestAnnouncedWeekInTheExports(t *testing.T) {
	monday, friday := modeltest.Monday, modeltest.Monday.AddDays(4)
	path := filepath.Join(t.TempDir(), "demo.db")
	inProcess(t, "--db", path, "--now", clockFlag(modeltest.At(monday, 10, 15)), "init", "--demo")
	p := announceMorel(t, path, modeltest.At(monday, 10, 15), modeltest.At(friday, 18, 0))
	span := []string{"--from", monday.String(), "--to", friday.String()}
	for _, tt := range []struct {
		at                time.Time
		halfDays, seances int
		hours             string
	}{
		{modeltest.At(monday, 10, 15), 1, 3, "2,75"},
		{modeltest.At(monday, 14, 0), 1, 5, "4,58"},
		{modeltest.At(monday, 15, 25), 2, 6, "5,5"},
		{modeltest.At(friday, 18, 0), 7, 25, ""},
	} {
		global := []string{"--db", path, "--now", clockFlag(tt.at)}
		stats := csvRows(t, inProcess(t, append(append(global, "stats", "--by", "pupil", "--division", p.Division), span...)...))
		marks := csvRows(t, inProcess(t, append(append(global, "export", "marks"), span...)...))
		half, hours, seances := -1, "", 0
		for _, row := range stats {
			if row["eleve_id"] == string(p.ID) {
				half, hours = atoi(t, row["demi_journees"]), row["heures"]
			}
		}
		for _, row := range marks {
			if row["eleve_id"] == string(p.ID) && row["marque"] == "absent" {
				seances++
			}
		}
		if half != tt.halfDays || seances != tt.seances || tt.hours != "" && hours != tt.hours {
			t.Errorf("at %s: stats %d half-days (%s h), export %d séances; want %d, %d", clockFlag(tt.at), half, hours,
				seances, tt.halfDays, tt.seances)
		}
	}
}

// announceMorel records, as aed at the clock at, that Morel Samuel is ill
// until until (Maladie), and returns him.
func announceMorel(t *testing.T, path string, at, until time.Time) model.Pupil {
	t.Helper()
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dir, err := db.Directory()
	if err != nil {
		t.Fatal(err)
	}
	found := dir.FindPupils("morel samuel", 0)
	if len(found) != 1 {
		t.Fatalf("the demo has %d Morel Samuel", len(found))
	}
	aed := model.NewService(db, model.Actor{Login: "aed"}, modeltest.Clock(at))
	if _, err := aed.Announce(found[0].ID, modeltest.At(modeltest.Monday, 8, 0), until, "maladie", ""); err != nil {
		t.Fatal(err)
	}
	return found[0]
}
