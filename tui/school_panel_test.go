package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"appel/model"
	"appel/model/modeltest"
	"appel/tui"
	"appel/tui/tuitest"
)

// TestSchoolPanel: on the Imports screen, E shows the school's grid, periods
// and counting rules; t previews counting lateness as absence (how many
// pupils' figures change), any key but o leaves the rules, o applies them
// and the panel shows the new rules.
func TestSchoolPanel(t *testing.T) {
	admin, d := openSchoolPanel(t, 110, 40)
	d.WaitFor("Établissement", "Grille horaire (c) :", "M1 08:00–08:55 · M2 08:55–09:50", "Semaine de cours (s) :", "lundi mardi mercredi jeudi vendredi", "Règles de décompte (m) :", "Méthode brute")
	d.Press("t")
	d.WaitFor("Nouvelles règles : Méthode brute", "min compté en absence", "Les chiffres de 0 élève(s) sur 9 changent", "Appliquer ces règles ?", "o : oui")
	d.Press("n")
	d.WaitFor("Rien n'a été fait.", "retard jamais compté en absence")
	if rules := schoolRules(t, admin); rules.LateAsAbsentAfter != 0 {
		t.Fatalf("n applied the rules: %+v", rules)
	}
	d.Press("m")
	d.WaitFor("Nouvelles règles : Méthode toutes les séances de la demi-journée", "Appliquer ces règles ?")
	d.Press("o")
	d.WaitFor("✓ Règles enregistrées", "Méthode toutes les séances de la demi-journée, midi à 12:00")
	if rules := schoolRules(t, admin); rules.Method != model.CountAllSeances {
		t.Fatalf("o did not apply the rules: %+v", rules)
	}
	d.Press("]")
	d.WaitFor("midi à 12:15", "Appliquer ces règles ?")
	d.Press("o")
	d.WaitFor("✓ Règles enregistrées", "midi à 12:15")
	if rules := schoolRules(t, admin); rules.MiddayBoundary != 12*60+15 || rules.Method != model.CountAllSeances {
		t.Fatalf("] did not move the boundary alone: %+v", rules)
	}
	d.Press("esc")
	d.WaitFor("Importer un fichier")
}

func schoolRules(t *testing.T, svc *model.Service) model.Settings {
	t.Helper()
	dir, err := svc.Directory()
	if err != nil {
		t.Fatal(err)
	}
	return dir.School.Settings
}

// TestSchoolPanelEdits: the panel's forms change the bell grid and the
// week from a date, add an extra day and take it back, each shown before
// « o » applies it; a change reaching today is refused under its form,
// which stays open; esc leaves a form with nothing written.
func TestSchoolPanelEdits(t *testing.T) {
	admin, d := openSchoolPanel(t, 120, 50)
	d.WaitFor("Grille horaire (c) :")

	d.Press("c")
	d.WaitFor("Grille horaire : un créneau par ligne", "À partir du", "24/11/2026", "Créneau 1", "M1 08:00-08:55 matin", "Nouveau")
	d.Press("ctrl+u", "23/11/2026", "enter")
	d.WaitFor("✗ le changement doit s'appliquer après aujourd'hui (23/11/2026)", "Créneau 1")
	d.Press("ctrl+u", "24/11/2026", "tab", "ctrl+u", "M1 08:05-08:55 matin", "enter")
	d.WaitFor("À partir du 24/11/2026 : M1 08:05–08:55 · M2 08:55–09:50", "cours suivent leur créneau", "Avant le 24/11/2026, séances, marques et décomptes ne changent pas.", "Appliquer cette grille ?")
	d.Press("o")
	d.WaitFor("✓ Grille horaire enregistrée à partir du 24/11/2026.", "à partir du 24/11/2026 : M1 08:05–08:55")
	dir, err := admin.Directory()
	if err != nil || dir.School.On(modeltest.Monday).Slots[0].Start != 8*60 || dir.School.Slots[0].Start != 8*60+5 {
		t.Fatalf("grid: today %v, from tomorrow %v (%v)", dir.School.On(modeltest.Monday).Slots[0], dir.School.Slots[0], err)
	}

	d.Press("s")
	d.WaitFor("Semaine de cours", "‹ journée ›", "samedi")
	d.Press("tab", "tab", "tab", " ")
	d.WaitFor("‹ matin ›")
	d.Press("enter")
	d.WaitFor("À partir du 24/11/2026 : lundi mardi mercredi-matin jeudi vendredi", "Appliquer cette semaine ?")
	d.Press("o")
	d.WaitFor("✓ Semaine de cours enregistrée à partir du 24/11/2026.", "à partir du 24/11/2026 : lundi mardi mercredi-matin jeudi vendredi")

	d.Press("A")
	d.WaitFor("Ajouter un jour de cours", "Emploi du temps du", "‹ vendredi ›")
	d.Press("28/11/2026", "tab", "Rattrapage", "enter")
	d.WaitFor("samedi 28/11/2026, Rattrapage : emploi du temps du vendredi (journée), 1 séance(s).", "Ajouter ce jour de cours ?")
	d.Press("o")
	d.WaitFor("✓ Jour de cours du 28/11/2026 ajouté.", "28/11/2026 Rattrapage (vendredi)")
	dir, _ = admin.Directory()
	if got := len(dir.SeancesOn(model.NewDate(2026, 11, 28))); got != 1 {
		t.Errorf("the extra Saturday has %d séances, want Friday's one", got)
	}

	d.Press("R", "28/11/2026", "enter")
	d.WaitFor("Le 28/11/2026 (Rattrapage) redevient un jour sans cours.", "Retirer ce jour de cours ?")
	d.Press("n")
	d.WaitFor("Rien n'a été fait.", "28/11/2026 Rattrapage (vendredi)")
	d.Press("z", " ", " ")
	d.WaitFor("Académie", "‹ Corse ›")
	d.Press("enter")
	d.WaitFor("Nouvelle académie : Corse (fuseau Europe/Paris).", "Changer d'académie ?")
	d.Press("o")
	d.WaitFor("✓ Académie enregistrée : Corse (fuseau Europe/Paris).", "zone Corse (z)")
	d.Press("F", "Travaux", "esc")
	d.WaitFor("Sans cours à venir (F) :")
	if dir, _ := admin.Directory(); len(dir.School.ExtraDays) != 1 || len(dir.School.Holidays) != len(modeltest.School(5).School.Holidays) {
		t.Errorf("n or esc wrote: %d extra days, %d holidays", len(dir.School.ExtraDays), len(dir.School.Holidays))
	}
}

