package tui

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// appChrome is the number of lines the root draws around a screen's body.
const appChrome = 3

// View draws the tab line, the active screen, the status line and the
// footer, made safe for the terminal (screenSafe).
func (a *App) View() (frame string) {
	if a.incident != nil {
		return IncidentText(*a.incident)
	}
	defer func() {
		if r := recover(); r != nil {
			a.crash(r, debug.Stack())
			frame = IncidentText(*a.incident)
		}
	}()
	return screenSafe(a.frame())
}

func (a *App) frame() string {
	if a.width == 0 || a.height == 0 {
		return "Chargement…"
	}
	if a.width < MinWidth || a.height < MinHeight {
		return fmt.Sprintf("Fenêtre trop petite (%d×%d) : agrandissez-la à au moins %d×%d.",
			a.width, a.height, MinWidth, MinHeight)
	}
	cur := a.current()
	if cur == nil {
		return "Chargement…"
	}
	top := a.tabLine()
	status := a.statusLine()
	footer := a.footer(cur)
	messages := a.inbox.lines(a.env.styles, a.width)
	bodyHeight := a.height - appChrome - len(messages)
	var body string
	switch {
	case a.showHelp:
		body = a.helpView(cur, bodyHeight)
	case a.mine != nil:
		body = a.mine.view(a.env.styles, a.width)
	default:
		body = cur.View(a.width, bodyHeight)
	}
	parts := append(append([]string{top}, messages...), fitHeight(body, bodyHeight), status, footer)
	return strings.Join(parts, "\n")
}

// tabLine names the screens the role may open, the active one highlighted,
// and who is signed in; when it does not fit, the other screens take their
// short names, then who is signed in gives way, then the names do.
func (a *App) tabLine() string {
	st := a.env.styles
	right := st.Muted.Render(a.header + " · " + a.env.svc.Now().Format("15:04"))
	for _, names := range []tabNames{fullNames, shortNames} {
		left := a.tabs(names)
		if lipgloss.Width(left)+lipgloss.Width(right)+1 <= a.width {
			return spread(left, right, a.width)
		}
	}
	if left := a.tabs(shortNames); lipgloss.Width(left) <= a.width {
		return left
	}
	return truncate(a.tabs(digitsOnly), a.width)
}

// tabNames says how the tab line names the screens that are not active.
type tabNames int

const (
	fullNames tabNames = iota
	shortNames
	digitsOnly
)

func (a *App) tabs(names tabNames) string {
	st := a.env.styles
	var tabs []string
	for _, slot := range a.order {
		def := a.slots[slot]
		switch {
		case slot == a.active:
			tabs = append(tabs, st.TabActive.Render(slotKey(slot)+" "+def.title))
		case names == fullNames:
			tabs = append(tabs, st.Tab.Render(slotKey(slot)+" "+def.title))
		case names == shortNames:
			tabs = append(tabs, st.Tab.Render(strings.TrimSpace(slotKey(slot)+" "+def.short)))
		default:
			tabs = append(tabs, st.Tab.Render(slotKey(slot)))
		}
	}
	return strings.Join(tabs, "  ")
}

func (a *App) statusLine() string {
	st := a.env.styles
	switch {
	case a.quitting:
		return st.Warn.Render(truncate("Enregistrement en cours avant de quitter…", a.width))
	case a.banner != "":
		return st.Banner.Render(truncate(a.banner, a.width))
	case a.status.err:
		return st.Error.Render(truncate("✗ "+a.status.text, a.width))
	case a.status.text == "" && a.archive != "":
		return st.Warn.Render(truncate(a.archive, a.width))
	case a.status.text == "" && a.health != nil:
		text, warn := healthLine(a.health(), a.env.svc.Now())
		if warn {
			return st.Warn.Render(truncate(text, a.width))
		}
		return st.Muted.Render(truncate(text, a.width))
	}
	return st.Ok.Render(truncate(a.status.text, a.width))
}

func (a *App) footer(cur Screen) string {
	keys := append(cur.ShortHelp(), a.keys.Help, a.keys.Quit)
	return a.keyLine(keys)
}

func (a *App) keyLine(keys []key.Binding) string {
	st := a.env.styles
	var parts []string
	used := 0
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		h := k.Help()
		plain := h.Key + " " + h.Desc
		if used+len([]rune(plain))+3 > a.width {
			break
		}
		used += len([]rune(plain)) + 3
		parts = append(parts, st.Key.Render(h.Key)+" "+st.Footer.Render(h.Desc))
	}
	return strings.Join(parts, st.Footer.Render(" · "))
}

// HelpSections returns the keys of the active screen and those every
// screen shares (titled « Partout »), as ? shows them.
func (a *App) HelpSections() []HelpSection {
	var sections []HelpSection
	if cur := a.current(); cur != nil {
		sections = cur.FullHelp()
	}
	return append(sections, HelpSection{
		Title: sharedKeysTitle,
		Keys:  []key.Binding{a.keys.Screen, a.keys.Tab, a.keys.Back, a.keys.Help, a.keys.MyKeys, a.keys.Quit},
	})
}

// sharedKeysTitle titles the help's section of the keys every screen shares.
const sharedKeysTitle = "Partout"

// Tab is a screen of the tab line: the digit that opens it and its title.
type Tab struct {
	Key, Title string
	Active     bool
}

// Tabs returns the screens the account may open, in the tab line's order.
func (a *App) Tabs() []Tab {
	out := make([]Tab, 0, len(a.order))
	for _, slot := range a.order {
		out = append(out, Tab{Key: slotKey(slot), Title: a.slots[slot].title, Active: slot == a.active})
	}
	return out
}

func (a *App) helpView(cur Screen, height int) string {
	st := a.env.styles
	sections := a.HelpSections()
	var lines []string
	for _, sec := range sections {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, st.Header.Render(sec.Title))
		for _, k := range sec.Keys {
			h := k.Help()
			lines = append(lines, fmt.Sprintf("  %s %s", st.Key.Render(padRight(h.Key, 10)), h.Desc))
		}
	}
	title := st.Title.Render("Aide — " + cur.Title() + " (une touche pour fermer)")
	return title + "\n" + strings.Join(columnize(lines, height-1, a.width), "\n")
}

// columnize folds lines that do not fit the height into side-by-side columns,
// cutting lines to the column's width (at least 28 cells, else the rest is cut).
func columnize(lines []string, height, width int) []string {
	if len(lines) <= height || height <= 0 {
		return lines
	}
	cols := (len(lines) + height - 1) / height
	colWidth := width / cols
	if colWidth < 28 {
		return lines[:height]
	}
	out := make([]string, height)
	for i, l := range lines {
		out[i%height] += padRight(truncate(l, colWidth-1), colWidth)
	}
	return out
}

func spread(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return truncate(left, width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// fitHeight pads or cuts s to exactly h lines.
func fitHeight(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// padRight pads s with spaces to width cells (cutting it when longer).
func padRight(s string, width int) string {
	w := lipgloss.Width(s)
	if w > width {
		return truncate(s, width)
	}
	return s + strings.Repeat(" ", width-w)
}

// truncate cuts s (styled or not) to width cells, ending with … when cut.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}
