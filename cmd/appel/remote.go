package main

import (
	"errors"
	"log/slog"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"appel/model"
)

// remoteCommand runs "ssh -p PORT admin@host user list" and the like: the
// command table's remote commands, as the session's account, on the
// server's store. A refused command line (admit) or an action the account's
// role does not allow is logged as a refusal.
func remoteCommand(store backuper, log *slog.Logger) func(ssh.Session, *model.Service, []string) int {
	return func(sess ssh.Session, svc *model.Service, args []string) int {
		c := newCLI(sess, sess, sess.Stderr())
		c.session = &remoteSession{svc: svc, store: store, hostKey: serverFingerprint(sess)}
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

// serverFingerprint is the fingerprint of the host key that serves sess.
func serverFingerprint(sess ssh.Session) string {
	srv, ok := sess.Context().Value(ssh.ContextKeyServer).(*ssh.Server)
	if !ok || srv == nil || len(srv.HostSigners) == 0 {
		return ""
	}
	return gossh.FingerprintSHA256(srv.HostSigners[0].PublicKey())
}

// logRefusal logs a command refused to a session (README.md documents the format).
func logRefusal(log *slog.Logger, motif string, sess ssh.Session, svc *model.Service) {
	log.Warn("refus", "motif", motif, "compte", svc.Actor().Login, "session", svc.Actor().Session,
		"depuis", sess.RemoteAddr().String(), "commande", sess.RawCommand())
}
