package main

import (
	"context"
	"errors"
	"fmt"
	gossh "golang.org/x/crypto/ssh"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/charmbracelet/ssh"

	"appel/model"
)

// runServe serves the interface over SSH until SIGTERM or SIGINT.
func runServe(c *cli, in input) error {
	o := serveOptions{addr: in.str("addr"), diag: in.str("diag"), idle: in.duration("idle"), fps: in.num("fps"),
		imports: in.str("imports"), grace: in.duration("login-grace"), startups: in.str("max-startups"),
		penaltyMax: in.duration("penalty-max"), perSource: in.num("max-startups-per-source")}
	if _, _, _, err := maxStartups(o.startups); err != nil {
		return err
	}
	if o.fps < 1 || o.fps > 120 {
		return usageErr("--fps %d : entre 1 et 120", o.fps)
	}
	var err error
	if o.hostKey, err = c.hostKeyPath(in.str("host-key")); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	return c.serve(ctx, o)
}

// serveOptions are the flags of appel serve.
type serveOptions struct {
	addr, hostKey, diag, imports string
	idle                         time.Duration
	fps                          int
	// The guards at the door (guard.go).
	grace, penaltyMax time.Duration
	startups          string
	perSource         int
}

func (c *cli) hostKeyPath(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	dir := filepath.Dir(c.db)
	if c.db == "" {
		var err error
		if dir, err = c.dataDir(); err != nil {
			return "", err
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return filepath.Join(dir, hostKeyName), nil
}

// serve runs the SSH server on addr until ctx ends, then stops it gracefully.
func (c *cli) serve(ctx context.Context, o serveOptions) error {
	db, err := c.open()
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Directory(); err != nil {
		return fmt.Errorf("%s : créez d'abord l'établissement (appel init)", model.UserMessage(err))
	}
	now, err := c.clock()
	if err != nil {
		return err
	}
	folder, err := openImports(o.imports)
	if err != nil {
		return err
	}
	if folder != nil {
		defer folder.Close()
	}
	logger := slog.New(slog.NewTextHandler(c.stderr, nil))
	cfg := serverConfig{DB: db, HostKey: o.hostKey, Idle: o.idle, FPS: o.fps, Now: now, Log: logger,
		Imports: folder, Command: remoteCommand(db, logger), Archive: c.year,
		YearEnd: c.yearEndFor(db)}
	guard, err := newDoorGuard(o.grace, o.startups, o.perSource, o.penaltyMax, func(motif string, fields ...any) {
		logger.Warn("refus", append([]any{"motif", motif}, fields...)...)
	})
	if err != nil {
		return err
	}
	cfg.Guard = guard
	backupsDone := closedChan()
	if c.year == "" {
		var loop *backupLoop
		loop, backupsDone = startBackups(ctx, db, now, logger)
		cfg.Health = loop.Health
	}
	srv, err := newServer(cfg)
	if err != nil {
		return err
	}
	if err := os.Chmod(o.hostKey, 0o600); err != nil {
		return fmt.Errorf("clé d'hôte %s : %v", o.hostKey, err)
	}
	if o.diag != "" {
		if err := serveDiag(ctx, o.diag, srv, logger); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("écoute sur %s impossible : %v", o.addr, err)
	}
	var notifier <-chan struct{}
	if c.year == "" {
		notifier = startNotifier(ctx, db, now, logger)
	} else {
		// An archive sends nothing: its year is over.
		closed := make(chan struct{})
		close(closed)
		notifier = closed
		logger.Info("archive en lecture seule", "année", c.year, "comptes", "vie scolaire, direction, administrateurs")
	}
	logger.Info("appel écoute", "adresse", ln.Addr().String(), "base", db.Path(), "clé_hôte", o.hostKey,
		"empreinte_clé_hôte", hostKeyFingerprint(o.hostKey), "gardes", guard.String())
	done := make(chan error, 1)
	go func() { done <- srv.serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	logger.Info("arrêt demandé", "sessions", srv.open())
	stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.stop(stopCtx); err != nil && !errors.Is(err, ssh.ErrServerClosed) {
		logger.Warn("arrêt forcé", "erreur", err)
	}
	<-done
	<-backupsDone
	select {
	case <-notifier:
	case <-stopCtx.Done():
		logger.Warn("arrêt sans attendre la fin de l'envoi d'un avis aux familles")
	}
	logger.Info("serveur arrêté")
	return nil
}

// hostKeyFingerprint is the SHA256 fingerprint of the server's host key,
// the one a teacher compares at the first connection ("" if unreadable).
func hostKeyFingerprint(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return ""
	}
	return gossh.FingerprintSHA256(signer.PublicKey())
}
