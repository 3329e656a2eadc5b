package tui

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// Incident is a fault of the program or of the machine during a session: a
// panic in a screen or in its work, a disk that refuses to write. The user
// reads a French sentence and the incident's number; the server's log holds
// the detail under the same number.
type Incident struct {
	// ID is four hexadecimal digits, read out over the phone.
	ID    string
	Login string
	// Cause is the panic's value or the error's text; Stack is where a
	// panic happened (nil for an error).
	Cause string
	Stack []byte
	// Ended: the session was closed (a panic); else it goes on.
	Ended bool
}

// NewIncident numbers a panic that ended login's work (a session, a command).
func NewIncident(login string, cause any, stack []byte) Incident {
	return Incident{ID: newIncidentID(), Login: login, Cause: fmt.Sprint(cause), Stack: stack, Ended: true}
}

func newIncidentID() string {
	b := make([]byte, 2)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// incidentMsg is a panic caught in a command's goroutine.
type incidentMsg struct {
	cause any
	stack []byte
}

// guard makes cmd's panics an incidentMsg instead of a crash, batches
// included, so that a fault in one session's work ends that session only.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = incidentMsg{cause: r, stack: debug.Stack()}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i, c := range batch {
				batch[i] = guard(c)
			}
		}
		return msg
	}
}

// crash ends the session after a panic: the incident is reported and the
// program quits; Incident then tells the caller, who says so to the user.
func (a *App) crash(cause any, stack []byte) tea.Cmd {
	if a.incident == nil {
		in := NewIncident(a.env.login, cause, stack)
		a.incident = &in
		a.report(*a.incident)
	}
	return tea.Quit
}

// fault numbers a fault of the machine that a screen reports, and returns
// the status line's French sentence with the number.
func (a *App) fault(err error) string {
	in := Incident{ID: newIncidentID(), Login: a.env.login, Cause: err.Error()}
	a.report(in)
	return model.FaultMessage(err) + " (incident " + in.ID + ")"
}

func (a *App) report(in Incident) {
	if a.onIncident != nil {
		a.onIncident(in)
	}
}

// Incident returns the panic that ended the session, nil if none did.
func (a *App) Incident() *Incident { return a.incident }

// IncidentText is what the user reads when a panic ended his session.
func IncidentText(in Incident) string {
	return fmt.Sprintf("Erreur interne (incident %s) : la session est fermée ; ce qui était affiché comme enregistré l'est. "+
		"Reconnectez-vous, et donnez ce numéro à l'administrateur.", in.ID)
}
