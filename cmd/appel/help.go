package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// runHelp prints `appel help` (every command) or one command's help.
func runHelp(c *cli, in input) error {
	t := c.buildTree(commandTable())
	cmd, rest, err := t.root.Find(in.args)
	if err != nil || len(rest) > 0 || t.entries[cmd] == nil {
		return usageErr("appel help : commande inconnue %q (appel help : la liste des commandes)", strings.Join(in.args, " "))
	}
	c.writeHelp(t, cmd)
	return nil
}

// writeHelp prints the help of cmd: the list of commands for appel itself,
// a group's commands, or a command's synopsis, arguments and options. Over
// SSH it shows what runs over SSH only.
func (c *cli) writeHelp(t *tree, cmd *cobra.Command) {
	entry := t.entries[cmd]
	switch {
	case entry == nil || entry.path == "":
		c.writeOverview(t)
	case entry.run == nil:
		c.writeGroup(entry)
	default:
		c.writeCommand(entry)
	}
}

// shown lists the entries that help shows here, in the table's order.
func (c *cli) shown(under *command) []*command {
	var out []*command
	for _, e := range commandsOf(commandTable()) {
		if e.run != nil && (under == nil || isUnder(e, under)) && (c.session == nil || e.remote) {
			out = append(out, e)
		}
	}
	return out
}

// commandsOf returns pointers to the entries of table, in its order.
func commandsOf(table []command) []*command {
	out := make([]*command, len(table))
	for i := range table {
		out[i] = &table[i]
	}
	return out
}

func (c *cli) writeOverview(t *tree) {
	w := c.stdout
	if c.session != nil {
		fmt.Fprintln(w, "appel par SSH : ssh -p PORT compte@hôte COMMANDE, sous le compte de votre clé, sur la base du serveur.")
		fmt.Fprintln(w, "Les fichiers passent par l'entrée et la sortie standard : « - » à la place d'un chemin.")
	} else {
		fmt.Fprintln(w, "appel : l'appel et le suivi des absences, sur ce terminal ou par SSH.")
		fmt.Fprintln(w, "Usage : appel [COMMANDE] [OPTIONS]")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commandes :")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range c.shown(nil) {
		fmt.Fprintf(tw, "  %s\t%s\n", e.synopsis(), e.summary)
	}
	tw.Flush()
	fmt.Fprintln(w)
	if root := t.entries[t.root]; c.session == nil && len(root.flags) > 0 {
		fmt.Fprintln(w, "Options de appel seul (l'interface sur ce terminal) :")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, o := range root.flags {
			fmt.Fprintln(tw, optionLine(o))
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	c.writeGlobals(w)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "appel help COMMANDE, ou appel COMMANDE --help : ce que fait la commande, ses options, leurs valeurs par défaut.")
	if c.session == nil {
		fmt.Fprintf(w, "Par SSH (ssh -p PORT compte@hôte COMMANDE, pendant que « appel serve » tourne) : %s ;\n", remoteNames())
		fmt.Fprintln(w, "les fichiers y passent par l'entrée et la sortie standard (« - » à la place d'un chemin).")
	}
}

func (c *cli) writeGroup(group *command) {
	w := c.stdout
	fmt.Fprintf(w, "%s COMMANDE\n\n%s.\n\nCommandes :\n", group.name(), capitalize(group.summary))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range c.shown(group) {
		fmt.Fprintf(tw, "  %s\t%s\n", e.synopsis(), e.summary)
	}
	tw.Flush()
	fmt.Fprintln(w)
	c.writeGlobals(w)
}

func (c *cli) writeCommand(e *command) {
	w := c.stdout
	fmt.Fprintf(w, "%s\n\n%s.\n", e.usage(), capitalize(e.summary))
	if e.help != "" {
		fmt.Fprintln(w, e.help)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if lines := argLines(e); len(lines) > 0 {
		fmt.Fprintln(tw, "\nArguments :")
		for _, l := range lines {
			fmt.Fprintln(tw, l)
		}
	}
	if len(e.flags) > 0 {
		fmt.Fprintln(tw, "\nOptions :")
		for _, o := range e.flags {
			fmt.Fprintln(tw, optionLine(o))
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
	c.writeGlobals(w)
	fmt.Fprintln(w)
	fmt.Fprintln(w, remoteLine(e))
}

// writeGlobals lists the options of every command (over SSH, none is
// available but --help).
func (c *cli) writeGlobals(w io.Writer) {
	if c.session != nil {
		fmt.Fprintln(w, "Option de toutes les commandes : -h, --help (l'aide de la commande).")
		return
	}
	fmt.Fprintln(w, "Options de toutes les commandes :")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, o := range globalFlags {
		fmt.Fprintln(tw, optionLine(o))
	}
	fmt.Fprintln(tw, "  -h, --help\tl'aide de la commande")
	tw.Flush()
}

// synopsis is the command and its positional arguments: appel user key add LOGIN.
func (e *command) synopsis() string {
	parts := []string{e.name()}
	for _, a := range e.args {
		shown := a.name
		if len(a.choices) > 0 {
			shown = strings.Join(a.choices, "|")
		}
		if a.many {
			shown += "…"
		}
		if a.optional {
			shown = "[" + shown + "]"
		}
		parts = append(parts, shown)
	}
	return strings.Join(parts, " ")
}

// argLines describes the arguments that name a file.
func argLines(e *command) []string {
	var lines []string
	for _, a := range e.args {
		if a.file.streamed() {
			lines = append(lines, fmt.Sprintf("  %s\t%s ; %s", a.name, fileWords(a.file), a.file.dash()))
		}
	}
	return lines
}

// fileWords says what a file argument is.
func fileWords(k fileKind) string {
	switch k {
	case fileIn:
		return "le fichier à lire"
	case fileOut:
		return "le fichier à écrire"
	case folderIn:
		return "le dossier de « export all », ou son archive zip"
	case folderOut:
		return "le dossier à écrire"
	}
	return ""
}

// optionLine is one option as help lists it, with its default in French.
func optionLine(o option) string {
	left := "  --" + o.name
	if o.value != "" {
		left += " " + o.value
	}
	text := o.usage
	if o.file.streamed() {
		text += " ; " + o.file.dash()
	}
	if o.required {
		text += " (nécessaire)"
	}
	if d := o.defaultText(); d != "" {
		text += " (défaut : " + d + ")"
	}
	if o.local {
		text += " ; pas par SSH"
	}
	return left + "\t" + text
}

// remoteLine says whether and how the command runs over SSH.
func remoteLine(e *command) string {
	if !e.remote {
		return "Par SSH : non, sur la machine du serveur seulement."
	}
	for _, o := range e.flags {
		if o.file.writes() {
			return "Par SSH : oui, sous le compte de la clé ; --" + o.name + " - écrit sur la sortie standard : ssh … " +
				e.path + " --" + o.name + " - > FICHIER"
		}
		if o.file.streamed() {
			return "Par SSH : oui, sous le compte de la clé ; --" + o.name + " - lit l'entrée standard : ssh … " +
				e.path + " --" + o.name + " - < FICHIER"
		}
	}
	for _, a := range e.args {
		if a.file.writes() {
			return "Par SSH : oui, sous le compte de la clé ; " + a.name + " « - » seulement : ssh … " + e.path + " - > FICHIER"
		}
		if a.file.streamed() {
			return "Par SSH : oui, sous le compte de la clé ; " + a.name + " « - » seulement : ssh … " + e.path + " - < FICHIER"
		}
	}
	return "Par SSH : oui, sous le compte de la clé (ssh -p PORT compte@hôte " + e.path + " …)."
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
