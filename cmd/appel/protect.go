package main

import (
	"os"
	"path/filepath"
	"strings"
)

// backupsFolder is the folder, beside the db, that holds the server's
// backups; no command writes into it.
const backupsFolder = "sauvegardes"

// hostKeyName is the host key's file, beside the db, unless serve --host-key.
const hostKeyName = "host_ed25519"

// protectedPaths are what no command writes over, whatever the mode: the
// open db, the host key and the backups folder (with everything in it).
type protectedPaths struct {
	db, hostKey, backups string
}

// protected returns the protected paths of the db that c opens.
func (c *cli) protected() (protectedPaths, error) {
	db, err := c.dbFile("appel.db")
	if err != nil {
		return protectedPaths{}, err
	}
	dir := filepath.Dir(db)
	return protectedPaths{db: db, hostKey: filepath.Join(dir, hostKeyName), backups: filepath.Join(dir, backupsFolder)}, nil
}

// check refuses path when it is, or leads to, a protected file: paths are
// compared resolved (absolute, symbolic links followed), and by identity
// (hard links) where both exist.
func (p protectedPaths) check(path string) error {
	switch {
	case samePath(path, p.db):
		return usageErr("%s est la base ouverte : appel n'écrit jamais par-dessus ; choisissez un autre fichier", path)
	case samePath(path, p.hostKey):
		return usageErr("%s est la clé d'hôte du serveur : appel n'écrit jamais par-dessus ; choisissez un autre fichier", path)
	case within(path, p.backups):
		return usageErr("%s est dans le dossier des sauvegardes (%s) : appel n'y écrit que ses sauvegardes ; choisissez un autre endroit", path, backupsFolder)
	}
	return nil
}

// resolve returns path absolute, with the symbolic links of its longest
// existing part followed (the file itself may not exist yet).
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	rest := ""
	for dir := abs; ; {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	if resolve(a) == resolve(b) {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	p, d := resolve(path), resolve(dir)
	if p == d || strings.HasPrefix(p, d+string(filepath.Separator)) {
		return true
	}
	di, err := os.Stat(dir)
	if err != nil {
		return false
	}
	for at := p; ; at = filepath.Dir(at) {
		if ai, err := os.Stat(at); err == nil && os.SameFile(ai, di) {
			return true
		}
		if filepath.Dir(at) == at {
			return false
		}
	}
}
