package tui_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/emersion/go-smtp"

	"appel/model"
	"appel/model/modeltest"
)

// familiesFixture is the grid school with three notices to families: one
// sent, one waiting (E001's absence of Monday 08:00, still without motive),
// one failed with the relay's reply.
func familiesFixture(t *testing.T) fixture {
	t.Helper()
	f := gridFixture(t, 12, modeltest.GridNow)
	mon := modeltest.WeekA
	notice := func(id, pupil, status string) model.FamilyNotice {
		return model.FamilyNotice{ID: id, Kind: model.FamilyAvis, Channel: model.ChannelMail, Date: mon, Household: id,
			Guardians: []string{"R001-1"}, Names: "Mme ABADIE Sophie", To: []string{"famille@example.fr"},
			Pupils: []model.PupilID{model.PupilID(pupil)}, Seances: []model.SeanceID{modeltest.MathsSeance(mon)},
			Status: status, Due: modeltest.At(mon, 8, 21)}
	}
	failed := notice("n3", "E003", model.StatusFailed)
	failed.Reply, failed.Attempts = "le relais a répondu 550 : boîte inconnue", 5
	sent := notice("n1", "E001", model.StatusSent)
	sent.SentAt = modeltest.At(mon, 8, 22)
	_, err := f.db.Update(context.Background(), model.Actor{Login: "test"}, "avis", func(tx model.Tx) error {
		return errors.Join(tx.PutFamilyNotice(sent), tx.PutFamilyNotice(notice("n2", "E001", model.StatusQueued)),
			tx.PutFamilyNotice(failed))
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestFamiliesScreen: the CPE opens Familles (9), sees the three notices,
// filters the failed one with the relay's reply, previews a message in
// French, and queues the failed one again (stored).
func TestFamiliesScreen(t *testing.T) {
	f := familiesFixture(t)
	d := landed(t, f, "cpe")
	d.Press("9")
	v := d.WaitFor("Avis aux familles", "[tous (3)]", "en attente (1)", "envoyés (1)", "en échec (1)")
	for _, want := range []string{"✉ envoyé", "! en échec", "en attente      mél       ABADIE Léa"} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
	d.Press("f", "f", "f")
	d.WaitFor("[en échec (1)]", "5 essai(s)", "Réponse : le relais a répondu 550 : boîte inconnue")
	d.Press("enter")
	v = d.WaitFor("Objet : Absence de", "Madame, Monsieur,", "a été noté(e) absent(e) le lundi 16/11/2026 (matin)")
	d.Press("esc")
	d.WaitFor("[en échec (1)]")
	d.Press("s")
	d.WaitFor("✗ relais non réglé : appel settings set smtp.addr")
	var n model.FamilyNotice
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		n, _, err = tx.FamilyNotice("n3")
		return err
	})
	if err != nil || n.Status != model.StatusQueued || n.Attempts != 0 {
		t.Errorf("stored %+v (%v)\n%s", n, err, v)
	}
}

// acceptingRelay is an SMTP server in the test (go-smtp) that counts what it accepts.
type acceptingRelay struct{ got atomic.Int64 }

func (r *acceptingRelay) NewSession(*smtp.Conn) (smtp.Session, error) { return relaySession{r}, nil }

type relaySession struct{ r *acceptingRelay }

func (relaySession) Reset()                               {}
func (relaySession) Logout() error                        { return nil }
func (relaySession) Mail(string, *smtp.MailOptions) error { return nil }
func (relaySession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s relaySession) Data(r io.Reader) error {
	_, err := io.Copy(io.Discard, r)
	s.r.got.Add(1)
	return err
}

// TestSendNowFromTheScreen: with the relay set, s sends the waiting notice
// at once; the screen and the store say « envoyé ».
func TestSendNowFromTheScreen(t *testing.T) {
	f := familiesFixture(t)
	relay := &acceptingRelay{}
	srv := smtp.NewServer(relay)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() })
	_, err = f.db.Update(context.Background(), model.Actor{Login: "test"}, "réglages", func(tx model.Tx) error {
		return errors.Join(tx.PutSetting(model.SettingSMTPAddr, ln.Addr().String()), tx.PutSetting(model.SettingSMTPTLS, "none"),
			tx.PutSetting(model.SettingSMTPFrom, "vie-scolaire@exemple.fr"))
	})
	if err != nil {
		t.Fatal(err)
	}
	d := landed(t, f, "cpe")
	d.Press("9")
	d.WaitFor("Avis aux familles")
	d.Press("f")
	d.WaitFor("[en attente (1)]")
	d.Press("s")
	d.WaitFor("✓ avis d'absence du 16/11/2026 matin : envoyé.")
	var n model.FamilyNotice
	err = f.db.View(func(tx model.ReadTx) error {
		var err error
		n, _, err = tx.FamilyNotice("n2")
		return err
	})
	if err != nil || n.Status != model.StatusSent || n.MessageID == "" || relay.got.Load() != 1 {
		t.Errorf("stored %+v (%v), relay %d", n, err, relay.got.Load())
	}
}

