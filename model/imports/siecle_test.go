package imports_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/formats/charset"
	"appel/model/imports"
)

const pix = "pix_siecle-with-registrations-no-longer-in-school.xml"

// eleves is the synthetic SIECLE export of the fictional school, zipped as
// SIECLE delivers it.
func eleves(tb testing.TB) imports.Source { return synthetic(tb, "eleves.zip") }

// TestSiecleEdgeCases imports the edge cases of a SIECLE export: the pupil
// without INE, the one who left, « Inactifs », the group-only pupil, the
// pupil without structure, division codes with a space, Latin-9 « œ Œ ». The
// real Pix sample, when reachable, is imported too.
func TestSiecleEdgeCases(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	rep := f.run(t, imports.Siecle, eleves(t), imports.Options{})
	if !rep.Applied || rep.Written == 0 {
		t.Fatalf("not applied: %+v", rep)
	}
	want := []string{"élève : 5 créés, 2 ignorés", "division : 3 créées", "groupe : 3 créés"}
	if got := rep.Summary(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("summary %q, want %q", got, want)
	}
	dir := f.dir(t)
	checkPupil(t, dir, "1001", "111111111AA|BŒUF|Chloé|4e 1|[ESP 4e12]")
	checkPupil(t, dir, "1002", "|CŒURDEVEY|Zoë|4e 2|[ESP 4e12]")
	checkPupil(t, dir, "1003", "333333333CC|LÆNNEC|Œdipe||[LATIN 4e]")
	checkPupil(t, dir, "1004", "444444444DD|SANSCLASSE|Noé||[]")
	for _, id := range []model.PupilID{"1005", "1006"} {
		if p, ok := dir.Pupil(id); ok {
			t.Errorf("skipped pupil %s stored: %+v", id, p)
		}
	}
	for _, code := range []string{"4e 1", "4e 2"} {
		if d, ok := dir.Division(code); !ok || d.Level != "4e" {
			t.Errorf("division %s: level %q, want 4e from CODE_MEF 102…", code, d.Level)
		}
	}
	if g, ok := dir.Group("ESP 4e12"); !ok || fmt.Sprint(g.Divisions) != "[4e 1 4e 2]" {
		t.Errorf("group « ESP 4e12 »: %+v %v", g, ok)
	}
	if got := dir.Members(model.Target{Kind: model.TargetDivision, Code: "4e 1"}, today); len(got) != 1 || got[0].ID != "1001" {
		t.Errorf("members of 4e 1: %v", got)
	}
	checkReport(t, rep, []string{
		"ligne 21 : élève 1002 (CŒURDEVEY Zoë) créé : sans INE",
		"élève 1006 (INACTIF Léa) ignoré : dans la pseudo-division « Inactifs »",
		"élève 1005 (PARTI Hugo) ignoré : sorti de l'établissement le 30/06/2026 (DATE_SORTIE)",
		"élève 1004 (SANSCLASSE Noé) sans division ni groupe",
		"élève 1003 (LÆNNEC Œdipe) sans division, seulement dans des groupes (LATIN 4e)",
	})
	t.Run("Pix (réel)", func(t *testing.T) {
		src, ok := realSample(t, pix)
		if !ok {
			return
		}
		f := newFixture(t, bare("123ABC"))
		rep := f.run(t, imports.Siecle, src, imports.Options{})
		want := []string{"élève : 3 créés, 2 ignorés", "division : 1 créée", "groupe : 1 créé"}
		if got := rep.Summary(); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("summary %q, want %q", got, want)
		}
		dir := f.dir(t)
		checkPupil(t, dir, "0001", "00000000123|HANDMADE|Luciole||[]")
		checkPupil(t, dir, "0003", "|FRANCIS--FROUFROU|Grégory|4e 1|[]")
		checkPupil(t, dir, "0004", "00000000125|FRANGE|COLIN||[4e 1]")
		checkReport(t, rep, []string{
			"ligne 35 : élève 0003 (FRANCIS--FROUFROU Grégory) créé : sans INE",
			"élève 0002 (COJAUNE Harry) ignoré : dans la pseudo-division « Inactifs »",
			"élève 0005 (GRADE François) ignoré : sorti de l'établissement le 01/09/2019 (DATE_SORTIE)",
		})
	})
}

