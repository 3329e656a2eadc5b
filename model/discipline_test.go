package model_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/letters"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func TestErasureDate(t *testing.T) {
	d := model.NewDate
	october, june := d(2026, 10, 12), d(2027, 6, 15)
	cases := []struct {
		name   string
		kind   model.SanctionKind
		day    model.Date
		sursis model.Sursis
		want   model.Date
		never  bool
	}{
		{"avertissement in October", model.SanctionWarning, october, "", d(2027, 9, 1), false},
		{"avertissement in June", model.SanctionWarning, june, "", d(2027, 9, 1), false},
		{"blâme in October", model.SanctionBlame, october, "", d(2028, 9, 1), false},
		{"blâme in June", model.SanctionBlame, june, "", d(2028, 9, 1), false},
		{"responsabilisation in October", model.SanctionResponsibility, october, "", d(2028, 9, 1), false},
		{"responsabilisation with sursis", model.SanctionResponsibility, june, model.SursisFull, d(2028, 9, 1), false},
		{"exclusion de la classe in October", model.SanctionClassExclusion, october, "", d(2029, 9, 1), false},
		{"exclusion de l'établissement in June", model.SanctionTempExclusion, june, "", d(2029, 9, 1), false},
		{"exclusion with sursis in June", model.SanctionTempExclusion, june, model.SursisPartial, d(2029, 9, 1), false},
		{"exclusion on 1 September", model.SanctionTempExclusion, d(2027, 9, 1), "", d(2030, 9, 1), false},
		{"exclusion on 31 August", model.SanctionTempExclusion, d(2027, 8, 31), "", d(2029, 9, 1), false},
		{"exclusion définitive: never", model.SanctionExpulsion, october, "", model.Date{}, true},
		{"exclusion définitive with sursis: never", model.SanctionExpulsion, june, model.SursisFull, model.Date{}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := model.Sanction{Kind: c.kind, Date: c.day, Sursis: c.sursis}
			got, ok := s.Erasure()
			if ok == c.never || got != c.want {
				t.Fatalf("erasure %v (%v), want %v (never %v)", got, ok, c.want, c.never)
			}
			if !c.never && (s.Erased(c.want.AddDays(-1)) || !s.Erased(c.want)) {
				t.Errorf("Erased wrong around %v", c.want)
			}
		})
	}
}

func TestSanctionValidate(t *testing.T) {
	d := model.NewDate(2026, 10, 12)
	base := func(k model.SanctionKind) model.Sanction {
		return model.Sanction{ID: "s", Pupil: "E001", Kind: k, Date: d, Facts: "faits", Authority: model.AuthorityHead}
	}
	with := func(k model.SanctionKind, f func(*model.Sanction)) model.Sanction {
		s := base(k)
		f(&s)
		return s
	}
	cases := []struct {
		name string
		s    model.Sanction
		ok   bool
	}{
		{"avertissement", base(model.SanctionWarning), true},
		{"a seventh kind", base("travail-interet-general"), false},
		{"blâme with sursis", with(model.SanctionBlame, func(s *model.Sanction) { s.Sursis = model.SursisFull }), false},
		{"responsabilisation 20 h", with(model.SanctionResponsibility, func(s *model.Sanction) { s.Hours = 20 }), true},
		{"responsabilisation 21 h", with(model.SanctionResponsibility, func(s *model.Sanction) { s.Hours = 21 }), false},
		{"exclusion 8 days", with(model.SanctionTempExclusion, func(s *model.Sanction) { s.Days, s.From = 8, d }), true},
		{"exclusion 9 days", with(model.SanctionTempExclusion, func(s *model.Sanction) { s.Days, s.From = 9, d }), false},
		{"exclusion without first day", with(model.SanctionTempExclusion, func(s *model.Sanction) { s.Days = 2 }), false},
		{"partial sursis", with(model.SanctionClassExclusion, func(s *model.Sanction) {
			s.Days, s.From, s.Sursis, s.SursisDays = 3, d, model.SursisPartial, 1
		}), true},
		{"partial sursis of all days", with(model.SanctionClassExclusion, func(s *model.Sanction) {
			s.Days, s.From, s.Sursis, s.SursisDays = 3, d, model.SursisPartial, 3
		}), false},
		{"exclusion définitive by the head", base(model.SanctionExpulsion), false},
		{"exclusion définitive by the council", with(model.SanctionExpulsion, func(s *model.Sanction) { s.Authority = model.AuthorityCouncil }), true},
		{"no facts", with(model.SanctionWarning, func(s *model.Sanction) { s.Facts = " " }), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.s.Validate(); (err == nil) != c.ok {
				t.Errorf("Validate: %v, want ok %v", err, c.ok)
			}
		})
	}
}

