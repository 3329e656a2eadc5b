package main

import (
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"time"

	"appel/model"
	"appel/storage"
)

// cli holds the global flags and the standard streams of one invocation.
type cli struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	db     string
	now    string
	as     string
	// year, when set, opens the archive of that ended year, read-only.
	year   string
	getenv func(string) string
	// terminal reports whether a stream is a terminal (progress lines go only there).
	terminal func(io.Writer) bool
	// args is the command line, for messages that repeat it.
	args []string
	// session, when set, is an SSH session's account and the server's store:
	// commands use them instead of opening the db as the machine's operator.
	session *remoteSession
	// creating: the command makes the db a school (appel init), so an empty
	// file is its to fill.
	creating bool
	// openedPath is the db this command opened, or tried to.
	openedPath string
}

// remoteSession is what a command run over SSH works with.
type remoteSession struct {
	svc   *model.Service
	store backuper
	// hostKey is the fingerprint of the server's host key (SHA256:…), "" when unknown.
	hostKey string
}

func newCLI(stdin io.Reader, stdout, stderr io.Writer) *cli {
	return &cli{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, terminal: isTerminal}
}

// clock returns the program's clock: fixed by --now, else real time.
func (c *cli) clock() (func() time.Time, error) {
	if c.now == "" {
		return time.Now, nil
	}
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return nil, err
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, c.now, loc); err == nil {
			return func() time.Time { return t }, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, c.now); err == nil {
		return func() time.Time { return t }, nil
	}
	return nil, usageErr("--now %q illisible (attendu 2026-11-23T08:05)", c.now)
}

// dataDir is $XDG_DATA_HOME/appel or ~/.local/share/appel.
func (c *cli) dataDir() (string, error) {
	if x := c.getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "appel"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("dossier personnel introuvable : indiquez --db")
	}
	return filepath.Join(home, ".local", "share", "appel"), nil
}

// dbFile is --db, or name inside the data directory.
func (c *cli) dbFile(name string) (string, error) {
	if c.db != "" {
		return c.db, nil
	}
	dir, err := c.dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

// dbPath is dbFile, with the data directory created if needed.
func (c *cli) dbPath(name string) (string, error) {
	path, err := c.dbFile(name)
	if err != nil || c.db != "" {
		return path, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("impossible de créer %s : %v", filepath.Dir(path), err)
	}
	return path, nil
}

// open opens the db (appel.db by default).
func (c *cli) open() (*storage.DB, error) { return c.openNamed("appel.db") }

func (c *cli) openNamed(name string) (*storage.DB, error) {
	if c.session != nil {
		return nil, usageErr("cette commande n'est pas disponible par SSH")
	}
	path, err := c.dbPath(name)
	if err != nil {
		return nil, err
	}
	now, err := c.clock()
	if err != nil {
		return nil, err
	}
	if c.year != "" {
		return openArchive(path, c.year, now)
	}
	if err := checkDB(path, c.creating); err != nil {
		return nil, err
	}
	c.openedPath = path
	db, err := storage.Open(path, storage.Options{Timeout: time.Second, Now: now})
	if err == nil {
		c.noteHolder(path)
	}
	return db, err
}

// openArchive opens the archive of year beside the db at path, read-only.
func openArchive(path, year string, now func() time.Time) (*storage.DB, error) {
	archive := archivePath(path, year)
	if _, err := os.Stat(archive); err != nil {
		return nil, model.NotFound("aucune archive de l'année %s : %s n'existe pas", year, archive)
	}
	if err := checkArchive(archive); err != nil {
		return nil, err
	}
	db, err := storage.OpenArchive(archive, storage.Options{Timeout: time.Second, Now: now})
	if err != nil {
		return nil, err
	}
	if s, ok := db.Archived(); !ok || s.Year != year {
		_ = db.Close()
		return nil, model.Invalid("%s n'est pas l'archive de l'année %s", archive, year)
	}
	return db, nil
}

// operator returns the command line's service: every role, audited as the
// machine's user.
func (c *cli) operator(db model.Store) (*model.Service, error) {
	now, err := c.clock()
	if err != nil {
		return nil, err
	}
	name := "inconnu"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	actor := model.Actor{Login: "cli:" + name, Session: fmt.Sprintf("cli-%d", os.Getpid()), Addr: "local"}
	return model.NewSystemService(db, actor, now), nil
}