// checkReport checks that a report's details and notes hold every line of want.
func checkReport(t *testing.T, rep *imports.Report, want []string) {
	t.Helper()
	text := details(rep.Plan) + "\n" + strings.Join(rep.Notes, "\n")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q:\n%s", w, text)
		}
	}
}

func checkPupil(t *testing.T, dir *model.Directory, id model.PupilID, want string) {
	t.Helper()
	p, ok := dir.Pupil(id)
	got := fmt.Sprintf("%s|%s|%s|%s|%v", p.INE, p.LastName, p.FirstName, p.Division, p.Groups)
	if !ok || got != want {
		t.Errorf("pupil %s = %q (%v), want %q", id, got, ok, want)
	}
}

// TestSiecleReimportIsIdempotent: the same file twice changes nothing the
// second time, and says so.
func TestSiecleReimportIsIdempotent(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	f.run(t, imports.Siecle, eleves(t), imports.Options{})
	before := f.audit(t)
	rep := f.run(t, imports.Siecle, eleves(t), imports.Options{})
	if rep.Changes() != 0 || rep.Written != 0 || f.audit(t) != before {
		t.Errorf("second import changed %d records, wrote %d, audit %d → %d:\n%s",
			rep.Changes(), rep.Written, before, f.audit(t), details(rep.Plan))
	}
	if got := rep.Count("", imports.Unchanged); got != 11 {
		t.Errorf("%d unchanged, want 11 (5 pupils, 3 divisions, 3 groups)", got)
	}
	if n := len(f.dir(t).Pupils); n != 5 {
		t.Errorf("%d pupils after two imports, want 5", n)
	}
}

// TestSiecleKnownPupilsLeave: a pupil the school has and who left (or went to
// « Inactifs ») is kept, with the day he left; his history stays.
func TestSiecleKnownPupilsLeave(t *testing.T) {
	data := bare(schoolfiles.UAI)
	data.Divisions = []model.Division{{Code: "4e 1"}}
	data.Pupils = []model.Pupil{
		{ID: "1005", LastName: "PARTI", FirstName: "Hugo", Division: "4e 1"},
		{ID: "1006", LastName: "INACTIF", FirstName: "Léa", Division: "4e 1"},
	}
	f := newFixture(t, data)
	rep := f.run(t, imports.Siecle, eleves(t), imports.Options{})
	dir := f.dir(t)
	if p, _ := dir.Pupil("1005"); p.Left != model.NewDate(2026, 6, 30) {
		t.Errorf("1005 left %v, want 2026-06-30", p.Left)
	}
	if p, _ := dir.Pupil("1006"); p.Left != model.NewDate(2026, 9, 1) {
		t.Errorf("1006 (Inactifs) left %v, want the export's day 2026-09-01", p.Left)
	}
	if got := rep.Count(model.EntityPupil, imports.Updated); got != 2 {
		t.Errorf("%d pupils updated, want 2:\n%s", got, details(rep.Plan))
	}
	if d := details(rep.Plan); !strings.Contains(d, "élève 1005 (PARTI Hugo) mis à jour : ") || !strings.Contains(d, "sorti le 30/06/2026") {
		t.Errorf("details:\n%s", details(rep.Plan))
	}
}

// TestSiecleOtherSchool: a file whose UAJ is not the school's UAI is refused
// (nothing written) unless forced.
func TestSiecleOtherSchool(t *testing.T) {
	f := newFixture(t, bare("0670001A"))
	before := f.audit(t)
	rep, err := imports.Run(f.svc, imports.Siecle, eleves(t), imports.Options{})
	if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), schoolfiles.UAI) || rep == nil || rep.Applied {
		t.Fatalf("err %v, report %+v", err, rep)
	}
	if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "rien n'a été écrit") {
		t.Errorf("message not one French line: %q", err)
	}
	if f.audit(t) != before || len(f.dir(t).Pupils) != 0 {
		t.Error("a refused file wrote something")
	}
	rep = f.run(t, imports.Siecle, eleves(t), imports.Options{Force: true})
	if !rep.Applied || len(f.dir(t).Pupils) != 5 || !strings.Contains(strings.Join(rep.Notes, "\n"), "--force") {
		t.Errorf("forced import: %+v", rep)
	}
}

