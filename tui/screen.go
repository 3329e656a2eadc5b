package tui

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
	"appel/model/imports"
)

// Screen is one top-level screen. The root App gives it the keys while it is
// active, every other message always, and the space left by the header and
// footer to draw in.
type Screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View(width, height int) string
	// Title names the screen in the tab line.
	Title() string
	// ShortHelp is the footer's keys; FullHelp the help overlay's sections.
	ShortHelp() []key.Binding
	FullHelp() []HelpSection
	// Capturing is true while the user types text: global keys pass through.
	Capturing() bool
	// Pending counts writes not yet committed: quitting waits for them.
	Pending() int
}

// digitConsumer is implemented by screens where digits mean something else
// than "go to screen N" (the roll call's pupil numbers).
type digitConsumer interface{ ConsumesDigits() bool }

// nameTyper is implemented by screens whose text field, while it has the
// keys, takes names only (a pupil's search, a name filter): the digits typed
// there still switch screens.
type nameTyper interface{ TypesNamesOnly() bool }

// paneSwitcher is implemented by screens whose tab key switches panes.
type paneSwitcher interface{ HasPanes() bool }

// interested is implemented by screens that show only part of the school:
// Interest names the changes of the feed they need (interestOf).
type interested interface{ Interest() model.Interest }

// interestOf is what the screen needs of the feed; a screen that does not
// say needs every change.
func interestOf(s Screen) model.Interest {
	if i, ok := s.(interested); ok {
		return i.Interest()
	}
	return model.AllChanges()
}

// HelpSection is a titled group of keys in the help overlay.
type HelpSection struct {
	Title string
	Keys  []key.Binding
}

// env is what every screen of a session shares.
type env struct {
	ctx    context.Context
	svc    service
	styles *Styles
	nav    NavKeys
	login  string
	// imports is the server's imports folder, nil when none is configured.
	imports *imports.Folder
	// yearEnd ends the school year (nil: not from this interface).
	yearEnd *YearEnd
	// actions orders the session's undoable actions (act).
	actions actionQueue
}

// changeMsg carries a committed change from the store's feed.
type changeMsg model.Change

// statusMsg asks the root to show a message in the status line.
type statusMsg struct {
	text string
	err  bool
	// cause is the error shown, when a fault of the machine needs an
	// incident number.
	cause error
}

// errorCmd turns an error into a status message.
func errorCmd(err error) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: model.UserMessage(err), err: true, cause: err} }
}

// openSeanceMsg asks the root to show a séance's roll call, with the cursor
// on pupil when one is given (the mark to correct).
type openSeanceMsg struct {
	id    model.SeanceID
	pupil model.PupilID
}

// openPupilMsg asks the root to show a pupil's file (enter on a pupil anywhere).
type openPupilMsg struct{ id model.PupilID }

// backMsg asks the root to return to the screen that opened the active one
// (App.openOn): a screen sends it on esc when it has nothing of its own to
// close (no filter, form, selection nor digits typed).
type backMsg struct{}

// goBack is the command of a screen's esc that has nothing else to close.
func goBack() tea.Msg { return backMsg{} }
