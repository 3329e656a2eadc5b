package imports_test

import (
	"strings"
	"testing"

	"appel/model"
	"appel/model/imports"
)

// export is a BEE_ELEVES export dated exported (JJ/MM/AAAA, or none) where
// each pupil ID=division.
func export(exported string, pupils ...string) imports.Source {
	var b strings.Builder
	b.WriteString(`<BEE_ELEVES><PARAMETRES><UAJ>0670001A</UAJ>`)
	if exported != "" {
		b.WriteString(`<DATE_EXPORT>` + exported + `</DATE_EXPORT>`)
	}
	b.WriteString(`</PARAMETRES><DONNEES><ELEVES>`)
	for _, p := range pupils {
		id, _, _ := strings.Cut(p, "=")
		b.WriteString(`<ELEVE ELEVE_ID="` + id + `"><NOM_DE_FAMILLE>Nom` + id + `</NOM_DE_FAMILLE><PRENOM>Léa</PRENOM></ELEVE>`)
	}
	b.WriteString(`</ELEVES><STRUCTURES>`)
	for _, p := range pupils {
		id, division, _ := strings.Cut(p, "=")
		b.WriteString(`<STRUCTURES_ELEVE ELEVE_ID="` + id + `"><STRUCTURE><CODE_STRUCTURE>` + division +
			`</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>`)
	}
	b.WriteString(`</STRUCTURES></DONNEES></BEE_ELEVES>`)
	return imports.Source{Name: "eleves.xml", Data: []byte(b.String())}
}

// TestSiecleRecordsMoves: a re-import that moves a pupil records the change
// on the file's date, or on --from; a new pupil arrives on that day; the
// history of earlier moves is kept, and re-importing the same file changes
// nothing.
func TestSiecleRecordsMoves(t *testing.T) {
	cases := []struct {
		name     string
		exported string
		from     model.Date
		want     model.Date
	}{
		{"the file's date", "16/11/2026", model.Date{}, model.NewDate(2026, 11, 16)},
		{"--from first", "16/11/2026", model.NewDate(2026, 11, 12), model.NewDate(2026, 11, 12)},
		{"today without either", "", model.Date{}, today},
		{"today for a file dated later", "30/11/2026", model.Date{}, today},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, bare("0670001A"))
			f.run(t, imports.Siecle, export("01/09/2026", "E1=4A", "E2=4A"), imports.Options{})
			src := export(c.exported, "E1=4B", "E2=4A", "E3=4B")
			rep := f.run(t, imports.Siecle, src, imports.Options{From: c.from})
			dir := f.dir(t)
			e1, _ := dir.Pupil("E1")
			if e1.DivisionOn(c.want.AddDays(-1)) != "4A" || e1.DivisionOn(c.want) != "4B" || e1.Since != c.want {
				t.Errorf("E1: %+v, want 4A then 4B from %s", e1, c.want)
			}
			if e3, _ := dir.Pupil("E3"); e3.Arrived != c.want {
				t.Errorf("E3 arrived %s, want %s", e3.Arrived, c.want)
			}
			if d := details(rep.Plan); !strings.Contains(d, "division « 4A » → « 4B » le "+c.want.French()) {
				t.Errorf("details:\n%s", d)
			}
			again := f.run(t, imports.Siecle, src, imports.Options{From: c.from})
			if again.Changes() != 0 {
				t.Errorf("the same file again changes %d records:\n%s", again.Changes(), details(again.Plan))
			}
		})
	}
}

// TestSiecleFirstImportHasNoArrivals: the first import of a school, even
// after the rentrée, enrols everyone from the start of the year.
func TestSiecleFirstImportHasNoArrivals(t *testing.T) {
	f := newFixture(t, bare("0670001A"))
	f.run(t, imports.Siecle, export("16/11/2026", "E1=4A"), imports.Options{})
	if p, _ := f.dir(t).Pupil("E1"); !p.Arrived.IsZero() || !p.EnrolledOn(model.NewDate(2026, 9, 1)) {
		t.Errorf("E1: %+v", p)
	}
}
