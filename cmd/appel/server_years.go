package main

import (
	"errors"
	"os"
	"regexp"
	"sync"

	"github.com/charmbracelet/ssh"

	"appel/model"
	"appel/storage"
)

// pastUser is an SSH user name that asks for an ended year: LOGIN+2026-2027.
var pastUser = regexp.MustCompile(`^(.+)\+(\d{4}-\d{4})$`)

// splitUser reads an SSH user name: the account, and the ended year asked
// for ("" for the current year).
func splitUser(user string) (login, year string) {
	if m := pastUser.FindStringSubmatch(user); m != nil && checkYear(m[2]) == nil {
		return m[1], m[2]
	}
	return user, ""
}

// pastYears are the archives a server opens, read-only, for the sessions
// that ask for an ended year (ssh LOGIN+2026-2027@host); each is opened once
// and closed with the server.
type pastYears struct {
	// dbPath is the current year's db: the archives are beside it.
	dbPath string
	mu     sync.Mutex
	open   map[string]*storage.DB
}

// get opens (once) the archive of year.
func (p *pastYears) get(year string) (*storage.DB, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if db, ok := p.open[year]; ok {
		return db, nil
	}
	path := archivePath(p.dbPath, year)
	if _, err := os.Stat(path); err != nil {
		return nil, model.NotFound("aucune archive de l'année %s sur ce serveur", year)
	}
	// A damaged archive must not take the server down with it: a spoiled
	// page number is a memory fault in bbolt that no recover catches.
	if err := checkArchive(path); err != nil {
		return nil, model.Invalid("l'archive de l'année %s est endommagée sur ce serveur : prévenez l'administrateur "+
			"(appel check sur le serveur)", year)
	}
	db, err := storage.OpenArchive(path, storage.Options{})
	if err != nil {
		return nil, err
	}
	if p.open == nil {
		p.open = map[string]*storage.DB{}
	}
	p.open[year] = db
	return db, nil
}

// close closes every archive opened.
func (p *pastYears) close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	for _, db := range p.open {
		errs = append(errs, db.Close())
	}
	p.open = nil
	return errors.Join(errs...)
}

// mayReadPast reports whether the account of the live directory may open
// the ended year: one who reads statistics (vie scolaire, direction,
// administrators), known in that year too.
func (s *server) mayReadPast(login, year string) bool {
	dir, err := s.cfg.DB.Directory()
	if err != nil {
		return false
	}
	acc, ok := dir.Account(login)
	if !ok || acc.Disabled || !model.PolicyFor(acc).Allows(model.PermStats) {
		return false
	}
	db, err := s.past.get(year)
	if err != nil {
		return false
	}
	old, err := db.Directory()
	if err != nil {
		return false
	}
	_, known := old.Account(login)
	return known
}

// yearOf returns the session's ended year ("" for the current one).
func yearOf(sess ssh.Session) string {
	y, _ := sess.Context().Value(yearKey).(string)
	return y
}

const yearKey ctxKey = "appel-year"
