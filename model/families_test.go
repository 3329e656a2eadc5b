package model_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

func TestHouseholdsOf(t *testing.T) {
	g := func(id string, level int, addr ...string) model.Guardian {
		return model.Guardian{ID: id, LastName: "Nom" + id, Address: addr, Links: []model.Kinship{{Pupil: "E1", Level: level}}}
	}
	cases := []struct {
		name      string
		guardians []model.Guardian
		want      []string
	}{
		{"same address, spelled apart", []model.Guardian{g("1", 1, "3 rue de l'Église", "67000 Strasbourg"),
			g("2", 1, "3  RUE DE L'EGLISE", "67000 STRASBOURG")}, []string{"1+2"}},
		{"two addresses", []model.Guardian{g("2", 1, "1 rue A", "67000 X"), g("1", 1, "2 rue B", "67000 X")}, []string{"1", "2"}},
		{"no address: one each", []model.Guardian{g("1", 1), g("2", 1)}, []string{"1", "2"}},
		{"legal guardians before persons in charge", []model.Guardian{g("1", 2, "a", "b"), g("2", 1, "c", "d")}, []string{"2"}},
		{"person in charge when no legal guardian", []model.Guardian{g("1", 2, "a", "b"), g("2", 3, "a", "b")}, []string{"1"}},
		{"contact only: nobody", []model.Guardian{g("1", 3, "a", "b")}, nil},
		{"another pupil's guardian", []model.Guardian{{ID: "9", Links: []model.Kinship{{Pupil: "E2", Level: 1}}}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, h := range model.HouseholdsOf("E1", c.guardians) {
				got = append(got, h.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("households %v, want %v", got, c.want)
			}
		})
	}
}

func TestCheckEmail(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"", true}, {"claire.dupont@exemple.fr", true}, {"élise@exemple.fr", true},
		{"claire.dupont", false}, {"Claire <c@exemple.fr>", false}, {"c@exemple", false}, {"a b@exemple.fr", false},
		{"c@@exemple.fr", false},
	}
	for _, c := range cases {
		err := model.CheckEmail("mél", c.in)
		if (err == nil) != c.ok {
			t.Errorf("%q: error %v, want ok %v", c.in, err, c.ok)
		}
		if err != nil && !strings.Contains(model.UserMessage(err), "n'est pas une adresse électronique") {
			t.Errorf("%q: message %q", c.in, model.UserMessage(err))
		}
	}
}

func TestBackoff(t *testing.T) {
	cases := []struct {
		base     time.Duration
		attempts int
		want     time.Duration
	}{
		{time.Minute, 1, time.Minute}, {time.Minute, 2, 2 * time.Minute}, {time.Minute, 4, 8 * time.Minute},
		{time.Minute, 30, time.Hour}, {10 * time.Second, 3, 40 * time.Second},
	}
	for _, c := range cases {
		if got := model.Backoff(c.base, c.attempts); got != c.want {
			t.Errorf("Backoff(%v, %d) = %v, want %v", c.base, c.attempts, got, c.want)
		}
	}
}

func TestParseTemplate(t *testing.T) {
	cases := []struct {
		name, text, refusal string
	}{
		{"avis", model.DefaultAvisTemplate, ""},
		{"relance", model.DefaultRelanceTemplate, ""},
		{"unknown field", "Bonjour {{.Eleve}}\n{{.Parent}} est prié", "champ inconnu {{.Parent}}"},
		{"unclosed", "Bonjour {{.Eleve", "ligne 1"},
		{"control character", "Bonjour \x1b[31m", "caractère de contrôle"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := model.ParseTemplate(c.text)
			switch {
			case c.refusal == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.refusal != "" && (err == nil || !strings.Contains(model.UserMessage(err), c.refusal)):
				t.Fatalf("error %v, want one naming %q", err, c.refusal)
			}
		})
	}
}

