package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"syscall"
	"time"

	"appel/model"
	"appel/storage"
	"appel/storage/backups"
	"appel/tui"
)

// backupLoop is appel serve's automatic backups: one when the server starts,
// then one every backup.every (read again before each, so that a change of
// the setting applies without a restart), each verified before it takes its
// name, then the rotation. What it last did is the screens' ServerHealth.
type backupLoop struct {
	db  *storage.DB
	svc *model.Service
	now func() time.Time
	log *slog.Logger

	mu     sync.Mutex
	health tui.ServerHealth
}

// startBackups runs the loop until ctx ends; done closes when it has.
func startBackups(ctx context.Context, db *storage.DB, now func() time.Time, log *slog.Logger) (*backupLoop, <-chan struct{}) {
	b := &backupLoop{db: db, now: now, log: log,
		svc: model.NewSystemService(db, model.Actor{Login: "appel:sauvegarde", Session: "backup", Addr: "local"}, now)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.run(ctx)
	}()
	return b, done
}

// idleEvery is how often the loop looks at the setting while backups are off.
const idleEvery = time.Minute

func (b *backupLoop) run(ctx context.Context) {
	for {
		every := b.once()
		if every <= 0 {
			every = idleEvery
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// once writes one backup if backups are on, rotates, measures the disk, and
// returns the interval to the next.
func (b *backupLoop) once() time.Duration {
	set, err := b.svc.Settings()
	if err != nil {
		b.log.Error("sauvegarde : réglages illisibles", "erreur", err)
		return 0
	}
	dir := backupDir(b.db.Path(), set.Text(model.SettingBackupDir))
	every := set.Duration(model.SettingBackupEvery)
	b.measureDisk(dir, int64(set.Int(model.SettingDiskWarn)))
	if every <= 0 {
		return 0
	}
	dirInfo, err := b.db.Directory()
	if err != nil {
		b.log.Error("sauvegarde impossible : aucun établissement", "erreur", err)
		return every
	}
	now := b.now().In(dirInfo.Location())
	start := time.Now()
	saved, err := backups.Write(b.db, dir, dirInfo.School.UAI, now)
	switch {
	case errors.Is(err, backups.ErrCopyDamaged):
		b.log.Error("sauvegarde endommagée, mise de côté : la précédente reste la dernière bonne", "dossier", dir, "erreur", err)
		b.note(func(h *tui.ServerHealth) { h.Damaged++ })
		return every
	case err != nil:
		b.log.Error("sauvegarde impossible", "dossier", dir, "erreur", err)
		b.note(func(h *tui.ServerHealth) { h.Failed = true })
		return every
	}
	b.log.Info("sauvegarde vérifiée", "fichier", saved.Path, "durée_ms", time.Since(start).Milliseconds())
	b.note(func(h *tui.ServerHealth) { h.LastBackup, h.Failed = saved.At, false })
	removed, err := backups.Rotate(dir, now, backups.Policy{Days: set.Int(model.SettingBackupKeep), Ends: termEnds(dirInfo.School)})
	if err != nil {
		b.log.Warn("rotation des sauvegardes", "erreur", err)
	}
	if len(removed) > 0 {
		b.log.Info("rotation des sauvegardes", "supprimées", len(removed))
	}
	return every
}

// termEnds are the last days of the school's periods and of its year.
func termEnds(s model.School) []time.Time {
	loc := time.Local
	var out []time.Time
	for _, p := range s.Periods {
		out = append(out, p.To.Time(0, loc))
	}
	if !s.YearEnd.IsZero() {
		out = append(out, s.YearEnd.Time(0, loc))
	}
	return out
}

// measureDisk notes the free space of the backups' disk (the db's, by
// default) and the threshold under which the administrator is warned.
func (b *backupLoop) measureDisk(dir string, warnMB int64) {
	var st syscall.Statfs_t
	if syscall.Statfs(dir, &st) != nil && syscall.Statfs(b.db.Path(), &st) != nil {
		return
	}
	free := int64(st.Bavail) * int64(st.Bsize) / (1 << 20)
	b.note(func(h *tui.ServerHealth) { h.FreeMB, h.WarnMB = free, warnMB })
	if free < warnMB {
		b.log.Warn("espace disque faible", "libre_mo", free, "seuil_mo", warnMB)
	}
}

func (b *backupLoop) note(change func(*tui.ServerHealth)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	change(&b.health)
	b.health.Known = true
}

// Health is what the loop last found, for the screens.
func (b *backupLoop) Health() tui.ServerHealth {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.health
}

// closedChan is a channel already closed: a loop that never ran.
func closedChan() <-chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}
