package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// runCompletion writes the completion script of a shell (bash, zsh, fish).
func runCompletion(c *cli, in input) error {
	root := c.buildTree(commandTable()).root
	switch strings.ToLower(in.arg(0)) {
	case "bash":
		return root.GenBashCompletionV2(c.stdout, true)
	case "zsh":
		return root.GenZshCompletion(c.stdout)
	default:
		return root.GenFishCompletion(c.stdout, true)
	}
}

// completeFlag tells the shell what the option's values are: its choices,
// a file or a folder, or nothing it can guess.
func completeFlag(cc *cobra.Command, o option) {
	switch {
	case len(o.choices) > 0:
		_ = cc.RegisterFlagCompletionFunc(o.name, cobra.FixedCompletions(o.choices, cobra.ShellCompDirectiveNoFileComp))
	case o.file == folderIn || o.file == folderOut:
		_ = cc.MarkFlagDirname(o.name)
	case o.file != noFile:
		_ = cc.MarkFlagFilename(o.name)
	case o.value != "":
		_ = cc.RegisterFlagCompletionFunc(o.name, cobra.NoFileCompletions)
	}
}

// completeArgs completes the positional arguments of entry: the choices,
// files, or nothing.
func completeArgs(entry *command) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(entry.args) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		a := entry.args[min(len(args), len(entry.args)-1)]
		switch {
		case len(args) >= len(entry.args) && !a.many:
			return nil, cobra.ShellCompDirectiveNoFileComp
		case len(a.choices) > 0:
			return a.choices, cobra.ShellCompDirectiveNoFileComp
		case a.file == folderIn || a.file == folderOut:
			return nil, cobra.ShellCompDirectiveFilterDirs
		case a.file != noFile:
			return nil, cobra.ShellCompDirectiveDefault
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}
