package tui_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

// TestExclusionAsksForTheReport: e marks the pupil excluded, then asks for
// the written report; ↵ stores it. esc leaves it to write later, and the
// vie scolaire finds it missing.
func TestExclusionAsksForTheReport(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 8, 10))
	d := f.start(t, "prof", 100, 30)
	d.WaitFor("appel non fait")
	d.Press(":", "5", "e")
	d.WaitFor("rapport écrit", "Rapport")
	d.Press("Bavardages répétés, refus de travailler", "enter")
	d.WaitFor("✓ Rapport d'exclusion de ÉCUYER")
	d.Press("6", "e")
	d.WaitFor("rapport écrit")
	d.Press("esc")
	d.WaitFor("à écrire plus tard")
	id := modeltest.MathsSeance(modeltest.Monday)
	marks := storedMarks(t, f, id)
	if marks["E005"].Kind != model.KindExcluded || marks["E006"].Kind != model.KindExcluded {
		t.Errorf("marks %+v", marks)
	}
	missing, err := f.service("cpe").MissingReports()
	if err != nil || len(missing) != 1 || missing[0].Pupil != "E006" {
		t.Fatalf("missing reports %+v, %v", missing, err)
	}
	all, _ := f.service("cpe").Punishments(model.DisciplineQuery{Kind: model.PunishExclusion})
	for _, p := range all {
		if p.Pupil == "E005" && p.Report != "Bavardages répétés, refus de travailler" {
			t.Errorf("E005's report is %q", p.Report)
		}
	}
}

// TestDeskShowsExclusionsLive: the CPE's desk lists a teacher's exclusion
// as it is marked, without its report, then with it once written.
func TestDeskShowsExclusionsLive(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 8, 10))
	cpe := f.start(t, "cpe", 140, 30)
	cpe.WaitFor("Absences du jour")
	cpe.Press("tab", "tab", "tab", "tab")
	cpe.WaitFor("[Exclusions 0]", "Aucune exclusion")
	prof := f.service("prof")
	x, _, err := prof.ExcludeFromLesson(modeltest.MathsSeance(modeltest.Monday), "E003")
	if err != nil {
		t.Fatal(err)
	}
	cpe.WaitFor("[Exclusions 1 (1 sans rapport)]", "CARON Zoé (4B)", "rapport manquant")
	if _, err := prof.WriteExclusionReport(x.ID, "insolent"); err != nil {
		t.Fatal(err)
	}
	cpe.WaitFor("[Exclusions 1]", "insolent")
	cpe.Press("r", " et grossier", "enter")
	cpe.WaitFor("✓ Rapport d'exclusion enregistré.", "insolent et grossier")
}

