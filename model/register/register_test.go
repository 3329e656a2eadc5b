package register_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/register"
)

// TestRegisterPDF: the PDF is real text: the division, each séance with its
// roll call, every pupil marked with what is known of why.
func TestRegisterPDF(t *testing.T) {
	day := model.NewDate(2026, 11, 23)
	s := model.Seance{ID: "20261123-0800-m", Date: day, Start: 8 * 60, End: 8*60 + 55, Subject: "Mathématiques",
		Target: model.Target{Kind: model.TargetDivision, Code: "4B"}, Teachers: []string{"prof"}, Room: "104"}
	at := time.Date(2026, 11, 23, 8, 5, 0, 0, time.UTC)
	r := model.Register{
		School: model.School{Name: "Collège Œdipe", UAI: "0670001A", YearStart: model.NewDate(2026, 9, 1)}, Division: model.Division{Code: "4B"},
		From: day, To: day, At: at, Names: map[string]string{"prof": "M. Łukasz Ő"},
		Pupils: []model.Pupil{{ID: "E1", LastName: "Şahin", FirstName: "Ğül"}, {ID: "E2", LastName: "Bœuf", FirstName: "Zoé"}},
		Seances: []model.RegisterSeance{{Seance: s, RollCall: &model.RollCall{Seance: s.ID, By: "prof", At: at},
			Lines: []model.Attendance{
				{Seance: s, Pupil: "E1", Kind: model.KindAbsent, Justification: &model.Justification{Valid: true}},
				{Seance: s, Pupil: "E2", Kind: model.KindLate, Minutes: 12},
			}}},
	}
	var buf bytes.Buffer
	if err := register.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext absent (paquet poppler-utils) : le texte du PDF n'est pas relu")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &buf
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Registre d'appel 4B", "lundi 23/11/2026", "08:00–08:55 Mathématiques", "appel fait par M. Łukasz Ő",
		"ŞAHIN Ğül : absent, motif valable", "BŒUF Zoé : en retard 12 min"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
}
