package notify_test

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"appel/model"
	"appel/model/notify"
)

// authRelay is an SMTP server (go-smtp) that wants PLAIN authentication and
// can refuse a recipient for good.
type authRelay struct {
	mu       sync.Mutex
	user     string
	password string
	data     []string
	refuse   string
}

type authSession struct {
	r      *authRelay
	authed bool
}

func (r *authRelay) NewSession(*smtp.Conn) (smtp.Session, error) { return &authSession{r: r}, nil }

func (s *authSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *authSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, password string) error {
		if user != s.r.user || password != s.r.password {
			return errors.New("identifiants refusés")
		}
		s.authed = true
		return nil
	}), nil
}

func (s *authSession) Reset()        {}
func (s *authSession) Logout() error { return nil }

func (s *authSession) Mail(string, *smtp.MailOptions) error {
	if !s.authed {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "authentification requise"}
	}
	return nil
}

func (s *authSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if to == s.r.refuse {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "boîte inconnue"}
	}
	return nil
}

func (s *authSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	s.r.mu.Lock()
	s.r.data = append(s.r.data, string(b))
	s.r.mu.Unlock()
	return err
}

// TestSMTPAuthAndRefusal: the relay's login comes from smtp.user and its
// password from APPEL_SMTP_PASSWORD; the message is UTF-8 text with an HTML
// alternative and the Message-ID given; a 550 is a permanent refusal with
// the relay's reply.
func TestSMTPAuthAndRefusal(t *testing.T) {
	relay := &authRelay{user: "vie-scolaire", password: "s3cret é", refuse: "inconnu@exemple.fr"}
	srv := smtp.NewServer(relay)
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close() })
	t.Setenv(model.SMTPPasswordEnv, relay.password)
	set := model.NewSettingValues(map[string]string{model.SettingSMTPAddr: ln.Addr().String(), model.SettingSMTPTLS: "none",
		model.SettingSMTPUser: relay.user, model.SettingSMTPFrom: "vie-scolaire@college.example.org"})
	m, err := notify.NewSMTP(set)
	if err != nil {
		t.Fatal(err)
	}
	mail := notify.Mail{MessageID: "<20261123-M-avis-1.42@college.example.org>", To: []string{"famille@exemple.fr"},
		Message: model.Message{Subject: "Absence de Zoé ŞAHİN", Text: "Madame, Monsieur,\nZoé était absente.\n", HTML: "<p>Zoé</p>"}}
	if permanent, err := m.Send(context.Background(), mail); err != nil || permanent {
		t.Fatalf("send: %v (permanent %v)", err, permanent)
	}
	relay.mu.Lock()
	got := strings.Join(relay.data, "")
	relay.mu.Unlock()
	for _, want := range []string{"Message-ID: <20261123-M-avis-1.42@college.example.org>", "multipart/alternative",
		"text/plain; charset=UTF-8", "text/html; charset=UTF-8", "Subject: =?UTF-8?"} {
		if !strings.Contains(got, want) {
			t.Errorf("the message lacks %q:\n%s", want, got)
		}
	}
	mail.To = []string{relay.refuse}
	permanent, err := m.Send(context.Background(), mail)
	if err == nil || !permanent || !strings.Contains(err.Error(), "550") {
		t.Errorf("refused recipient: %v (permanent %v)", err, permanent)
	}
	t.Setenv(model.SMTPPasswordEnv, "faux")
	m, _ = notify.NewSMTP(set)
	if _, err := m.Send(context.Background(), notify.Mail{MessageID: "<x@y.z>", To: []string{"f@exemple.fr"}, Message: mail.Message}); err == nil ||
		!strings.HasPrefix(err.Error(), "authentification refusée par le relais (smtp.user, APPEL_SMTP_PASSWORD)") {
		t.Errorf("a wrong password: %v", err)
	}
	ln2, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln2.Addr().String()
	ln2.Close()
	m, _ = notify.NewSMTP(model.NewSettingValues(map[string]string{model.SettingSMTPAddr: closed, model.SettingSMTPTLS: "none",
		model.SettingSMTPFrom: "vie-scolaire@college.example.org"}))
	if _, err := m.Send(context.Background(), mail); err == nil || err.Error() != "relais injoignable : connexion refusée" {
		t.Errorf("a relay down: %v", err)
	}
}
