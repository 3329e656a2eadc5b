package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"appel/model"
	"appel/model/imports"
	"appel/storage"
	"appel/tui"
)

// runInterface opens the interface on this terminal on the db (appel.db by default).
func runInterface(c *cli, in input) error {
	db, err := c.open()
	if err != nil {
		return err
	}
	defer db.Close()
	return c.interact(db, in.str("imports"))
}

// openImports opens the imports folder of --imports; "" is none.
func openImports(dir string) (*imports.Folder, error) {
	if dir == "" {
		return nil, nil
	}
	return imports.OpenFolder(dir)
}

// interact asks for an account when --as is not given, then runs the
// interface, its import screen on the imports folder (none when "").
func (c *cli) interact(db *storage.DB, importsDir string) error {
	folder, err := openImports(importsDir)
	if err != nil {
		return err
	}
	if folder != nil {
		defer folder.Close()
	}
	dir, err := db.Directory()
	if err != nil {
		return fmt.Errorf("%s : lancez « appel init --demo » ou « appel demo »", model.UserMessage(err))
	}
	login := c.as
	if login == "" {
		if login, err = chooseAccount(dir.Accounts); err != nil || login == "" {
			return err
		}
	}
	if _, ok := dir.Account(login); !ok {
		return model.NotFound("compte %q inconnu dans cette base (voir « appel user list »)", login)
	}
	now, err := c.clock()
	if err != nil {
		return err
	}
	actor := model.Actor{Login: login, Session: fmt.Sprintf("local-%d", os.Getpid()), Addr: "local"}
	return runProgram(model.NewService(db, actor, now), folder, c.yearEndFor(db))
}

func chooseAccount(accounts []model.Account) (string, error) {
	sorted := slices.Clone(accounts)
	slices.SortFunc(sorted, func(a, b model.Account) int { return model.CompareAccounts(a, b) })
	ch := tui.NewChooser(sorted, lipgloss.DefaultRenderer())
	if _, err := tea.NewProgram(ch, tea.WithAltScreen()).Run(); err != nil {
		return "", err
	}
	return ch.Chosen, nil
}

func runProgram(svc *model.Service, folder *imports.Folder, yearEnd *tui.YearEnd) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	app, err := tui.New(tui.Config{Ctx: ctx, Service: svc, Renderer: lipgloss.DefaultRenderer(), Imports: folder, YearEnd: yearEnd})
	if err != nil {
		return err
	}
	if _, err := tea.NewProgram(app, tea.WithAltScreen()).Run(); err != nil {
		return err
	}
	if err := app.Err(); err != nil && !errors.Is(err, tui.ErrIdle) {
		return err
	}
	if errors.Is(app.Err(), tui.ErrIdle) {
		fmt.Fprintln(os.Stderr, "appel : "+tui.ErrIdle.Error())
	}
	return nil
}