func TestParseSanctionKindOnlySix(t *testing.T) {
	for i, k := range model.SanctionKinds {
		if got, err := model.ParseSanctionKind(string(k)); err != nil || got != k {
			t.Errorf("%s: %v %v", k, got, err)
		}
		if got, _ := model.ParseSanctionKind(string(rune('1' + i))); got != k {
			t.Errorf("number %d: %v", i+1, got)
		}
	}
	for _, s := range []string{"7", "0", "retenue", "exclusion", ""} {
		if _, err := model.ParseSanctionKind(s); err == nil {
			t.Errorf("%q accepted as a sanction", s)
		}
	}
}

func TestDisciplinePolicy(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(12))
	svc := func(login string) *model.Service { return deskAt(db, login, modeltest.Monday, 9, 0) }
	// prof teaches 4B (E…); prof2 teaches 4A (A…) and ESP 4AB.
	if _, err := svc("prof").Punish(model.Punishment{Pupil: "A001", Kind: model.PunishHomework}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("prof punished another teacher's pupil: %v", err)
	}
	own, err := svc("prof2").Punish(model.Punishment{Pupil: "A002", Kind: model.PunishHomework, Reason: "leçon"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc("prof").Punish(model.Punishment{Pupil: "E002", Kind: model.PunishApology}); err != nil {
		t.Fatalf("prof punishing his pupil: %v", err)
	}
	list, err := svc("prof").Punishments(model.DisciplineQuery{})
	if err != nil || len(list) != 1 || list[0].Pupil != "E002" {
		t.Errorf("prof sees %+v (%v), want only E002's", list, err)
	}
	for _, login := range []string{"cpe", "aed", "direction"} {
		if list, _ := svc(login).Punishments(model.DisciplineQuery{}); len(list) != 2 {
			t.Errorf("%s sees %d punishments, want 2", login, len(list))
		}
	}
	if _, err := svc("prof").SetPunishmentState(own.ID, model.PunishmentDone); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("prof changed prof2's punishment: %v", err)
	}
	x := model.Sanction{Pupil: "E003", Kind: model.SanctionWarning, Facts: "insultes"}
	for _, login := range []string{"aed", "cpe", "prof", "admin"} {
		if _, err := svc(login).Pronounce(x); !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s pronounced a sanction: %v", login, err)
		}
	}
	if _, err := svc("direction").Pronounce(model.Sanction{Pupil: "E003", Kind: "retenue", Facts: "x"}); err == nil {
		t.Error("a seventh kind of sanction was pronounced")
	}
	if _, err := svc("direction").Pronounce(x); err != nil {
		t.Fatalf("direction: %v", err)
	}
	if _, err := svc("prof").Sanctions(model.DisciplineQuery{}, false); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("prof read a sanction's detail: %v", err)
	}
	if l, err := svc("cpe").Sanctions(model.DisciplineQuery{}, false); err != nil || len(l) != 1 {
		t.Errorf("cpe sees %v (%v)", l, err)
	}
}

