package main

import (
	"errors"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// globalFlags apply to every command.
var globalFlags = []option{
	{name: "db", value: "FICHIER", usage: "fichier de la base", defText: "appel.db dans le dossier de données",
		file: serverFile, local: true},
	{name: "now", value: "DATE", usage: "horloge fixe, ex. 2026-11-23T08:05, à l'heure de l'établissement",
		defText: "l'heure réelle", local: true},
	{name: "year", value: "AAAA-AAAA", usage: "ouvre l'archive d'une année close, en lecture seule, ex. 2026-2027",
		defText: "l'année en cours", local: true},
	{name: "as", value: "LOGIN", usage: "le compte sous lequel ouvrir l'interface", defText: "choisi à l'ouverture",
		local: true},
}

// helpFlag is the -h, --help of every command.
const helpFlag = "help"

// tree is the command table turned into cobra commands for one invocation.
type tree struct {
	root *cobra.Command
	// entries maps each cobra command to its entry (groups have one too).
	entries map[*cobra.Command]*command
}

// buildTree makes the cobra commands of table, bound to c: each runs its
// entry once admit has accepted its command line.
func (c *cli) buildTree(table []command) *tree {
	t := &tree{entries: map[*cobra.Command]*command{}}
	byPath := map[string]*cobra.Command{}
	for _, entry := range withGroups(table) {
		cc := c.cobraCommand(entry)
		t.entries[cc] = entry
		byPath[entry.path] = cc
		switch {
		case entry.path == "":
			t.root = cc
		case entry.path == "help":
			t.root.SetHelpCommand(cc)
		default:
			words := entry.words()
			byPath[strings.Join(words[:len(words)-1], " ")].AddCommand(cc)
		}
	}
	root := t.root
	root.SilenceErrors, root.SilenceUsage = true, true
	root.CompletionOptions.DisableDefaultCmd = true
	for _, o := range globalFlags {
		o.bind(root.PersistentFlags())
	}
	root.PersistentFlags().BoolP(helpFlag, "h", false, "l'aide de la commande")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err) })
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) { c.writeHelp(t, cmd) })
	root.SetUsageFunc(func(cmd *cobra.Command) error { c.writeHelp(t, cmd); return nil })
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		return c.admit(t.entries[cmd], input{args: args, flags: cmd.Flags()})
	}
	return t
}

// cobraCommand is one entry as a cobra command.
func (c *cli) cobraCommand(entry *command) *cobra.Command {
	words := entry.words()
	use := "appel"
	if len(words) > 0 {
		use = words[len(words)-1]
	}
	cc := &cobra.Command{Use: use, Short: entry.summary}
	for _, o := range entry.flags {
		o.bind(cc.Flags())
		completeFlag(cc, o)
	}
	cc.ValidArgsFunction = completeArgs(entry)
	cc.Args = func(cmd *cobra.Command, args []string) error {
		if entry.run == nil || entry.path == "" && len(args) > 0 {
			return groupArgs(cmd, args)
		}
		if err := entry.checkArgs(args); err != nil {
			return err
		}
		return entry.checkFlags(input{args: args, flags: cmd.Flags()})
	}
	cc.RunE = func(cmd *cobra.Command, args []string) error {
		if entry.run == nil {
			return usageErr("%s : précisez une commande (%s ; appel help %s)", entry.name(), subNames(cmd), entry.path)
		}
		return entry.run(c, input{args: args, flags: cmd.Flags()})
	}
	return cc
}

// groupArgs refuses a word after a group that is none of its commands.
func groupArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if !cmd.HasParent() {
		return usageErr("commande inconnue %q (appel help : la liste des commandes)", args[0])
	}
	return usageErr("%s : commande inconnue %q (%s)", cmd.CommandPath(), args[0], subNames(cmd))
}

func subNames(cmd *cobra.Command) string {
	var names []string
	for _, sub := range cmd.Commands() {
		if !sub.Hidden {
			names = append(names, sub.Name())
		}
	}
	return strings.Join(names, ", ")
}

// withGroups returns the entries with one made for every missing parent
// ("user key" for "user key add"), parents before their children.
func withGroups(table []command) []*command {
	have := map[string]bool{}
	for _, e := range table {
		have[e.path] = true
	}
	var out []*command
	for i := range table {
		e := &table[i]
		words := e.words()
		for n := 0; n < len(words); n++ {
			if p := strings.Join(words[:n], " "); !have[p] {
				have[p] = true
				out = append(out, &command{path: p})
			}
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b *command) int { return len(a.words()) - len(b.words()) })
	for _, g := range out {
		if g.run == nil && g.summary == "" {
			g.summary = groupSummary(g, out)
		}
		if g.run == nil {
			g.remote = slices.ContainsFunc(out, func(e *command) bool { return e.remote && isUnder(e, g) })
		}
	}
	return out
}

// isUnder reports whether e is a command of the group g.
func isUnder(e, g *command) bool { return strings.HasPrefix(e.path, g.path+" ") }

// groupSummary describes a group that has no entry of its own by its commands.
func groupSummary(g *command, all []*command) string {
	var names []string
	for _, e := range all {
		if isUnder(e, g) && len(e.words()) == len(g.words())+1 {
			names = append(names, e.words()[len(g.words())])
		}
	}
	return "commandes " + strings.Join(names, ", ")
}

// flagError turns the flag parser's errors into one French line.
func flagError(err error) error {
	var unknown *pflag.NotExistError
	var missing *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &unknown) && unknown.GetSpecifiedShortnames() != "":
		return usageErr("option -%s inconnue (les options s'écrivent avec deux tirets : --%s)",
			unknown.GetSpecifiedShortnames(), unknown.GetSpecifiedShortnames())
	case errors.As(err, &unknown):
		return usageErr("option --%s inconnue (appel help : les options de chaque commande)", unknown.GetSpecifiedName())
	case errors.As(err, &missing):
		return usageErr("l'option --%s attend une valeur", missing.GetFlag().Name)
	case errors.As(err, &invalid):
		return usageErr("--%s %q : valeur illisible", invalid.GetFlag().Name, invalid.GetValue())
	case errors.As(err, &syntax):
		return usageErr("option %q mal écrite", syntax.GetSpecifiedFlag())
	}
	return usageErr("ligne de commande illisible : %v", err)
}

// dispatch parses args with the command table and runs the command.
func (c *cli) dispatch(args []string) error {
	t := c.buildTree(commandTable())
	if args == nil {
		args = []string{}
	}
	t.root.SetArgs(args)
	t.root.SetOut(c.stdout)
	t.root.SetErr(c.stderr)
	t.root.SetIn(c.stdin)
	_, err := t.root.ExecuteC()
	return err
}

// remoteNames lists the commands that run over SSH, by their first word.
func remoteNames() string {
	var names []string
	for _, e := range withGroups(commandTable()) {
		if w := e.words(); e.remote && len(w) == 1 {
			names = append(names, w[0])
		}
	}
	return strings.Join(names, ", ")
}
