package notify

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	gomail "github.com/wneessen/go-mail"

	"appel/model"
)

// SMTP sends through the school's relay with go-mail (a maintained library
// that handles STARTTLS, implicit TLS, SMTP AUTH and the MIME encoding of
// French text).
type SMTP struct {
	host     string
	port     int
	tls      string
	user     string
	password string
	from     string
	timeout  time.Duration
}

// NewSMTP builds the relay's client from the settings; the password comes
// from the environment (model.SMTPPasswordEnv). It refuses, with a French
// message, a relay or a sender not set.
func NewSMTP(set model.SettingValues) (*SMTP, error) {
	addr, from := set.Text(model.SettingSMTPAddr), set.Text(model.SettingSMTPFrom)
	if addr == "" || from == "" {
		return nil, model.Invalid("relais non réglé : appel settings set %s HÔTE:PORT et %s ADRESSE", model.SettingSMTPAddr, model.SettingSMTPFrom)
	}
	host, portText, err := net.SplitHostPort(addr)
	port, perr := strconv.Atoi(portText)
	if err != nil || perr != nil {
		return nil, model.Invalid("%s : « %s » n'est pas HÔTE:PORT", model.SettingSMTPAddr, addr)
	}
	return &SMTP{host: host, port: port, tls: set.Text(model.SettingSMTPTLS), user: set.Text(model.SettingSMTPUser),
		password: os.Getenv(model.SMTPPasswordEnv), from: from, timeout: set.Duration(model.SettingSMTPTimeout)}, nil
}

// Domain returns the sender's domain.
func (s *SMTP) Domain() string { return s.from[strings.LastIndexByte(s.from, '@')+1:] }

// Send delivers one message: plain text with an HTML alternative, UTF-8,
// the given Message-ID.
func (s *SMTP) Send(ctx context.Context, m Mail) (bool, error) {
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8))
	if err := msg.From(s.from); err != nil {
		return true, model.Invalid("expéditeur %s refusé", s.from)
	}
	if err := msg.To(m.To...); err != nil {
		return true, model.Invalid("adresse refusée : %s", strings.Join(m.To, ", "))
	}
	msg.SetMessageIDWithValue(strings.Trim(m.MessageID, "<>"))
	msg.SetDate()
	msg.Subject(m.Message.Subject)
	msg.SetBodyString(gomail.TypeTextPlain, m.Message.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.Message.HTML)
	c, err := gomail.NewClient(s.host, s.options()...)
	if err != nil {
		return true, model.Invalid("relais %s:%d : réglage refusé", s.host, s.port)
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout+time.Second)
	defer cancel()
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return permanent(err), relayError(err)
	}
	return false, nil
}

func (s *SMTP) options() []gomail.Option {
	opts := []gomail.Option{gomail.WithPort(s.port), gomail.WithTimeout(s.timeout)}
	switch s.tls {
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.user != "" {
		// Over TLS, the strongest mechanism the relay offers; without it,
		// PLAIN, which go-mail sends only to a relay on this machine: a
		// password never crosses the network in clear.
		auth := gomail.SMTPAuthAutoDiscover
		if s.tls == "none" {
			auth = gomail.SMTPAuthPlain
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(s.user), gomail.WithPassword(s.password))
	}
	return opts
}

// permanent reports a 5xx answer from the relay.
func permanent(err error) bool {
	var se *gomail.SendError
	return errors.As(err, &se) && se.ErrorCode() >= 500 && !se.IsTemp()
}

// relayError keeps the relay's reply as it is (the record shows it), or
// says that it could not be reached.
func relayError(err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) {
		if code := se.ErrorCode(); code > 0 {
			return errors.New("le relais a répondu " + strconv.Itoa(code) + " : " + replyText(se))
		}
		return errors.New("relais : " + replyText(se))
	}
	var ne net.Error
	switch msg := err.Error(); {
	case errors.As(err, &ne) && ne.Timeout():
		return errors.New("le relais n'a pas répondu à temps")
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("relais injoignable : connexion refusée")
	case strings.Contains(strings.ToLower(msg), "auth"):
		return errors.New("authentification refusée par le relais (smtp.user, " + model.SMTPPasswordEnv + ") : " + lastPart(msg))
	default:
		return errors.New("relais injoignable : " + lastPart(msg))
	}
}

// lastPart is the end of a wrapped error, where the relay's own words are.
func lastPart(msg string) string {
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		return msg[i+2:]
	}
	return msg
}

func replyText(se *gomail.SendError) string {
	s := se.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}
