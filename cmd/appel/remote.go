package main

import (
	"slices"

	"github.com/charmbracelet/ssh"

	"appel/model"
)

// remoteCommands are the command lines an account may run over SSH while the
// server holds the db (each still checked against the account's role).
var remoteCommands = []string{"user", "export", "backup", "audit", "stats", "import"}

// remoteCommand runs "ssh -p PORT admin@host user list" and the like: the same
// commands as on the machine, as the session's account, on the server's store.
func remoteCommand(store backuper) func(ssh.Session, *model.Service, []string) int {
	return func(sess ssh.Session, svc *model.Service, args []string) int {
		c := newCLI(sess, sess, sess.Stderr())
		c.session = &remoteSession{svc: svc, store: store}
		if len(args) > 0 && !slices.Contains(remoteCommands, args[0]) {
			args = []string{"__refused", args[0]}
		}
		return c.exec(args)
	}
}