// TestVieDeLEleveScreen: the CPE adds an incident and a retenue from the
// screen, plans the detention, the aed takes its roll call with a séance's
// keys, and the direction pronounces a temporary exclusion that shows E.
func TestVieDeLEleveScreen(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 9, 0))
	cpe := f.start(t, "cpe", 140, 30)
	cpe.WaitFor("7 Vie")
	cpe.Press("7")
	cpe.WaitFor("[Incidents]", "Rien à montrer")
	cpe.Press("n", "Caron", "tab", "tab", "tab", "cour", "tab", "bousculade", "tab", "tab", "Bénard:victime, M. Petit:temoin", "enter")
	cpe.WaitFor("✓ Incident inc-20261123-1 enregistré.", "CARON Zoé (4B) auteur, BÉNARD", "bousculade")
	inc, _ := f.service("cpe").Incidents(model.DisciplineQuery{})
	if len(inc) != 1 || len(inc[0].Involved) != 3 || inc[0].Involved[1] != (model.Involved{Pupil: "E002", Role: model.InvolvedVictim}) ||
		inc[0].Involved[2] != (model.Involved{Staff: "M. Petit", Role: model.InvolvedWitness}) {
		t.Errorf("incident stored %+v", inc)
	}
	cpe.Press("tab", "tab")
	cpe.WaitFor("[Retenues]")
	cpe.Press("n", "tab", "tab", "tab", "Permanence", "tab", "ctrl+u", "aed", "enter")
	cpe.WaitFor("✓ Retenue du 23/11/2026 à 13:00 planifiée.", "surveillant aed", "0 élève(s)")
	cpe.Press("tab", "tab", "tab")
	cpe.WaitFor("[Incidents]")
	cpe.Press("p")
	cpe.WaitFor("Punition à la suite de l'incident inc-20261123-1", "E003", "bousculade")
	cpe.Press("tab", "right", "right", "right", "enter")
	cpe.WaitFor("✓ Punition de CARON Zoé enregistrée (retenue ret-20261123-1).")
	if p, _ := f.service("cpe").Punishments(model.DisciplineQuery{}); len(p) != 1 || p[0].Incident != "inc-20261123-1" {
		t.Errorf("punishment %+v", p)
	}
	cpe.Press("tab")
	cpe.WaitFor("[Punitions]")
	aed := f.start(t, "aed", 140, 30)
	aed.Press("7")
	aed.WaitFor("[Incidents]")
	aed.Press("tab", "tab")
	aed.WaitFor("1 élève(s)", "appel à faire")
	aed.Press("enter")
	aed.WaitFor("Retenue · lun. 23/11", "CARON Zoé")
	aed.Press("1", "a", "enter")
	aed.WaitFor("✓ Appel de la retenue fait : 1 absent(s) à suivre.")
	follow, err := f.service("cpe").DetentionFollowUps()
	if err != nil || len(follow) != 1 || follow[0].Pupil != "E003" {
		t.Fatalf("follow-ups %+v %v", follow, err)
	}
	cpe.Press("tab", "tab")
	cpe.WaitFor("[Sanctions]")
	cpe.Press("n")
	cpe.WaitFor("Seule la direction prononce une sanction.")
	dir := f.start(t, "direction", 140, 30)
	dir.Press("7")
	dir.WaitFor("[Incidents]", "bousculade")
	dir.Press("tab", "tab", "tab", "n", "Caron", "tab", "right", "right", "right", "right", "tab", "violences",
		"tab", "ctrl+u", "24/11/2026", "tab", "ctrl+u", "2", "enter")
	dir.WaitFor("✓ Exclusion temporaire de l'établissement prononcé(e) pour CARON Zoé.", "effacée le 01/09/2029")
	dir.Press("f")
	dir.WaitFor("✓ Famille avisée : aucun (injoignable).")
	dir.Press("X")
	dir.WaitFor("Retirer la sanction san-20261123-1")
	dir.Press("esc")
	dir.WaitFor("[Sanctions]", "violences")
	dir.Press("tab")
	v := dir.WaitFor("[Statistiques]", "Violence verbale")
	for _, want := range []string{"incident", "punition", "sanction", "Exclusion temporaire de l'établissement"} {
		if !strings.Contains(v, want) {
			t.Errorf("statistics lack %q:\n%s", want, v)
		}
	}
	marks := storedMarks(t, f, modeltest.MathsSeance(modeltest.Monday.AddDays(1)))
	if marks["E003"].Kind != model.KindExcluded {
		t.Errorf("E003 on Tuesday: %+v", marks["E003"])
	}
	dir.Press("shift+tab", "X", "annulée par le recteur", "enter")
	dir.WaitFor("✓ Sanction san-20261123-1 retirée.", "Rien à montrer")
	if marks := storedMarks(t, f, modeltest.MathsSeance(modeltest.Monday.AddDays(1))); marks["E003"].Kind == model.KindExcluded {
		t.Errorf("the withdrawn sanction's E stayed: %+v", marks["E003"])
	}
}

// TestPupilFileDisciplinePane: the CPE sees a pupil's punishment and his
// sanction in his file; the teacher sees the punishment, not the sanction.
func TestPupilFileDisciplinePane(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 9, 0))
	if _, err := f.service("prof").Punish(model.Punishment{Pupil: "E002", Kind: model.PunishHomework, Reason: "exercices non faits"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.service("direction").Pronounce(model.Sanction{Pupil: "E002", Kind: model.SanctionBlame, Facts: "insultes à un surveillant"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		login string
		tabs  []string
		want  []string
		not   string
	}{
		{"cpe", []string{"tab", "tab", "tab", "tab"}, []string{"Devoir supplémentaire", "Blâme", "effacée le 01/09/2028"}, "réservées"},
		{"prof", []string{"tab", "tab", "tab"}, []string{"Devoir supplémentaire", "Sanctions : réservées"}, "insultes"},
	} {
		d := f.start(t, c.login, 140, 30)
		d.Press("3")
		d.WaitFor("Rechercher un élève")
		d.Press("bénard")
		d.WaitFor("› ")
		d.Press("enter")
		d.WaitFor("[Résumé]", "BÉNARD")
		d.Press(c.tabs...)
		v := d.WaitFor(append([]string{"[Vie de l'élève]"}, c.want...)...)
		if strings.Contains(v, c.not) {
			t.Errorf("%s sees %q:\n%s", c.login, c.not, v)
		}
	}
}

// TestTeacherReportsAnIncident: a teacher reports an incident about one of
// his pupils in a few keys, sees it, and has no Sanctions tab.
func TestTeacherReportsAnIncident(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 9, 0))
	prof := f.start(t, "prof", 140, 30)
	prof.WaitFor("7 Vie")
	prof.Press("7")
	v := prof.WaitFor("[Incidents]", " Punitions ", " Retenues ")
	if strings.Contains(v, "Sanctions") {
		t.Errorf("a teacher has the Sanctions tab:\n%s", v)
	}
	prof.Press("n", "Fournier", "tab", "tab", "right", "tab", "couloir", "tab", "coup de poing", "enter")
	prof.WaitFor("✓ Incident inc-20261123-1 enregistré.", "FOURNIER Éloïse (4B) auteur", "Violence physique")
	prof.Press("tab", "n", "Autre", "enter")
	prof.WaitFor("aucun élève ne correspond à « Autre »") // he finds only his pupils
	if l, _ := f.service("cpe").Incidents(model.DisciplineQuery{}); len(l) != 1 || l[0].By != "prof" {
		t.Errorf("incidents %+v", l)
	}
}

