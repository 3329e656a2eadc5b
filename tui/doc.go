// Package tui is appel's terminal interface: a root App that routes between
// screens (the roll call, and the vie scolaire's screens), owns the global keys,
// the help overlay, the footer, notifications and the idle timeout.
//
// It sees the domain only through *model.Service, which checks every query and
// write against the user's role. Every style comes from the session's own
// lipgloss renderer (Config.Renderer); nothing here uses lipgloss's
// process-wide default, so one process can serve many SSH sessions. Store calls
// run inside tea.Cmds, never in Update or View.
package tui
