package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// runArgs runs a command line in this process: stdout, stderr, exit status.
func runArgs(args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

// dispatched lists the command paths that the dispatch runs (groups and
// cobra's hidden commands aside).
func dispatched() []string {
	runs := map[string]bool{}
	for _, e := range commandTable() {
		if e.run != nil {
			runs["appel "+e.path] = true
		}
	}
	var paths []string
	var walk func(*cobra.Command)
	walk = func(cc *cobra.Command) {
		// A command that runs and also has sub-commands (settings slots,
		// settings slots set) is listed as both; a mere group is not.
		if cc.Runnable() && (!cc.HasSubCommands() || runs["appel "+strings.Join(strings.Fields(cc.CommandPath())[1:], " ")]) || !cc.HasParent() {
			paths = append(paths, cc.CommandPath())
		}
		for _, sub := range cc.Commands() {
			if !sub.Hidden {
				walk(sub)
			}
		}
	}
	root := newCLI(nil, nil, nil).buildTree(commandTable()).root
	root.InitDefaultHelpCmd()
	walk(root)
	slices.Sort(paths)
	return paths
}

var commandWord = regexp.MustCompile(`^[a-z]+$`)

// helpCommands lists the command paths that `appel help` shows.
func helpCommands(t *testing.T, help string) []string {
	t.Helper()
	var paths []string
	for _, line := range strings.Split(help, "\n") {
		if !strings.HasPrefix(line, "  appel") {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(line, "  "), "  ")
		var words []string
		for _, w := range strings.Fields(first) {
			if !commandWord.MatchString(w) {
				break
			}
			words = append(words, w)
		}
		paths = append(paths, strings.Join(words, " "))
	}
	slices.Sort(paths)
	return paths
}

// TestHelpListsEveryCommand: every command the dispatch runs is in `appel
// help`, and every command that help lists runs (its --help answers).
func TestHelpListsEveryCommand(t *testing.T) {
	help, errOut, code := runArgs("help")
	if code != 0 || errOut != "" {
		t.Fatalf("appel help: exit %d, %q", code, errOut)
	}
	listed, run := helpCommands(t, help), dispatched()
	if !slices.Equal(listed, run) {
		t.Errorf("appel help lists %q\nthe dispatch runs %q", listed, run)
	}
	if len(run) < 24 {
		t.Errorf("only %d commands: %q", len(run), run)
	}
	for _, path := range listed {
		args := append(strings.Fields(path)[1:], "--help")
		out, errOut, code := runArgs(args...)
		if code != 0 || !strings.HasPrefix(out, path) || errOut != "" {
			t.Errorf("%s --help: exit %d, %q, %q", path, code, out, errOut)
		}
	}
	if rootHelp, _, _ := runArgs("--help"); rootHelp != help {
		t.Errorf("appel --help differs from appel help")
	}
}

// english are words of the help that cobra, pflag or Go's flag package
// write in English.
var english = regexp.MustCompile(`(?i)\b(usage:|usage of|default|flags?:?|help for|available commands|global flags|requested|unknown|invalid|accepts|required|error)\b`)

// TestStatsHelpInFrench: `appel stats --help` and `appel help stats` give
// the synopsis, every option with its French default, and no English.
func TestStatsHelpInFrench(t *testing.T) {
	out, errOut, code := runArgs("stats", "--help")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	for _, want := range []string{
		"appel stats [--from DATE] [--to DATE] [--division CODE] [--by pupil|division|month] [--format csv|ods] [--out FICHIER]",
		"--from DATE", "(défaut : la rentrée)", "--by pupil|division|month", "(défaut : pupil)", "--format csv|ods",
		"(défaut : csv)", "--out FICHIER", "« - » : la sortie standard (défaut : la sortie standard)", "--division CODE",
		"--db FICHIER", "--now DATE", "--as LOGIN", "-h, --help", "Par SSH : oui",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stats --help lacks %q:\n%s", want, out)
		}
	}
	if w := english.FindString(out); w != "" {
		t.Errorf("stats --help says %q:\n%s", w, out)
	}
	if again, _, _ := runArgs("help", "stats"); again != out {
		t.Errorf("appel help stats differs from appel stats --help")
	}
}

