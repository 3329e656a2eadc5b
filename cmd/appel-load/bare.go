package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os/signal"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
)

// runBare serves the smallest wish + Bubble Tea program: any public key is
// let in, and one model redraws one line per key. It is the floor that
// appel's figures are compared with, started and driven the same way.
func runBare(args []string) error {
	fs := flag.NewFlagSet("bare", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:2223", "adresse d'écoute")
	hostKey := fs.String("host-key", "bare_host_ed25519", "clé d'hôte")
	fps := fs.Int("fps", 60, "images par seconde")
	if err := fs.Parse(args); err != nil {
		return err
	}
	srv, err := wish.NewServer(
		wish.WithAddress(*addr),
		wish.WithHostKeyPath(*hostKey),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(
			bm.MiddlewareWithProgramHandler(func(sess ssh.Session) *tea.Program {
				opts := append(bm.MakeOptions(sess), tea.WithAltScreen(), tea.WithFPS(*fps))
				return tea.NewProgram(counter{}, opts...)
			}, termenv.Ascii),
			activeterm.Middleware(),
		),
	)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, ssh.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return nil
}

// counter counts the keys it receives; q quits.
type counter struct{ keys int }

func (c counter) Init() tea.Cmd { return nil }

func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		if k.String() == "q" {
			return c, tea.Quit
		}
		c.keys++
	}
	return c, nil
}

func (c counter) View() string { return fmt.Sprintf("touches : %d ·\n", c.keys) }
