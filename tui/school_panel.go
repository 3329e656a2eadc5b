package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// schoolPanel is « Établissement », opened by E on the Imports screen
// (administrator): the bell grid, the periods and the counting rules. m
// switches the counting method, t the lateness counted as absence (never
// ↔ after 10 minutes), [ and ] move the midday boundary by 15 minutes; each change first says how many pupils' figures of
// the year change, and is applied only on « o ».
type schoolPanel struct {
	school  model.School
	loaded  bool
	confirm *confirmation
	// preview says what the rules asked about do, while confirm is pending.
	preview []string
	note    string
	err     string
}

// The panel's keys.
var (
	schoolKey       = newKey("E", "établissement : grille horaire, périodes, règles de décompte", "E")
	schoolMethodKey = newKey("m", "changer la méthode de décompte (aperçu, puis o)", "m")
	schoolLateKey   = newKey("t", "retard compté en absence : jamais ↔ après 10 min (aperçu, puis o)", "t")
	schoolMiddayKey = newKey("[/]", "limite de midi : 15 min plus tôt / plus tard (aperçu, puis o)", "[", "]")
	schoolCloseKey  = newKey("esc", "revenir aux imports", "esc")
)

type schoolLoadedMsg struct {
	school model.School
	note   string
	err    error
}

type schoolPreviewMsg struct {
	next model.Settings
	ch   model.CountingChange
	err  error
}

// openSchool shows the panel and reads the school.
func (s *importScreen) openSchool() tea.Cmd {
	s.school = &schoolPanel{}
	return loadSchool(s.env.svc, "", nil)
}

func loadSchool(svc service, note string, err error) tea.Cmd {
	return func() tea.Msg {
		dir, derr := svc.Directory()
		if err == nil {
			err = derr
		}
		var school model.School
		if dir != nil {
			school = dir.School
		}
		return schoolLoadedMsg{school: school, note: note, err: err}
	}
}

// onSchoolMsg handles the panel's messages.
func (s *importScreen) onSchoolMsg(msg tea.Msg) tea.Cmd {
	p := s.school
	if p == nil {
		return nil
	}
	switch msg := msg.(type) {
	case schoolLoadedMsg:
		p.school, p.loaded, p.note, p.err = msg.school, true, msg.note, ""
		if msg.err != nil {
			p.err = model.UserMessage(msg.err)
		}
	case schoolPreviewMsg:
		if msg.err != nil {
			p.err = model.UserMessage(msg.err)
			return nil
		}
		svc, next := s.env.svc, msg.next
		p.preview = []string{"Nouvelles règles : " + rulesText(next),
			fmt.Sprintf("Les chiffres de %d élève(s) sur %d changent (du %s au %s).", msg.ch.Changed, msg.ch.Pupils, msg.ch.From.French(), msg.ch.To.French())}
		p.confirm = &confirmation{
			question: "Appliquer ces règles ?",
			yes: func() tea.Cmd {
				return func() tea.Msg {
					ch, err := svc.SetCounting(next)
					note := fmt.Sprintf("Règles enregistrées : les chiffres de %d élève(s) ont changé.", ch.Changed)
					return loadSchool(svc, note, err)()
				}
			},
		}
	}
	return nil
}