// TestEveryHelpInFrench: every entry of the table, groups included, has a
// French help that lists each of its options; over SSH, help lists only
// what runs there.
func TestEveryHelpInFrench(t *testing.T) {
	for _, e := range withGroups(commandTable()) {
		out, errOut, code := runArgs(append(e.words(), "--help")...)
		if code != 0 || errOut != "" || e.summary == "" {
			t.Errorf("%s --help: exit %d, %q, summary %q", e.name(), code, errOut, e.summary)
			continue
		}
		if w := english.FindString(out); w != "" {
			t.Errorf("%s --help says %q:\n%s", e.name(), w, out)
		}
		for _, o := range e.flags {
			if !strings.Contains(out, "--"+o.name) || o.usage == "" {
				t.Errorf("%s --help lacks --%s:\n%s", e.name(), o.name, out)
			}
		}
	}
	var out bytes.Buffer
	c := newCLI(strings.NewReader(""), &out, &out)
	c.session = &remoteSession{}
	if code := c.exec([]string{"help"}); code != 0 {
		t.Fatalf("help over SSH: exit %d, %s", code, out.String())
	}
	shown := map[string]bool{}
	for _, line := range strings.Split(out.String(), "\n") {
		if first, _, ok := strings.Cut(strings.TrimPrefix(line, "  "), "  "); ok && strings.HasPrefix(line, "  appel") {
			shown[first] = true
		}
	}
	for _, e := range commandTable() {
		if e.run != nil && shown[e.synopsis()] != e.remote {
			t.Errorf("help over SSH and %q (remote %v):\n%s", e.name(), e.remote, out.String())
		}
	}
}

// TestCommandLineErrorsInFrench: a wrong command line gets exit status 2 and
// one French line, never the parser's English.
func TestCommandLineErrorsInFrench(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `commande inconnue "frobnicate"`},
		{[]string{"help", "frobnicate"}, `commande inconnue "frobnicate"`},
		{[]string{"user"}, "précisez une commande (add, key, list"},
		{[]string{"user", "key", "frob"}, `commande inconnue "frob" (add, list, rm)`},
		{[]string{"stats", "--frob"}, "option --frob inconnue"},
		{[]string{"stats", "-db", "x"}, "option -db inconnue (les options s'écrivent avec deux tirets : --db)"},
		{[]string{"stats", "--by"}, "l'option --by attend une valeur"},
		{[]string{"stats", "--by", "semaine"}, `--by "semaine" inconnu (pupil, division, month)`},
		{[]string{"serve", "--fps", "vite"}, `--fps "vite" : valeur illisible`},
		{[]string{"serve", "--idle", "longtemps"}, `--idle "longtemps" : valeur illisible`},
		{[]string{"backup"}, "appel backup FICHIER"},
		{[]string{"backup", "a", "b"}, "appel backup FICHIER"},
		{[]string{"user", "add", "x"}, "--role manque"},
		{[]string{"completion", "ksh"}, `"ksh" inconnu (bash, zsh, fish)`},
		{[]string{"export", "all", "--db", filepath.Join(t.TempDir(), "a.db")}, "appel export all --out DOSSIER"},
	}
	for _, c := range cases {
		out, errOut, code := runArgs(c.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, "appel : ") || strings.Count(errOut, "\n") != 1 ||
			!strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q, %q; want 2 and %q on one line", c.args, code, out, errOut, c.want)
		}
		if w := english.FindString(errOut); w != "" {
			t.Errorf("%v says %q: %s", c.args, w, errOut)
		}
	}
}

// TestCompletion: appel completion writes each shell's script, and the
// shell's questions are answered from the table.
func TestCompletion(t *testing.T) {
	for shell, start := range map[string]string{"bash": "# bash completion V2 for appel", "zsh": "#compdef appel",
		"fish": "# fish completion for appel"} {
		if out, errOut, code := runArgs("completion", shell); code != 0 || !strings.HasPrefix(out, start) {
			t.Errorf("completion %s: exit %d, %q, %q", shell, code, out[:min(len(out), 80)], errOut)
		}
	}
	if out, _, _ := runArgs("__complete", "stats", "--by", ""); !strings.HasPrefix(out, "pupil\ndivision\nmonth\n") {
		t.Errorf("completion of --by: %q", out)
	}
	if out, _, _ := runArgs("__complete", "user", "key", ""); !strings.Contains(out, "add\t") || !strings.Contains(out, "rm\t") {
		t.Errorf("completion of user key: %q", out)
	}
}

