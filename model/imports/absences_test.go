package imports_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"appel/model"
	"appel/model/imports"
	"appel/model/modeltest"
)

const absencesHeader = "eleve;date;debut;fin;marque;minutes;motif;justifiee"

func history(rows ...string) imports.Source {
	return csvSource("historique.csv", append([]string{absencesHeader}, rows...)...)
}

// lastMonday is a Monday of week A before the fixtures' clock: maths at
// 08:00, Spanish (ESP 4AB) at 10:05 and SVT (week A) at 13:30 for 4B.
var lastMonday = today.AddDays(-7)

func markOf(tb testing.TB, f fixture, id model.SeanceID, p model.PupilID) (model.Mark, bool) {
	tb.Helper()
	var m model.Mark
	var ok bool
	err := f.db.View(func(tx model.ReadTx) error {
		var err error
		m, ok, err = tx.Mark(model.MarkKey{Seance: id, Pupil: p})
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return m, ok
}

// TestAbsencesHistory: a row covers every séance of the pupil that overlaps
// its span that day; motives and justifications come along; a re-import
// changes nothing.
func TestAbsencesHistory(t *testing.T) {
	f := newFixture(t, modeltest.School(5))
	src := history(
		"E001;16/11/2026;08:00;17:00;absent;;Maladie;oui",
		"0000001001A;2026-11-17;08:00;09:00;retard;10;;non",
		"E003;17/11/2026;08:00;08:30;absent;;;oui")
	rep := f.run(t, imports.Absences, src, imports.Options{})
	if got := rep.Summary(); fmt.Sprint(got) != "[marque : 5 créées]" {
		t.Errorf("summary %q\n%s", got, details(rep.Plan))
	}
	dir := f.dir(t)
	e001, _ := dir.Pupil("E001")
	seances := dir.PupilSeances(e001, lastMonday, lastMonday)
	if len(seances) != 3 {
		t.Fatalf("E001's Monday: %+v", seances)
	}
	for _, se := range seances {
		m, ok := markOf(t, f, se.ID, "E001")
		if !ok || m.Kind != model.KindAbsent || m.Justification == nil || m.Justification.Motive != "maladie" || !m.Justification.Valid {
			t.Errorf("%s: %+v", se.Label(), m)
		}
	}
	tuesday := lastMonday.AddDays(1)
	if m, _ := markOf(t, f, modeltest.MathsSeance(tuesday), "E002"); m.Kind != model.KindLate || m.Minutes != 10 || m.Justification != nil {
		t.Errorf("E002 late: %+v", m)
	}
	if m, _ := markOf(t, f, modeltest.MathsSeance(tuesday), "E003"); m.Justification == nil || m.Justification.Valid || m.By != "cli:test" {
		t.Errorf("E003 justified without motive: %+v", m)
	}
	before := f.audit(t)
	again := f.run(t, imports.Absences, src, imports.Options{})
	if again.Changes() != 0 || again.Written != 0 || f.audit(t) != before || again.Count("", imports.Unchanged) != 5 {
		t.Errorf("re-import: %v written %d\n%s", again.Summary(), again.Written, details(again.Plan))
	}
}

// TestAbsencesStrict: every bad row refuses the whole file, naming the file
// and the line; nothing is written.
func TestAbsencesStrict(t *testing.T) {
	tests := []struct {
		name, row, want string
	}{
		{"unknown pupil", "X999;16/11/2026;08:00;09:00;absent;;;", `historique.csv, ligne 3 : élève "X999" inconnu`},
		{"unknown motive", "E001;16/11/2026;08:00;09:00;absent;;Grippe;oui", "historique.csv, ligne 3 : motif « Grippe » inconnu (motifs : Maladie"},
		{"no séance", "E001;21/11/2026;08:00;09:00;absent;;;", "historique.csv, ligne 3 : aucune séance de ABADIE Léa le 21/11/2026 entre 08:00 et 09:00"},
		{"holidays", "E001;26/10/2026;08:00;09:00;absent;;;", "ligne 3 : aucune séance"},
		{"future", "E001;24/11/2026;08:00;09:00;absent;;;", "ligne 3 : le 24/11/2026 est à venir"},
		{"overlap", "E002;16/11/2026;08:30;09:00;retard;5;;", "ligne 3 : la séance 4B · Mathématiques · 08:00–08:55 de BÉNARD Noé est déjà couverte ligne 2"},
		{"contradiction", "E001;17/11/2026;08:00;09:00;absent;;Maladie;non", "ligne 3 : motif « Maladie » mais justifiee non : contradictoire"},
		{"motive on exempt", "E001;17/11/2026;08:00;09:00;dispense;;Maladie;oui", "ligne 3 : motif « Maladie » sur une marque dispense"},
		{"bad date", "E001;31/02/2026;08:00;09:00;absent;;;", "historique.csv, ligne 3 : date invalide"},
	}
	f := newFixture(t, modeltest.School(5))
	before := f.audit(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := history("E002;16/11/2026;08:00;08:55;absent;;;", tc.row)
			rep, err := imports.Run(f.svc, imports.Absences, src, imports.Options{})
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err %v\nwant %q", err, tc.want)
			}
			if rep != nil && rep.Applied || f.audit(t) != before {
				t.Errorf("refused file wrote: %+v", rep)
			}
		})
	}
}

// TestAbsencesAllRefusedRows: every refused row is listed, the error counts them.
func TestAbsencesAllRefusedRows(t *testing.T) {
	f := newFixture(t, modeltest.School(5))
	plan, err := imports.Check(f.svc, imports.Absences, history(
		"X1;16/11/2026;08:00;09:00;absent;;;", "E001;16/11/2026;08:00;09:00;absent;;;", "X2;16/11/2026;08:00;09:00;absent;;;"), imports.Options{})
	if err == nil || len(plan.Refused) != 2 || plan.Refused[1].Line != 4 {
		t.Fatalf("refused %+v, err %v", plan.Refused, err)
	}
	if !strings.Contains(err.Error(), "2 lignes refusées dans historique.csv, dont historique.csv, ligne 2") {
		t.Errorf("err %v", err)
	}
}

// TestAbsencesOverwriteDifferentMark: a stored mark that says something else
// is updated, and the plan says what it was.
func TestAbsencesOverwriteDifferentMark(t *testing.T) {
	f := newFixture(t, modeltest.School(5))
	prof := f.as("prof")
	if _, err := prof.SetMark(modeltest.MathsSeance(lastMonday), "E001", model.KindInfirmary); err != nil {
		t.Fatal(err)
	}
	rep := f.run(t, imports.Absences, history("E001;16/11/2026;08:00;08:55;absent;;;"), imports.Options{})
	if d := details(rep.Plan); !strings.Contains(d, "mise à jour : était : infirmerie") || !strings.Contains(d, "saisi par prof") {
		t.Errorf("details:\n%s", d)
	}
	if m, _ := markOf(t, f, modeltest.MathsSeance(lastMonday), "E001"); m.Kind != model.KindAbsent {
		t.Errorf("mark %+v", m)
	}
}
