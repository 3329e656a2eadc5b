package tui

import "github.com/charmbracelet/lipgloss"

// Styles are every style of the interface, built once per session from that
// session's renderer. Colours are ANSI 0–15 so that they follow the user's
// terminal theme; no meaning is carried by colour alone (symbols and words say
// it too), so the screens read the same with NO_COLOR.
type Styles struct {
	Title     lipgloss.Style
	Header    lipgloss.Style
	Muted     lipgloss.Style
	Cursor    lipgloss.Style
	Selected  lipgloss.Style
	Footer    lipgloss.Style
	Key       lipgloss.Style
	Error     lipgloss.Style
	Ok        lipgloss.Style
	Warn      lipgloss.Style
	Banner    lipgloss.Style
	Absent    lipgloss.Style
	Late      lipgloss.Style
	Other     lipgloss.Style
	Justified lipgloss.Style
	Invalid   lipgloss.Style
	Selection lipgloss.Style
	Pending   lipgloss.Style
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	Rule      lipgloss.Style
}

// NewStyles builds the styles on renderer r.
func NewStyles(r *lipgloss.Renderer) Styles {
	fg := func(c string) lipgloss.Style { return r.NewStyle().Foreground(lipgloss.Color(c)) }
	return Styles{
		Title:     r.NewStyle().Bold(true),
		Header:    r.NewStyle().Bold(true),
		Muted:     fg("8"),
		Cursor:    r.NewStyle().Reverse(true),
		Selected:  fg("6").Bold(true),
		Footer:    fg("8"),
		Key:       fg("6").Bold(true),
		Error:     fg("1").Bold(true),
		Ok:        fg("2"),
		Warn:      fg("3").Bold(true),
		Banner:    r.NewStyle().Reverse(true).Bold(true),
		Absent:    fg("1").Bold(true),
		Late:      fg("3"),
		Other:     fg("5"),
		Justified: fg("2"),
		Invalid:   fg("9"),
		Selection: fg("6").Reverse(true),
		Pending:   fg("8").Italic(true),
		Tab:       fg("8"),
		TabActive: r.NewStyle().Bold(true).Reverse(true),
		Rule:      fg("8"),
	}
}
