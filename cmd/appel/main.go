// Command appel is the roll-call and absence-management tool: it opens the
// interface on this terminal, serves it over SSH, and runs the administration
// commands (accounts, imports, exports, statistics, backups) on the db file.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	_ "time/tzdata"

	"appel/model"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is one sub-command: it parses its own flags from args.
type command struct {
	usage string
	run   func(c *cli, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"demo":   {"appel demo [--as LOGIN]", runDemo},
		"init":   {"appel init --demo | --uai CODE --name NOM [--zone A|B|C]", runInit},
		"user":   {"appel user list | add LOGIN --role R --name NOM | key add|list|rm …", runUser},
		"serve":  {"appel serve [--addr HÔTE:PORT] [--host-key FICHIER] [--idle 15m]", runServe},
		"audit":  {"appel audit [--from DATE] [--to DATE] [--login LOGIN] [--limit N]", runAudit},
		"backup": {"appel backup FICHIER (« - » : sortie standard)", runBackup},
		"export": {exportUsage, runExport},
		"stats":  {statsUsage, runStats},
		"import": {importUsage, runImport},
	}
}

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newCLI(stdin, stdout, stderr).exec(args)
}

// exec runs a command line and returns the exit status, writing a one-line
// French message on stderr on failure.
func (c *cli) exec(args []string) int {
	c.args = args
	err := c.dispatch(args)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintln(c.stderr, "appel : "+strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
		return 2
	}
	fmt.Fprintln(c.stderr, "appel : "+oneLine(model.UserMessage(err)))
	return 1
}

// oneLine puts a message on one line, any control or invisible character it
// quotes written as a visible escape.
func oneLine(s string) string { return model.Visible(strings.Join(strings.Fields(s), " ")) }

var errUsage = errors.New("usage")

func usageErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

func (c *cli) dispatch(args []string) error {
	rest, err := c.parseGlobal("appel", args, nil)
	if err != nil {
		return err
	}
	if c.session != nil && (c.db != "" || c.now != "" || len(rest) == 0 || rest[0] == "__refused") {
		return usageErr("par SSH, seules ces commandes sont disponibles, sans --db ni --now : %s", strings.Join(remoteCommands, ", "))
	}
	if len(rest) == 0 {
		return runInterface(c, nil)
	}
	cmd, ok := commands()[rest[0]]
	if !ok {
		return usageErr("commande inconnue %q (demo, init, user, export, serve, import, stats, backup, audit)", rest[0])
	}
	return cmd.run(c, rest[1:])
}
