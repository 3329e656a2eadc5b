package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// schoolPanel is « Établissement », opened by E on the Imports screen
// (administrator): the bell grid, the usual week, the periods, the extra
// days and closures, and the counting rules. m switches the counting
// method, t the lateness counted as absence (never ↔ after 10 minutes), [
// and ] move the midday boundary by 15 minutes; each change first says how
// many pupils' figures of the year change, and is applied only on « o ».
// The other keys open a form (school_edit.go) whose change is shown the
// same way before it is applied.
type schoolPanel struct {
	school  model.School
	today   model.Date
	loaded  bool
	edit    *schoolEdit
	confirm *confirmation
	// preview says what the change asked about does, while confirm is pending.
	preview []string
	// changes numbers the changes asked (a form's, the rules'): only the
	// last one's answer is shown, and a rule's none once a form has opened.
	changes requests
	note    string
	err     string
}

// The panel's keys.
var (
	schoolKey       = newKey("E", "établissement : grille horaire, semaine, périodes, jours, règles de décompte", "E")
	schoolMethodKey = newKey("m", "changer la méthode de décompte (aperçu, puis o)", "m")
	schoolLateKey   = newKey("t", "retard compté en absence : jamais ↔ après 10 min (aperçu, puis o)", "t")
	schoolMiddayKey = newKey("[/]", "limite de midi : 15 min plus tôt / plus tard (aperçu, puis o)", "[", "]")
	schoolCloseKey  = newKey("esc", "revenir aux imports", "esc")
)

type schoolLoadedMsg struct {
	school model.School
	today  model.Date
	note   string
	err    error
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
		return schoolLoadedMsg{school: school, today: svc.Today(), note: note, err: err}
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
		p.school, p.today, p.loaded, p.note, p.err = msg.school, msg.today, true, msg.note, ""
		if msg.err != nil {
			p.err = model.UserMessage(msg.err)
		}
	case schoolChangeMsg:
		p.onChange(msg, s.env.svc)
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
	if p.edit != nil {
		return p.editKeyPressed(msg), false
	}
	if e := schoolEditFor(msg, s.env.styles, svc, p.school, p.today); e != nil {
		p.edit, p.note, p.err = e, "", ""
		p.changes.next() // a rule's preview still coming would ask over the form
		return nil, false
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
		step := model.Clock(15)
		if msg.String() == "[" {
			step = -15
		}
		next.MiddayBoundary = next.Midday() + step
	default:
		return nil, false
	}
	next.MiddayBoundary = next.Midday()
	p.note, p.err = "", ""
	gen := p.changes.next()
	return func() tea.Msg {
		ch, err := countingChange(svc, next)
		return schoolChangeMsg{gen: gen, change: ch, err: err}
	}, false
}

// countingChange says how many pupils' figures new counting rules change,
// and applies them on « o ».
func countingChange(svc service, next model.Settings) (schoolChange, error) {
	ch, err := svc.CountingPreview(next)
	if err != nil {
		return schoolChange{}, err
	}
	lines := []string{"Nouvelles règles : " + rulesText(next),
		fmt.Sprintf("Les chiffres de %d élève(s) sur %d changent (du %s au %s).", ch.Changed, ch.Pupils, ch.From.French(), ch.To.French())}
	return schoolChange{lines: lines, question: "Appliquer ces règles ?", apply: func() (string, error) {
		ch, err := svc.SetCounting(next)
		return fmt.Sprintf("Règles enregistrées : les chiffres de %d élève(s) ont changé.", ch.Changed), err
	}}, nil
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
	return fmt.Sprintf("Méthode %s, midi à %s, %s", method, r.Midday(), late)
}

func (s *importScreen) schoolView(width int) string {
	p, st := s.school, s.env.styles
	lines := []string{st.Title.Render("Établissement"), ""}
	switch {
	case p.edit != nil:
		return strings.Join(append(lines, p.edit.form.lines(width)...), "\n")
	case p.confirm != nil:
		for _, l := range p.preview {
			lines = append(lines, wrapItems(l, width)...)
		}
		return strings.Join(lines, "\n") + "\n" + p.confirm.view(st, width)
	case !p.loaded:
		return strings.Join(append(lines, st.Muted.Render("lecture…")), "\n")
	}
	sc := p.school
	zone := "zone " + model.Visible(sc.Zone)
	if tz := sc.Location().String(); tz != "Europe/Paris" {
		zone += ", " + tz
	}
	lines = append(lines, truncate(fmt.Sprintf("%s %s · %s · %s (z)", model.Visible(sc.UAI), model.Visible(sc.Name), sc.YearLabel(), zone), width))
	// A section holds on its title's line when it fits, else under it.
	section := func(title string, k key.Binding, texts ...string) {
		head := title + " (" + k.Help().Key + ") :"
		if len(texts) == 1 && len([]rune(head))+1+len([]rune(texts[0])) <= width {
			lines = append(lines, st.Header.Render(head)+" "+texts[0])
			return
		}
		lines = append(lines, st.Header.Render(truncate(head, width)))
		for _, t := range texts {
			for _, l := range wrapItems(t, width-2) {
				lines = append(lines, "  "+l)
			}
		}
	}
	section("Grille horaire", schoolGridKey, calendarLines(sc, p.today, gridText)...)
	section("Semaine de cours", schoolWeekKey, calendarLines(sc, p.today, weekText)...)
	periods := shortPeriodsText(sc.Periods)
	if periods == "" {
		periods = "aucune"
	}
	section("Périodes", schoolPeriodsKey, periods)
	section("Jours de cours ajoutés", schoolDayKey, extraDaysText(sc.ExtraDays))
	section("Sans cours à venir", schoolClosureKey, comingClosures(sc, p.today))
	section("Règles de décompte", schoolMethodKey, rulesText(sc.Settings))
	if p.note != "" {
		lines = append(lines, st.Ok.Render(truncate("✓ "+p.note, width)))
	}
	if p.err != "" {
		lines = append(lines, st.Error.Render(truncate("✗ "+p.err, width)))
	}
	for _, l := range wrapItems(schoolKeysText(), width) {
		lines = append(lines, st.Muted.Render(l))
	}
	return strings.Join(lines, "\n")
}

