package main

import (
	"io"
	"net"
	"sync/atomic"
	"time"

	"github.com/emersion/go-smtp"

	"appel/model"
	"appel/storage"
)

// slowRelay is an SMTP server in this process (go-smtp) that takes delay
// to accept each message: a school relay that answers slowly.
type slowRelay struct {
	addr     string
	delay    time.Duration
	accepted atomic.Int64
	srv      *smtp.Server
}

func startSlowRelay(delay time.Duration) (*slowRelay, error) {
	r := &slowRelay{delay: delay}
	r.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return relaySession{r}, nil }))
	r.srv.Domain = "relais.charge"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	r.addr = ln.Addr().String()
	go func() { _ = r.srv.Serve(ln) }()
	return r, nil
}

func (r *slowRelay) close() { _ = r.srv.Close() }

type relaySession struct{ r *slowRelay }

func (relaySession) Reset()                               {}
func (relaySession) Logout() error                        { return nil }
func (relaySession) Mail(string, *smtp.MailOptions) error { return nil }
func (relaySession) Rcpt(string, *smtp.RcptOptions) error { return nil }

func (s relaySession) Data(r io.Reader) error {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return err
	}
	time.Sleep(s.r.delay)
	s.r.accepted.Add(1)
	return nil
}

// noticeSettings turn the notices on, at once (no delay), sent through
// the relay at addr.
func noticeSettings(addr string) map[string]string {
	return map[string]string{model.SettingNoticesOn: "oui", model.SettingNoticesDelay: "0",
		model.SettingRelanceDays: "0", model.SettingSMTPAddr: addr, model.SettingSMTPTLS: "none",
		model.SettingSMTPFrom: "vie-scolaire@charge.example.org"}
}

// noticesRecorded counts the notices to families in the db, and those sent.
func noticesRecorded(path string) (all, sent int, err error) {
	db, err := storage.Open(path, storage.Options{Timeout: 10 * time.Second})
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	err = db.View(func(tx model.ReadTx) error {
		ns, err := tx.AllFamilyNotices()
		for _, n := range ns {
			if n.Status == model.StatusSent {
				sent++
			}
		}
		all = len(ns)
		return err
	})
	return all, sent, err
}