// TestSiecleCheckWritesNothing: --check plans the same as the real import and
// leaves the audit log as it was.
func TestSiecleCheckWritesNothing(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	before := f.audit(t)
	plan, err := imports.Check(f.svc, imports.Siecle, eleves(t), imports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count(model.EntityPupil, imports.Created) != 5 || f.audit(t) != before || len(f.dir(t).Pupils) != 0 {
		t.Errorf("check: %v, audit %d → %d", plan.Summary(), before, f.audit(t))
	}
}

// TestSiecleDoubleStructure: a pupil in a division and one of its
// half-groups; the group knows the division it draws from. The real
// dossiersco sample, when reachable, is imported too.
func TestSiecleDoubleStructure(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	f.run(t, imports.Siecle, synthetic(t, "eleves.xml"), imports.Options{})
	dir := f.dir(t)
	checkPupil(t, dir, "1007", "777777777GG|DOUBLE|Inès|3 A|[_3A_G1]")
	if g, _ := dir.Group("_3A_G1"); fmt.Sprint(g.Divisions) != "[3 A]" {
		t.Errorf("group _3A_G1: %+v", g)
	}
	t.Run("dossiersco (réel)", func(t *testing.T) {
		src, ok := realSample(t, "dossiersco_eleves_avec_adresse_avec_double_structure.xml")
		if !ok {
			return
		}
		f := newFixture(t, bare("0660864F"))
		f.run(t, imports.Siecle, src, imports.Options{Force: true}) // an export of 2019-2020
		dir := f.dir(t)
		checkPupil(t, dir, "1541944", "070876696HA|ESCAGLIA|Jeanine|301|[_301P1]")
		if g, _ := dir.Group("_301P1"); fmt.Sprint(g.Divisions) != "[301]" {
			t.Errorf("group _301P1: %+v", g)
		}
	})
}

// TestSiecleLatin9 reads « œ » and « é » from an ISO-8859-15 export.
func TestSiecleLatin9(t *testing.T) {
	xml := `<?xml version="1.0" encoding="ISO-8859-15"?>
<BEE_ELEVES><PARAMETRES><UAJ>0670001A</UAJ></PARAMETRES><DONNEES>
<ELEVES><ELEVE ELEVE_ID="9001"><NOM_DE_FAMILLE>BŒUF</NOM_DE_FAMILLE><PRENOM>Chloé</PRENOM></ELEVE></ELEVES>
<STRUCTURES><STRUCTURES_ELEVE ELEVE_ID="9001"><STRUCTURE><CODE_STRUCTURE>3 A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE></STRUCTURES>
</DONNEES></BEE_ELEVES>`
	data, ok := charset.Latin9.Encode(xml)
	if !ok {
		t.Fatal("not encodable in Latin-9")
	}
	f := newFixture(t, bare("0670001A"))
	f.run(t, imports.Siecle, imports.Source{Name: "ElevesSansAdresses.xml", Data: data}, imports.Options{})
	checkPupil(t, f.dir(t), "9001", "|BŒUF|Chloé|3 A|[]")
}

// TestSiecleNewerExportUpdatesInPlace: a pupil who changed division is
// updated, not duplicated, and his marks stay his.
func TestSiecleNewerExportUpdatesInPlace(t *testing.T) {
	export := func(division string) imports.Source {
		return imports.Source{Name: "e.xml", Data: []byte(`<BEE_ELEVES><PARAMETRES><UAJ>0670001A</UAJ></PARAMETRES><DONNEES>
<ELEVES><ELEVE ELEVE_ID="E001"><ID_NATIONAL>0000001000A</ID_NATIONAL><NOM_DE_FAMILLE>Abadie</NOM_DE_FAMILLE><PRENOM>Léa</PRENOM></ELEVE></ELEVES>
<STRUCTURES><STRUCTURES_ELEVE ELEVE_ID="E001"><STRUCTURE><CODE_STRUCTURE>` + division + `</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE></STRUCTURES>
</DONNEES></BEE_ELEVES>`)}
	}
	f := newFixture(t, bare("0670001A"))
	f.run(t, imports.Siecle, export("4B"), imports.Options{})
	rep := f.run(t, imports.Siecle, export("4A"), imports.Options{})
	if !strings.Contains(details(rep.Plan), "élève E001 (ABADIE Léa) mis à jour : division « 4B » → « 4A »") {
		t.Errorf("details:\n%s", details(rep.Plan))
	}
	dir := f.dir(t)
	if len(dir.Pupils) != 1 || dir.Pupils[0].Division != "4A" || len(dir.Divisions) != 2 {
		t.Errorf("pupils %+v divisions %+v", dir.Pupils, dir.Divisions)
	}
}

// TestImportNeedsSetupPermission: only an administrator (or the operator) imports.
func TestImportNeedsSetupPermission(t *testing.T) {
	f := newFixture(t, bare(schoolfiles.UAI))
	for login, allowed := range map[string]bool{"admin": true, "cpe": false, "direction": false, "prof": false} {
		_, err := imports.Check(f.as(login), imports.Siecle, eleves(t), imports.Options{})
		if allowed != (err == nil) || !allowed && !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s: %v", login, err)
		}
		_, err = imports.Run(f.as(login), imports.Siecle, eleves(t), imports.Options{})
		if !allowed && !errors.Is(err, model.ErrForbidden) {
			t.Errorf("%s may import: %v", login, err)
		}
	}
}

