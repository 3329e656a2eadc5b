package model_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
)

// TestAnnounceCoversFutureSeances: a week of illness announced on Monday makes
// the pupil absent and justified in every séance of the week, including those
// to come, as the teacher's roll call shows; undo withdraws it.
func TestAnnounceCoversFutureSeances(t *testing.T) {
	db := deskSchool(t)
	aed := deskAt(db, "aed", modeltest.Monday, 8, 10)
	friday := modeltest.Monday.AddDays(4)
	n, err := aed.Announce("E004", at(modeltest.Monday, 8, 0), at(friday, 18, 0), "maladie", "appel de la mère")
	if err != nil {
		t.Fatal(err)
	}
	if n.Justification == nil || n.Justification.Label != "Maladie" || n.By != "aed" {
		t.Errorf("notice %+v", n)
	}
	lines, err := aed.Notices(modeltest.Monday)
	if err != nil || len(lines) != 1 || lines[0].Seances != 6 {
		t.Fatalf("notices: %+v %v (5 maths + 1 spanish)", lines, err)
	}
	sheet, err := deskAt(db, "prof", friday, 8, 5).RollSheet(modeltest.MathsSeance(friday))
	if err != nil {
		t.Fatal(err)
	}
	a := sheet.Rows[3].Attendance
	if sheet.Rows[3].Pupil.ID != "E004" || a.Kind != model.KindAbsent || !a.Justified() || a.Justification.Label != "" {
		t.Errorf("Friday's roll call shows %+v (absent, justified, motive hidden from the teacher)", a)
	}
	if _, err := aed.Undo(); err != nil {
		t.Fatal(err)
	}
	if lines, _ := aed.Notices(modeltest.Monday); len(lines) != 0 {
		t.Errorf("undo leaves %d notices", len(lines))
	}
	if _, err := deskAt(db, "prof", modeltest.Monday, 8, 0).Announce("E004", at(modeltest.Monday, 8, 0), at(friday, 18, 0), "", ""); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher announced an absence: %v", err)
	}
	if _, err := aed.Announce("E004", at(friday, 8, 0), at(modeltest.Monday, 8, 0), "", ""); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("an end before the start: %v", err)
	}
}

func TestEditAndCancelNotice(t *testing.T) {
	db := deskSchool(t)
	aed := deskAt(db, "aed", modeltest.Monday, 8, 10)
	first, _ := aed.Announce("E001", at(modeltest.Monday, 8, 0), at(modeltest.Monday, 18, 0), "", "")
	second, err := aed.Announce("E001", at(modeltest.Monday.AddDays(1), 8, 0), at(modeltest.Monday.AddDays(1), 18, 0), "", "")
	if err != nil || first.ID == second.ID {
		t.Fatalf("two notices at the same clock need two identifiers: %q %q %v", first.ID, second.ID, err)
	}
	edited, err := aed.EditNotice(first, at(modeltest.Monday, 10, 0), at(modeltest.Monday, 12, 0), "rdv-medical", false)
	if err != nil || edited.Justification == nil || edited.Justification.Motive != "rdv-medical" || !edited.From.Equal(at(modeltest.Monday, 10, 0)) {
		t.Fatalf("edit: %+v %v", edited, err)
	}
	if err := aed.CancelNotice(second); err != nil {
		t.Fatal(err)
	}
	if ls, _ := aed.Notices(modeltest.Monday); len(ls) != 1 || ls[0].Seances != 1 {
		t.Errorf("after cancel: %+v (10:00–12:00 covers the Spanish séance only)", ls)
	}
	for i := 0; i < 2; i++ {
		if _, err := aed.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	ls, _ := aed.Notices(modeltest.Monday)
	if len(ls) != 2 || ls[0].Notice.Justification != nil {
		t.Errorf("two undos restore both notices as first entered: %+v", ls)
	}
}

func TestRecordArrival(t *testing.T) {
	db := deskSchool(t)
	mustMark(t, deskAt(db, "prof", modeltest.Monday, 8, 2), modeltest.MathsSeance(modeltest.Monday), "E002", model.KindAbsent)
	aed := deskAt(db, "aed", modeltest.Monday, 8, 17)
	found, err := aed.GateSearch("ben", 5)
	if err != nil || len(found) != 1 || found[0].Seance == nil || found[0].Minutes != 17 {
		t.Fatalf("gate search: %+v %v", found, err)
	}
	arr, err := aed.RecordArrival("E002", "transport")
	if err != nil || arr.Minutes != 17 {
		t.Fatalf("arrival: %+v %v", arr, err)
	}
	m := storedMark(t, db, model.MarkKey{Seance: modeltest.MathsSeance(modeltest.Monday), Pupil: "E002"})
	if m.Kind != model.KindLate || m.Minutes != 17 || m.Justification == nil || m.Justification.Motive != "transport" || m.By != "aed" {
		t.Errorf("stored %+v", m)
	}
	if _, err := deskAt(db, "aed", modeltest.Monday, 9, 55).RecordArrival("E002", ""); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("no séance under way at 09:55 (break): %v", err)
	}
}

