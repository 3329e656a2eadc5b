package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
	"appel/model/imports"
)

// importKeys are the import screen's keys.
type importKeys struct {
	Check, Apply, PrevKind, NextKind, Force, Grid, Reload, Back key.Binding
	// Kind shows PrevKind and NextKind as one footer entry.
	Kind key.Binding
}

func defaultImportKeys() importKeys {
	return importKeys{
		Check:    newKey("↵", "vérifier le fichier choisi (rien n'est écrit)", "enter"),
		Apply:    newKey("a", "appliquer l'import vérifié", "a"),
		PrevKind: newKey("←/h", "type de fichier précédent", "left", "h"),
		NextKind: newKey("→/l", "type de fichier suivant", "right", "l"),
		Kind:     newKey("←/→", "type de fichier", "left", "h", "right", "l"),
		Force:    newKey("f", "forcer (fichier d'un autre établissement)", "f"),
		Grid:     newKey("S", "prendre la grille horaire du fichier d'emploi du temps (dès aujourd'hui)", "S"),
		Reload:   newKey("r", "relire le dossier d'imports", "r"),
		Back:     newKey("esc", "revenir à la liste des fichiers", "esc"),
	}
}

// importScreen imports a file of the server's imports folder, which its
// administrator configures (appel serve --imports DIR): it lists the folder's
// files and reads the one chosen by its name; no path is ever typed. The
// plan comes first (nothing written), then, on a key, the import itself,
// with its report.
type importScreen struct {
	env   *env
	keys  importKeys
	kind  int
	force bool
	// slots takes a timetable file's own bell grid (--slots-from-file).
	slots bool
	// files are the folder's files, listed by load; listErr why they are not.
	files   []imports.FileInfo
	listErr error
	cursor  int
	// chosen is the file whose plan or report is shown ("" shows the list).
	chosen string
	src    *imports.Source
	plan   *imports.Plan
	ready  bool // the plan can be applied
	busy   string
	work   requests
	report []string
	scroll int
	size   tea.WindowSizeMsg
	// year is the end of the school year being confirmed (nil: not shown).
	year *yearEndConfirm
	// school is the « Établissement » panel (nil: not shown).
	school *schoolPanel
}

func newImportScreen(e *env) Screen { return &importScreen{env: e, keys: defaultImportKeys()} }

type importListedMsg struct {
	files []imports.FileInfo
	err   error
}

type importCheckedMsg struct {
	gen  int
	src  *imports.Source
	plan *imports.Plan
	err  error
}

type importAppliedMsg struct {
	gen int
	rep *imports.Report
	err error
}

func (s *importScreen) Init() tea.Cmd   { return s.load() }
func (s *importScreen) Title() string   { return "Imports" }
func (s *importScreen) Capturing() bool { return s.year != nil || s.school != nil }

// Pending counts the import being written: quitting waits for it.
// Interest: imports show no committed change.
func (s *importScreen) Interest() model.Interest { return model.NoChanges() }

func (s *importScreen) Pending() int {
	if s.busy == busyApplying {
		return 1
	}
	return 0
}

const (
	busyChecking = "Vérification…"
	busyApplying = "Import en cours…"
)

// load lists the imports folder (nothing when none is configured).
func (s *importScreen) load() tea.Cmd {
	folder := s.env.imports
	if folder == nil {
		return nil
	}
	return func() tea.Msg {
		files, err := folder.Files()
		return importListedMsg{files: files, err: err}
	}
}

func (s *importScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.size = msg
	case tea.KeyMsg:
		if s.year != nil {
			return s, s.yearKey(msg)
		}
		if s.school != nil {
			cmd, closed := s.schoolKeyPressed(msg)
			if closed {
				s.school = nil
			}
			return s, cmd
		}
		return s, s.key(msg)
	case schoolLoadedMsg, schoolChangeMsg:
		return s, s.onSchoolMsg(msg)
	case yearDescribedMsg, yearEndedMsg:
		return s, s.onYearMsg(msg)
	case importListedMsg:
		s.files, s.listErr = msg.files, msg.err
		s.cursor = clamp(s.cursor, 0, max(len(s.files)-1, 0))
	case importCheckedMsg:
		return s, s.onChecked(msg)
	case importAppliedMsg:
		return s, s.onApplied(msg)
	}
	return s, nil
}