func TestActionLabelsAgree(t *testing.T) {
	tests := []struct {
		a      imports.Action
		entity string
		n      int
		want   string
	}{
		{imports.Created, model.EntityPupil, 1, "créé"},
		{imports.Created, model.EntityDivision, 2, "créées"},
		{imports.Updated, model.EntityMark, 3, "mises à jour"},
		{imports.Updated, model.EntityCourse, 3, "mis à jour"},
		{imports.Skipped, model.EntityGroup, 2, "ignorés"},
		{imports.Deleted, model.EntityCourse, 1, "supprimé"},
		{imports.Unchanged, model.EntityDivision, 1, "inchangée"},
	}
	for _, tc := range tests {
		if got := tc.a.Label(tc.entity, tc.n); got != tc.want {
			t.Errorf("%v %s ×%d = %q, want %q", tc.a, tc.entity, tc.n, got, tc.want)
		}
	}
}

// TestSiecleOtherYearRefused: last year's export (ANNEE_SCOLAIRE 2025 in a
// 2026-2027 school) is refused naming both years, nothing written; --force
// imports it with a note.
func TestSiecleOtherYearRefused(t *testing.T) {
	data := schoolfiles.Read(t, "eleves.xml")
	old := strings.Replace(string(data), "<ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>", "<ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE>", 1)
	if old == string(data) {
		t.Fatal("fixture without ANNEE_SCOLAIRE 2026")
	}
	src := imports.Source{Name: "eleves.xml", Data: []byte(old)}
	f := newFixture(t, bare(schoolfiles.UAI))
	_, err := imports.Run(f.svc, imports.Siecle, src, imports.Options{})
	if err == nil || !strings.Contains(err.Error(), "2025-2026") || !strings.Contains(err.Error(), "2026-2027") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("last year's export: %v, want a refusal naming both years and --force", err)
	}
	if n := len(f.dir(t).Pupils); n != 0 {
		t.Errorf("refused import wrote %d pupils", n)
	}
	rep := f.run(t, imports.Siecle, src, imports.Options{Force: true})
	if !rep.Applied || len(f.dir(t).Pupils) == 0 {
		t.Errorf("--force: not applied")
	}
}