func TestRenderNotice(t *testing.T) {
	tpl, err := model.ParseTemplate(model.DefaultAvisTemplate)
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Render(tpl, model.NoticeData{Eleve: "Łukasz ŞAHİN", Classe: "4B", Date: "lundi 16/11/2026",
		DemiJournee: "matin", Seances: []string{"08:00–08:55 Mathématiques"}, Etablissement: "Collège <Test>"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Absence de Łukasz ŞAHİN le lundi 16/11/2026 (matin)" {
		t.Errorf("subject %q", m.Subject)
	}
	if !strings.Contains(m.Text, "- 08:00–08:55 Mathématiques\n") || !strings.Contains(m.HTML, "Collège &lt;Test&gt;") {
		t.Errorf("text %q\nhtml %q", m.Text, m.HTML)
	}
}

// familyDB is the grid school with notices on (delay 15 min, relance after
// that many days; "0": none).
func familyDB(t *testing.T, relance string) model.Store {
	t.Helper()
	db := gridDB(t, 12)
	_, err := db.Update(context.Background(), model.Actor{Login: "test"}, "réglages", func(tx model.Tx) error {
		return errors.Join(tx.PutSetting(model.SettingNoticesOn, "oui"), tx.PutSetting(model.SettingNoticesDelay, "15"),
			tx.PutSetting(model.SettingRelanceDays, relance))
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func cpeAt(db model.Store, at time.Time) *model.Service {
	return model.NewService(db, model.Actor{Login: "cpe", Session: "s-cpe"}, modeltest.Clock(at))
}

func noticeIDs(ns []model.FamilyNotice) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.ID+" "+n.Status)
	}
	return out
}

func TestPlanFamilyNoticesAvis(t *testing.T) {
	db := familyDB(t, "0")
	mon := modeltest.WeekA
	// E001 was marked absent at 08:05 on Monday without a motive; E002 has
	// a motive; E004 was late: only E001's two households are due, once.
	cases := []struct {
		name string
		at   time.Time
		want []string
	}{
		{"before the delay", modeltest.At(mon, 8, 19), nil},
		{"after the delay", modeltest.At(mon, 8, 21), []string{"20261116-M-avis-R001-1 en attente", "20261116-M-avis-R001-2 injoignable"}},
		{"again: nothing more", modeltest.At(mon, 8, 40), nil},
	}
	for _, c := range cases {
		plan, err := cpeAt(db, c.at).PlanFamilyNotices(false)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := noticeIDs(plan.New); !slices.Equal(got, c.want) {
			t.Errorf("%s: queued %v, want %v", c.name, got, c.want)
		}
	}
	all, err := cpeAt(db, modeltest.At(mon, 9, 0)).FamilyNotices("E001")
	if err != nil || len(all) != 2 {
		t.Fatalf("E001's notices %v (%v)", noticeIDs(all), err)
	}
	n := all[1]
	if n.Channel != model.ChannelMail || !slices.Equal(n.To, []string{"famille@example.fr"}) || n.Seances[0] != modeltest.MathsSeance(mon) {
		t.Errorf("notice %+v", n)
	}
	if _, err := model.NewService(db, model.Actor{Login: "prof"}, modeltest.Clock(modeltest.GridNow)).PlanFamilyNotices(false); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a teacher planned notices: %v", err)
	}
}

func TestPlanFamilyNoticesOff(t *testing.T) {
	db := gridDB(t, 12)
	plan, err := cpeAt(db, modeltest.At(modeltest.WeekA, 9, 0)).PlanFamilyNotices(false)
	if err != nil || len(plan.New) != 0 {
		t.Errorf("notices off, yet queued %v (%v)", noticeIDs(plan.New), err)
	}
}

