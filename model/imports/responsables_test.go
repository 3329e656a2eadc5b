package imports_test

import (
	"fmt"
	"strings"
	"testing"

	"appel/model"
	"appel/model/imports"
)

// TestResponsablesSample: guardians of the school's pupils come with their
// shared address and relation; a person linked only to pupils the school does
// not have is skipped and counted; a re-import changes nothing.
func TestResponsablesSample(t *testing.T) {
	data := bare("0140070A")
	data.Divisions = []model.Division{{Code: "6A"}}
	data.Pupils = []model.Pupil{{ID: "610308", LastName: "ROCK", FirstName: "Léo", Division: "6A"}}
	f := newFixture(t, data)
	src := sample(t, "dossiersco_responsables_avec_adresses_simple.xml")
	rep := f.run(t, imports.Responsables, src, imports.Options{})
	if got := rep.Summary(); fmt.Sprint(got) != "[responsable : 2 créés, 1 ignoré]" {
		t.Errorf("summary %q", got)
	}
	if !strings.Contains(details(rep.Plan), "responsable 209400 (LOVELACE Ada) ignoré : lié seulement à des élèves absents de l'établissement (610305)") {
		t.Errorf("details:\n%s", details(rep.Plan))
	}
	var gs []model.Guardian
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		gs, err = tx.Guardians("610308")
		return err
	})
	if err != nil || len(gs) != 2 {
		t.Fatalf("guardians %+v %v", gs, err)
	}
	g := gs[0]
	got := fmt.Sprintf("%s|%s %s|%s|%v|%+v", g.ID, g.Civility, g.LastName, g.Phone, g.Address, g.Links)
	want := "209401|MME ROCK|+33764444288|[18 RUE DES HOMMETS MEZIDON CANON 14270 MEZIDON VALLEE D AUGE]|[{Pupil:610308 Level:1 Relation:Mère}]"
	if got != want {
		t.Errorf("guardian\n got %s\nwant %s", got, want)
	}
	again := f.run(t, imports.Responsables, src, imports.Options{})
	if again.Changes() != 0 || again.Written != 0 {
		t.Errorf("re-import changed:\n%s", details(again.Plan))
	}
}
