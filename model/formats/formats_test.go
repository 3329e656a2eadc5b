package formats

import (
	"errors"
	"strings"
	"testing"

	"appel/model"
)

func TestError(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{Errorf("e.xml", 12, "élève %s sans nom", "7"), "e.xml, ligne 12 : élève 7 sans nom"},
		{Errorf("e.xml", 0, "fichier vide"), "e.xml : fichier vide"},
		{Errorf("", 3, "x"), "ligne 3 : x"},
		{Errorf("", 0, "x"), "x"},
		{&Error{File: "t.csv", Line: 3, Column: 7, What: "x"}, "t.csv, ligne 3, colonne 7 : x"},
		{&Error{File: "t.csv", Column: 7, What: "x"}, "t.csv : x"},
	}
	for _, tt := range tests {
		if tt.err.Error() != tt.want {
			t.Errorf("got %q, want %q", tt.err.Error(), tt.want)
		}
		if !errors.Is(tt.err, model.ErrInvalid) {
			t.Errorf("%q is not a model.ErrInvalid", tt.err)
		}
	}
}

func TestWrongRoot(t *testing.T) {
	tests := []struct {
		root string
		want Kind
		msg  string
	}{
		{"EDT_STS", KindSTS, "f : ce fichier est un emploi du temps (EDT_STS) ; importez-le avec `appel import timetable`"},
		{"STS_EDT", KindTimetable, "f : ce fichier est un export STS-Web des services (STS_EDT) ; importez-le avec `appel import sts`"},
		{"BEE_NOMENCLATURES", KindResponsables, "f : ce fichier est un export SIECLE des nomenclatures (BEE_NOMENCLATURES), qui ne contient que des listes de codes ; le fichier attendu est l'export SIECLE des responsables (ResponsablesAvecAdresses.xml, racine BEE_RESPONSABLES)"},
		{"html", KindSiecle, "f : racine XML « html » inattendue ; le fichier attendu est l'export SIECLE des élèves (ElevesSansAdresses.xml ou ElevesAvecAdresses.xml, racine BEE_ELEVES)"},
	}
	for _, tt := range tests {
		if got := WrongRoot("f", tt.root, tt.want).Error(); got != tt.msg {
			t.Errorf("WrongRoot(%s) =\n%s\nwant\n%s", tt.root, got, tt.msg)
		}
	}
}

func TestNotesAndFold(t *testing.T) {
	var ns Notes
	ns.Add(4, "élève %s ignoré", "9")
	ns.Add(0, "3 personnels ignorés")
	if ns[0].String() != "ligne 4 : élève 9 ignoré" || ns[1].String() != "3 personnels ignorés" {
		t.Errorf("notes %v", ns)
	}
	if FoldName("  Matière   Enseignée ") != "matiere enseignee" || FoldName("H.DEBUT") != "h.debut" {
		t.Error("FoldName")
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct{ in, want string }{
		{"lundi", "lundi"},
		{"MATHS\x1b[2J", `MATHS\x1b[2J`},
		{"a\nb\tc", "a b c"},
		{"root:$6$Zq9sl0wX$h4sh:19000:0:99999:7:::", "root:$6$Zq9sl0wX$h4sh:19000:0…"},
		{strings.Repeat("é", 31), strings.Repeat("é", 29) + "…"},
	}
	for _, tt := range tests {
		if got := Excerpt(tt.in); got != tt.want {
			t.Errorf("Excerpt(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckLayout(t *testing.T) {
	err := CheckLayout("t.csv", "a;b\r\nc\td;\u200be\r\n")
	want := "t.csv, ligne 2, colonne 5 : caractère invisible U+200B : un fichier importé ne peut pas en contenir ; retirez-le du fichier"
	if err == nil || err.Error() != want {
		t.Errorf("CheckLayout = %v, want %q", err, want)
	}
	if err := CheckLayout("t.csv", "a;b\r\nc\td\r\n"); err != nil {
		t.Errorf("tabs and line breaks: %v", err)
	}
}