func TestIncidentVisibility(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(12))
	svc := func(login string) *model.Service { return deskAt(db, login, modeltest.Monday, 9, 0) }
	in := func(login string, pupil model.PupilID) {
		t.Helper()
		_, err := svc(login).ReportIncident(model.Incident{Date: modeltest.Monday, Time: 9 * 60, Kind: "perturbation",
			Description: "bavardages", Place: "salle 104", Involved: []model.Involved{{Pupil: pupil, Role: model.InvolvedAuthor}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	in("aed", "E001")   // a pupil of prof
	in("aed", "A001")   // a pupil of prof2 only
	in("prof2", "E002") // reported by prof2 about prof's pupil
	counts := map[string]int{"prof": 2, "prof2": 3, "cpe": 3, "aed": 3, "direction": 3}
	for login, want := range counts {
		if l, err := svc(login).Incidents(model.DisciplineQuery{}); err != nil || len(l) != want {
			t.Errorf("%s sees %d incidents (%v), want %d", login, len(l), err, want)
		}
	}
	if l, _ := svc("cpe").Incidents(model.DisciplineQuery{Division: "4A"}); len(l) != 1 {
		t.Errorf("filter by division: %d", len(l))
	}
	if _, err := svc("aed").ReportIncident(model.Incident{Date: modeltest.Monday, Kind: "inconnu", Description: "x"}); err == nil {
		t.Error("an unknown kind of incident was accepted")
	}
}

func TestExcludeFromLessonAndReport(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(12))
	prof := deskAt(db, "prof", modeltest.Monday, 8, 10)
	maths := modeltest.MathsSeance(modeltest.Monday)
	p, att, err := prof.ExcludeFromLesson(maths, "E005")
	if err != nil || att.Kind != model.KindExcluded {
		t.Fatal(att.Kind, err)
	}
	again, _, err := prof.ExcludeFromLesson(maths, "E005")
	if err != nil || again.ID != p.ID {
		t.Fatalf("second e: %v %v", again.ID, err)
	}
	cpe := deskAt(db, "cpe", modeltest.Monday, 8, 15)
	if m, _ := cpe.MissingReports(); len(m) != 1 || m[0].Pupil != "E005" {
		t.Fatalf("missing reports %+v", m)
	}
	// e by mistake on E006, then p: no exclusion is left to report.
	if _, _, err := prof.ExcludeFromLesson(maths, "E006"); err != nil {
		t.Fatal(err)
	}
	if _, err := prof.SetMark(maths, "E006", model.KindPresent); err != nil {
		t.Fatal(err)
	}
	if m, _ := cpe.MissingReports(); len(m) != 1 {
		t.Errorf("a mistaken e left %d reports to write", len(m))
	}
	if _, err := prof.WriteExclusionReport(p.ID, "Refus répété de se mettre au travail"); err != nil {
		t.Fatal(err)
	}
	if m, _ := cpe.MissingReports(); len(m) != 0 {
		t.Errorf("report still missing: %+v", m)
	}
	sheet, err := prof.RollSheet(maths)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range sheet.Rows {
		if r.Pupil.ID == "E005" && r.Attendance.Kind != model.KindExcluded {
			t.Errorf("E005 is %v at the roll call", r.Attendance.Kind)
		}
	}
}

func TestDetentionRollCall(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(12))
	cpe := deskAt(db, "cpe", modeltest.Monday, 9, 0)
	d := modeltest.Monday.AddDays(2)
	s1, err := cpe.PlanDetention(model.DetentionSession{Date: d, Start: 13 * 60, End: 15 * 60, Room: "Permanence", Supervisor: "aed", Capacity: 1})
	if err != nil {
		t.Fatal(err)
	}
	s2, err := cpe.PlanDetention(model.DetentionSession{Date: d.AddDays(7), Start: 13 * 60, End: 15 * 60, Supervisor: "aed"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := cpe.Punish(model.Punishment{Pupil: "E001", Kind: model.PunishDetention, Reason: "retards"})
	b, _ := cpe.Punish(model.Punishment{Pupil: "E002", Kind: model.PunishDetention, Reason: "insolence"})
	if a.Detention != s1.ID || b.Detention != s2.ID {
		t.Fatalf("placed in %q and %q, want %q (next free) then %q (first is full)", a.Detention, b.Detention, s1.ID, s2.ID)
	}
	if _, err := deskAt(db, "prof", d, 13, 5).SetDetentionMark(s1.ID, "E001", model.KindAbsent); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher who does not supervise took the roll call: %v", err)
	}
	aed := deskAt(db, "aed", d, 13, 5)
	if _, err := aed.SetDetentionMark(s1.ID, "E001", model.KindAbsent); err != nil {
		t.Fatal(err)
	}
	if _, err := aed.TakeDetentionRoll(s1.ID); err != nil {
		t.Fatal(err)
	}
	follow, _ := cpe.DetentionFollowUps()
	if len(follow) != 1 || follow[0].Pupil != "E001" {
		t.Errorf("follow-ups %+v", follow)
	}
	f, err := cpe.PupilFigures("E001", d, d)
	if err != nil || f.Figures().HalfDays() != 0 {
		t.Errorf("a missed detention counted %d half-days (%v)", f.Figures().HalfDays(), err)
	}
}

func TestTemporaryExclusionMarksExcluded(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(12))
	dir := deskAt(db, "direction", modeltest.Monday, 7, 0)
	x, err := dir.Pronounce(model.Sanction{Pupil: "E001", Kind: model.SanctionTempExclusion, Facts: "violence",
		From: modeltest.Monday, Days: 2})
	if err != nil {
		t.Fatal(err)
	}
	d2, _ := db.Directory()
	p, _ := d2.Pupil("E001")
	days := model.ExclusionDays(d2, p, x)
	if len(days) != 2 || days[0] != modeltest.Monday || days[1] != modeltest.Monday.AddDays(1) {
		t.Fatalf("days %v", days)
	}
	later := deskAt(db, "cpe", modeltest.Monday.AddDays(2), 18, 0)
	f, err := later.PupilFigures("E001", modeltest.Monday, modeltest.Monday.AddDays(1))
	if err != nil {
		t.Fatal(err)
	}
	if f.Figures().HalfDays() != 0 || f.Figures().Exclusions == 0 {
		t.Errorf("figures %+v: want no half-day, some exclusions", f.Figures())
	}
	sus, err := dir.Pronounce(model.Sanction{Pupil: "E002", Kind: model.SanctionTempExclusion, Facts: "x",
		From: modeltest.Monday, Days: 3, Sursis: model.SursisFull})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(model.ExclusionDays(d2, p, sus)); n != 0 {
		t.Errorf("full sursis excludes %d days", n)
	}
}

func TestPupilDisciplinePaneAndErasure(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(12))
	d := model.NewDate
	direction := deskAt(db, "direction", d(2026, 10, 5), 9, 0)
	if _, err := direction.Pronounce(model.Sanction{Pupil: "E001", Kind: model.SanctionWarning, Facts: "retards", Date: d(2026, 10, 5)}); err != nil {
		t.Fatal(err)
	}
	if _, err := direction.Punish(model.Punishment{Pupil: "E001", Kind: model.PunishNote, Reason: "oubli"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		login     string
		day       model.Date
		sanctions int
		see       bool
	}{
		{"cpe", d(2027, 6, 30), 1, true},
		{"cpe", d(2027, 9, 1), 0, true}, // erased at the end of the school year
		{"prof", d(2027, 6, 30), 0, false},
	}
	for _, c := range cases {
		f, err := deskAt(db, c.login, c.day, 9, 0).PupilDiscipline("E001")
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Sanctions) != c.sanctions || f.SeeSanctions != c.see || len(f.Punishments) != 1 {
			t.Errorf("%s on %v: %d sanctions (see %v), %d punishments", c.login, c.day, len(f.Sanctions), f.SeeSanctions, len(f.Punishments))
		}
	}
	reg, err := deskAt(db, "cpe", d(2027, 9, 2), 9, 0).SanctionRegister(model.Date{})
	if err != nil || len(reg) != 1 || reg[0].Facts != "retards" {
		t.Errorf("the registre lost the erased sanction: %+v %v", reg, err)
	}
	stats, err := deskAt(db, "cpe", d(2026, 10, 6), 9, 0).DisciplineStats(d(2026, 9, 1), d(2027, 7, 3))
	if err != nil || len(stats) != 2 || stats[0].Division != "4B" || stats[0].Month != "2026-10" {
		t.Errorf("stats %+v %v", stats, err)
	}
}

