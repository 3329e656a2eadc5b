package absences

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"appel/model"
	"appel/model/formats"
)

func TestParse(t *testing.T) {
	data, err := os.ReadFile("testdata/historique.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := Parse("h.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2 070876696HA 2026-11-23 08:00-12:00 absent 0 Maladie true",
		"3 1541944 2026-11-24 08:00-08:55 late 12  false",
		"5 1541944 2026-11-24 10:05-11:00 absent 0  false",
		"6 070876696HA 2026-11-25 14:25-15:20 exempt 0 Rendez-vous médical true",
	}
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%d %s %s %s-%s %s %d %s %v", r.Line, r.Pupil, r.Date, r.From, r.To, r.Kind, r.Minutes, r.Motive, r.Justified))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseWindows1252Comma(t *testing.T) {
	data := []byte("eleve,date,debut,fin,motif\n1,01/12/2026,08:00,09:00,Probl\xe8me de transport\n")
	rows, err := Parse("h.csv", data)
	if err != nil || len(rows) != 1 || rows[0].Motive != "Problème de transport" || rows[0].Kind != model.KindAbsent {
		t.Errorf("rows %+v, err %v", rows, err)
	}
}

func TestRefused(t *testing.T) {
	head := "eleve;date;debut;fin;marque;minutes;motif;justifiee\n"
	tests := []struct {
		name, data, want string
	}{
		{"missing column", "eleve;date;debut\n1;01/12/2026;08:00\n", "h.csv, ligne 1 : colonne « fin » absente (colonnes lues : eleve, date, debut)"},
		{"no pupil", head + ";01/12/2026;08:00;09:00;;;;\n", "h.csv, ligne 2 : élève manquant"},
		{"bad date", head + "1;01/12/2026;08:00;09:00;;;;\n1;31/11/2026;08:00;09:00;;;;\n", "h.csv, ligne 3 : date invalide \"31/11/2026\""},
		{"bad time", head + "1;01/12/2026;8:77;09:00;;;;\n", "ligne 2 : heure invalide \"8:77\""},
		{"end before start", head + "1;01/12/2026;10:00;09:00;;;;\n", "ligne 2 : fin 09:00 avant le début 10:00"},
		{"bad kind", head + "1;01/12/2026;08:00;09:00;malade;;;\n", "ligne 2 : marque inconnue \"malade\""},
		{"present", head + "1;01/12/2026;08:00;09:00;present;;;\n", "ligne 2 : marque \"present\" : un historique d'absences ne contient pas de présences"},
		{"bad minutes", head + "1;01/12/2026;08:00;09:00;retard;dix;;\n", "ligne 2 : minutes \"dix\" illisibles"},
		{"minutes on absence", head + "1;01/12/2026;08:00;09:00;absent;10;;\n", "ligne 2 : 10 minutes pour une marque absent"},
		{"bad justified", head + "1;01/12/2026;08:00;09:00;absent;;;peut-être\n", "ligne 2 : justifiee \"peut-être\" : oui ou non attendu"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("h.csv", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant %q", err, tc.want)
			}
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("not a model.ErrInvalid: %v", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/historique.csv"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("eleve,date,debut,fin\n1,2026-11-23,8h,9h\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := Parse("f.csv", data)
		if err != nil {
			var fe *formats.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a formats.Error", err)
			}
			if fe.Line > 0 && !strings.HasPrefix(err.Error(), formats.Place(fe.File, fe.Line, fe.Column)) {
				t.Fatalf("error %q does not show its line", err)
			}
			return
		}
		for _, r := range rows {
			if r.Pupil == "" || r.To <= r.From || r.Line < 2 || r.Date.IsZero() {
				t.Fatalf("row accepted though invalid: %+v", r)
			}
			if r.Minutes != 0 && r.Kind != model.KindLate {
				t.Fatalf("minutes on a %s", r.Kind)
			}
		}
	})
}
