package imports_test

import (
	"slices"
	"strings"
	"testing"

	"appel/internal/schoolfiles"
	"appel/model"
	"appel/model/imports"
	"appel/model/modeltest"
)

// FuzzAbsencesPlan checks the plan of any absence history against a known
// school: no panic; a refusal always names the file, and a line unless the
// whole file is refused; an accepted plan only marks séances of the pupil it
// names, on the day and within the span of its line; planning twice gives the
// same plan.
func FuzzAbsencesPlan(f *testing.F) {
	for _, seed := range []string{
		absencesHeader + "\nE001;16/11/2026;08:00;17:00;absent;;Maladie;oui\n",
		absencesHeader + "\n0000001001A;2026-11-17;08:00;09:00;retard;10;;non\nE003;17/11/2026;08:00;08:30;absent;;;oui\n",
		"eleve,date,debut,fin\nE002,16/11/2026,10:00,14:00\n",
		absencesHeader + "\nE002;16/11/2026;08:00;08:55;absent;;;\nE002;16/11/2026;08:30;09:00;retard;5;;\n",
		absencesHeader + "\nX;31/02/2026;25:00;08:00;zzz;-3;?;peut-être\n",
	} {
		f.Add([]byte(seed))
	}
	fx := newFixture(f, modeltest.School(6))
	dir := fx.dir(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		src := imports.Source{Name: "h.csv", Data: data}
		plan, err := imports.Check(fx.svc, imports.Absences, src, imports.Options{})
		if plan == nil {
			t.Fatalf("no plan: %v", err)
		}
		if (err != nil) != (len(plan.Refused) > 0) {
			t.Fatalf("error %v with %d refusals", err, len(plan.Refused))
		}
		for _, r := range plan.Refused {
			if r.File != "h.csv" || r.Reason == "" || strings.Contains(r.String(), "\n") {
				t.Fatalf("refusal %+v", r)
			}
		}
		if err == nil {
			checkMarks(t, dir, plan)
		}
		again, _ := imports.Check(fx.svc, imports.Absences, src, imports.Options{})
		if !slices.Equal(plan.Details(), again.Details()) {
			t.Fatalf("two plans differ:\n%v\n%v", plan.Details(), again.Details())
		}
	})
}

// checkMarks verifies that every planned mark is a séance the pupil attends.
func checkMarks(t *testing.T, dir *model.Directory, plan *imports.Plan) {
	t.Helper()
	for _, it := range plan.Items {
		if it.Entity != model.EntityMark || it.Line < 2 {
			t.Fatalf("item %+v", it)
		}
		id, pupil, _ := strings.Cut(it.Key, "/")
		se, ok := dir.Seance(model.SeanceID(id))
		p, known := dir.Pupil(model.PupilID(pupil))
		if !ok || !known || !dir.Attends(p, se) || se.Cancelled || se.Date.After(today) {
			t.Fatalf("mark of %s in %s: séance %v %+v, pupil %v", pupil, id, ok, se, known)
		}
	}
}

// FuzzImportStoresCleanText imports random bytes as every kind of file: no
// panic, no text of the plan (details, notes, refusals) and no stored text
// holds a control or invisible character. The seeds are the synthetic school
// files, each offered to every kind.
func FuzzImportStoresCleanText(f *testing.F) {
	for k := range imports.Kinds {
		for _, name := range []string{"eleves.xml", "eleves.zip", "responsables.xml", "sts_emp.xml", "emp_sts.xml", "absences.csv"} {
			f.Add(byte(k), schoolfiles.Read(f, name))
		}
	}
	f.Add(byte(3), []byte("jour;debut;fin;division;groupe;matiere;enseignant;salle;semaines\nlundi;08:00;08:55;4e 1;;MATHS\x1b[2J;;;toutes\n"))
	f.Add(byte(0), []byte("<BEE_ELEVES><DONNEES><ELEVES><ELEVE ELEVE_ID=\"1\"><NOM_DE_FAMILLE>&#x202E;X</NOM_DE_FAMILLE></ELEVE></ELEVES></DONNEES></BEE_ELEVES>"))
	fx := newFixture(f, bare(schoolfiles.UAI))
	f.Fuzz(func(t *testing.T, k byte, data []byte) {
		kind := imports.Kinds[int(k)%len(imports.Kinds)]
		rep, _ := imports.Run(fx.svc, kind, imports.Source{Name: "f", Data: data}, imports.Options{Force: true})
		if rep != nil {
			var texts []string
			texts = append(append(texts, rep.Details()...), rep.Notes...)
			for _, r := range rep.Refused {
				texts = append(texts, r.String())
			}
			for _, s := range texts {
				if f, ok := model.CheckText(s, model.Plain); !ok {
					t.Fatalf("the report holds %s: %q", f.What(), s)
				}
			}
		}
		d, err := fx.svc.Dataset()
		if err != nil {
			t.Fatal(err)
		}
		if err := d.CheckText(); err != nil {
			t.Fatalf("a %s import stored a refused character: %v", kind, err)
		}
	})
}
