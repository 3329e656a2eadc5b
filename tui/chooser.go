package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"appel/model"
)

// chooserRows is how many accounts the chooser shows at once.
const chooserRows = 16

// Chooser lets the person at a local terminal pick the account to open the
// interface as (the demo's accounts): arrows move, typing filters by login or
// name, enter opens. Chosen is empty when they quit.
type Chooser struct {
	accounts []model.Account
	styles   *Styles
	list     cursorList
	query    lineEdit
	Chosen   string
}

// NewChooser lists accounts to choose from, in the given order.
func NewChooser(accounts []model.Account, r *lipgloss.Renderer) *Chooser {
	c := &Chooser{accounts: accounts, styles: NewStyles(r)}
	c.refilter()
	return c
}

func (c *Chooser) refilter() {
	q := model.FoldAccents(c.query.String())
	var items []int
	for i, a := range c.accounts {
		if strings.HasPrefix(a.Login, q) || strings.Contains(model.FoldAccents(a.Name), q) {
			items = append(items, i)
		}
	}
	c.list.setItems(items)
}

// Init implements tea.Model.
func (c *Chooser) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (c *Chooser) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return c, nil
	}
	switch k.Type {
	case tea.KeyEnter:
		if i, ok := c.list.selected(); ok {
			c.Chosen = c.accounts[i].Login
		}
		return c, tea.Quit
	case tea.KeyEsc, tea.KeyCtrlC:
		return c, tea.Quit
	case tea.KeyUp, tea.KeyDown, tea.KeyPgUp, tea.KeyPgDown, tea.KeyHome, tea.KeyEnd:
		c.list.navigate(k, DefaultNavKeys(), chooserRows)
	default:
		if c.query.handle(k) {
			c.refilter()
		}
	}
	return c, nil
}

// View implements tea.Model; the frame is made safe for the terminal.
func (c *Chooser) View() string { return screenSafe(c.frame()) }

func (c *Chooser) frame() string {
	st := c.styles
	lines := []string{st.Title.Render("appel — choisissez un compte"), "Recherche : " + c.query.String() + "▏", ""}
	from, to := c.list.window(chooserRows)
	for i := from; i < to; i++ {
		a := c.accounts[c.list.items[i]]
		text := fmt.Sprintf("%-12s %-30s %s", a.Login, truncate(a.Name, 30), roleLabels(a))
		if i == c.list.cursor {
			lines = append(lines, "› "+st.Cursor.Render(text))
		} else {
			lines = append(lines, "  "+text)
		}
	}
	if len(c.list.items) == 0 {
		lines = append(lines, st.Muted.Render("  Aucun compte ne correspond."))
	}
	lines = append(lines, "", st.Footer.Render("↑/↓ choisir · tapez pour chercher · ↵ ouvrir · esc quitter"))
	return strings.Join(lines, "\n")
}