// TestFamiliesScreenNotForTeachers: a teacher has no Familles screen.
func TestFamiliesScreenNotForTeachers(t *testing.T) {
	f := familiesFixture(t)
	d := landed(t, f, "prof")
	if strings.Contains(d.View(), "Familles") {
		t.Errorf("a teacher sees the Familles screen:\n%s", d.View())
	}
}

// TestDeskShowsFamilyMarks: on Thursday's desk, E005 (announced absent) has
// a sent notice: his line, and only his, shows « ✉ » before his motive.
func TestDeskShowsFamilyMarks(t *testing.T) {
	f := gridFixture(t, 12, modeltest.GridNow)
	thu := modeltest.WeekA.AddDays(3)
	n := model.FamilyNotice{ID: model.FamilyNoticeID(model.FamilyAvis, thu, model.Morning, "R005-1"), Kind: model.FamilyAvis,
		Channel: model.ChannelMail, Date: thu, Household: "R005-1", Pupils: []model.PupilID{"E005"},
		Status: model.StatusSent, Due: modeltest.At(thu, 8, 21), SentAt: modeltest.At(thu, 8, 22)}
	if _, err := f.db.Update(context.Background(), model.Actor{Login: "test"}, "avis", func(tx model.Tx) error {
		return tx.PutFamilyNotice(n)
	}); err != nil {
		t.Fatal(err)
	}
	d := landed(t, f, "cpe")
	v := d.WaitFor("Absences du jour")
	var marked []string
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "[ ]") && strings.Contains(l, "✉") {
			marked = append(marked, l)
		}
	}
	if len(marked) != 1 || !strings.Contains(marked[0], "ÉCUYER Raphaël") || !strings.Contains(marked[0], "✉ Maladie") {
		t.Errorf("lines with ✉: %q\n%s", marked, v)
	}
}

// TestTemplateEditor: the CPE opens the avis template (t), sees the live
// preview on a real pupil, types an unknown field (the preview and the save
// refuse it by name, nothing stored), then a known one: saved and stored.
func TestTemplateEditor(t *testing.T) {
	f := familiesFixture(t)
	d := landed(t, f, "cpe")
	d.Press("9")
	d.WaitFor("Avis aux familles")
	d.Press("t")
	d.WaitFor("Modèle : avis d'absence (mél)", "(texte livré)", "Aperçu", "Objet : Absence de Léa ABADIE")
	for _, r := range " {{.Parent}}" {
		d.Press(string(r))
	}
	d.WaitFor("✗ modèle refusé : champ inconnu {{.Parent}}")
	d.Press("ctrl+s")
	d.WaitFor("✗ modèle refusé : champ inconnu {{.Parent}}")
	for range len([]rune("{{.Parent}}")) {
		d.Press("backspace")
	}
	for _, r := range "{{.Classe}}" {
		d.Press(string(r))
	}
	d.WaitFor("texte livré, modifié", "Collège des Tests 4B")
	d.Press("ctrl+s")
	d.WaitFor("✓ Modèle « avis d'absence (mél) » enregistré.", "(texte de l'établissement)")
	var stored map[string]string
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		stored, err = tx.Templates()
		return err
	})
	if err != nil || !strings.HasSuffix(stored[model.TemplateAvis], "{{.Etablissement}} {{.Classe}}") {
		t.Errorf("stored %q (%v)", stored, err)
	}
	d.Press("esc")
	d.WaitFor("Avis aux familles")
}

// TestLettersFromTheScreen: l without a letters folder says how to set one;
// with one, the week's letters are written there and the screen says where.
func TestLettersFromTheScreen(t *testing.T) {
	f := familiesFixture(t)
	d := landed(t, f, "cpe")
	d.Press("9")
	d.WaitFor("Avis aux familles")
	d.Press("l")
	d.WaitFor("dossier des courriers non réglé : appel settings set letters.dir DOSSIER")
	dir := t.TempDir()
	if _, err := f.db.Update(context.Background(), model.Actor{Login: "test"}, "réglage", func(tx model.Tx) error {
		return tx.PutSetting(model.SettingLettersDir, dir)
	}); err != nil {
		t.Fatal(err)
	}
	d.Press("l")
	path := filepath.Join(dir, "courriers-20261116-20261119.pdf")
	d.WaitFor("courrier(s) écrit(s) dans " + dir)
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("no PDF at %s: %v", path, err)
	}
}
