package main

import (
	"regexp"
	"slices"
	"strings"
)

// admit decides, from the command's entry, whether a parsed command line may
// run, before anything is opened, created or read; it also sets the global
// flags on c. Every command goes through it (the root's PersistentPreRunE).
//
// Over SSH (c.session set) the server's files are not the remote user's: only
// the table's remote commands run; the options of the server's machine
// (--db, --now, --as, its files) are refused; every file argument must be
// "-", standard input or output, and the refusal says how to write it so.
// Locally, no command writes over the db, its backups folder or the host key.
func (c *cli) admit(entry *command, in input) error {
	c.db, c.now, c.as = in.str("db"), in.str("now"), in.str("as")
	// A command may have a --year of its own (appel init --year): it is not
	// the archive to open.
	if entry == nil || !slices.ContainsFunc(entry.flags, func(o option) bool { return o.name == "year" }) {
		if c.year = in.str("year"); c.year != "" {
			if err := checkYear(c.year); err != nil {
				return err
			}
		}
	}
	if c.session != nil {
		return c.admitRemote(entry, in)
	}
	return c.admitLocal(entry, in)
}

// refusal is a command line refused over SSH: the server logs its reason.
type refusal struct {
	// reason is the log's motif: commande, option or fichier.
	reason string
	text   string
}

func (r *refusal) Error() string { return errUsage.Error() + ": " + r.text }

func (r *refusal) Unwrap() error { return errUsage }

func (c *cli) admitRemote(entry *command, in input) error {
	if entry == nil || !entry.remote {
		return &refusal{"commande", "par SSH, seules ces commandes sont disponibles : " + remoteNames() +
			" (ssh … help : leur aide)"}
	}
	for _, o := range slices.Concat(globalFlags, entry.flags) {
		if !in.changed(o.name) {
			continue
		}
		value := in.flags.Lookup(o.name).Value.String()
		switch {
		case o.local || o.file == serverFile:
			return &refusal{"option", "par SSH, --" + o.name + " n'a pas cours : la commande s'exécute sur la base " +
				"du serveur, à son heure, sous votre compte"}
		case o.file.streamed() && value != "-":
			return &refusal{"fichier", c.streamHint(entry, o.file, "--"+o.name, value)}
		}
	}
	for i, a := range entry.args {
		if i < len(in.args) && a.file.streamed() && in.args[i] != "-" {
			return &refusal{"fichier", c.streamHint(entry, a.file, a.name, in.args[i])}
		}
	}
	return nil
}

// streamHint is the refusal of a path over SSH: it names the argument and
// gives the same command line with "-" and the redirection that does the
// same on the user's own machine.
func (c *cli) streamHint(entry *command, kind fileKind, what, value string) string {
	line := strings.Join(withDash(c.args, value), " ")
	name := safeName(value, kind)
	switch kind {
	case fileIn:
		return "par SSH, appel ne lit aucun fichier du serveur : remplacez " + what + " par « - » et envoyez " +
			"le fichier sur l'entrée standard, ex. ssh … " + line + " < " + name
	case folderIn:
		return "par SSH, appel ne lit aucun dossier du serveur : remplacez " + what + " par « - » et envoyez " +
			"l'archive zip de « export all » sur l'entrée standard, ex. ssh … " + line + " < " + name
	case folderOut:
		return "par SSH, appel n'écrit aucun dossier du serveur : avec " + what + " « - » (ou sans), " +
			entry.path + " envoie une archive zip sur la sortie standard, ex. ssh … " + line + " > " + name
	}
	return "par SSH, appel n'écrit aucun fichier du serveur : remplacez " + what + " par « - » et redirigez " +
		"la sortie standard, ex. ssh … " + line + " > " + name
}

// withDash returns the command line with the value replaced by "-".
func withDash(args []string, value string) []string {
	out := slices.Clone(args)
	for i := len(out) - 1; i >= 0; i-- {
		if out[i] == value {
			out[i] = "-"
			return out
		}
		if name, v, ok := strings.Cut(out[i], "="); ok && v == value && strings.HasPrefix(name, "-") {
			out[i] = name + "=-"
			return out
		}
	}
	return out
}

var plainName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// safeName is the last element of the path the user typed, for the example
// of a refusal, or a placeholder when it is not a plain file name.
func safeName(path string, kind fileKind) string {
	base := path[strings.LastIndex(path, "/")+1:]
	switch {
	case kind == folderIn || kind == folderOut:
		if plainName.MatchString(base + ".zip") {
			return strings.TrimSuffix(base, ".zip") + ".zip"
		}
		return "export.zip"
	case plainName.MatchString(base):
		return base
	}
	return "FICHIER"
}

// admitLocal refuses a file or folder to write that is the db, the host key
// or inside the backups folder.
func (c *cli) admitLocal(entry *command, in input) error {
	if entry == nil {
		return nil
	}
	var targets []string
	for _, o := range entry.flags {
		if v := in.flags.Lookup(o.name).Value.String(); o.file.writes() && v != "" && v != "-" {
			targets = append(targets, v)
		}
	}
	for i, a := range entry.args {
		if i < len(in.args) && a.file.writes() && in.args[i] != "-" {
			targets = append(targets, in.args[i])
		}
	}
	if len(targets) == 0 {
		return nil
	}
	guard, err := c.protected()
	if err != nil {
		return err
	}
	for _, path := range targets {
		if err := guard.check(path); err != nil {
			return err
		}
	}
	return nil
}
