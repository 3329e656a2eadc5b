package tui_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
	"appel/tui"
	"appel/tui/tuitest"
)

// TestYearEndNeedsOui: on the Imports screen, N shows what ending the year
// does; only « oui » and ↵ end it, esc renounces, and the screen says what
// was done. The digits typed meanwhile are the answer's, not screens.
func TestYearEndNeedsOui(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	ended := 0
	ye := &tui.YearEnd{
		Describe: func(svc *model.Service) ([]string, error) {
			if err := svc.Require(model.PermSetup); err != nil {
				return nil, err
			}
			return []string{"Fin de l'année 2026-2027 :", "  retirés de la base : 9 élèves"}, nil
		},
		End: func(*model.Service) ([]string, error) {
			ended++
			return []string{"Année 2026-2027 close : archive appel-2026-2027.db."}, nil
		},
	}
	d := tuitest.StartWith(t, tui.Config{Service: f.service("admin"), YearEnd: ye}, 100, 30)
	d.WaitFor("Identifiant")
	d.Press("0")
	d.WaitFor("Importer un fichier")
	d.Press("N")
	d.WaitFor("Clore l'année scolaire", "retirés de la base : 9 élèves", "Tapez « oui » puis ↵")
	d.Press("esc")
	d.WaitFor("Importer un fichier")
	d.Press("N")
	d.WaitFor("Clore l'année scolaire")
	d.Press("1", "enter")
	d.WaitFor("Tapez « oui » puis ↵ pour clore l'année, ou esc")
	if ended != 0 {
		t.Fatal("the year ended without « oui »")
	}
	d.Press("ctrl+u", "o", "u", "i", "enter")
	v := d.WaitFor("Année 2026-2027 close", "esc revient à l'écran des imports", "✓ Année close")
	if ended != 1 || strings.Contains(v, "Tapez « oui » puis ↵ pour clore l'année ;") {
		t.Errorf("ended %d times; screen:\n%s", ended, v)
	}
}
