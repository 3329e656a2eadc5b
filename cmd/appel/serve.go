package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/charmbracelet/ssh"

	"appel/model"
	"appel/tui"
)

// runServe serves the interface over SSH until SIGTERM or SIGINT.
func runServe(c *cli, args []string) error {
	var addr, hostKey, diag string
	var idle time.Duration
	var fps int
	rest, err := c.parseGlobal("serve", args, func(fs *flag.FlagSet) {
		fs.StringVar(&addr, "addr", "127.0.0.1:2222", "adresse d'écoute HÔTE:PORT")
		fs.StringVar(&hostKey, "host-key", "", "clé d'hôte (créée au premier démarrage ; défaut : host_ed25519 dans le dossier de données)")
		fs.DurationVar(&idle, "idle", tui.DefaultIdle, "fermeture d'une session sans frappe après cette durée")
		fs.StringVar(&diag, "diag", "", "diagnostics (JSON, profils Go) sur cette adresse locale, 127.0.0.1:PORT")
		fs.IntVar(&fps, "fps", 60, "images par seconde au plus, par session (1 à 120)")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("appel serve [--addr HÔTE:PORT] [--host-key FICHIER] [--idle 15m] [--fps 60] [--diag 127.0.0.1:PORT]")
	}
	if fps < 1 || fps > 120 {
		return usageErr("--fps %d : entre 1 et 120", fps)
	}
	if hostKey, err = c.hostKeyPath(hostKey); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	return c.serve(ctx, serveOptions{addr: addr, hostKey: hostKey, idle: idle, fps: fps, diag: diag})
}

// serveOptions are the flags of appel serve.
type serveOptions struct {
	addr, hostKey, diag string
	idle                time.Duration
	fps                 int
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
	return filepath.Join(dir, "host_ed25519"), nil
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
	logger := slog.New(slog.NewTextHandler(c.stderr, nil))
	srv, err := newServer(serverConfig{DB: db, HostKey: o.hostKey, Idle: o.idle, FPS: o.fps, Now: now, Log: logger,
		Command: remoteCommand(db)})
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
	logger.Info("appel écoute", "adresse", ln.Addr().String(), "base", db.Path(), "clé_hôte", o.hostKey)
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
	logger.Info("serveur arrêté")
	return nil
}