// schoolKeysText is the panel's line of keys, a word each (? shows them whole).
func schoolKeysText() string {
	keys := []struct {
		k    key.Binding
		word string
	}{
		{schoolGridKey, "grille"}, {schoolWeekKey, "semaine"}, {schoolPeriodsKey, "périodes"},
		{schoolDayKey, "jour ajouté"}, {schoolClosureKey, "fermeture"}, {schoolRemoveKey, "retirer"}, {schoolZoneKey, "académie"},
		{schoolMethodKey, "méthode"}, {schoolLateKey, "retard"}, {schoolMiddayKey, "midi"}, {schoolCloseKey, "retour"},
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k.k.Help().Key + " " + k.word
	}
	return strings.Join(parts, " · ")
}

// shortPeriodsText writes periods on one line: « Trimestre 1 01/09–03/01 · … ».
func shortPeriodsText(ps []model.Period) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%s %02d/%02d–%02d/%02d", model.Visible(p.Name), p.From.Day, int(p.From.Month), p.To.Day, int(p.To.Month))
	}
	return strings.Join(parts, " · ")
}

// slotsText writes a grid on one line: « M1 08:00–08:55 · M2 … ».
func slotsText(slots []model.Slot) string {
	parts := make([]string, len(slots))
	for i, sl := range slots {
		parts[i] = fmt.Sprintf("%s %s–%s", model.Visible(sl.Code), sl.Start, sl.End)
	}
	return strings.Join(parts, " · ")
}

// gridText and weekText write the bell grid and the usual week of a
// school as School.On gives it for a day.
func gridText(sc model.School) string { return slotsText(schoolSlots(sc)) }
func weekText(sc model.School) string { return model.WeekText(sc.Weekdays, sc.ClosedHalfDays) }

// calendarLines is what text writes of the school today, then of each date
// still to come from which that changes: « à partir du JJ/MM/AAAA : … ».
func calendarLines(sc model.School, today model.Date, text func(model.School) string) []string {
	out := []string{text(sc.On(today))}
	for _, e := range sc.Earlier {
		from := e.Until.AddDays(1)
		if !from.After(today) {
			continue
		}
		if then := text(sc.On(from)); then != text(sc.On(e.Until)) {
			out = append(out, "à partir du "+from.French()+" : "+then)
		}
	}
	return out
}

func extraDaysText(xs []model.ExtraDay) string {
	if len(xs) == 0 {
		return "aucun"
	}
	parts := make([]string, len(xs))
	for i, x := range xs {
		half := ""
		if len(x.HalfDays) > 0 {
			half = " " + x.HalfDaysText()
		}
		parts[i] = fmt.Sprintf("%s %s (%s%s)", x.Date.French(), model.Visible(x.Name), model.FrenchWeekday(x.Follows), half)
	}
	return strings.Join(parts, " · ")
}

// comingClosures names the next periods without courses (vacances, jours
// fériés, closures) that have not begun.
func comingClosures(sc model.School, today model.Date) string {
	var parts []string
	for _, h := range sc.Holidays {
		if h.From.After(today) && len(parts) < 4 {
			parts = append(parts, fmt.Sprintf("%s %s", model.Visible(h.Name), h.From.French()))
		}
	}
	if len(parts) == 0 {
		return "aucune"
	}
	return strings.Join(parts, " · ")
}

// wrapItems breaks a list « a · b · c » between its items where it can,
// so that no item is cut, and a longer item at spaces.
func wrapItems(text string, width int) []string {
	var out []string
	line := ""
	for _, item := range strings.Split(text, " · ") {
		switch {
		case line == "":
			line = item
		case len([]rune(line))+3+len([]rune(item)) > width:
			out = append(out, wrapText(line, width)...)
			line = item
		default:
			line += " · " + item
		}
	}
	return append(out, wrapText(line, width)...)
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
			out = append(out, truncate(line, width))
			line = w
		default:
			line += " " + w
		}
	}
	return append(out, truncate(line, width))
}