// TestPlaceARetenue: a retenue given before any session is planned waits,
// flagged; r places it in the next session with room.
func TestPlaceARetenue(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 9, 0))
	cpe := f.service("cpe")
	p, err := cpe.Punish(model.Punishment{Pupil: "E004", Kind: model.PunishDetention, Reason: "retards"})
	if err != nil || p.Detention != "" {
		t.Fatalf("%+v %v", p, err)
	}
	d := f.start(t, "cpe", 140, 30)
	d.Press("7", "tab")
	d.WaitFor("[Punitions]", "à placer dans une retenue")
	d.Press("r")
	d.WaitFor("aucune séance de retenue libre")
	if _, err := cpe.PlanDetention(model.DetentionSession{Date: modeltest.Monday.AddDays(2), Start: 13 * 60, End: 15 * 60, Supervisor: "aed"}); err != nil {
		t.Fatal(err)
	}
	d.Press("r")
	d.WaitFor("✓ Retenue placée dans la séance ret-20261125-1.")
	v := d.WaitFor("retards")
	if strings.Contains(v, "à placer") {
		t.Errorf("the retenue is still to place:\n%s", v)
	}
}

// TestVieDeLEleveFilters: c, t and w narrow the list to a class, a kind,
// a period.
func TestVieDeLEleveFilters(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 9, 0))
	cpe := f.service("cpe")
	for _, c := range []struct {
		pupil model.PupilID
		kind  string
		day   model.Date
	}{{"E001", "vol", modeltest.Monday}, {"A001", "vol", modeltest.Monday}, {"E002", "degradation", modeltest.Monday.AddDays(-30)}} {
		if _, err := cpe.ReportIncident(model.Incident{Date: c.day, Kind: c.kind, Description: "faits de " + string(c.pupil),
			Involved: []model.Involved{{Pupil: c.pupil, Role: model.InvolvedAuthor}}}); err != nil {
			t.Fatal(err)
		}
	}
	d := f.start(t, "cpe", 140, 30)
	d.Press("7")
	d.WaitFor("faits de E001", "faits de A001", "faits de E002")
	count := func() int { return strings.Count(d.View(), "faits de ") }
	d.Press("c") // 4A
	d.WaitFor("Classe : 4A")
	if n := count(); n != 1 || !strings.Contains(d.View(), "faits de A001") {
		t.Errorf("class 4A: %d lines:\n%s", n, d.View())
	}
	d.Press("c", "t", "t", "t", "t") // 4B, then the fourth kind: Dégradation
	d.WaitFor("Classe : 4B", "Nature : Dégradation")
	if n := count(); n != 1 || !strings.Contains(d.View(), "faits de E002") {
		t.Errorf("4B and Dégradation: %d lines:\n%s", n, d.View())
	}
	d.Press("w") // this month: the dégradation was in October
	d.WaitFor("Période : ce mois")
	if n := count(); n != 0 {
		t.Errorf("this month: %d lines:\n%s", n, d.View())
	}
}

// TestTeacherSupervisesADetention: a teacher who supervises a detention
// finds it on his Retenues tab and takes its roll call.
func TestTeacherSupervisesADetention(t *testing.T) {
	f := newFixture(t, 12, modeltest.At(modeltest.Monday, 16, 5))
	cpe := f.service("cpe")
	s, err := cpe.PlanDetention(model.DetentionSession{Date: modeltest.Monday, Start: 16 * 60, End: 17 * 60, Room: "B12", Supervisor: "prof2"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cpe.PlanDetention(model.DetentionSession{Date: modeltest.Monday, Start: 16 * 60, End: 17 * 60, Room: "B13", Supervisor: "aed"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []model.PupilID{"E002", "A003"} {
		if _, err := cpe.Punish(model.Punishment{Pupil: p, Kind: model.PunishDetention, Detention: s.ID}); err != nil {
			t.Fatal(err)
		}
	}
	d := f.start(t, "prof2", 140, 30)
	d.Press("7", "tab", "tab")
	v := d.WaitFor("[Retenues]", "B12", "2 élève(s)")
	if strings.Contains(v, "B13") {
		t.Errorf("prof2 sees another supervisor's detention:\n%s", v)
	}
	d.Press("enter")
	d.WaitFor("Retenue · lun. 23/11 16:00–17:00 · B12", "AUTRE", "BÉNARD")
	d.Press("2", "a", "enter")
	d.WaitFor("✓ Appel de la retenue fait : 1 absent(s) à suivre.")
}
