package tui_test

import (
	"testing"

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
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	admin := f.service("admin")
	d := tuitest.StartWith(t, tui.Config{Service: admin}, 110, 40)
	d.WaitFor("Identifiant")
	d.Press("0")
	d.WaitFor("Importer un fichier")
	d.Press("E")
	d.WaitFor("Établissement", "Grille horaire :", "M1   08:00–08:55  matin", "Règles de décompte :", "Méthode brute")
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