func TestPlanFamilyNoticesRelance(t *testing.T) {
	db := familyDB(t, "3")
	svc := cpeAt(db, modeltest.GridNow) // Thursday: Monday's absences are 3 days old
	dry, err := svc.PlanFamilyNotices(true)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := svc.PlanFamilyNotices(false)
	if err != nil {
		t.Fatal(err)
	}
	var relances []string
	for _, n := range plan.New {
		if n.Kind == model.FamilyRelance {
			relances = append(relances, n.ID)
		}
	}
	// E001 Monday morning (WeekA) and Monday afternoon (WeekB), two households
	// each; E003's absence has a motive (non valable, but given): no relance.
	want := []string{"20261109-S-relance-R001-1", "20261109-S-relance-R001-2", "20261116-M-relance-R001-1", "20261116-M-relance-R001-2"}
	if !slices.Equal(relances, want) {
		t.Errorf("relances %v, want %v", relances, want)
	}
	if len(dry.New) != len(plan.New) {
		t.Errorf("dry run said %d, the pass queued %d", len(dry.New), len(plan.New))
	}
}

func TestFamilyNoticeSending(t *testing.T) {
	db := familyDB(t, "0")
	mon := modeltest.WeekA
	at := modeltest.At(mon, 8, 21)
	svc := cpeAt(db, at)
	if _, err := svc.PlanFamilyNotices(false); err != nil {
		t.Fatal(err)
	}
	due, err := svc.OutboxDue()
	if err != nil || len(due) != 1 {
		t.Fatalf("due %v (%v)", noticeIDs(due), err)
	}
	id := due[0].ID
	first, err := svc.ClaimFamilyNotice(id, "college.fr")
	if err != nil || first.Status != model.StatusSending || first.MessageID == "" || first.Attempts != 1 {
		t.Fatalf("claimed %+v (%v)", first, err)
	}
	// Another sender while this one may still be at the relay: refused.
	if _, err := cpeAt(db, at.Add(20*time.Second)).ClaimFamilyNotice(id, "college.fr"); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("claimed twice within smtp.timeout: %v", err)
	}
	// A crash: once smtp.timeout is over, the next claim sends it again
	// with the same Message-ID.
	svc = cpeAt(db, at.Add(time.Minute))
	again, err := svc.ClaimFamilyNotice(id, "college.fr")
	if err != nil || !again.Resent || again.MessageID != first.MessageID || again.Attempts != 2 {
		t.Fatalf("claimed after a crash %+v (%v)", again, err)
	}
	n, err := svc.FamilyNoticeOutcome(id, errors.New("451 4.3.0 essayez plus tard"), false)
	if err != nil || n.Status != model.StatusRetry || !n.NextTry.Equal(at.Add(3*time.Minute)) || !strings.Contains(n.Reply, "451") {
		t.Fatalf("after a refusal %+v (%v)", n, err)
	}
	if due, _ := svc.OutboxDue(); len(due) != 0 {
		t.Errorf("due again before its backoff: %v", noticeIDs(due))
	}
	later := cpeAt(db, at.Add(4*time.Minute))
	if _, err := later.ClaimFamilyNotice(id, "college.fr"); err != nil {
		t.Fatal(err)
	}
	if n, err = later.FamilyNoticeOutcome(id, nil, false); err != nil || n.Status != model.StatusSent || n.MessageID != first.MessageID {
		t.Fatalf("sent %+v (%v)", n, err)
	}
	if _, err := later.ClaimFamilyNotice(id, "college.fr"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a sent notice was claimed again: %v", err)
	}
}

