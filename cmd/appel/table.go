package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
)

// command is one entry of the command table (commands.go). Everything appel
// knows about a command comes from its entry: the dispatch, `appel help` and
// `appel COMMAND --help`, shell completion, whether it runs over SSH and what
// its file arguments may name (admit.go).
type command struct {
	// path is the command's words after "appel" ("user key add"); "" is
	// appel itself. A missing parent ("user key") is made a group.
	path string
	// args are the positional arguments, in order.
	args []arg
	// flags are the command's own options; globalFlags apply to every command.
	flags []option
	// summary is one French line: what the command does.
	summary string
	// help is more French text for `appel COMMAND --help` (may be empty).
	help string
	// remote: the command also runs over SSH, as the session's account, on
	// the server's db (its file arguments are then "-" only).
	remote bool
	// run does the work; nil makes a group, whose sub-commands do.
	run func(c *cli, in input) error
}

// fileKind says whether, and how, an argument names a file.
type fileKind int

const (
	noFile fileKind = iota
	// fileIn is a file read; "-" is standard input.
	fileIn
	// fileOut is a file written; "-" is standard output.
	fileOut
	// folderIn is a folder read (or the zip archive of `export all`); "-":
	// the archive on standard input.
	folderIn
	// folderOut is a folder written; "-": a zip archive on standard output.
	folderOut
	// serverFile is a file of the server's machine itself (the db, the host
	// key, the imports folder): never given over SSH.
	serverFile
)

// streamed reports whether "-" (a standard stream) stands for the file.
func (k fileKind) streamed() bool { return k >= fileIn && k <= folderOut }

// writes reports whether the command writes the file or folder.
func (k fileKind) writes() bool { return k == fileOut || k == folderOut }

// dash is what "-" means for the kind, as help says it.
func (k fileKind) dash() string {
	switch k {
	case fileIn:
		return "« - » : l'entrée standard"
	case fileOut:
		return "« - » : la sortie standard"
	case folderIn:
		return "« - » : l'archive zip de « export all » sur l'entrée standard"
	case folderOut:
		return "« - » : une archive zip sur la sortie standard"
	}
	return ""
}

// arg is a positional argument.
type arg struct {
	// name is the argument as help shows it: LOGIN, FICHIER.
	name    string
	file    fileKind
	choices []string
	// optional: the argument may be left out (then so may the ones after it).
	optional bool
	// many: the argument takes every word left (it comes last).
	many bool
}

// option is a flag (--name).
type option struct {
	name string
	// value is the value as help shows it (DATE, csv|ods); "" makes a
	// switch (a bool flag).
	value string
	// def is the default: a string, an int or a time.Duration (nil: "" or false).
	def   any
	usage string
	// defText is the default as help says it, when it is not def itself
	// ("la sortie standard"); help shows neither when both are empty.
	defText string
	// choices are the only values accepted (case aside), for help and completion.
	choices  []string
	file     fileKind
	required bool
	// local: the option belongs to the machine that runs appel; over SSH it
	// is refused (--db, --now).
	local bool
}

// bind declares the option on fs.
func (o option) bind(fs *pflag.FlagSet) {
	switch d := o.def.(type) {
	case nil:
		if o.value == "" {
			fs.Bool(o.name, false, o.usage)
		} else {
			fs.String(o.name, "", o.usage)
		}
	case string:
		fs.String(o.name, d, o.usage)
	case int:
		fs.Int(o.name, d, o.usage)
	case time.Duration:
		fs.Duration(o.name, d, o.usage)
	default:
		panic(fmt.Sprintf("option --%s: default of type %T", o.name, o.def))
	}
}

// defaultText is the default as help shows it, "" when there is none to say.
func (o option) defaultText() string {
	if o.defText != "" {
		return o.defText
	}
	switch d := o.def.(type) {
	case string:
		return d
	case int:
		return fmt.Sprint(d)
	case time.Duration:
		return shortDuration(d)
	}
	return ""
}

// shortDuration writes 15m0s as 15m and 1h0m0s as 1h.
func shortDuration(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "m0s")
	if s != d.String() {
		s += "m"
	}
	if t := strings.TrimSuffix(s, "h0m"); t != s {
		s = t + "h"
	}
	return s
}

// input is a parsed command line: the positional arguments and every flag
// (the command's own and the global ones).
type input struct {
	args  []string
	flags *pflag.FlagSet
}

// arg returns the i-th positional argument, "" when absent.
func (in input) arg(i int) string {
	if i < len(in.args) {
		return in.args[i]
	}
	return ""
}

func (in input) str(name string) string {
	v, err := in.flags.GetString(name)
	mustFlag(name, err)
	return v
}

func (in input) on(name string) bool {
	v, err := in.flags.GetBool(name)
	mustFlag(name, err)
	return v
}

func (in input) num(name string) int {
	v, err := in.flags.GetInt(name)
	mustFlag(name, err)
	return v
}

func (in input) duration(name string) time.Duration {
	v, err := in.flags.GetDuration(name)
	mustFlag(name, err)
	return v
}

// changed reports whether the command line gave the flag.
func (in input) changed(name string) bool { return in.flags.Changed(name) }

// mustFlag stops on a flag that the command's entry does not declare: a
// mistake in the table, which the tests over every command find.
func mustFlag(name string, err error) {
	if err != nil {
		panic(fmt.Sprintf("flag --%s: %v", name, err))
	}
}

// words splits a command's path into its words.
func (cmd *command) words() []string { return strings.Fields(cmd.path) }

// name is the command as the user types it: "appel user key add".
func (cmd *command) name() string { return strings.TrimSpace("appel " + cmd.path) }

// usage is the command's synopsis, generated from its entry:
// appel stats [--from DATE] … [--out FICHIER].
func (cmd *command) usage() string {
	parts := []string{cmd.name()}
	for _, a := range cmd.args {
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
	for _, o := range cmd.flags {
		shown := "--" + o.name
		if o.value != "" {
			shown += " " + o.value
		}
		if !o.required {
			shown = "[" + shown + "]"
		}
		parts = append(parts, shown)
	}
	return strings.Join(parts, " ")
}

// checkArgs checks the number of positional arguments and their choices.
func (cmd *command) checkArgs(args []string) error {
	required := 0
	for _, a := range cmd.args {
		if !a.optional {
			required++
		}
	}
	most := len(cmd.args)
	if most > 0 && cmd.args[most-1].many {
		most = len(args)
	}
	if len(args) < required || len(args) > most {
		return usageErr("%s", cmd.usage())
	}
	for i, v := range args {
		if a := cmd.args[min(i, len(cmd.args)-1)]; len(a.choices) > 0 && !oneOf(v, a.choices) {
			return usageErr("%s : %q inconnu (%s)", cmd.name(), v, strings.Join(a.choices, ", "))
		}
	}
	return nil
}

// checkFlags checks the required flags and the choices of the given ones.
func (cmd *command) checkFlags(in input) error {
	for _, o := range cmd.flags {
		switch {
		case o.required && !in.changed(o.name):
			return usageErr("%s : --%s manque (%s)", cmd.name(), o.name, cmd.usage())
		case len(o.choices) > 0 && in.changed(o.name) && !oneOf(in.flags.Lookup(o.name).Value.String(), o.choices):
			return usageErr("%s : --%s %q inconnu (%s)", cmd.name(), o.name,
				in.flags.Lookup(o.name).Value.String(), strings.Join(o.choices, ", "))
		}
	}
	return nil
}

func oneOf(v string, choices []string) bool {
	return slices.ContainsFunc(choices, func(c string) bool { return strings.EqualFold(c, v) })
}
