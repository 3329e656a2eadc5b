package tui_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// openFile opens the Élèves screen as login, types query and opens the first match.
func openFile(t *testing.T, f fixture, login, query string) *driver {
	t.Helper()
	d := landed(t, f, login)
	d.Press("3")
	d.WaitFor("Rechercher un élève")
	for _, r := range query {
		d.Press(string(r))
	}
	d.WaitFor("› ")
	d.Press("enter")
	d.WaitFor("[Résumé]")
	return d
}

func TestPupilFileForCPE(t *testing.T) {
	f := gridFixture(t, 12, modeltest.GridNow)
	d := openFile(t, f, "cpe", "bénard")
	v := d.View()
	for _, want := range []string{"BÉNARD Noé · 4B", "période : 1er trimestre", "Demi-journées d'absence : 1 · valables : 1 · non valables : 0",
		"Heures manquées : 1,83 h", "08:00–08:55 Mathématiques · absent · Maladie (valable)", "Famille"} {
		if !strings.Contains(v, want) {
			t.Errorf("the file lacks %q:\n%s", want, v)
		}
	}
	d.Press("tab")
	v = d.WaitFor("[Emploi du temps]", "Semaine du 16/11/2026 · semaine A")
	if !strings.Contains(line(v, "S1 13:30"), "SVT (sem. A)") {
		t.Errorf("Monday 13:30 of week A should be SVT:\n%s", v)
	}
	d.Press("[")
	v = d.WaitFor("Semaine du 09/11/2026 · semaine B")
	if !strings.Contains(line(v, "S1 13:30"), "Technologie") || !strings.Contains(line(v, "M1 08:00"), "~ Armistice") {
		t.Errorf("week B: Technologie on Monday, Armistice on Wednesday:\n%s", v)
	}
	d.Press("tab", "tab")
	v = d.WaitFor("[Famille]", "Responsables légaux")
	if !strings.Contains(v, "Mme Sophie BÉNARD (mère) · port. 06 12 34 56 01") {
		t.Errorf("guardian and phone missing:\n%s", v)
	}
}

// TestCallLoggedInThreeKeys logs "message laissé" to the first guardian:
// c, 2, enter.
func TestCallLoggedInThreeKeys(t *testing.T) {
	f := gridFixture(t, 4, modeltest.GridNow)
	d := openFile(t, f, "aed", "abadie")
	d.Press("tab", "tab", "tab")
	d.WaitFor("(c : noter un appel)")
	start := d.Keys
	d.Press("c", "2", "enter")
	d.WaitFor("✓ Appel noté : Message laissé, 10:30.")
	v := d.WaitFor("10:30 · M. Petit → Mme Sophie ABADIE (mère) · Message laissé")
	if d.Keys-start != 3 {
		t.Errorf("%d keys", d.Keys-start)
	}
	var calls []model.FamilyCall
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		calls, err = tx.Calls("E001")
		return err
	})
	if err != nil || len(calls) != 1 {
		t.Fatalf("calls %+v (%v)\n%s", calls, err, v)
	}
	c := calls[0]
	if c.By != "aed" || c.Outcome != "Message laissé" || c.Person != "Mme Sophie ABADIE (mère)" || !c.At.Equal(modeltest.GridNow) {
		t.Errorf("stored %+v", c)
	}
}

func TestCallFormFields(t *testing.T) {
	f := gridFixture(t, 4, modeltest.GridNow)
	d := openFile(t, f, "cpe", "abadie")
	d.Press("tab", "tab", "tab", "c", "right", "right", "tab", "right", "tab")
	d.Press("backspace", "backspace", "1", "5", "tab")
	for _, r := range "rappel demain" {
		d.Press(string(r))
	}
	d.Press("enter")
	d.WaitFor("✓ Appel noté : Pas de réponse, 10:15.")
	d.WaitFor("10:15 · Mme Lemaire → M. Marc ABADIE (père) · Pas de réponse · rappel d")
	d.Press("c", "tab", "tab", "backspace", "backspace", "5", "9", "enter")
	d.WaitFor("✗ un appel ne peut pas être daté après maintenant")
	d.Press("esc")
	v := d.WaitFor("(c : noter un appel)")
	if strings.Contains(v, "Nouvel appel") {
		t.Errorf("esc did not close the form:\n%s", v)
	}
}