func (s *importScreen) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.PrevKind), key.Matches(msg, s.keys.NextKind):
		step := 1
		if key.Matches(msg, s.keys.PrevKind) {
			step = len(imports.Kinds) - 1
		}
		s.kind = (s.kind + step) % len(imports.Kinds)
		s.forget()
	case key.Matches(msg, s.keys.Force):
		s.force = !s.force
		s.forget()
	case key.Matches(msg, s.keys.Grid):
		s.slots = !s.slots
		s.forget()
	case key.Matches(msg, s.keys.Reload):
		return s.load()
	case key.Matches(msg, yearEndKey):
		return s.openYearEnd()
	case key.Matches(msg, schoolKey):
		return s.openSchool()
	case key.Matches(msg, s.keys.Check):
		return s.check()
	case key.Matches(msg, s.keys.Apply):
		return s.apply()
	case key.Matches(msg, s.keys.Back):
		if s.chosen == "" || s.busy == busyApplying {
			return goBack
		}
		s.forget()
		s.chosen = ""
	default:
		s.move(msg)
	}
	return nil
}

// move moves the cursor over the files, or scrolls the report.
func (s *importScreen) move(msg tea.KeyMsg) {
	page := max(s.size.Height-appChrome-importChrome, 1)
	if s.chosen == "" {
		s.cursor, _ = navMove(msg, s.env.nav, s.cursor, len(s.files), page-1)
		return
	}
	s.scroll, _ = navMove(msg, s.env.nav, s.scroll, len(s.report)-page+1, page)
}

// forget drops a plan that no longer matches the choices on screen.
func (s *importScreen) forget() {
	s.work.next()
	s.plan, s.ready, s.src, s.report, s.busy = nil, false, nil, nil, ""
}

// check reads the chosen file (the one under the cursor, or the one shown)
// and plans its import; nothing is written.
func (s *importScreen) check() tea.Cmd {
	folder := s.env.imports
	name := s.chosen
	if name == "" && s.cursor < len(s.files) {
		name = s.files[s.cursor].Name
	}
	if folder == nil || name == "" {
		return statusCmd("Aucun fichier à vérifier : voir le dossier d'imports")
	}
	s.forget()
	s.chosen, s.busy = name, busyChecking
	svc, kind, gen := s.env.svc, imports.Kinds[s.kind], s.work.next()
	opt := imports.Options{Force: s.force, SlotsFromFile: s.slots}
	return func() tea.Msg {
		read, err := folder.Read(name)
		if err != nil {
			return importCheckedMsg{gen: gen, err: err}
		}
		plan, err := imports.Check(svc.Service, kind, read, opt)
		return importCheckedMsg{gen: gen, src: &read, plan: shown(plan), err: err}
	}
}

func (s *importScreen) onChecked(msg importCheckedMsg) tea.Cmd {
	if !s.work.take(msg.gen) {
		return nil
	}
	s.busy = ""
	if msg.plan == nil {
		s.report = []string{"✗ " + model.UserMessage(msg.err)}
		return errorCmd(msg.err)
	}
	s.src, s.plan, s.ready = msg.src, msg.plan, msg.err == nil
	s.report, s.scroll = planLines(msg.plan), 0
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	return statusCmd("Vérifié : %d changement(s) ; « a » pour appliquer", msg.plan.Changes())
}

// apply runs the import that was checked, in one transaction.
func (s *importScreen) apply() tea.Cmd {
	if !s.ready || s.busy != "" {
		return statusCmd("Vérifiez d'abord un fichier sans refus (↵)")
	}
	s.busy, s.ready = busyApplying, false
	svc, kind, src, gen := s.env.svc, imports.Kinds[s.kind], *s.src, s.work.next()
	opt := imports.Options{Force: s.force, SlotsFromFile: s.slots}
	return func() tea.Msg {
		rep, err := imports.Run(svc.Service, kind, src, opt)
		return importAppliedMsg{gen: gen, rep: shown(rep), err: err}
	}
}

func (s *importScreen) onApplied(msg importAppliedMsg) tea.Cmd {
	if !s.work.take(msg.gen) {
		return nil
	}
	s.busy = ""
	if msg.rep != nil {
		s.plan = msg.rep.Plan
		s.report, s.scroll = planLines(msg.rep.Plan), 0
	}
	if msg.err != nil {
		return errorCmd(msg.err)
	}
	s.report = append([]string{fmt.Sprintf("✓ Import enregistré : %d modification(s).", msg.rep.Written), ""}, s.report...)
	return statusCmd("Import enregistré : %d modification(s)", msg.rep.Written)
}

// planLines is the report of a plan as the screen lists it.
func planLines(p *imports.Plan) []string {
	lines := []string{"Fichier " + p.File + " : " + p.Format}
	for _, l := range p.Summary() {
		lines = append(lines, "  "+l)
	}
	add := func(title string, xs []string) {
		if len(xs) > 0 {
			lines = append(lines, "", title+" :")
			for _, x := range xs {
				lines = append(lines, "  "+x)
			}
		}
	}
	var refused []string
	for _, r := range p.Refused {
		refused = append(refused, "✗ "+r.String())
	}
	add("Refusé", refused)
	add("Détail", p.Details())
	add("Remarques", p.Notes)
	return lines
}
