package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// The panes of a pupil's file.
const (
	paneSummary = iota
	paneTimetable
	paneAbsences
	paneFamily
	paneDiscipline
)

var pupilPaneTitles = [...]string{"Résumé", "Emploi du temps", "Absences", "Famille", "Vie de l'élève"}

// pupilsKeys are the Élèves screen's keys.
type pupilsKeys struct {
	Open, Search, Back, Prev, Next, Pane, PanePrev, Call, Grid, Edit key.Binding
}

func defaultPupilsKeys() pupilsKeys {
	return pupilsKeys{
		Open:     newKey("↵", "ouvrir la fiche", "enter"),
		Search:   newKey("/", "chercher", "/"),
		Back:     newKey("esc", "retour", "esc"),
		Prev:     newKey("[", "préc.", "["),
		Next:     newKey("]", "suiv.", "]"),
		Pane:     newKey("tab", "volet", "tab"),
		PanePrev: newKey("⇧tab", "volet précédent", "shift+tab"),
		Call:     newKey("c", "noter un appel", "c"),
		Grid:     newKey("P", "planning élève", "P"),
		Edit:     newKey("m", "modifier un responsable", "m"),
	}
}

// pupilsScreen finds a pupil by typing part of his name and shows his file
// in panes: summary and counts, timetable of the week, absences, family.
type pupilsScreen struct {
	env    *env
	keys   pupilsKeys
	finder pupilFinder
	// searching shows the search instead of the file.
	searching bool
	// opened: the file shown was opened by another screen (esc returns to it).
	opened bool
	file   *model.PupilFile
	fileID model.PupilID
	// discipline is the file's Vie de l'élève pane (nil: not for this reader).
	discipline *model.PupilDiscipline
	period     model.Period
	week       model.Date
	pane       int
	scroll     int
	loads      requests
	form       *callForm
	// guardianForm edits a guardian's contacts (Famille pane, m).
	guardianForm *guardianForm
	size         tea.WindowSizeMsg
	// wants is the interest of the file opened last (Interest).
	wants model.Interest
}

func newPupilsScreen(e *env) Screen {
	s := &pupilsScreen{env: e, keys: defaultPupilsKeys(), searching: true, finder: pupilFinder{limit: 200}}
	s.finder.query.active = true
	return s
}

type fileMsg struct {
	gen        int
	file       model.PupilFile
	discipline *model.PupilDiscipline
	err        error
}

func (s *pupilsScreen) Init() tea.Cmd { return nil }

func (s *pupilsScreen) Title() string { return "Élèves" }

func (s *pupilsScreen) Capturing() bool {
	return s.form != nil || s.guardianForm != nil || s.searching && s.finder.query.active
}

func (s *pupilsScreen) HasPanes() bool { return !s.searching && s.file != nil }

// TypesNamesOnly: the search takes a pupil's name, so digits switch screens.
func (s *pupilsScreen) TypesNamesOnly() bool {
	return s.searching && s.form == nil && s.guardianForm == nil
}

func (s *pupilsScreen) Pending() int {
	if s.form != nil && s.form.saving || s.guardianForm != nil && s.guardianForm.saving {
		return 1
	}
	return 0
}

func (s *pupilsScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if cmd, ok := s.finder.update(msg); ok {
		return s, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		return s, s.handleKey(msg)
	case fileMsg:
		return s, s.onFile(msg)
	case callSavedMsg:
		return s, s.onCallSaved(msg)
	case guardianSavedMsg:
		return s, s.onGuardianSaved(msg)
	case openPupilMsg:
		cmd := s.open(msg.id)
		s.opened = true
		return s, cmd
	case changeMsg:
		if s.Interest().Matches(model.Change(msg)) {
			return s, s.load()
		}
	}
	return s, nil
}

// open shows a pupil's file from its first pane, period of today, week of today.
func (s *pupilsScreen) open(id model.PupilID) tea.Cmd {
	if id != s.fileID {
		s.file, s.pane, s.scroll, s.period = nil, paneSummary, 0, model.Period{}
	}
	s.fileID, s.searching, s.form, s.guardianForm, s.opened = id, false, nil, nil, false
	s.wants = model.KindsInterest(model.ChangedStructure | model.ChangedMotives).Union(model.PupilsInterest(model.Date{}, id))
	s.finder.query.active = false
	s.week = s.env.svc.Today()
	return s.load()
}

func (s *pupilsScreen) load() tea.Cmd {
	if s.fileID == "" {
		return nil
	}
	svc, gen, id, period, week := s.env.svc, s.loads.next(), s.fileID, s.period, s.week
	return func() tea.Msg {
		f, err := svc.PupilFile(id, period, week)
		msg := fileMsg{gen: gen, file: f, err: err}
		if d, err := svc.PupilDiscipline(id); err == nil {
			msg.discipline = &d
		}
		return msg
	}
}

func (s *pupilsScreen) onFile(msg fileMsg) tea.Cmd {
	if !s.loads.take(msg.gen) {
		return nil
	}
	if msg.err != nil {
		s.fileID = ""
		s.searching = true
		return errorCmd(msg.err)
	}
	f := msg.file
	s.file, s.period, s.discipline = &f, f.Period, msg.discipline
	s.pane = min(s.pane, len(s.panes())-1)
	return nil
}

// panes are the file's panes the reader may see (Famille needs PermContacts).
func (s *pupilsScreen) panes() []int {
	out := []int{paneSummary, paneTimetable, paneAbsences}
	if s.file != nil && s.file.Contacts {
		out = append(out, paneFamily)
	}
	if s.discipline != nil {
		out = append(out, paneDiscipline)
	}
	return out
}

// Interest is the changes that concern the file shown, nothing while none
// is: the store hands the session those, and each of them reloads the file.
func (s *pupilsScreen) Interest() model.Interest {
	if s.fileID == "" {
		return model.NoChanges()
	}
	return s.wants
}