// schoolKeyPressed handles a key while the panel is shown; it reports
// whether the panel closes.
func (s *importScreen) schoolKeyPressed(msg tea.KeyMsg) (tea.Cmd, bool) {
	p, svc := s.school, s.env.svc
	if cmd, ok := answerPending(&p.confirm, msg); ok {
		return cmd, false
	}
	if !p.loaded {
		return nil, msg.Type == tea.KeyEsc
	}
	next := p.school.Settings
	switch {
	case key.Matches(msg, schoolCloseKey):
		return nil, true
	case key.Matches(msg, schoolMethodKey):
		next.Method = model.CountAllSeances
		if p.school.Settings.Method == model.CountAllSeances {
			next.Method = model.CountAnySeance
		}
	case key.Matches(msg, schoolLateKey):
		next.LateAsAbsentAfter = 10
		if p.school.Settings.LateAsAbsentAfter > 0 {
			next.LateAsAbsentAfter = 0
		}
	case key.Matches(msg, schoolMiddayKey):
		if next.MiddayBoundary == 0 {
			next.MiddayBoundary = 12 * 60
		}
		step := model.Clock(15)
		if msg.String() == "[" {
			step = -15
		}
		next.MiddayBoundary += step
	default:
		return nil, false
	}
	if next.MiddayBoundary == 0 {
		next.MiddayBoundary = 12 * 60
	}
	p.note, p.err = "", ""
	return func() tea.Msg {
		ch, err := svc.CountingPreview(next)
		return schoolPreviewMsg{next: next, ch: ch, err: err}
	}, false
}

// rulesText says counting rules in French, one line.
func rulesText(r model.Settings) string {
	method := "brute (une séance manquée fait la demi-journée)"
	if r.Method == model.CountAllSeances {
		method = "toutes les séances de la demi-journée"
	}
	late := "retard jamais compté en absence"
	if r.LateAsAbsentAfter > 0 {
		late = fmt.Sprintf("retard de plus de %d min compté en absence", r.LateAsAbsentAfter)
	}
	boundary := r.MiddayBoundary
	if boundary == 0 {
		boundary = 12 * 60
	}
	return fmt.Sprintf("Méthode %s, midi à %s, %s", method, boundary, late)
}

func (s *importScreen) schoolView(width int) string {
	p, st := s.school, s.env.styles
	if p.confirm != nil {
		lines := []string{st.Title.Render("Établissement"), ""}
		for _, l := range p.preview {
			lines = append(lines, wrapText(l, width)...)
		}
		return strings.Join(lines, "\n") + "\n" + p.confirm.view(st, width)
	}
	lines := []string{st.Title.Render("Établissement"), ""}
	if !p.loaded {
		return strings.Join(append(lines, st.Muted.Render("lecture…")), "\n")
	}
	sc := p.school
	lines = append(lines, truncate(fmt.Sprintf("%s %s · année %s · zone %s", model.Visible(sc.UAI), model.Visible(sc.Name), sc.YearLabel(), model.Visible(sc.Zone)), width), "",
		st.Header.Render("Grille horaire :"))
	slots := sc.Slots
	if len(slots) == 0 {
		slots = model.DefaultSlots()
	}
	for _, sl := range slots {
		lines = append(lines, truncate(fmt.Sprintf("  %-4s %s–%s  %s", model.Visible(sl.Code), sl.Start, sl.End, sl.HalfDay), width))
	}
	lines = append(lines, "", st.Header.Render("Périodes :"))
	for _, pe := range sc.Periods {
		lines = append(lines, truncate(fmt.Sprintf("  %s : du %s au %s", model.Visible(pe.Name), pe.From.French(), pe.To.French()), width))
	}
	lines = append(lines, "", st.Header.Render("Règles de décompte :"), truncate("  "+rulesText(sc.Settings), width))
	if p.note != "" {
		lines = append(lines, "", st.Ok.Render(truncate("✓ "+p.note, width)))
	}
	if p.err != "" {
		lines = append(lines, "", st.Error.Render(truncate("✗ "+p.err, width)))
	}
	lines = append(lines, "", st.Muted.Render(truncate("grille et périodes : appel settings slots set / appel settings periods set", width)),
		st.Muted.Render(bindingsText([]key.Binding{schoolMethodKey, schoolLateKey, schoolMiddayKey, schoolCloseKey})))
	return strings.Join(lines, "\n")
}

// wrapText breaks a line at spaces so that no piece is wider than width.
func wrapText(text string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) > width:
			out = append(out, line)
			line = w
		default:
			line += " " + w
		}
	}
	return append(out, truncate(line, width))
}
