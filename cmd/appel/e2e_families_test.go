package main

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"appel/model"
	"appel/storage"
)

// relay is a real SMTP server in the test process (go-smtp): it keeps the
// messages it accepted, and may refuse or hang on the DATA command.
type relay struct {
	addr string
	mu   sync.Mutex
	got  []received
	// refuse answers 451 to that many DATA commands first.
	refuse int
	// hang, when set, is closed by Data once a message was read, then Data
	// waits on release before answering (a relay stuck mid-sending).
	hang, release chan struct{}
}

type received struct {
	to        []string
	messageID string
	subject   string
	text      string
}

func newRelay(t *testing.T) *relay {
	t.Helper()
	r := &relay{}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &relaySession{r: r}, nil }))
	srv.Domain, srv.AllowInsecureAuth = "relais.test", true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	r.addr = ln.Addr().String()
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() })
	return r
}

func (r *relay) messages() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

type relaySession struct {
	r  *relay
	to []string
}

func (s *relaySession) Reset()                               { s.to = nil }
func (s *relaySession) Logout() error                        { return nil }
func (s *relaySession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *relaySession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

func (s *relaySession) Data(rd io.Reader) error {
	raw, err := io.ReadAll(rd)
	if err != nil {
		return err
	}
	r := s.r
	r.mu.Lock()
	if r.refuse > 0 {
		r.refuse--
		r.mu.Unlock()
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "file pleine, réessayez"}
	}
	hang, release := r.hang, r.release
	r.hang = nil
	r.mu.Unlock()
	if hang != nil {
		close(hang)
		<-release
		return errors.New("interrompu")
	}
	msg, err := parseMail(raw)
	if err != nil {
		return err
	}
	msg.to = slices.Clone(s.to)
	r.mu.Lock()
	r.got = append(r.got, msg)
	r.mu.Unlock()
	return nil
}

// parseMail reads the subject, Message-ID and the decoded plain text.
func parseMail(raw []byte) (received, error) {
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return received{}, err
	}
	var dec mime.WordDecoder
	subject, _ := dec.DecodeHeader(m.Header.Get("Subject"))
	out := received{messageID: m.Header.Get("Message-Id"), subject: subject}
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		return out, err
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			return out, err
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") {
			var body io.Reader = p
			if p.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
				body = quotedprintable.NewReader(p)
			}
			b, err := io.ReadAll(body)
			out.text = string(b)
			return out, err
		}
	}
}

// familiesDB is the demo school at 08:05 with notices on (no relance) and the relay set.
func familiesDB(t *testing.T, r *relay) string {
	t.Helper()
	db := demoDB(t)
	for _, kv := range [][2]string{{"notices.on", "oui"}, {"notices.relance", "0"}, {"smtp.addr", r.addr},
		{"smtp.tls", "none"}, {"smtp.from", "vie-scolaire@college.example.org"}, {"smtp.backoff", "1m"}} {
		appelCmd(t, "settings", "set", kv[0], kv[1], "--db", db)
	}
	return db
}

// markInTerminal runs prof's 08:00 roll call at clock and types keys, then
// waits for the counts line and quits.
func markInTerminal(t *testing.T, db, clock, counts string, keys ...string) {
	t.Helper()
	term := newTerminal(t, 100, 30, nil, appelBin+" --db "+db+" --now "+clock+" --as prof")
	term.waitFor("08:00–08:55")
	term.send(keys...)
	term.waitFor(counts)
	term.send("q")
	if status := term.waitExit(); status != 0 {
		t.Fatalf("exit status %d:\n%s", status, term.screen())
	}
}

// profAbsentIDs returns the pupils marked absent in prof's 08:00 séance on 23/11/2026.
func profAbsentIDs(t *testing.T, db string) []model.PupilID {
	t.Helper()
	var out []model.PupilID
	for _, row := range csvRows(t, appelCmd(t, "export", "marks", "--db", db, "--from", "2026-11-23", "--to", "2026-11-23")) {
		if row["enseignant"] == "prof" && row["debut"] == "08:00" && row["marque"] == "absent" {
			out = append(out, model.PupilID(row["eleve_id"]))
		}
	}
	return out
}

// household is what the test expects of one household: its addresses and its pupil's names.
type household struct {
	emails []string
	pupil  model.Pupil
}

