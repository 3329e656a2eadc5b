package tui

import (
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/lipgloss"
)

// Styles are every style of the interface, for the colour profile of a
// session's renderer (StylesFor). Colours are ANSI 0–15 so that they follow the user's
// terminal theme; no meaning is carried by colour alone (symbols and words say
// it too), so the screens read the same with NO_COLOR.
type Styles struct {
	Title     Style
	Header    Style
	Muted     Style
	Cursor    Style
	Selected  Style
	Footer    Style
	Key       Style
	Error     Style
	Ok        Style
	Warn      Style
	Banner    Style
	Absent    Style
	Late      Style
	Other     Style
	Justified Style
	Invalid   Style
	Selection Style
	Pending   Style
	Tab       Style
	TabActive Style
	Rule      Style
}

// sharedStyles holds one set of styles per colour profile: the styles use
// ANSI colours 0–15 only and depend on nothing else of a session, and a set
// weighs 12 KB, so that the sessions of a server share a few of them.
var sharedStyles sync.Map // termenv.Profile → *Styles

// StylesFor returns the styles for r's colour profile, built once per
// profile on a renderer of their own (r belongs to one session and must not
// outlive it).
func StylesFor(r *lipgloss.Renderer) *Styles {
	profile := r.ColorProfile()
	if s, ok := sharedStyles.Load(profile); ok {
		return s.(*Styles)
	}
	own := lipgloss.NewRenderer(io.Discard)
	own.SetColorProfile(profile)
	own.SetHasDarkBackground(true)
	s, _ := sharedStyles.LoadOrStore(profile, NewStyles(own))
	return s.(*Styles)
}

// NewStyles builds the styles on renderer r.
func NewStyles(r *lipgloss.Renderer) *Styles {
	fg := func(c string) lipgloss.Style { return r.NewStyle().Foreground(lipgloss.Color(c)) }
	return &Styles{
		Title:     newStyle(r.NewStyle().Bold(true)),
		Header:    newStyle(r.NewStyle().Bold(true)),
		Muted:     newStyle(fg("8")),
		Cursor:    newStyle(r.NewStyle().Reverse(true)),
		Selected:  newStyle(fg("6").Bold(true)),
		Footer:    newStyle(fg("8")),
		Key:       newStyle(fg("6").Bold(true)),
		Error:     newStyle(fg("1").Bold(true)),
		Ok:        newStyle(fg("2")),
		Warn:      newStyle(fg("3").Bold(true)),
		Banner:    newStyle(r.NewStyle().Reverse(true).Bold(true)),
		Absent:    newStyle(fg("1").Bold(true)),
		Late:      newStyle(fg("3")),
		Other:     newStyle(fg("5")),
		Justified: newStyle(fg("2")),
		Invalid:   newStyle(fg("9")),
		Selection: newStyle(fg("6").Reverse(true)),
		Pending:   newStyle(fg("8").Italic(true)),
		Tab:       newStyle(fg("8")),
		TabActive: newStyle(r.NewStyle().Bold(true).Reverse(true)),
		Rule:      newStyle(fg("8")),
	}
}

// Style is a colour and text attributes (no padding, width nor border),
// reduced once per session to the escape sequences written before and after a
// text: drawing a frame then joins strings instead of running lipgloss for
// every styled piece. With no colour (the Ascii profile) both are empty.
type Style struct {
	prefix, suffix string
	// lipgloss draws the texts that it would change besides styling them:
	// several lines (each styled and padded to the widest) or tabs.
	lipgloss lipgloss.Style
}

// styleMarker is what newStyle renders to find where a style puts its text.
const styleMarker = "\x00"

func newStyle(s lipgloss.Style) Style {
	out := s.Render(styleMarker)
	i := strings.Index(out, styleMarker)
	if i < 0 {
		return Style{lipgloss: s}
	}
	return Style{prefix: out[:i], suffix: out[i+len(styleMarker):], lipgloss: s}
}

// Render styles the strings joined by spaces, as lipgloss.Style.Render does.
func (s Style) Render(strs ...string) string {
	var str string
	if len(strs) == 1 {
		str = strs[0]
	} else {
		str = strings.Join(strs, " ")
	}
	switch {
	case strings.ContainsAny(str, "\n\t"):
		return s.lipgloss.Render(str)
	case s.prefix == "" && s.suffix == "":
		return str
	}
	return s.prefix + str + s.suffix
}
