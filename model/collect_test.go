package model_test

import (
	"reflect"
	"testing"

	"appel/model"
)

func pupils(dir *model.Directory, ids ...model.PupilID) []model.Pupil {
	var out []model.Pupil
	for _, id := range ids {
		p, ok := dir.Pupil(id)
		if !ok {
			panic("élève inconnu " + id)
		}
		out = append(out, p)
	}
	return out
}

func TestCollectNoticeAndMarkCountOnce(t *testing.T) {
	dir := testDirectory(t)
	// Family phoned at 8:10: ill all morning; the teacher marked the pupil absent in M1 too.
	notices := []model.Notice{notice("n1", "p1", mon+" 08:00", mon+" 12:00", just(maladie))}
	marks := []model.Mark{markOf(dir, mon, "4A-M1-Mon", "p1", model.KindAbsent, nil)}
	atts, unplaced := model.CollectAttendance(dir, pupils(dir, "p1"), day(mon), day(mon), afterYear, marks, notices)
	if len(unplaced) != 0 {
		t.Fatalf("marques non placées : %v", unplaced)
	}
	got := atts["p1"]
	if len(got) != 3 { // M1 M2 M3; the afternoon has nothing recorded
		t.Fatalf("%d séances, attendu les 3 du matin", len(got))
	}
	first := got[0]
	if first.Mark == nil || first.Notice == nil || !first.Valid() {
		t.Fatalf("M1 devrait réunir la marque et l'absence annoncée : %+v", first)
	}
	if by, _ := first.EnteredBy(); by != "prof" {
		t.Errorf("saisie par %q, attendu prof", by)
	}
	e := model.Explain("p1", got, brute)
	want := model.Figures{ValidHalfDays: 1, MissedMinutes: 165}
	if e.Totals != want {
		t.Fatalf("totaux %+v, attendu %+v", e.Totals, want)
	}
}

func TestCollectHalfDayBoundary(t *testing.T) {
	dir := testDirectory(t)
	marks := []model.Mark{
		markOf(dir, tue, "4A-BND1", "p2", model.KindAbsent, nil), // 11:30–12:30, off the grid: matin
		markOf(dir, tue, "4A-BND2", "p2", model.KindAbsent, nil), // 12:15–13:15, off the grid: après-midi
		markOf(dir, "2026-11-27", "4A-M5", "p2", model.KindAbsent, nil),
	}
	atts, _ := model.CollectAttendance(dir, pupils(dir, "p2"), day(tue), day("2026-11-27"), afterYear, marks, nil)
	e := model.Explain("p2", atts["p2"], brute)
	want := []string{tue + " matin non valable", tue + " après-midi non valable", "2026-11-27 matin non valable"}
	if got := lines(e); !reflect.DeepEqual(got, want) {
		t.Fatalf("demi-journées %q, attendu %q", got, want)
	}
}

func TestCollectExtraSeancePlacedBySlot(t *testing.T) {
	base := testDirectory(t)
	d := *base
	extra := model.Seance{
		ID: model.NewSeanceID(day(mon), clock("16:20"), "soutien"), Date: day(mon), Start: clock("16:20"),
		End: clock("17:15"), Target: model.Target{Kind: model.TargetDivision, Code: "4A"}, Extra: true,
	}
	d.Extras = []model.Seance{extra}
	dir := model.NewDirectory(d)
	marks := []model.Mark{{Seance: extra.ID, Pupil: "p2", Kind: model.KindAbsent, By: "prof", At: t0}}
	atts, unplaced := model.CollectAttendance(dir, pupils(dir, "p2"), day(mon), day(mon), afterYear, marks, nil)
	if len(unplaced) != 0 {
		t.Fatalf("marque non placée : %v", unplaced)
	}
	if got := lines(model.Explain("p2", atts["p2"], brute)); !reflect.DeepEqual(got, []string{mon + " après-midi non valable"}) {
		t.Fatalf("séance ajoutée à 16:20 placée en %q", got)
	}
}

func TestCollectDaysWithoutCourses(t *testing.T) {
	dir := testDirectory(t)
	cases := []struct {
		name  string
		pupil model.PupilID
		from  string
		to    string
		want  []string
	}{
		{"jour férié", "p2", "2026-11-10 08:00", "2026-11-12 18:00", []string{
			"2026-11-10 matin", "2026-11-10 après-midi", "2026-11-12 matin", "2026-11-12 après-midi"}},
		{"week-end : le samedi matin seulement", "p2", "2026-11-21 00:00", "2026-11-23 00:00", []string{
			"2026-11-21 matin"}},
		{"mercredi après-midi libre", "p2", "2026-11-18 12:00", "2026-11-18 18:00", nil},
		{"élève parti le 16", "p5", "2026-11-13 13:00", "2026-11-20 18:00", []string{
			"2026-11-13 après-midi", "2026-11-14 matin"}},
		{"passage à l'heure d'hiver", "p2", "2026-10-23 13:00", "2026-10-26 10:00", []string{
			"2026-10-23 après-midi", "2026-10-24 matin", "2026-10-26 matin"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := notice("n", tc.pupil, tc.from, tc.to, just(maladie))
			atts, _ := model.CollectAttendance(dir, dir.Pupils, day("2026-10-01"), day("2026-11-30"), afterYear, nil, []model.Notice{n})
			var got []string
			for _, h := range model.Explain(tc.pupil, atts[tc.pupil], brute).HalfDays {
				got = append(got, h.Date.String()+" "+h.Half.String())
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("demi-journées %q, attendu %q", got, tc.want)
			}
		})
	}
}