func TestTellFamilyOfASanction(t *testing.T) {
	data := modeltest.School(6)
	data.Guardians = []model.Guardian{
		{ID: "g1", LastName: "Caron", FirstName: "Luc", Email: "luc@exemple.fr", Address: []string{"1 rue A", "67000 Strasbourg"},
			Links: []model.Kinship{{Pupil: "E003", Level: 1}}},
		{ID: "g2", LastName: "Martin", FirstName: "Ana", Address: []string{"2 rue B", "67000 Strasbourg"},
			Links: []model.Kinship{{Pupil: "E003", Level: 1}}},
	}
	db := storagetest.NewWith(t, data)
	direction := deskAt(db, "direction", modeltest.Monday, 9, 0)
	x, err := direction.Pronounce(model.Sanction{Pupil: "E003", Kind: model.SanctionTempExclusion, Facts: "violences",
		From: modeltest.Monday.AddDays(1), Days: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := deskAt(db, "prof", modeltest.Monday, 9, 0).TellFamily(x.ID); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher told the family of a sanction: %v", err)
	}
	sent, err := direction.TellFamily(x.ID)
	if err != nil || len(sent) != 2 {
		t.Fatalf("notices %+v %v", sent, err)
	}
	channels := map[string]string{}
	for _, n := range sent {
		channels[n.Household] = n.Channel + "/" + n.Status
	}
	if channels["g1"] != model.ChannelMail+"/"+model.StatusQueued || channels["g2"] != model.ChannelLetter+"/"+model.StatusToPrint {
		t.Errorf("channels %v", channels)
	}
	if again, _ := direction.TellFamily(x.ID); len(again) != 0 {
		t.Errorf("the family was told twice: %+v", again)
	}
	cpe := deskAt(db, "cpe", modeltest.Monday, 9, 5)
	msg, err := cpe.NoticeMessage(sent[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sanction disciplinaire", "Exclusion temporaire de l'établissement, 2 jours à partir du 24/11/2026", "violences", "R511-13"} {
		if !strings.Contains(msg.Subject+msg.Text, want) {
			t.Errorf("message lacks %q:\n%s\n%s", want, msg.Subject, msg.Text)
		}
	}
	printing, _, _, err := cpe.DisciplineLetters()
	if err != nil || len(printing) != 1 || printing[0].Household.ID != "g2" || len(printing[0].Household.Address) != 2 ||
		!strings.Contains(printing[0].Message.Text, "violences") {
		t.Fatalf("letters to print %+v %v", printing, err)
	}
	var pdf bytes.Buffer
	if err := letters.WriteDiscipline(&pdf, data.School, model.SettingValues{}, printing, modeltest.At(modeltest.Monday, 9, 5)); err != nil ||
		!bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Fatalf("PDF: %v", err)
	}
	if err := cpe.MarkPrinted(printing); err != nil {
		t.Fatal(err)
	}
	if left, _, _, _ := cpe.DisciplineLetters(); len(left) != 0 {
		t.Errorf("printed letters still to print: %d", len(left))
	}
	for _, n := range sent {
		if n.Channel != model.ChannelMail {
			continue
		}
		claimed, err := cpe.ClaimFamilyNotice(n.ID, "exemple.fr")
		if err != nil || claimed.Status != model.StatusSending {
			t.Errorf("claiming the e-mail: %+v %v", claimed.Status, err)
		}
	}
}

func TestEraseSanctionsAnonymises(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(6))
	d := model.NewDate
	if _, err := deskAt(db, "direction", d(2026, 10, 5), 9, 0).Pronounce(model.Sanction{Pupil: "E001", Kind: model.SanctionWarning,
		Facts: "retards répétés", Date: d(2026, 10, 5)}); err != nil {
		t.Fatal(err)
	}
	if _, err := deskAt(db, "direction", d(2026, 10, 5), 9, 0).Pronounce(model.Sanction{Pupil: "E002", Kind: model.SanctionBlame,
		Facts: "insultes", Date: d(2026, 10, 5)}); err != nil {
		t.Fatal(err)
	}
	if _, err := deskAt(db, "cpe", d(2027, 9, 2), 9, 0).EraseSanctions(); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a CPE erased sanctions: %v", err)
	}
	later := deskAt(db, "direction", d(2027, 9, 2), 9, 0)
	if n, err := later.EraseSanctions(); err != nil || n != 1 {
		t.Fatalf("erased %d (%v), want the avertissement only", n, err)
	}
	all, _ := later.Sanctions(model.DisciplineQuery{}, true)
	for _, x := range all {
		if (x.Kind == model.SanctionWarning) != (x.Pupil == "" && x.Anonymised) {
			t.Errorf("sanction %+v", x)
		}
	}
	reg, err := later.SanctionRegister(d(2026, 10, 5))
	if err != nil || len(reg) != 2 || reg[0].Facts != "retards répétés" {
		t.Errorf("registre %+v %v", reg, err)
	}
	if rec, err := later.PupilRecord("E002"); err != nil || len(rec.Sanctions) != 1 {
		t.Errorf("E002's record %+v %v", rec.Sanctions, err)
	}
	if n, _ := later.EraseSanctions(); n != 0 {
		t.Errorf("erased again: %d", n)
	}
}