// openSchoolPanel opens, as admin on the fixture school on Monday 10:00,
// the Imports screen and its « Établissement » panel.
func openSchoolPanel(t *testing.T, width, height int) (*model.Service, *tuitest.Driver) {
	t.Helper()
	admin := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0)).service("admin")
	d := tuitest.StartWith(t, tui.Config{Service: admin}, width, height)
	d.WaitFor("Identifiant")
	d.Press("0")
	d.WaitFor("Importer un fichier")
	d.Press("E")
	return admin, d
}

// TestSchoolPanelStalePreviews: a counting preview answered after a newer
// one, or after a form opened, is dropped. The older answer used to replace
// the newer question, and one coming over a form set a question the form
// hid, which then took the form's next key as its answer.
func TestSchoolPanelStalePreviews(t *testing.T) {
	_, d := openSchoolPanel(t, 120, 50)
	d.WaitFor("Règles de décompte (m) :")
	ask := func(k string) tea.Cmd {
		next, cmd := d.App.Update(keyMsg(k))
		d.App = next
		return cmd
	}
	method, late := ask("m"), ask("t")
	d.Send(late())
	d.Settle(100 * time.Millisecond)
	d.Send(method())
	d.Settle(100 * time.Millisecond)
	v := d.WaitFor("Nouvelles règles : Méthode brute", "retard de plus de 10 min", "Appliquer ces règles ?")
	if strings.Contains(v, "toutes les séances") {
		t.Errorf("the older preview (m) replaced the newer (t):\n%s", v)
	}
	d.Press("n")
	d.WaitFor("Rien n'a été fait.")

	method = ask("m")
	d.Press("c")
	d.WaitFor("Grille horaire : un créneau par ligne")
	d.Send(method())
	d.Settle(100 * time.Millisecond)
	d.Press("ctrl+u", "23/11/2026", "enter")
	d.WaitFor("✗ le changement doit s'appliquer après aujourd'hui (23/11/2026)", "Créneau 1")
}

// TestSchoolPanelRulesRefused: rules refused when « o » applies them say
// why, and not that they were saved (the note « Règles enregistrées » came
// with the refusal: the counting rules' path kept its note on an error,
// which the forms' path did not).
func TestSchoolPanelRulesRefused(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := tuitest.StartWith(t, tui.Config{Service: f.service("admin")}, 110, 40)
	d.WaitFor("Identifiant")
	d.Press("0")
	d.WaitFor("Importer un fichier")
	d.Press("E")
	d.WaitFor("Règles de décompte (m) :")
	d.Press("t")
	d.WaitFor("Appliquer ces règles ?")
	system := model.NewSystemService(f.db, model.Actor{Login: "root"}, modeltest.Clock(f.now))
	if _, err := system.EditAccount("admin", func(a *model.Account) error { a.Disabled = true; return nil }); err != nil {
		t.Fatal(err)
	}
	d.Press("o")
	v := d.WaitFor("✗ ")
	if strings.Contains(v, "Règles enregistrées") {
		t.Errorf("a refusal says the rules were saved:\n%s", v)
	}
}
