package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// The tabs of the Vie de l'élève screen.
const (
	tabIncidents = iota
	tabPunishments
	tabDetentions
	tabSanctions
	tabStats
)

var disciplineTabs = []string{"Incidents", "Punitions", "Retenues", "Sanctions", "Statistiques"}

// disciplineScreen is « Vie de l'élève », for the vie scolaire and the
// direction: the incidents, punishments, detention sessions and sanctions,
// filtered by division, kind and period; n adds one, ↵ on a detention opens
// its roll call.
type disciplineScreen struct {
	env  *env
	keys disciplineKeys
	tab  int
	data disciplineData
	// filters: the division, the kind and the period chosen (0: all).
	division, kind, period int
	rows                   []discRow
	list                   cursorList
	loader                 loadGate
	loaded                 bool
	canSanction            bool
	// tabs are the tabs the reader may open (Sanctions: the vie scolaire
	// and the direction).
	tabs []int
	add  *discForm
	roll *detentionRoll
	busy int
	size tea.WindowSizeMsg
}

type disciplineKeys struct {
	Tab, PrevTab, New, Division, Kind, Period, Done, NotDone, Open, Tell, Punish, Place, Withdraw key.Binding
}

// disciplineData is everything the screen shows, read at once.
type disciplineData struct {
	dir             *model.Directory
	incidents       []model.Incident
	punishments     []model.Punishment
	detentions      []model.DetentionSheet
	sanctions       []model.Sanction
	stats           []model.DisciplineCount
	incidentKinds   []model.DisciplineKind
	punishmentKinds []model.DisciplineKind
}

type disciplineLoadedMsg struct {
	gen  int
	data disciplineData
	err  error
}

// discSavedMsg is the commit (or refusal) of a form or an action.
type discSavedMsg struct {
	form *discForm
	text string
	err  error
}

func newDisciplineScreen(e *env) Screen {
	tabs := []int{tabIncidents, tabPunishments, tabDetentions}
	if e.svc.Require(model.PermSeeSanctions) == nil {
		tabs = append(tabs, tabSanctions)
	}
	if e.svc.Require(model.PermStats) == nil {
		tabs = append(tabs, tabStats)
	}
	return &disciplineScreen{env: e, tabs: tabs, canSanction: e.svc.Require(model.PermSanction) == nil, keys: disciplineKeys{
		Tab:      newKey("tab", "onglet suivant", "tab"),
		PrevTab:  newKey("⇧tab", "onglet précédent", "shift+tab"),
		New:      newKey("n", "ajouter", "n"),
		Division: newKey("c", "classe suivante", "c"),
		Kind:     newKey("t", "nature suivante", "t"),
		Period:   newKey("w", "période suivante", "w"),
		Done:     newKey("o", "punition faite", "o"),
		NotDone:  newKey("x", "punition non faite", "x"),
		Open:     newKey("↵", "appel de la retenue", "enter"),
		Tell:     newKey("f", "prévenir la famille", "f"),
		Punish:   newKey("p", "punir l'auteur de l'incident", "p"),
		Place:    newKey("r", "placer dans la prochaine retenue libre", "r"),
		Withdraw: newKey("X", "retirer la sanction (direction)", "X"),
	}}
}

func (s *disciplineScreen) Init() tea.Cmd { return s.load() }

func (s *disciplineScreen) load() tea.Cmd {
	svc, sanctions, stats := s.env.svc, slices.Contains(s.tabs, tabSanctions), slices.Contains(s.tabs, tabStats)
	return s.loader.load(false, func(gen int) tea.Msg {
		d, err := loadDiscipline(svc, sanctions, stats)
		return disciplineLoadedMsg{gen: gen, data: d, err: err}
	})
}

func loadDiscipline(svc service, sanctions, stats bool) (disciplineData, error) {
	var d disciplineData
	var err error
	steps := []func(){
		func() { d.dir, err = svc.Directory() },
		func() { d.incidents, err = svc.Incidents(model.DisciplineQuery{}) },
		func() { d.punishments, err = svc.Punishments(model.DisciplineQuery{}) },
		func() { d.detentions, err = svc.Detentions(model.Date{}) },
		func() {
			if sanctions {
				d.sanctions, err = svc.Sanctions(model.DisciplineQuery{}, false)
			}
		},
		func() {
			if stats && d.dir != nil {
				d.stats, err = svc.DisciplineStats(d.dir.School.YearStart, d.dir.School.YearEnd)
			}
		},
		func() { d.incidentKinds, err = svc.DisciplineKinds(model.ListIncidentKinds) },
		func() { d.punishmentKinds, err = svc.DisciplineKinds(model.ListPunishmentKinds) },
	}
	for _, step := range steps {
		if step(); err != nil {
			return d, err
		}
	}
	return d, nil
}

func (s *disciplineScreen) Title() string { return "Vie de l'élève" }

func (s *disciplineScreen) HasPanes() bool { return true }

func (s *disciplineScreen) Capturing() bool { return s.add != nil }

// ConsumesDigits: the detention's roll call numbers its pupils.
func (s *disciplineScreen) ConsumesDigits() bool { return s.roll != nil }

func (s *disciplineScreen) Pending() int { return s.busy }

// Interest: the discipline, and the structure its names come from.
func (s *disciplineScreen) Interest() model.Interest {
	return model.KindsInterest(model.ChangedDiscipline | model.ChangedStructure)
}

