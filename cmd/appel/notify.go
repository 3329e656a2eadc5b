package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"appel/model"
	"appel/model/notify"
)

// familyCommands are `appel notify` and `appel guardian set`.
func familyCommands() []command {
	return []command{
		lettersCommand(),
		{path: "notify", remote: true,
			summary: "décide les avis aux familles dus à cette heure et envoie ceux par mél (une passe)",
			help: "Une ligne par avis : eleve;responsable;canal;adresse;statut. appel serve le fait seul " +
				"chaque minute quand notices.on vaut oui. Sans relais réglé (smtp.addr, smtp.from), les avis " +
				"sont décidés et restent en attente.",
			flags: []option{{name: "dry-run", usage: "dire les avis dus sans rien écrire ni envoyer"},
				{name: "sms-out", value: "FICHIER", file: fileOut,
					usage:   "écrire aussi le CSV des SMS de ces avis (eleve;responsable;portable;message) pour le prestataire",
					defText: "aucun"}},
			run: runNotify},
		{path: "guardian", summary: "les responsables des élèves"},
		{path: "guardian set", remote: true, args: []arg{{name: "RESPONSABLE"}},
			summary: "change le mél, le portable ou l'adresse d'un responsable (vie scolaire, audité)",
			flags: []option{
				{name: "email", value: "MÉL", usage: "nouvelle adresse électronique (vide : aucune)", defText: "inchangée"},
				{name: "phone", value: "NUMÉRO", usage: "nouveau portable", defText: "inchangé"},
				{name: "address", value: "LIGNE/LIGNE", usage: "nouvelle adresse postale, lignes séparées par /", defText: "inchangée"},
			}, run: runGuardianSet},
	}
}

func runNotify(c *cli, in input) error {
	lines := c.stdout
	if in.str("sms-out") == "-" {
		lines = c.stderr // standard output carries the CSV
	}
	return withOperator(c, func(svc *model.Service) error {
		set, err := svc.Settings()
		if err != nil {
			return err
		}
		if !set.Bool(model.SettingNoticesOn) {
			return model.Invalid("avis aux familles désactivés : appel settings set %s oui", model.SettingNoticesOn)
		}
		if in.on("dry-run") {
			plan, err := svc.PlanFamilyNotices(true)
			for _, n := range plan.New {
				fmt.Fprintln(lines, notify.Line(svc, n))
			}
			if err == nil {
				err = writeSMS(c, svc, in.str("sms-out"), plan.New)
			}
			return err
		}
		var mailer notify.Mailer
		if m, err := notify.NewSMTP(set); err == nil {
			mailer = m
		} else {
			fmt.Fprintf(c.stderr, "%s : les avis par mél restent en attente\n", model.UserMessage(err))
		}
		done, err := notify.Pass(context.Background(), svc, mailer)
		for _, n := range done {
			fmt.Fprintln(lines, notify.Line(svc, n))
		}
		if err == nil {
			err = writeSMS(c, svc, in.str("sms-out"), done)
		}
		return err
	})
}

// writeSMS writes the CSV of the text messages of the notices to path ("": none).
func writeSMS(c *cli, svc *model.Service, path string, notices []model.FamilyNotice) error {
	if path == "" {
		return nil
	}
	return c.output(path, func(w io.Writer) error {
		n, err := notify.WriteSMS(w, svc, notices)
		if err == nil {
			fmt.Fprintf(c.stderr, "%d SMS à déposer chez le prestataire\n", n)
		}
		return err
	})
}

func runGuardianSet(c *cli, in input) error {
	return withOperator(c, func(svc *model.Service) error {
		g, err := svc.Guardian(in.arg(0))
		if err != nil {
			return err
		}
		contacts := model.GuardianContacts{Email: g.Email, Phone: g.Phone, Address: g.Address}
		if in.changed("email") {
			contacts.Email = in.str("email")
		}
		if in.changed("phone") {
			contacts.Phone = in.str("phone")
		}
		if in.changed("address") {
			contacts.Address = splitLines(in.str("address"))
		}
		g, err = svc.EditGuardian(g.ID, contacts)
		if err == nil {
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\n", g.ID, model.Visible(g.DisplayName()), model.Visible(g.Email),
				model.Visible(joinLines(g.Address)))
		}
		return err
	})
}

// startNotifier runs the notices' sender in the background of appel serve;
// the channel closes once it has stopped after ctx ended (the notice it was
// sending finished and recorded).
func startNotifier(ctx context.Context, db model.Store, now func() time.Time, log *slog.Logger) <-chan struct{} {
	svc := model.NewSystemService(db, model.Actor{Login: "appel:avis", Session: "notify", Addr: "local"}, now)
	done := make(chan struct{})
	go func() {
		defer close(done)
		notify.Run(ctx, svc, time.Minute, func(set model.SettingValues) (notify.Mailer, error) {
			return notify.NewSMTP(set)
		}, log)
	}()
	return done
}

// splitLines cuts « 12 rue X / 67000 STRASBOURG » into its lines.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "/") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func joinLines(lines []string) string { return strings.Join(lines, " / ") }
