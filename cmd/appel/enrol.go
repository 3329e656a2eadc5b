package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"appel/model"
	"appel/model/letters"
)

// offeredKey holds in a connection's context the last unknown key its
// client offered for an account with a pending invitation.
type offeredKey struct{}

// systemFor is the model seen by the user of a connection not yet
// authenticated: his login, his address.
func (s *server) systemFor(ctx ssh.Context) *model.Service {
	user, _ := splitUser(ctx.User())
	actor := model.Actor{Login: user, Session: "activation", Addr: ctx.RemoteAddr().String()}
	return model.NewSystemService(s.cfg.DB, actor, s.cfg.Now)
}

// invited reports whether the account asked for has a pending invitation.
func (s *server) invited(ctx ssh.Context) bool {
	user, year := splitUser(ctx.User())
	return year == "" && s.cfg.Archive == "" && s.systemFor(ctx).Invited(user)
}

// enrol is the keyboard-interactive step of a first connection: when the
// client offered a key the server does not know for an account with a
// pending invitation, it asks « Code d'activation : »; the right code binds
// that key to the account (audited, the code voided) and opens the
// session. A wrong code says how many tries are left. Codes are never
// logged.
func (s *server) enrol(ctx ssh.Context, challenge gossh.KeyboardInteractiveChallenge) bool {
	key, ok := ctx.Value(offeredKey{}).(ssh.PublicKey)
	if !ok || !s.invited(ctx) {
		return false
	}
	user, _ := splitUser(ctx.User())
	answers, err := challenge(user, "Première connexion à appel : cette clé n'est pas encore enregistrée.\n"+
		"Tapez le code d'activation reçu de l'administrateur.", []string{"Code d'activation : "}, []bool{false})
	if err != nil || len(answers) != 1 {
		return false
	}
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key))) + " " + user + "@activation"
	added, err := s.systemFor(ctx).Enrol(user, answers[0], line)
	if err != nil {
		s.refusal("code_d_activation", "compte_demandé", user, "empreinte", gossh.FingerprintSHA256(key),
			"depuis", ctx.RemoteAddr().String(), "raison", model.UserMessage(err))
		_, _ = challenge(user, "✗ "+model.UserMessage(err), nil, nil)
		return false
	}
	s.cfg.Log.Info("clé enregistrée par code d'activation", "compte", user, "empreinte", added.Fingerprint,
		"depuis", ctx.RemoteAddr().String())
	ctx.SetValue(ssh.ContextKeyPublicKey, key)
	if s.cfg.Guard != nil {
		s.cfg.Guard.authenticated(ctx)
	}
	return true
}

// runInvite gives one account (or --all: every account without a key) a
// one-time code for its first connection, printed once with what the
// member of staff needs: the command to type and the server's fingerprint.
func runInvite(c *cli, in input) error {
	login, all, days, out := in.arg(0), in.on("all"), in.num("days"), in.str("out")
	if (login == "") == !all {
		return usageErr("appel user invite LOGIN, ou appel user invite --all")
	}
	fingerprint := ""
	if c.session != nil {
		fingerprint = c.session.hostKey
	} else if path, err := c.hostKeyPath(""); err == nil {
		fingerprint = hostKeyFingerprint(path)
	}
	return withOperator(c, func(svc *model.Service) error {
		logins := []string{login}
		if all {
			accounts, err := svc.Accounts()
			if err != nil {
				return err
			}
			logins = logins[:0]
			for _, a := range accounts {
				if len(a.Keys) == 0 && !a.Disabled {
					logins = append(logins, a.Login)
				}
			}
		}
		var sheets []letters.Invitation
		for _, l := range logins {
			code, expires, err := svc.Invite(l, days)
			if err != nil {
				return err
			}
			sheets = append(sheets, letters.Invitation{Login: l, Name: accountName(svc, l), Code: code, Expires: expires})
			if out == "" {
				fmt.Fprintf(c.stdout, "%s\t%s\tvalable jusqu'au %s\n", l, code, expires.Format("02/01/2006 15:04"))
			}
		}
		if out != "" {
			access := letters.Access{School: schoolName(svc), Host: in.str("host"), Port: in.num("port"), Fingerprint: fingerprint}
			if access.Fingerprint == "" {
				access.Fingerprint = "(voir le journal du serveur : empreinte_clé_hôte)"
			}
			if err := c.output(out, func(w io.Writer) error { return letters.WriteInvitations(w, access, sheets, svc.Now()) }); err != nil {
				return err
			}
			fmt.Fprintf(c.stderr, "%d feuille(s) d'invitation écrite(s).\n", len(sheets))
		}
		fmt.Fprintln(c.stderr, "Chaque personne crée sa clé (ssh-keygen -t ed25519, sous Windows 10/11, macOS ou Linux),")
		fmt.Fprintln(c.stderr, "se connecte (ssh -p PORT LOGIN@serveur) et tape son code quand appel le demande.")
		if fingerprint != "" {
			fmt.Fprintf(c.stderr, "Empreinte de la clé du serveur, à comparer à la première connexion : %s\n", fingerprint)
		}
		return nil
	})
}

// accountName is login's display name, or login when unknown.
func accountName(svc *model.Service, login string) string {
	if dir, err := svc.Directory(); err == nil {
		if a, ok := dir.Account(login); ok && a.Name != "" {
			return a.Name
		}
	}
	return login
}

// schoolName is « Collège … (UAI) » for the sheets.
func schoolName(svc *model.Service) string {
	dir, err := svc.Directory()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(dir.School.Name + " (" + dir.School.UAI + ")")
}