func TestFamilyNoticeFailsAfterTries(t *testing.T) {
	db := familyDB(t, "0")
	at := modeltest.At(modeltest.WeekA, 8, 21)
	if _, err := cpeAt(db, at).PlanFamilyNotices(false); err != nil {
		t.Fatal(err)
	}
	id := model.FamilyNoticeID(model.FamilyAvis, modeltest.WeekA, model.Morning, "R001-1")
	var n model.FamilyNotice
	for i := range 5 {
		svc := cpeAt(db, at.Add(time.Duration(i)*time.Hour))
		if _, err := svc.ClaimFamilyNotice(id, "college.fr"); err != nil {
			t.Fatalf("try %d: %v", i+1, err)
		}
		n, _ = svc.FamilyNoticeOutcome(id, errors.New("relais injoignable"), false)
	}
	if n.Status != model.StatusFailed || n.Reply != "relais injoignable" {
		t.Fatalf("after 5 tries: %+v", n)
	}
	held, err := cpeAt(db, at).HoldFamilyNotice(id, false)
	if err != nil || held.Status != model.StatusQueued || held.Attempts != 0 {
		t.Errorf("queued again %+v (%v)", held, err)
	}
}

func TestEditGuardian(t *testing.T) {
	db := gridDB(t, 12)
	svc := cpeAt(db, modeltest.GridNow)
	if _, err := svc.EditGuardian("R001-2", model.GuardianContacts{Email: "marc@"}); err == nil ||
		!strings.Contains(model.UserMessage(err), "n'est pas une adresse électronique") {
		t.Fatalf("bad e-mail: %v", err)
	}
	g, err := svc.EditGuardian("R001-2", model.GuardianContacts{Email: "marc.dupont@exemple.fr", Address: []string{"1 rue A ", "", "67000 X"}})
	if err != nil || g.Email != "marc.dupont@exemple.fr" || !slices.Equal(g.Address, []string{"1 rue A", "67000 X"}) || len(g.Links) != 1 {
		t.Fatalf("edited %+v (%v)", g, err)
	}
	entries, err := model.NewService(db, model.Actor{Login: "admin"}, modeltest.Clock(modeltest.GridNow)).Audit(model.AuditQuery{Login: "cpe"})
	if err != nil || len(entries) != 1 || entries[0].Verb != "responsable modifié" || !strings.Contains(entries[0].After, "marc.dupont") {
		t.Errorf("audit %+v (%v)", entries, err)
	}
	if _, err := model.NewService(db, model.Actor{Login: "direction"}, modeltest.Clock(modeltest.GridNow)).EditGuardian("R001-2", model.GuardianContacts{}); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("direction edited a guardian: %v", err)
	}
}

// FuzzParseTemplate: any text is accepted or refused with a French message,
// never a panic; an accepted template renders.
func FuzzParseTemplate(f *testing.F) {
	for _, s := range []string{model.DefaultAvisTemplate, model.DefaultRelanceTemplate, model.DefaultLetterTemplate,
		"{{.Parent}}", "{{range .Seances}}{{.}}{{end}}", "{{template \"x\"}}", "{{.Eleve.X}}", "{{index .Seances 9}}", "{{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tpl, err := model.ParseTemplate(s)
		if err != nil {
			if msg := model.UserMessage(err); strings.HasPrefix(msg, "template:") || !strings.HasPrefix(msg, "modèle") {
				t.Fatalf("message %q", msg)
			}
			return
		}
		if _, err := model.Render(tpl, model.NoticeData{Eleve: "Zoé", Seances: []string{"a", "b"}}); err != nil && !strings.HasPrefix(model.UserMessage(err), "modèle") {
			t.Fatalf("render: %v", err)
		}
	})
}

func TestQuietHours(t *testing.T) {
	mon := modeltest.WeekA
	cases := []struct {
		at    time.Time
		quiet bool
	}{
		{modeltest.At(mon, 6, 59), true}, {modeltest.At(mon, 7, 0), false}, {modeltest.At(mon, 19, 59), false},
		{modeltest.At(mon, 20, 0), true}, {modeltest.At(mon.AddDays(4), 19, 0), false}, {modeltest.At(mon.AddDays(4), 20, 30), true},
		{modeltest.At(mon.AddDays(5), 12, 0), true}, {modeltest.At(mon.AddDays(6), 12, 0), true},
	}
	for _, c := range cases {
		if got := model.QuietHours(c.at); got != c.quiet {
			t.Errorf("%s: quiet %v, want %v", c.at.Format("Mon 15:04"), got, c.quiet)
		}
	}
}

