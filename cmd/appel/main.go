// Command appel is the roll-call and absence-management tool: it opens the
// interface on this terminal, serves it over SSH, and runs the administration
// commands (accounts, imports, exports, statistics, backups) on the db file.
//
// # The command table
//
// Every command is one entry of the table in commands.go: its words, its
// positional arguments, its options, a French summary, whether it runs over
// SSH, and the function that does the work. From the table come the dispatch
// (cobra), `appel help` and `appel COMMAND --help` (help.go, in French with
// French defaults), shell completion, and the rules of admit.go. To add a
// command, add one entry:
//
//	{path: "settings set", args: []arg{{name: "CLÉ"}, {name: "VALEUR"}},
//		summary: "change un réglage de l'établissement", remote: true, run: runSettingsSet},
//
// and write run, which reads its arguments from its input (in.arg(0),
// in.str("out"), in.on("check")) and does its work through withOperator, so
// that it runs the same locally and over SSH. Nothing else is to be written:
// a parent ("settings") missing from the table becomes a group of its
// commands, and the tests over the table cover the new entry.
//
// An argument or option that names a file says so by its kind (fileIn,
// fileOut, folderIn, folderOut, serverFile); admit then applies the rules:
// over SSH such an argument is "-" only (standard input or output), and the
// refusal says how to write the same command line; locally, nothing is
// written over the db, its backups folder or the host key. A command writes
// a file only through an argument of kind fileOut or folderOut.
package main

import (
	"errors"
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

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newCLI(stdin, stdout, stderr).exec(args)
}

// exec runs a command line and returns the exit status, writing a one-line
// French message on stderr on failure.
func (c *cli) exec(args []string) int {
	c.args = args
	return c.report(c.dispatch(args))
}

// report writes err's one-line French message on stderr and returns the
// exit status: 0 on success, 2 for a refused command line, 3 for a db file
// that must not be opened (damaged, empty, not appel's, newer: then the
// message says how to restore a backup), 1 otherwise.
func (c *cli) report(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintln(c.stderr, "appel : "+oneLine(strings.TrimPrefix(err.Error(), errUsage.Error()+": ")))
		return 2
	}
	if u := (*unusableDB)(nil); errors.As(err, &u) {
		for i, l := range u.lines() {
			if i == 0 {
				l = "appel : " + l
			}
			fmt.Fprintln(c.stderr, oneLine(l))
		}
		return exitDamaged
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
