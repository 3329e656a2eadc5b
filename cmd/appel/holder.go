package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"appel/model"
	"appel/storage"
)

// holder is who holds the db open for writing: the file beside it that an
// appel process writes once it has the db's lock, so that another one
// refused by that lock can say what holds it (the server, or a local
// session) instead of guessing.
type holder struct {
	Command string    `json:"commande"`
	PID     int       `json:"pid"`
	Since   time.Time `json:"depuis"`
}

// holderPath is the file beside the db that names its holder.
func holderPath(db string) string { return db + ".tenue-par" }

// noteHolder records that this process holds db (written after its lock
// is taken; a stale file is told apart by its pid).
func (c *cli) noteHolder(db string) {
	h := holder{Command: "appel " + strings.Join(c.args, " "), PID: os.Getpid(), Since: time.Now()}
	if data, err := json.Marshal(h); err == nil {
		_ = os.WriteFile(holderPath(db), data, 0o600)
	}
}

// currentHolder reads who holds db, when the process it names still runs.
func currentHolder(db string) (holder, bool) {
	var h holder
	data, err := os.ReadFile(holderPath(db))
	if err != nil || json.Unmarshal(data, &h) != nil || h.PID <= 0 {
		return holder{}, false
	}
	if err := syscall.Kill(h.PID, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return holder{}, false
	}
	return h, true
}

// serves reports whether the holder is appel serve.
func (h holder) serves() bool { return strings.HasPrefix(h.Command, "appel serve") }

// lockedHint explains a locked db: when the server holds it, an
// administrator runs the same command through it over SSH; when another
// local appel does (an interface left open), it says which one.
func (c *cli) lockedHint(err error, remote string) error {
	if !errors.Is(err, storage.ErrLocked) {
		return err
	}
	if h, ok := currentHolder(c.openedPath); ok && !h.serves() {
		return &model.Error{Kind: storage.ErrLocked, Message: fmt.Sprintf(
			"la base est ouverte par « %s » (pid %d, depuis %s) : quittez-le (q), puis relancez cette commande",
			h.Command, h.PID, h.Since.Format("02/01 15:04"))}
	}
	return &model.Error{Kind: storage.ErrLocked, Message: fmt.Sprintf(
		"le serveur tient la base : lancez « ssh -p PORT admin@hôte appel %s » (avec un compte autorisé), ou arrêtez le serveur", remote)}
}
