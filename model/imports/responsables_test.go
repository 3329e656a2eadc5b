package imports_test

import (
	"fmt"
	"strings"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/imports"
)

// TestResponsables: guardians of the school's pupils come with their shared
// address and relation; a person linked only to pupils the school does not
// have is skipped and counted; a re-import changes nothing. The real
// dossiersco sample, when reachable, is imported too.
func TestResponsables(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	f.run(t, imports.Siecle, eleves(t), imports.Options{})
	src := synthetic(t, "responsables.zip")
	rep := f.run(t, imports.Responsables, src, imports.Options{})
	if got := rep.Summary(); fmt.Sprint(got) != "[responsable : 3 créés, 1 ignoré]" {
		t.Errorf("summary %q", got)
	}
	checkReport(t, rep, []string{
		"responsable 2004 (TIERS Paul) ignoré : lié seulement à des élèves absents de l'établissement (9999)",
		"ligne 43 : personne 2005 (SEULE Iris) rattachée à aucun élève : ignorée",
	})
	checkGuardian(t, f, "1001", "2001|MME BŒUF|0600000001|[3 allée des Œillets 67000 STRASBOURG]|[{Pupil:1001 Level:1 Relation:Mère} {Pupil:1002 Level:3 Relation:Autre lien}]")
	checkGuardian(t, f, "1002", "2003|MME CŒURDEVEY|0600000003|[Résidence Le Cœur Bâtiment € 2 67100 STRASBOURG]|[{Pupil:1002 Level:1 Relation:Mère}]")
	again := f.run(t, imports.Responsables, src, imports.Options{})
	if again.Changes() != 0 || again.Written != 0 {
		t.Errorf("re-import changed:\n%s", details(again.Plan))
	}
	t.Run("dossiersco (réel)", func(t *testing.T) {
		src, ok := realSample(t, "dossiersco_responsables_avec_adresses_simple.xml")
		if !ok {
			return
		}
		data := bare("0140070A")
		data.Divisions = []model.Division{{Code: "6A"}}
		data.Pupils = []model.Pupil{{ID: "610308", LastName: "ROCK", FirstName: "Léo", Division: "6A"}}
		f := newFixture(t, data)
		rep := f.run(t, imports.Responsables, src, imports.Options{})
		if got := rep.Summary(); fmt.Sprint(got) != "[responsable : 2 créés, 1 ignoré]" {
			t.Errorf("summary %q", got)
		}
		checkReport(t, rep, []string{"responsable 209400 (LOVELACE Ada) ignoré : lié seulement à des élèves absents de l'établissement (610305)"})
		checkGuardian(t, f, "610308", "209401|MME ROCK|+33764444288|[18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE]|[{Pupil:610308 Level:1 Relation:Mère}]")
	})
}

// checkGuardian checks a guardian of a pupil as stored; want starts with his ID.
func checkGuardian(t *testing.T, f fixture, pupil model.PupilID, want string) {
	t.Helper()
	var gs []model.Guardian
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		gs, err = tx.Guardians(pupil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	id, _, _ := strings.Cut(want, "|")
	for _, g := range gs {
		if g.ID != id {
			continue
		}
		got := fmt.Sprintf("%s|%s %s|%s|%v|%+v", g.ID, g.Civility, g.LastName, g.Phone, g.Address, g.Links)
		if got != want {
			t.Errorf("guardian of %s\n got %s\nwant %s", pupil, got, want)
		}
		return
	}
	t.Errorf("guardian %s of %s not stored: %+v", id, pupil, gs)
}