// readFamilies opens the db read-only and returns the households with an
// e-mail of the pupils, and the notices to families recorded.
func readFamilies(t *testing.T, db string, pupils []model.PupilID) ([]household, []model.FamilyNotice) {
	t.Helper()
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir, err := st.Directory()
	if err != nil {
		t.Fatal(err)
	}
	var hs []household
	var notices []model.FamilyNotice
	err = st.View(func(tx model.ReadTx) error {
		for _, id := range pupils {
			gs, err := tx.Guardians(id)
			if err != nil {
				return err
			}
			p, _ := dir.Pupil(id)
			for _, h := range model.HouseholdsOf(id, gs) {
				if e := h.Emails(); len(e) > 0 {
					hs = append(hs, household{emails: e, pupil: p})
				}
			}
		}
		notices, err = tx.AllFamilyNotices()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hs, notices
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestFamiliesNotifiedByMail is issue 14's first check: prof marks four
// pupils absent at 08:05 in tmux and corrects the fourth to present at
// 08:07; at 08:21 appel notify sends one message per household of the three
// absent pupils, to its guardians' addresses, in French with the pupil's
// name; the corrected pupil's family gets nothing; a second pass sends
// nothing more.
func TestFamiliesNotifiedByMail(t *testing.T) {
	r := newRelay(t)
	db := familiesDB(t, r)
	markInTerminal(t, db, "2026-11-23T08:05", "4 absents", ":", "2", "a", "5", "a", "9", "a", "1", "2", "a", "Escape")
	corrected := profAbsentIDs(t, db)
	markInTerminal(t, db, "2026-11-23T08:07", "3 absents", ":", "1", "2", "p", "Escape")
	absent := profAbsentIDs(t, db)
	if len(corrected) != 4 || len(absent) != 3 {
		t.Fatalf("marks: %v then %v", corrected, absent)
	}
	corrected = slices.DeleteFunc(corrected, func(p model.PupilID) bool { return slices.Contains(absent, p) })
	out := appelCmd(t, "notify", "--db", db, "--now", "2026-11-23T08:21")
	want, notices := readFamilies(t, db, absent)
	got := r.messages()
	if len(got) != len(want) || len(want) < 3 {
		t.Fatalf("%d messages for %d households with an e-mail:\n%s", len(got), len(want), out)
	}
	for _, h := range want {
		i := slices.IndexFunc(got, func(m received) bool { return sameSet(m.to, h.emails) })
		if i < 0 {
			t.Errorf("no message to %v (%s)", h.emails, h.pupil.FullName())
			continue
		}
		m := got[i]
		name := h.pupil.FirstName + " " + strings.ToUpper(h.pupil.LastName)
		if !strings.Contains(m.subject, "Absence de "+name) || !strings.Contains(m.text, "Madame, Monsieur") ||
			!strings.Contains(m.text, name+" ("+h.pupil.Division+") a été noté(e) absent(e) le lundi 23/11/2026 (matin)") {
			t.Errorf("message to %v:\nsubject %q\n%s", h.emails, m.subject, m.text)
		}
		k := slices.IndexFunc(notices, func(n model.FamilyNotice) bool { return sameSet(n.To, h.emails) })
		if k < 0 || notices[k].MessageID != m.messageID || notices[k].Status != model.StatusSent {
			t.Errorf("record of the message to %v: %+v, header Message-ID %q", h.emails, notices, m.messageID)
		}
	}
	for _, n := range notices {
		if slices.Contains(n.Pupils, corrected[0]) {
			t.Errorf("the pupil corrected to present at 08:07 got a notice: %+v", n)
		}
	}
	if strings.Count(out, ";envoyé\n") != len(want) {
		t.Errorf("appel notify said:\n%s", out)
	}
	again := appelCmd(t, "notify", "--db", db, "--now", "2026-11-23T08:30")
	if len(r.messages()) != len(got) || strings.TrimSpace(again) != "" {
		t.Errorf("a second pass sent more: %d messages, output %q", len(r.messages()), again)
	}
}

// TestRelayRefusesThenAccepts: the relay answers 451 to the first try; the
// notice waits (à réessayer, with the relay's reply) and goes at the next
// pass after its backoff, once.
func TestRelayRefusesThenAccepts(t *testing.T) {
	r := newRelay(t)
	db := familiesDB(t, r)
	appelCmd(t, "settings", "set", "smtp.tries", "3", "--db", db)
	markInTerminal(t, db, "2026-11-23T08:05", "3 absents", "a", "a", "a")
	r.mu.Lock()
	r.refuse = 100
	r.mu.Unlock()
	first := appelCmd(t, "notify", "--db", db, "--now", "2026-11-23T08:21")
	if !strings.Contains(first, "à réessayer (le relais a répondu 451") || len(r.messages()) != 0 {
		t.Fatalf("first pass:\n%s", first)
	}
	if early := appelCmd(t, "notify", "--db", db, "--now", "2026-11-23T08:21:30"); strings.TrimSpace(early) != "" {
		t.Errorf("tried again before the backoff:\n%s", early)
	}
	r.mu.Lock()
	r.refuse = 0
	r.mu.Unlock()
	second := appelCmd(t, "notify", "--db", db, "--now", "2026-11-23T08:23")
	if !strings.Contains(second, ";envoyé") || len(r.messages()) == 0 {
		t.Fatalf("second pass:\n%s", second)
	}
	sent := len(r.messages())
	appelCmd(t, "notify", "--db", db, "--now", "2026-11-23T08:40")
	if len(r.messages()) != sent {
		t.Errorf("sent again: %d then %d", sent, len(r.messages()))
	}
}

// TestKilledWhileSending: appel notify is killed (SIGKILL) while the relay
// holds a message; the next pass sends it again with the same Message-ID,
// the record says so, and every household gets its message once.
func TestKilledWhileSending(t *testing.T) {
	r := newRelay(t)
	db := familiesDB(t, r)
	markInTerminal(t, db, "2026-11-23T08:05", "2 absents", "a", "a")
	hang, release := make(chan struct{}), make(chan struct{})
	r.mu.Lock()
	r.hang, r.release = hang, release
	r.mu.Unlock()
	cmd := exec.Command(appelBin, "notify", "--db", db, "--now", "2026-11-23T08:21")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-hang:
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("appel notify never reached the relay")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	close(release)
	_, before := readFamilies(t, db, nil)
	cut := slices.IndexFunc(before, func(n model.FamilyNotice) bool { return n.Status == model.StatusSending })
	if cut < 0 {
		t.Fatalf("no notice recorded as being sent after the kill: %+v", before)
	}
	out := appelCmd(t, "notify", "--db", db, "--now", "2026-11-23T08:22")
	want, after := readFamilies(t, db, profAbsentIDs(t, db))
	got := r.messages()
	if len(got) != len(want) {
		t.Fatalf("%d messages for %d households:\n%s", len(got), len(want), out)
	}
	n := after[slices.IndexFunc(after, func(n model.FamilyNotice) bool { return n.ID == before[cut].ID })]
	if n.Status != model.StatusSent || !n.Resent || n.MessageID != before[cut].MessageID {
		t.Errorf("the cut notice after the second pass: %+v (Message-ID before %q)", n, before[cut].MessageID)
	}
	if !slices.ContainsFunc(got, func(m received) bool { return m.messageID == n.MessageID }) {
		t.Errorf("no message went with the cut notice's Message-ID %q", n.MessageID)
	}
	if !strings.Contains(out, "renvoyé après interruption") {
		t.Errorf("appel notify did not say the sending was taken up again:\n%s", out)
	}
}

// TestServeSendsInTheBackground: appel serve, started at 08:21 after two
// absences of 08:05, sends their households' messages by itself, and,
// stopped (SIGTERM) as soon as the relay has them, finishes recording them
// as sent and says so in its log.
func TestServeSendsInTheBackground(t *testing.T) {
	r := newRelay(t)
	db := familiesDB(t, r)
	markInTerminal(t, db, "2026-11-23T08:05", "2 absents", "a", "a")
	want, _ := readFamilies(t, db, profAbsentIDs(t, db))
	srv := startServe(t, db, "--now", "2026-11-23T08:21")
	deadline := time.Now().Add(20 * time.Second)
	for len(r.messages()) < len(want) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	srv.stop()
	_, notices := readFamilies(t, db, nil)
	sent := 0
	for _, n := range notices {
		if n.Status == model.StatusSent {
			sent++
		}
	}
	if len(want) == 0 || len(r.messages()) != len(want) || sent != len(want) || !strings.Contains(srv.log.String(), "avis aux familles") {
		t.Errorf("%d households with an e-mail, %d messages, %d recorded sent; log:\n%s", len(want), len(r.messages()), sent, srv.log)
	}
}
