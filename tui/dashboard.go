package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
)

// dashboardScreen is the Tableau de bord: the day's absent and late pupils,
// the roll calls not done, the absences still without a motive and the pupils
// over the threshold this month. It reloads when a change concerns them.
type dashboardScreen struct {
	env   *env
	db    *model.Dashboard
	loads loadGate
	reKey key.Binding
}

func newDashboardScreen(e *env) Screen {
	return &dashboardScreen{env: e, reKey: newKey("ctrl+r", "actualiser", "ctrl+r")}
}

type dashboardMsg struct {
	gen int
	db  model.Dashboard
	err error
}

// dashboardTickMsg is the dashboard's reload timer.
type dashboardTickMsg struct{}

func (s *dashboardScreen) Init() tea.Cmd { return s.load(true) }

// load reads the dashboard; force: the user asked for it.
func (s *dashboardScreen) load(force bool) tea.Cmd {
	svc := s.env.svc
	return s.loads.load(force, func(gen int) tea.Msg {
		db, err := svc.Dashboard()
		return dashboardMsg{gen: gen, db: db, err: err}
	})
}

func (s *dashboardScreen) Title() string { return "Tableau de bord" }

func (s *dashboardScreen) Capturing() bool { return false }

func (s *dashboardScreen) Pending() int { return 0 }

func (s *dashboardScreen) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, s.reKey) {
			return s, s.load(true)
		}
	case dashboardMsg:
		return s, s.onLoaded(msg)
	case dashboardTickMsg:
		if s.loads.fire() {
			return s, s.load(false)
		}
	case changeMsg:
		if s.db != nil && dashboardTouched(model.Change(msg), s.db.Day) {
			return s, s.loads.later(s.env.ctx, dashboardTickMsg{})
		}
	}
	return s, nil
}

func (s *dashboardScreen) onLoaded(msg dashboardMsg) tea.Cmd {
	latest, next := s.loads.arrived(msg.gen, func() tea.Cmd { return s.loads.later(s.env.ctx, dashboardTickMsg{}) })
	if !latest {
		return nil
	}
	if msg.err != nil {
		return tea.Batch(next, errorCmd(msg.err))
	}
	s.db = &msg.db
	return next
}

// dashboardTouched: a mark dated up to the day (the day's counts, the
// backlog), the day's roll calls, announced absences, the structure, the reports.
func dashboardTouched(c model.Change, day model.Date) bool {
	if c.Touches(model.ChangedNotices | model.ChangedStructure | model.ChangedReports) {
		return true
	}
	if c.Touches(model.ChangedMarks) && slices.ContainsFunc(c.Dates, func(d model.Date) bool { return !d.After(day) }) {
		return true
	}
	return c.Touches(model.ChangedRollCalls) && slices.Contains(c.Dates, day)
}

// dashboardListMax is how many pupils over the threshold the dashboard lists.
const dashboardListMax = 5

func (s *dashboardScreen) View(width, height int) string {
	if s.db == nil {
		return "Chargement…"
	}
	st, db := s.env.styles, s.db
	lines := []string{
		st.Title.Render(truncate("Tableau de bord — "+longDate(db.Day)+", "+db.At.Format("15:04"), width)), "",
		st.Header.Render("Aujourd'hui"),
		figureLine("Élèves absents", db.AbsentPupils, ""),
		figureLine("Élèves en retard", db.LatePupils, ""),
		figureLine("Appels non faits", len(db.NotDone), fmt.Sprintf("sur %s", plural(db.Started, "séance commencée", "séances commencées"))),
		"",
		st.Header.Render("Depuis la rentrée"),
		figureLine("Absences sans motif", db.Unjustified, plural(db.UnjustifiedPupils, "élève", "élèves")),
		"",
		st.Header.Render(fmt.Sprintf("Seuil de signalement — %s", monthLabel(db.Month))),
	}
	lines = append(lines, s.crossedLines(width)...)
	lines = append(lines, "", st.Header.Render("Appels non faits"))
	lines = append(lines, s.notDoneLines(width, height-len(lines))...)
	for i := range lines {
		lines[i] = truncate(lines[i], width)
	}
	return strings.Join(lines, "\n")
}

// figureLine is "  Élèves absents        12  sur 40 séances".
func figureLine(label string, n int, note string) string {
	return strings.TrimRight(fmt.Sprintf("  %s %5d  %s", padRight(label, 22), n, note), " ")
}

func (s *dashboardScreen) crossedLines(width int) []string {
	st, db := s.env.styles, s.db
	if len(db.Crossed) == 0 {
		return []string{st.Muted.Render("  Aucun élève n'a atteint 4 demi-journées non valables ce mois-ci.")}
	}
	out := []string{fmt.Sprintf("  %s avec 4 demi-journées non valables ou plus :", plural(len(db.Crossed), "élève", "élèves"))}
	for i, l := range db.Crossed {
		if i == dashboardListMax {
			out = append(out, st.Muted.Render(fmt.Sprintf("    … et %d autres (écran Statistiques, vue Seuil)", len(db.Crossed)-i)))
			break
		}
		state := st.Warn.Render("à signaler")
		if l.Report != nil {
			state = st.Ok.Render("✓ signalé")
		}
		out = append(out, fmt.Sprintf("    %s %s %s · %s", padRight(l.Pupil.FullName(), 26), padRight(l.Pupil.Division, 5),
			fmt.Sprintf("%d NV, 4e le %s", l.Crossing.InvalidHalfDays, halfDayText(l.Crossing.ReachedOn, l.Crossing.ReachedHalf)), state))
	}
	return out
}

// notDoneLines lists the roll calls not done in the lines left, the rest counted.
func (s *dashboardScreen) notDoneLines(width, room int) []string {
	st, db := s.env.styles, s.db
	if len(db.NotDone) == 0 {
		return []string{st.Ok.Render("  ✓ Tous les appels des séances commencées sont faits.")}
	}
	room = max(room, 1)
	var out []string
	for i, se := range db.NotDone {
		if i == room-1 && len(db.NotDone) > room {
			out = append(out, st.Muted.Render(fmt.Sprintf("  … et %d autres", len(db.NotDone)-i)))
			break
		}
		out = append(out, fmt.Sprintf("  %s  %s %s %s", se.TimeRange(), padRight(se.Target.Code, 10),
			padRight(se.Subject, 20), teacherText(se)))
	}
	return out
}

// teacherText is who gives the séance (the substitute first).
func teacherText(se model.Seance) string {
	if se.Substitute != "" {
		return se.Substitute + " (remplaçant)"
	}
	return strings.Join(se.Teachers, ", ")
}

func (s *dashboardScreen) ShortHelp() []key.Binding { return []key.Binding{s.reKey} }

func (s *dashboardScreen) FullHelp() []HelpSection {
	return []HelpSection{{Title: "Tableau de bord (mis à jour à chaque changement)", Keys: []key.Binding{s.reKey}}}
}