func TestCollectDSTMinutes(t *testing.T) {
	dir := testDirectory(t)
	// Monday after the change: M1 08:00–08:55 and M2 08:55–09:50 are covered, M3 at 10:05 is not.
	n := notice("n", "p2", "2026-10-26 07:00", "2026-10-26 10:00", nil)
	atts, _ := model.CollectAttendance(dir, dir.Pupils, day("2026-10-26"), day("2026-10-26"), afterYear, nil, []model.Notice{n})
	if got := countOf("p2", atts["p2"], brute); got != (model.Figures{InvalidHalfDays: 1, MissedMinutes: 110}) {
		t.Fatalf("totaux %+v", got)
	}
}

func TestCollectUnplacedMarks(t *testing.T) {
	dir := testDirectory(t)
	esp := markOf(dir, mon, "ESP", "p3", model.KindAbsent, nil)
	notInGroup := esp
	notInGroup.Pupil = "p2"
	ghost := model.Mark{Seance: model.NewSeanceID(day(mon), clock("07:00"), "supprime"), Pupil: "p2", Kind: model.KindAbsent}
	outside := markOf(dir, tue, "4A-M1-Tue", "p2", model.KindAbsent, nil)
	stranger := markOf(dir, mon, "4A-M1-Mon", "inconnu", model.KindAbsent, nil)
	marks := []model.Mark{esp, notInGroup, ghost, outside, stranger}
	atts, unplaced := model.CollectAttendance(dir, dir.Pupils, day(mon), day(mon), afterYear, marks, nil)
	want := []model.Mark{ghost, notInGroup}
	if !reflect.DeepEqual(unplaced, want) {
		t.Fatalf("non placées %v, attendu %v", unplaced, want)
	}
	if countOf("p2", atts["p2"], brute).HalfDays() != 0 {
		t.Error("une marque non placée a compté")
	}
	if countOf("p3", atts["p3"], brute).HalfDays() != 1 {
		t.Error("l'absence en espagnol de p3 n'a pas compté")
	}
}

func TestCollectDuplicatesAndCancelled(t *testing.T) {
	base := testDirectory(t)
	d := *base
	m1 := markOf(base, mon, "4A-M1-Mon", "p2", model.KindAbsent, nil)
	d.Changes = []model.SeanceChange{{Seance: m1.Seance, Cancelled: true}}
	dir := model.NewDirectory(d)
	m2 := markOf(dir, mon, "4A-M2-Mon", "p2", model.KindLate, nil)
	m2.Minutes = 7
	earlier := m2
	earlier.Kind, earlier.Minutes, earlier.At = model.KindAbsent, 0, t0.Add(-1)
	marks := []model.Mark{m1, m2, earlier, m2}
	p2 := pupils(dir, "p2", "p2")
	atts, unplaced := model.CollectAttendance(dir, p2, day(mon), day(mon), afterYear, marks, nil)
	if len(unplaced) != 0 {
		t.Fatalf("non placées : %v", unplaced)
	}
	if len(atts["p2"]) != 3 {
		t.Fatalf("%d séances, attendu les 3 du matin (élève donné deux fois)", len(atts["p2"]))
	}
	got := countOf("p2", atts["p2"], brute)
	if got != (model.Figures{Lates: 1, LateMinutes: 7}) {
		t.Fatalf("totaux %+v : la séance annulée ne compte pas, la dernière marque l'emporte", got)
	}
}

func TestCollectDiscordanceShown(t *testing.T) {
	dir := testDirectory(t)
	// Announced ill for the first hour, yet marked present by the teacher.
	notices := []model.Notice{notice("n1", "p2", mon+" 08:00", mon+" 08:55", just(maladie))}
	marks := []model.Mark{markOf(dir, mon, "4A-M1-Mon", "p2", model.KindPresent, nil)}
	atts, _ := model.CollectAttendance(dir, dir.Pupils, day(mon), day(mon), afterYear, marks, notices)
	e := model.Explain("p2", atts["p2"], brute)
	if e.Totals != (model.Figures{}) {
		t.Fatalf("une discordance a compté : %+v", e.Totals)
	}
	if len(e.HalfDays) != 1 || !e.HalfDays[0].Seances[0].Attendance.Discordant() || e.HalfDays[0].Status() != "non comptée" {
		t.Fatalf("la discordance doit apparaître dans l'explication : %q", lines(e))
	}
}