// TestOutboxWaitsForTheMorning: a notice due at 20:30 is not tried before 07:00.
func TestOutboxWaitsForTheMorning(t *testing.T) {
	db := familyDB(t, "0")
	mon := modeltest.WeekA
	if _, err := cpeAt(db, modeltest.At(mon, 20, 30)).PlanFamilyNotices(false); err != nil {
		t.Fatal(err)
	}
	if due, err := cpeAt(db, modeltest.At(mon, 20, 31)).OutboxDue(); err != nil || len(due) != 0 {
		t.Errorf("due in the quiet hours: %v (%v)", noticeIDs(due), err)
	}
	if due, err := cpeAt(db, modeltest.At(mon.AddDays(1), 7, 0)).OutboxDue(); err != nil || len(due) != 1 {
		t.Errorf("due in the morning: %v (%v)", noticeIDs(due), err)
	}
}

// TestDeskShowsFamilyTold: E001's Monday line says the family was told
// once the notice is sent, and that a notice failed (his father has neither
// e-mail nor address).
func TestDeskShowsFamilyTold(t *testing.T) {
	db := familyDB(t, "0")
	mon := modeltest.WeekA
	svc := cpeAt(db, modeltest.At(mon, 8, 21))
	line := func() model.DeskLine {
		lines, err := svc.DayAbsences(mon, model.DeskFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			if l.Pupil.ID == "E001" {
				return l
			}
		}
		t.Fatal("no desk line for E001")
		return model.DeskLine{}
	}
	if l := line(); l.FamilyTold || l.FamilyFailed {
		t.Errorf("before any notice: %+v", l)
	}
	if _, err := svc.PlanFamilyNotices(false); err != nil {
		t.Fatal(err)
	}
	id := model.FamilyNoticeID(model.FamilyAvis, mon, model.Morning, "R001-1")
	if l := line(); l.FamilyTold || !l.FamilyFailed {
		t.Errorf("queued, the father unreachable: told %v, failed %v", l.FamilyTold, l.FamilyFailed)
	}
	if _, err := svc.ClaimFamilyNotice(id, "college.fr"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.FamilyNoticeOutcome(id, nil, false); err != nil {
		t.Fatal(err)
	}
	if l := line(); !l.FamilyTold {
		t.Errorf("sent, yet not told: %+v", l)
	}
}

func TestTemplates(t *testing.T) {
	db := familyDB(t, "0")
	mon := modeltest.WeekA
	cpe := cpeAt(db, modeltest.At(mon, 8, 21))
	cases := []struct {
		name, login, kind, text, refusal string
	}{
		{"unknown field", "cpe", model.TemplateAvis, "Objet\n{{.Parent}}", "champ inconnu {{.Parent}}"},
		{"unknown kind", "cpe", "sms", "Objet", "modèle \"sms\" inconnu"},
		{"not for an AED", "aed", model.TemplateAvis, "Objet", "réservée"},
		{"stored", "cpe", model.TemplateAvis, "Absence : {{.Eleve}}\r\nBonjour {{.Responsables}}.", ""},
	}
	for _, c := range cases {
		err := model.NewService(db, model.Actor{Login: c.login}, modeltest.Clock(modeltest.At(mon, 8, 21))).SetTemplate(c.kind, c.text)
		switch {
		case c.refusal == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.refusal != "" && (err == nil || !strings.Contains(model.UserMessage(err), c.refusal)):
			t.Errorf("%s: %v, want %q", c.name, err, c.refusal)
		}
	}
	text, custom, err := cpe.TemplateText(model.TemplateAvis)
	if err != nil || !custom || text != "Absence : {{.Eleve}}\nBonjour {{.Responsables}}." {
		t.Fatalf("stored %q %v (%v)", text, custom, err)
	}
	if _, err := cpe.PlanFamilyNotices(false); err != nil {
		t.Fatal(err)
	}
	all, _ := cpe.FamilyNotices("E001")
	m, err := cpe.NoticeMessage(all[len(all)-1])
	if err != nil || m.Subject != "Absence : Léa ABADIE" || m.Text != "Bonjour Mme ABADIE Sophie.\n" {
		t.Errorf("message with the school's template: %+v (%v)", m, err)
	}
	p, err := cpe.PreviewTemplate("Objet {{.Classe}}\n{{.Eleve}} {{range .Seances}}[{{.}}]{{end}}")
	if err != nil || p.Subject != "Objet 4B" || !strings.Contains(p.Text, "[08:00–08:55 Mathématiques]") {
		t.Errorf("preview %+v (%v)", p, err)
	}
	if err := cpe.ResetTemplate(model.TemplateAvis); err != nil {
		t.Fatal(err)
	}
	if _, custom, _ := cpe.TemplateText(model.TemplateAvis); custom {
		t.Errorf("reset, yet custom")
	}
}

// TestPlanInChunks: 250 pupils absent at once are decided on in several
// transactions; the dry run says the same, every household gets one notice,
// and a second pass adds none.
func TestPlanInChunks(t *testing.T) {
	d := modeltest.School(250)
	at := modeltest.At(modeltest.Monday, 8, 5)
	d.Guardians = nil
	for _, p := range d.Pupils {
		d.Guardians = append(d.Guardians, model.Guardian{ID: "R" + string(p.ID), LastName: p.LastName, Email: "f" + string(p.ID) + "@exemple.fr",
			Links: []model.Kinship{{Pupil: p.ID, Level: 1}}})
		d.Marks = append(d.Marks, model.Mark{Seance: modeltest.MathsSeance(modeltest.Monday), Pupil: p.ID, Kind: model.KindAbsent, By: "prof", At: at})
	}
	d.Settings = map[string]string{model.SettingNoticesOn: "oui", model.SettingRelanceDays: "0"}
	db := storagetest.NewWith(t, d)
	svc := model.NewService(db, model.Actor{Login: "cpe"}, modeltest.Clock(modeltest.At(modeltest.Monday, 8, 21)))
	dry, err := svc.PlanFamilyNotices(true)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := svc.PlanFamilyNotices(false)
	n := len(d.Pupils) // 4B's 250 and a few of another division
	if err != nil || len(plan.New) != n || len(dry.New) != n {
		t.Fatalf("queued %d, dry run %d (%v)", len(plan.New), len(dry.New), err)
	}
	again, err := svc.PlanFamilyNotices(false)
	all, _ := svc.FamilyNotices("")
	if err != nil || len(again.New) != 0 || len(all) != n {
		t.Errorf("second pass %d, stored %d (%v)", len(again.New), len(all), err)
	}
}

// TestLatenessNotices: with notices.lateness, E004's lateness of Monday
// 08:00 (no guardian imported) is recorded as an avis de retard that finds
// nobody; without it, nothing.
func TestLatenessNotices(t *testing.T) {
	for _, on := range []string{"non", "oui"} {
		db := familyDB(t, "0")
		if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "réglage", func(tx model.Tx) error {
			return tx.PutSetting(model.SettingLatenessOn, on)
		}); err != nil {
			t.Fatal(err)
		}
		plan, err := cpeAt(db, modeltest.At(modeltest.WeekA, 8, 21)).PlanFamilyNotices(false)
		if err != nil {
			t.Fatal(err)
		}
		var late []string
		for _, n := range plan.New {
			if n.Kind == model.FamilyLateness {
				late = append(late, n.ID+" "+n.Status)
			}
		}
		want := []string(nil)
		if on == "oui" {
			want = []string{"20261116-M-retard-sans-responsable-E004 injoignable"}
		}
		if !slices.Equal(late, want) {
			t.Errorf("notices.lateness %s: %v, want %v", on, late, want)
		}
	}
}