func (s *disciplineScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		return s, s.handleKey(msg)
	case disciplineLoadedMsg:
		latest, next := s.loader.arrived(msg.gen, s.load)
		if latest && msg.err == nil {
			s.data, s.loaded = msg.data, true
			s.refilter()
			s.roll.refresh(s.data)
		}
		return s, tea.Batch(next, errCmd(msg.err))
	case discSavedMsg:
		return s, s.onSaved(msg)
	case detentionMarkMsg:
		return s, s.onRollMark(msg)
	case changeMsg:
		if model.Change(msg).Touches(model.ChangedDiscipline | model.ChangedStructure) {
			return s, s.load()
		}
	}
	return s, nil
}

func (s *disciplineScreen) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case s.add != nil:
		return s.formKey(msg)
	case s.roll != nil:
		return s.rollKey(msg)
	}
	if s.list.navigate(msg, s.env.nav, s.rowsHeight()) {
		return nil
	}
	switch {
	case key.Matches(msg, s.keys.Tab):
		s.tab = s.tabs[(slices.Index(s.tabs, s.tab)+1)%len(s.tabs)]
		s.kind = 0
		s.refilter()
	case key.Matches(msg, s.keys.PrevTab):
		s.tab = s.tabs[(slices.Index(s.tabs, s.tab)+len(s.tabs)-1)%len(s.tabs)]
		s.kind = 0
		s.refilter()
	case key.Matches(msg, s.keys.Division):
		s.division = (s.division + 1) % (len(s.data.divisions()) + 1)
		s.refilter()
	case key.Matches(msg, s.keys.Kind):
		s.kind = (s.kind + 1) % (len(s.kindChoices()) + 1)
		s.refilter()
	case key.Matches(msg, s.keys.Period):
		s.period = (s.period + 1) % len(periodNames)
		s.refilter()
	case key.Matches(msg, s.keys.New):
		return s.openForm(s.tab)
	default:
		return s.rowKey(msg)
	}
	return nil
}

// rowKey handles the keys that act on the line under the cursor.
func (s *disciplineScreen) rowKey(msg tea.KeyMsg) tea.Cmd {
	i, ok := s.list.selected()
	if !ok {
		return nil
	}
	r := s.rows[i]
	switch {
	case s.tab == tabPunishments && key.Matches(msg, s.keys.Done):
		return s.setState(r.id, model.PunishmentDone)
	case s.tab == tabPunishments && key.Matches(msg, s.keys.NotDone):
		return s.setState(r.id, model.PunishmentNotDone)
	case s.tab == tabIncidents && key.Matches(msg, s.keys.Punish):
		return s.punishFrom(r.id)
	case (s.tab == tabPunishments || s.tab == tabSanctions) && key.Matches(msg, s.keys.Tell):
		return s.tell(r.id)
	case s.tab == tabPunishments && key.Matches(msg, s.keys.Place):
		return s.place(r.id)
	case s.tab == tabSanctions && s.canSanction && key.Matches(msg, s.keys.Withdraw):
		s.add = &discForm{tab: tabSanctions, record: r.id, form: newForm(s.env.styles, "Retirer la sanction "+r.id+" (annulée en appel, erreur)",
			formField{label: "Motif", hint: "il reste au journal ; les marques E de la sanction sont retirées"})}
	case s.tab == tabDetentions && key.Matches(msg, s.keys.Open):
		s.roll = newDetentionRoll(r.id)
		s.roll.refresh(s.data)
	}
	return nil
}

func (s *disciplineScreen) setState(id string, st model.PunishmentState) tea.Cmd {
	svc := s.env.svc
	s.busy++
	return func() tea.Msg {
		p, err := svc.SetPunishmentState(id, st)
		return discSavedMsg{text: "✓ Punition " + p.State.Label() + ".", err: err}
	}
}

// place puts a retenue in the next detention session with room.
func (s *disciplineScreen) place(id string) tea.Cmd {
	svc := s.env.svc
	s.busy++
	return func() tea.Msg {
		p, err := svc.PlaceInDetention(id, "")
		return discSavedMsg{text: "✓ Retenue placée dans la séance " + p.Detention + ".", err: err}
	}
}

// tell queues the notices of a punishment or a sanction to the family.
func (s *disciplineScreen) tell(id string) tea.Cmd {
	svc := s.env.svc
	s.busy++
	return func() tea.Msg {
		sent, err := svc.TellFamily(id)
		text := "La famille en a déjà été avisée."
		if len(sent) > 0 {
			var how []string
			for _, n := range sent {
				how = append(how, n.Channel+" ("+n.Status+")")
			}
			text = "✓ Famille avisée : " + strings.Join(how, ", ") + "."
		}
		return discSavedMsg{text: text, err: err}
	}
}

func (s *disciplineScreen) onSaved(msg discSavedMsg) tea.Cmd {
	s.busy = max(s.busy-1, 0)
	if msg.form != nil {
		if msg.form != s.add {
			return errCmd(msg.err)
		}
		if msg.err != nil {
			s.add.form.fail(model.UserMessage(msg.err))
			return nil
		}
		s.add = nil
	} else if msg.err != nil {
		return errorCmd(msg.err)
	}
	return tea.Batch(statusCmd("%s", msg.text), s.load())
}

func (s *disciplineScreen) rowsHeight() int { return max(s.size.Height-appChrome-4, 1) }