// TestDisciplinePermissionsByRole is the policy's table: what each role may
// do of the discipline (prof teaches 4B, E…; A001 is prof2's pupil in 4A).
func TestDisciplinePermissionsByRole(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(6))
	svc := func(login string) *model.Service { return deskAt(db, login, modeltest.Monday, 9, 0) }
	type action func(s *model.Service) error
	actions := map[string]action{
		"report an incident": func(s *model.Service) error {
			_, err := s.ReportIncident(model.Incident{Date: modeltest.Monday, Kind: "autre", Description: "x",
				Involved: []model.Involved{{Pupil: "A001", Role: model.InvolvedWitness}}})
			return err
		},
		"punish a pupil of 4B": func(s *model.Service) error {
			// E002 is in 4B, not in ESP 4AB: prof's pupil, not prof2's.
			_, err := s.Punish(model.Punishment{Pupil: "E002", Kind: model.PunishNote})
			return err
		},
		"punish A001": func(s *model.Service) error {
			_, err := s.Punish(model.Punishment{Pupil: "A001", Kind: model.PunishNote})
			return err
		},
		"plan a detention": func(s *model.Service) error {
			_, err := s.PlanDetention(model.DetentionSession{Date: modeltest.Monday, Start: 780, End: 840, Supervisor: "aed"})
			return err
		},
		"read sanctions": func(s *model.Service) error {
			_, err := s.Sanctions(model.DisciplineQuery{}, false)
			return err
		},
		"pronounce": func(s *model.Service) error {
			_, err := s.Pronounce(model.Sanction{Pupil: "E002", Kind: model.SanctionWarning, Facts: "x"})
			return err
		},
		"edit the lists": func(s *model.Service) error {
			_, err := s.SaveDisciplineKind(model.ListIncidentKinds, model.DisciplineKind{Label: "Fraude"})
			return err
		},
		"erase sanctions": func(s *model.Service) error {
			_, err := s.EraseSanctions()
			return err
		},
	}
	allowed := map[string][]string{
		"report an incident":   {"prof", "prof2", "aed", "cpe", "direction", "admin"},
		"punish a pupil of 4B": {"prof", "aed", "cpe", "direction", "admin"},
		"punish A001":          {"prof2", "aed", "cpe", "direction", "admin"},
		"plan a detention":     {"aed", "cpe", "direction", "admin"},
		"read sanctions":       {"aed", "cpe", "direction", "admin"},
		"pronounce":            {"direction"},
		"edit the lists":       {"admin"},
		"erase sanctions":      {"direction"},
	}
	for name, do := range actions {
		for _, login := range []string{"prof", "prof2", "aed", "cpe", "direction", "admin"} {
			err := do(svc(login))
			want := slices.Contains(allowed[name], login)
			if want && err != nil || !want && !errors.Is(err, model.ErrForbidden) {
				t.Errorf("%s, %s: %v (allowed %v)", login, name, err, want)
			}
		}
	}
}