// TestTeacherSeesNoContactsNorMotives: prof opens a pupil's file: no
// Famille pane, no phone, no motive; and the grid shows J, never V or N.
func TestTeacherSeesNoContactsNorMotives(t *testing.T) {
	f := gridFixture(t, 12, modeltest.GridNow)
	d := openFile(t, f, "prof", "bénard")
	v := d.View()
	for _, banned := range []string{"Famille", "06 12", "Maladie", "valables :"} {
		if strings.Contains(v, banned) {
			t.Errorf("a teacher sees %q:\n%s", banned, v)
		}
	}
	if !strings.Contains(v, "absent · justifiée") || !strings.Contains(v, "validité réservée à la vie scolaire") {
		t.Errorf("the teacher's file should say justifiée, without the motive:\n%s", v)
	}
	d.Press("tab", "tab", "tab")
	if v := d.View(); !strings.Contains(v, "[Vie de l'élève]") || !strings.Contains(v, "Sanctions : réservées à la vie scolaire") {
		t.Errorf("the fourth pane should be Vie de l'élève, without sanctions:\n%s", v)
	}
	d.Press("tab")
	if v := d.View(); !strings.Contains(v, "[Résumé]") {
		t.Errorf("tab should cycle over four panes:\n%s", v)
	}

	g := openGrid(t, f, "prof", "4B")
	g.Press("H", "H", "H", "h", "h", "j", "l")
	v = g.WaitFor("BÉNARD Noé · lun. 16/11 08:55–09:50")
	if cellOf(t, v, "BÉNARD Noé", 0, 1) != "J" || strings.Contains(v, "Maladie") || strings.Contains(v, "valable") {
		t.Errorf("the teacher's grid shows a motive or a validity:\n%s", v)
	}
	g.Press("v")
	if v := g.View(); strings.Contains(v, "tapez un motif") {
		t.Errorf("a teacher may select to justify:\n%s", v)
	}
}

// TestTeacherGridsOwnGroupsOnly: prof2 teaches 4A and ESP 4AB, not 4B.
func TestTeacherGridsOwnGroupsOnly(t *testing.T) {
	f := gridFixture(t, 12, modeltest.GridNow)
	d := f.start(t, "prof2", 80, 24)
	d.WaitUntil(func(v string) bool { return !strings.Contains(v, "Chargement") }, "the landing screen")
	d.Press("tab", "2")
	d.WaitFor("4A · semaine du")
	d.Press("D")
	v := d.WaitFor("Classe ou groupe")
	if !strings.Contains(v, "4A") || !strings.Contains(v, "ESP 4AB (groupe)") || strings.Contains(v, "4B") {
		t.Errorf("prof2's picker:\n%s", v)
	}
	d.Press("4", "b")
	d.WaitFor("Aucune classe ni aucun groupe ne correspond.")
	d.Press("esc", "3")
	d.Press("c", "a", "r")
	v = d.WaitFor("Rechercher un élève : car")
	if strings.Contains(v, "CARON") {
		t.Errorf("prof2 finds a 4B pupil outside his group:\n%s", v)
	}
}

// TestEnterOnGridOpensTheFile: enter on a grid row opens that pupil's file,
// p his grid; esc goes back the same way: to the file, then to the class grid.
func TestEnterOnGridOpensTheFile(t *testing.T) {
	f := gridFixture(t, 12, modeltest.GridNow)
	d := openGrid(t, f, "direction", "4B")
	d.Press("j", "j", "enter")
	v := d.WaitFor("[Résumé]", "CARON Zoé · 4B")
	if !strings.Contains(v, "Famille") || strings.Contains(v, "c noter un appel") {
		t.Errorf("direction reads contacts but logs no call:\n%s", v)
	}
	d.Press("P")
	d.WaitFor("CARON Zoé · 4B · novembre 2026", "1 dj non valable")
	d.Press("esc")
	d.WaitFor("[Résumé]", "CARON Zoé · 4B")
	d.Press("esc")
	v = d.WaitFor("4B · semaine du 16/11/2026")
	if !strings.Contains(line(v, "CARON Zoé"), "›") {
		t.Errorf("back on the class grid, the cursor is where enter was pressed:\n%s", v)
	}
}

// TestGuardianEditedInFamilyPane: the AED opens the Famille pane, m, types
// a wrong e-mail (refused, nothing stored), then a right one: stored,
// audited, shown.
func TestGuardianEditedInFamilyPane(t *testing.T) {
	f := gridFixture(t, 4, modeltest.GridNow)
	d := openFile(t, f, "aed", "abadie")
	d.Press("tab", "tab", "tab")
	d.WaitFor("(m : modifier mél, portable, adresse)", "Avis aux familles", "Aucun avis.")
	d.Press("m")
	d.WaitFor("Coordonnées d'un responsable", "Mél      : famille@example.fr")
	d.Press("ctrl+u")
	for _, r := range "sophie.abadie@" {
		d.Press(string(r))
	}
	d.Press("enter")
	d.WaitFor("✗ mél : « sophie.abadie@ » n'est pas une adresse électronique")
	for _, r := range "exemple.fr" {
		d.Press(string(r))
	}
	d.Press("tab", "tab", "ctrl+u")
	for _, r := range "3 rue de l'Église / 67000 Strasbourg" {
		d.Press(string(r))
	}
	d.Press("enter")
	d.WaitFor("✓ Responsable modifié : Mme ABADIE Sophie.")
	v := d.WaitFor("sophie.abadie@exemple.fr", "3 rue de l'Église, 67000 Strasbourg")
	var gs []model.Guardian
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		gs, err = tx.Guardians("E001")
		return err
	})
	if err != nil || len(gs) == 0 || gs[0].Email != "sophie.abadie@exemple.fr" || len(gs[0].Address) != 2 {
		t.Fatalf("stored %+v (%v)\n%s", gs, err, v)
	}
}
