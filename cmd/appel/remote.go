package main

import (
	"errors"
	"log/slog"

	"github.com/charmbracelet/ssh"

	"appel/model"
)

// remoteCommand runs "ssh -p PORT admin@host user list" and the like: the
// command table's remote commands, as the session's account, on the
// server's store. A refused command line (admit) or an action the account's
// role does not allow is logged as a refusal.
func remoteCommand(store backuper, log *slog.Logger) func(ssh.Session, *model.Service, []string) int {
	return func(sess ssh.Session, svc *model.Service, args []string) int {
		c := newCLI(sess, sess, sess.Stderr())
		c.session = &remoteSession{svc: svc, store: store}
		c.args = args
		err := c.dispatch(args)
		var r *refusal
		switch {
		case errors.As(err, &r):
			logRefusal(log, r.reason, sess, svc)
		case errors.Is(err, model.ErrForbidden):
			logRefusal(log, "rôle", sess, svc)
		}
		return c.report(err)
	}
}

// logRefusal logs a command refused to a session (README.md documents the format).
func logRefusal(log *slog.Logger, motif string, sess ssh.Session, svc *model.Service) {
	log.Warn("refus", "motif", motif, "compte", svc.Actor().Login, "session", svc.Actor().Session,
		"depuis", sess.RemoteAddr().String(), "commande", sess.RawCommand())
}