func TestCancelSanctionRemovesItsMarks(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(6))
	direction := deskAt(db, "direction", modeltest.Monday, 7, 0)
	x, err := direction.Pronounce(model.Sanction{Pupil: "E001", Kind: model.SanctionTempExclusion, Facts: "violences",
		From: modeltest.Monday, Days: 2})
	if err != nil {
		t.Fatal(err)
	}
	tuesday := modeltest.MathsSeance(modeltest.Monday.AddDays(1))
	// The CPE corrects Tuesday's mark: it is no longer the sanction's.
	if _, err := deskAt(db, "cpe", modeltest.Monday, 7, 5).SetMark(tuesday, "E001", model.KindAbsent); err != nil {
		t.Fatal(err)
	}
	if err := deskAt(db, "cpe", modeltest.Monday, 7, 6).CancelSanction(x.ID, "erreur"); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a CPE withdrew a sanction: %v", err)
	}
	if err := direction.CancelSanction(x.ID, ""); err == nil {
		t.Error("withdrawn without a reason")
	}
	if err := direction.CancelSanction(x.ID, "annulée par le recteur"); err != nil {
		t.Fatal(err)
	}
	if l, _ := direction.Sanctions(model.DisciplineQuery{}, true); len(l) != 0 {
		t.Errorf("sanctions left %+v", l)
	}
	err = db.View(func(r model.ReadTx) error {
		monday, ok, _ := r.Mark(model.MarkKey{Seance: modeltest.MathsSeance(modeltest.Monday), Pupil: "E001"})
		if ok {
			t.Errorf("Monday's E stayed: %+v", monday)
		}
		tue, ok, _ := r.Mark(model.MarkKey{Seance: tuesday, Pupil: "E001"})
		if !ok || tue.Kind != model.KindAbsent {
			t.Errorf("the CPE's Tuesday mark went: %+v %v", tue, ok)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPupilRecordErasesOnTheSchoolsDay: the pupil's record (right of
// access) leaves out a sanction from its erasure date in the school's time
// zone, whatever the zone of the machine's clock (UTC on a server: 23:30 UTC
// is already the next day in Paris).
func TestPupilRecordErasesOnTheSchoolsDay(t *testing.T) {
	db := storagetest.NewWith(t, modeltest.School(12))
	x, err := deskAt(db, "direction", model.NewDate(2026, 10, 5), 9, 0).Pronounce(model.Sanction{Pupil: "E001", Kind: model.SanctionWarning, Facts: "retards", Date: model.NewDate(2026, 10, 5)})
	if err != nil {
		t.Fatal(err)
	}
	erasure, ok := x.Erasure()
	if !ok {
		t.Fatal("a warning has no erasure date")
	}
	justAfterMidnight := modeltest.At(erasure, 0, 30).UTC()
	if model.DateOf(justAfterMidnight) == erasure {
		t.Fatalf("the clock %v is on the erasure day in UTC too: the test proves nothing", justAfterMidnight)
	}
	cpe := model.NewService(db, model.Actor{Login: "cpe", Session: "s-cpe"}, func() time.Time { return justAfterMidnight })
	r, err := cpe.PupilRecord("E001")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sanctions) != 0 {
		t.Errorf("on %s at 00:30 in Paris the record still lists %d sanction(s) erased that day", erasure.French(), len(r.Sanctions))
	}
}