// TestNeverWritesOverTheDb is issue 19's local refusal: whatever the mode,
// no command writes over the open db, the host key or into the backups
// folder, named directly, through ./ or .., a symbolic link or a hard link.
func TestNeverWritesOverTheDb(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "appel.db")
	inProcess(t, "init", "--uai", "0670001A", "--name", "Collège Test", "--db", db, "--now", "2026-11-23T08:05")
	hostKey := filepath.Join(dir, hostKeyName)
	writeFile(t, hostKey, "clé")
	if err := os.Mkdir(filepath.Join(dir, backupsFolder), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(db, filepath.Join(dir, "lien.db")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, filepath.Join(dir, "dur.db")); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "dataset.json")
	inProcess(t, "init", "--uai", "0670002B", "--name", "Autre", "--db", other, "--now", "2026-11-23T08:05")
	before, otherBefore := fileState(t, db), fileState(t, other)
	entries := func() []string {
		var names []string
		for _, d := range []string{dir, filepath.Join(dir, backupsFolder), filepath.Dir(other)} {
			list, _ := os.ReadDir(d)
			for _, e := range list {
				names = append(names, e.Name())
			}
		}
		return names
	}
	files := entries()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"export", "marks", "--out", db}, "est la base ouverte"},
		{[]string{"export", "seances", "--out", filepath.Join(dir, ".", "appel.db")}, "est la base ouverte"},
		{[]string{"stats", "--out", filepath.Join(dir, "lien.db")}, "est la base ouverte"},
		{[]string{"backup", filepath.Join(dir, "dur.db")}, "est la base ouverte"},
		{[]string{"backup", filepath.Join(dir, backupsFolder, "..", "appel.db")}, "est la base ouverte"},
		{[]string{"export", "explain", "--pupil", "x", "--out", hostKey}, "est la clé d'hôte du serveur"},
		{[]string{"backup", filepath.Join(dir, backupsFolder, "copie.db")}, "dans le dossier des sauvegardes"},
		{[]string{"export", "all", "--out", filepath.Join(dir, backupsFolder)}, "dans le dossier des sauvegardes"},
		{[]string{"export", "all", "--out", filepath.Join(dir, backupsFolder, "export")}, "dans le dossier des sauvegardes"},
	}
	for _, c := range cases {
		_, errOut, code := appelRun(t, "", append(c.args, "--db", db)...)
		if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, errOut, c.want)
		}
	}
	_, errOut, code := appelRun(t, "", "export", "all", "--out", filepath.Dir(other), "--db", other)
	if code != 2 || !strings.Contains(errOut, "dataset.json est la base ouverte") {
		t.Errorf("export all over a db named dataset.json: exit %d, %q", code, errOut)
	}
	if fileState(t, db) != before || fileState(t, other) != otherBefore {
		t.Error("a db changed")
	}
	if after := entries(); !slices.Equal(after, files) {
		t.Errorf("files before %v, after %v", files, after)
	}
	copyPath := filepath.Join(dir, "copie.db")
	if _, errOut, code := appelRun(t, "", "backup", copyPath, "--db", db); code != 0 {
		t.Errorf("a backup beside the db: exit %d, %q", code, errOut)
	}
}

// TestRemoteRefusesWhatIsNotInTheTable: over SSH, cobra's hidden completion
// commands and the local commands are refused like any command that does
// not run there.
func TestRemoteRefusesWhatIsNotInTheTable(t *testing.T) {
	for _, args := range [][]string{{"__complete", "import", ""}, {"__completeNoDesc", ""}, {"completion", "bash"},
		{"serve"}, {"init", "--demo"}, {"demo"}, {"--imports", "/tmp"}} {
		var out, errOut bytes.Buffer
		c := newCLI(strings.NewReader(""), &out, &errOut)
		c.session = &remoteSession{}
		if code := c.exec(args); code != 2 || out.Len() > 0 || !strings.Contains(errOut.String(), "seules ces commandes sont disponibles") {
			t.Errorf("%v over SSH: exit %d, %q, %q", args, code, out.String(), errOut.String())
		}
	}
}
