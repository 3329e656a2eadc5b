package notify_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/model/notify"
	"appel/storage/storagetest"
)

// fakeRelay refuses the first refuse messages, then accepts; it keeps what it accepted.
type fakeRelay struct {
	refuse    int
	permanent bool
	got       []notify.Mail
}

func (f *fakeRelay) Domain() string { return "college.example.org" }

func (f *fakeRelay) Send(_ context.Context, m notify.Mail) (bool, error) {
	if f.refuse > 0 {
		f.refuse--
		return f.permanent, errors.New("le relais a répondu 451 : réessayez")
	}
	f.got = append(f.got, m)
	return false, nil
}

// school is the grid school with notices on, E001's mother accepting SMS.
func school(t *testing.T) model.Store {
	t.Helper()
	d := modeltest.WithGridWeek(modeltest.GridSchool(12))
	d.Guardians[0].SMS = true
	d.Settings = map[string]string{model.SettingNoticesOn: "oui", model.SettingRelanceDays: "0", model.SettingSchoolPhone: "03 88 00 00 00"}
	return storagetest.NewWith(t, d)
}

func at(db model.Store, t time.Time) *model.Service {
	return model.NewSystemService(db, model.Actor{Login: "appel:avis"}, modeltest.Clock(t))
}

func TestPassRetriesThenSends(t *testing.T) {
	db := school(t)
	mon := modeltest.WeekA
	relay := &fakeRelay{refuse: 1}
	first, err := notify.Pass(context.Background(), at(db, modeltest.At(mon, 8, 21)), relay)
	if err != nil || len(first) != 2 {
		t.Fatalf("first pass %+v (%v)", first, err)
	}
	var mail model.FamilyNotice
	for _, n := range first {
		if n.Channel == model.ChannelMail {
			mail = n
		}
	}
	if mail.Status != model.StatusRetry || len(relay.got) != 0 {
		t.Fatalf("after a refusal: %+v", mail)
	}
	second, err := notify.Pass(context.Background(), at(db, modeltest.At(mon, 8, 23)), relay)
	if err != nil || len(second) != 1 || second[0].Status != model.StatusSent || len(relay.got) != 1 {
		t.Fatalf("second pass %+v (%v), relay %d", second, err, len(relay.got))
	}
	m := relay.got[0]
	if m.MessageID != mail.MessageID || !strings.HasSuffix(m.MessageID, "@college.example.org>") ||
		!strings.Contains(m.Message.Text, "(03 88 00 00 00)") || !strings.Contains(m.Message.HTML, "<p>Madame, Monsieur,</p>") {
		t.Errorf("message %+v", m)
	}
	if third, _ := notify.Pass(context.Background(), at(db, modeltest.At(mon, 9, 0)), relay); len(third) != 0 || len(relay.got) != 1 {
		t.Errorf("third pass sent again: %+v", third)
	}
}

func TestPassPermanentRefusal(t *testing.T) {
	db := school(t)
	relay := &fakeRelay{refuse: 1, permanent: true}
	done, err := notify.Pass(context.Background(), at(db, modeltest.At(modeltest.WeekA, 8, 21)), relay)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range done {
		if n.Channel == model.ChannelMail && (n.Status != model.StatusFailed || !strings.Contains(n.Reply, "451")) {
			t.Errorf("a permanent refusal: %+v", n)
		}
	}
}

func TestMobile(t *testing.T) {
	for phone, want := range map[string]bool{"06 12 34 56 78": true, "07.12.34.56.78": true, "+33 6 12 34 56 78": true,
		"0033712345678": true, "01 23 45 67 89": false, "06 12 34": false, "": false} {
		if got := notify.Mobile(phone); got != want {
			t.Errorf("Mobile(%q) = %v", phone, got)
		}
	}
}

func TestWriteSMS(t *testing.T) {
	db := school(t)
	svc := at(db, modeltest.At(modeltest.WeekA, 8, 21))
	plan, err := svc.PlanFamilyNotices(false)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := notify.WriteSMS(&buf, svc, plan.New)
	if err != nil || n != 1 {
		t.Fatalf("%d rows (%v)", n, err)
	}
	lines := strings.Split(strings.TrimPrefix(buf.String(), "\uFEFF"), "\r\n")
	if lines[0] != "eleve;responsable;portable;message" || !strings.HasPrefix(lines[1], "Léa ABADIE;Mme ABADIE Sophie;06 12 34 56 00;Collège des Tests : ") ||
		!strings.Contains(lines[1], "absent(e) le 16/11/2026 matin. Merci de contacter la vie scolaire (03 88 00 00 00).") {
		t.Errorf("CSV:\n%s", buf.String())
	}
}

// TestPassCancelsWhenJustified: a notice refused by the relay waits; the
// family gives a motive meanwhile; the next pass sends nothing and the
// record says why.
func TestPassCancelsWhenJustified(t *testing.T) {
	db := school(t)
	mon := modeltest.WeekA
	relay := &fakeRelay{refuse: 1}
	if _, err := notify.Pass(context.Background(), at(db, modeltest.At(mon, 8, 21)), relay); err != nil {
		t.Fatal(err)
	}
	key := model.MarkKey{Seance: modeltest.MathsSeance(mon), Pupil: "E001"}
	_, err := db.Update(context.Background(), model.Actor{Login: "cpe"}, "motif", func(tx model.Tx) error {
		m, _, err := tx.Mark(key)
		if err != nil {
			return err
		}
		m.Justification = model.DefaultMotives()[0].Justify("cpe", modeltest.At(mon, 8, 40))
		return tx.PutMark(m)
	})
	if err != nil {
		t.Fatal(err)
	}
	done, err := notify.Pass(context.Background(), at(db, modeltest.At(mon, 8, 45)), relay)
	if err != nil || len(done) != 1 || done[0].Status != model.StatusCancelled || len(relay.got) != 0 {
		t.Errorf("after the motive: %+v (%v), sent %d", done, err, len(relay.got))
	}
}

// TestPunishmentNoticeSentAndTexted: a punishment's notice leaves by the
// same pass as the absences' (it is not cancelled for lack of an absence),
// with its own template, and its text message tells of the punishment.
func TestPunishmentNoticeSentAndTexted(t *testing.T) {
	db := school(t)
	svc := at(db, modeltest.At(modeltest.WeekA, 10, 0))
	p, err := svc.Punish(model.Punishment{Pupil: "E001", Kind: model.PunishHomework, Reason: "leçon non apprise"})
	if err != nil {
		t.Fatal(err)
	}
	sent, err := svc.TellFamily(p.ID)
	if err != nil || len(sent) == 0 {
		t.Fatalf("notices %+v %v", sent, err)
	}
	var buf bytes.Buffer
	if n, err := notify.WriteSMS(&buf, svc, sent); err != nil || n != 1 ||
		!strings.Contains(buf.String(), "Léa ABADIE, punition le 16/11/2026 (Devoir supplémentaire)") {
		t.Errorf("SMS (%d, %v):\n%s", n, err, buf.String())
	}
	relay := &fakeRelay{}
	if _, err := notify.Pass(context.Background(), svc, relay); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, m := range relay.got {
		if strings.Contains(m.Message.Subject, "Punition de Léa ABADIE") && strings.Contains(m.Message.Text, "leçon non apprise") {
			found = true
		}
	}
	if !found {
		t.Errorf("the punishment's notice was not sent: %+v", relay.got)
	}
}