func storedMark(t *testing.T, db interface {
	View(func(model.ReadTx) error) error
}, k model.MarkKey) model.Mark {
	t.Helper()
	var m model.Mark
	if err := db.View(func(tx model.ReadTx) error {
		var err error
		m, _, err = tx.Mark(k)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMissingRollCallsAndReminder(t *testing.T) {
	db := deskSchool(t)
	if _, err := deskAt(db, "prof2", modeltest.Monday, 8, 10).ValidateRollCall(model.NewSeanceID(modeltest.Monday, 8*60, modeltest.CourseHistory)); err != nil {
		t.Fatal(err)
	}
	aed := deskAt(db, "aed", modeltest.Monday, 10, 20)
	missing, err := aed.MissingRollCalls(modeltest.Monday)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) != 2 || missing[0].Seance.ID != modeltest.MathsSeance(modeltest.Monday) || missing[1].Seance.ID != spanish {
		t.Fatalf("missing: %+v (maths at 08:00 and Spanish under way at 10:20)", missing)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	feed := db.Watch(ctx)
	to, err := aed.Remind(spanish)
	if err != nil || len(to) != 1 || to[0] != "prof2" {
		t.Fatalf("remind: %v %v", to, err)
	}
	select {
	case c := <-feed:
		if len(c.Notifications) != 1 || c.Notifications[0].To != "prof2" || !strings.Contains(c.Notifications[0].Text, "Espagnol") {
			t.Errorf("notification %+v", c.Notifications)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no notification on the feed")
	}
	if _, err := deskAt(db, "direction", modeltest.Monday, 10, 20).Remind(spanish); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("direction sent a reminder: %v", err)
	}
}

func TestDiscordances(t *testing.T) {
	db := deskSchool(t)
	aed := deskAt(db, "aed", modeltest.Monday, 7, 50)
	if _, err := aed.Announce("E001", at(modeltest.Monday, 0, 0), at(modeltest.Monday.AddDays(2), 0, 0), "maladie", ""); err != nil {
		t.Fatal(err)
	}
	prof, prof2 := deskAt(db, "prof", modeltest.Monday, 8, 5), deskAt(db, "prof2", modeltest.Monday, 10, 10)
	mustMark(t, prof, modeltest.MathsSeance(modeltest.Monday), "E001", model.KindPresent)
	mustMark(t, prof, modeltest.MathsSeance(modeltest.Monday), "E004", model.KindAbsent)
	mustMark(t, prof, modeltest.MathsSeance(modeltest.Monday), "E007", model.KindAbsent)
	if _, err := prof2.ValidateRollCall(spanish); err != nil {
		t.Fatal(err)
	}
	cpe := deskAt(db, "cpe", modeltest.Monday, 11, 0)
	ds, err := cpe.Discordances(modeltest.Monday)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, d := range ds {
		kinds = append(kinds, string(d.Pupil.ID)+":"+d.Describe())
	}
	want := []string{
		"E001:présent à 08:00 (Mathématiques) malgré l'absence annoncée",
		"E004:absent à 08:00 (Mathématiques), présent à 10:05 (Espagnol)",
		"E007:absent à 08:00 (Mathématiques), présent à 10:05 (Espagnol)",
	}
	if strings.Join(kinds, "|") != strings.Join(want, "|") {
		t.Fatalf("discordances:\n%s", strings.Join(kinds, "\n"))
	}
	for i, r := range []model.Resolution{model.ResolvePresent, model.ResolveAbsent, model.ResolveConfirm} {
		if err := cpe.ResolveDiscordance(ds[i], r); err != nil {
			t.Fatalf("resolve %d: %v", i, err)
		}
	}
	if left, _ := cpe.Discordances(modeltest.Monday); len(left) != 0 {
		t.Errorf("left after resolution: %+v", left)
	}
	if ls, _ := cpe.Notices(modeltest.Monday); len(ls) != 0 {
		t.Errorf("the notice starting before the séance he attended ends at its start (empty: withdrawn): %+v", ls)
	}
	if m := storedMark(t, db, model.MarkKey{Seance: spanish, Pupil: "E004"}); m.Kind != model.KindAbsent || m.By != "cpe" {
		t.Errorf("E004 absent in Spanish too: %+v", m)
	}
	if err := cpe.ResolveDiscordance(ds[1], model.ResolveConfirm); err != nil {
		t.Errorf("confirming a settled one again is harmless: %v", err)
	}
}

// TestMotiveEditsKeepJustifiedAbsences: an absence keeps the label and
// validity it was given when the admin renames or retires its motive.
func TestMotiveEditsKeepJustifiedAbsences(t *testing.T) {
	db := deskSchool(t)
	k := model.MarkKey{Seance: modeltest.MathsSeance(modeltest.Monday), Pupil: "E001"}
	mustMark(t, deskAt(db, "prof", modeltest.Monday, 8, 5), k.Seance, k.Pupil, model.KindAbsent)
	if _, err := deskAt(db, "aed", modeltest.Monday, 9, 0).Justify([]model.MarkKey{k}, "transport"); err != nil {
		t.Fatal(err)
	}
	admin := deskAt(db, "admin", modeltest.Monday, 9, 0)
	tr, _ := model.MotiveByKey(model.DefaultMotives(), "t")
	tr.Label, tr.Valid, tr.Key = "Grève des transports", false, "s"
	if _, err := admin.SaveMotive(tr); err != nil {
		t.Fatal(err)
	}
	added, err := admin.SaveMotive(model.Motive{Label: "Sortie scolaire", Key: "t", Valid: true})
	if err != nil || added.Code != "sortie-scolaire" || added.Order != 10 {
		t.Fatalf("added %+v %v", added, err)
	}
	if err := admin.RetireMotive("reveil", true); err != nil {
		t.Fatal(err)
	}
	if j := storedMark(t, db, k).Justification; j.Label != "Problème de transport" || !j.Valid {
		t.Errorf("the absence's justification changed: %+v", j)
	}
	ms, _ := admin.Motives()
	if len(ms) != 10 {
		t.Fatalf("%d motives", len(ms))
	}
	if _, err := deskAt(db, "aed", modeltest.Monday, 9, 0).Justify([]model.MarkKey{k}, "reveil"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a retired motive is no longer offered: %v", err)
	}
	bad := []model.Motive{{Label: "X", Key: "m"}, {Label: "Y", Key: "j"}, {Label: "Z", Key: "é"}}
	for _, m := range bad {
		if _, err := admin.SaveMotive(m); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("motive %+v accepted: %v", m, err)
		}
	}
	if _, err := deskAt(db, "cpe", modeltest.Monday, 9, 0).SaveMotive(model.Motive{Label: "W", Key: "w"}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a CPE edited the motives: %v", err)
	}
}

// TestDeskPolicy: every desk service checks the actor's role: AEDs and CPEs
// justify, only CPEs (and admin) overrule, only admin edits motives, teachers
// none of these.
func TestDeskPolicy(t *testing.T) {
	db := deskSchool(t)
	maths := modeltest.MathsSeance(modeltest.Monday)
	mustMark(t, deskAt(db, "prof", modeltest.Monday, 8, 5), maths, "E001", model.KindAbsent)
	shown := []model.Shown{{Key: model.MarkKey{Seance: maths, Pupil: "E001"}, Kind: model.KindAbsent}}
	d := model.Discordance{Kind: model.DiscordAdjacent, Pupil: model.Pupil{ID: "E001"}}
	calls := map[string]func(s *model.Service) error{
		"DayAbsences": func(s *model.Service) error {
			_, err := s.DayAbsences(modeltest.Monday, model.DeskFilter{})
			return err
		},
		"Preview": func(s *model.Service) error {
			_, err := s.Preview(model.MotiveRequest{Shown: shown, Code: "maladie"})
			return err
		},
		"Announce": func(s *model.Service) error {
			_, err := s.Announce("E001", at(modeltest.Monday, 8, 0), at(modeltest.Monday, 9, 0), "", "")
			return err
		},
		"RecordArrival":      func(s *model.Service) error { _, err := s.RecordArrival("E001", ""); return err },
		"MissingRollCalls":   func(s *model.Service) error { _, err := s.MissingRollCalls(modeltest.Monday); return err },
		"Remind":             func(s *model.Service) error { _, err := s.Remind(maths); return err },
		"Discordances":       func(s *model.Service) error { _, err := s.Discordances(modeltest.Monday); return err },
		"ResolveDiscordance": func(s *model.Service) error { return s.ResolveDiscordance(d, model.ResolveConfirm) },
		"Requalify":          func(s *model.Service) error { _, err := s.Requalify(shown, model.KindOuting); return err },
		"SetValidity":        func(s *model.Service) error { _, err := s.SetValidity(shown, true); return err },
		"SaveMotive":         func(s *model.Service) error { _, err := s.SaveMotive(model.Motive{Label: "W", Key: "w"}); return err },
	}
	allowed := map[string][]string{
		"DayAbsences": {"aed", "cpe", "direction", "admin"}, "Preview": {"aed", "cpe", "admin"},
		"Announce": {"aed", "cpe", "admin"}, "RecordArrival": {"aed", "cpe", "admin"},
		"MissingRollCalls": {"aed", "cpe", "direction", "admin"}, "Remind": {"aed", "cpe", "admin"},
		"Discordances": {"aed", "cpe", "direction", "admin"}, "ResolveDiscordance": {"aed", "cpe", "admin"},
		"Requalify": {"aed", "cpe", "admin"}, "SetValidity": {"cpe", "admin"}, "SaveMotive": {"admin"},
	}
	for name, call := range calls {
		for _, login := range []string{"prof", "aed", "cpe", "direction", "admin"} {
			err := call(deskAt(db, login, modeltest.Monday, 8, 20))
			want := slicesContains(allowed[name], login)
			if forbidden := errors.Is(err, model.ErrForbidden); forbidden == want {
				t.Errorf("%s by %s: %v (allowed: %v)", name, login, err, want)
			}
		}
	}
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
