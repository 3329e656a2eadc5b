package letters_test

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/letters"
)

// pdfText returns the text pdftotext reads in a PDF; it skips the test
// without poppler-utils.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext absent (Debian poppler-utils ; .ci/run l'installe)")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func batch() model.LetterBatch {
	pupil := model.Pupil{ID: "E1", FirstName: "Œlise", LastName: "Łukasiewicz-Şahin", Division: "4B"}
	sibling := model.Pupil{ID: "E2", FirstName: "Ğökhan", LastName: "Łukasiewicz-Şahin", Division: "6A"}
	home := []string{"12 rue de l'Œuvre", "67000 STRASBOURG"}
	h := model.Household{ID: "1+2", Address: home, Guardians: []model.Guardian{
		{ID: "1", Civility: "Mme", FirstName: "Erzsébet", LastName: "Őry", Address: home},
		{ID: "2", Civility: "M.", FirstName: "Ştefan", LastName: "Łukasiewicz-Şahin", Address: home}}}
	day := model.NewDate(2026, 11, 16)
	return model.LetterBatch{From: day, To: day.AddDays(4), School: model.School{Name: "Collège Émile-Zola", UAI: "0670001A"},
		Settings: model.NewSettingValues(map[string]string{model.SettingCPEName: "Mme Lemaire", model.SettingSchoolPhone: "03 88 00 00 00"}),
		Letters: []model.Letter{{Household: h, Pupils: []model.Pupil{pupil, sibling}, Lines: []model.LetterLine{
			{Pupil: pupil, Date: day, Half: model.Morning, Seances: []string{"08:00–08:55 Mathématiques"}, State: "non justifiée"},
			{Pupil: sibling, Date: day.AddDays(1), Half: model.Afternoon, Seances: []string{"13:30–14:25 Français"}, State: "annoncée, sans motif"},
		}}},
		Unreachable: []model.Unreachable{{Pupil: model.Pupil{FirstName: "Zoë", LastName: "Ñúñez", Division: "3C"},
			Household: model.Household{Guardians: []model.Guardian{{Civility: "M.", FirstName: "Íñigo", LastName: "Ñúñez"}}},
			Why:       "ni adresse postale ni mél"}},
	}
}

func TestLettersPrintEveryName(t *testing.T) {
	var buf bytes.Buffer
	if err := letters.Write(&buf, batch(), nil, time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	for _, want := range []string{"Œlise ŁUKASIEWICZ-ŞAHIN et Ğökhan ŁUKASIEWICZ-ŞAHIN", "Mme ŐRY Erzsébet", "M. ŁUKASIEWICZ-ŞAHIN Ştefan",
		"12 rue de l'Œuvre", "Collège Émile-Zola", "08:00–08:55 Mathématiques", "annoncée, sans motif", "Mme Lemaire",
		"03 88 00 00 00", "Familles injoignables par courrier", "ÑÚÑEZ Zoë (3C) : M. ÑÚÑEZ Íñigo — ni adresse postale ni mél"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if pages := strings.Count(text, "\f"); pages != 2 {
		t.Errorf("%d pages, want the household's and the unreachable list", pages)
	}
}

func TestLettersTemplate(t *testing.T) {
	tpl, err := model.ParseTemplate("Objet à part {{.Classe}}\nBonjour {{.Responsables}}, {{.Eleve}} {{.Date}}.")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := letters.Write(&buf, batch(), tpl, time.Now()); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	if !strings.Contains(text, "Objet : Objet à part 4B, 6A") || !strings.Contains(text, "Bonjour Mme ŐRY Erzsébet, M. ŁUKASIEWICZ-ŞAHIN Ştefan") {
		t.Errorf("template not used:\n%s", text)
	}
}

// BenchmarkWriteSchool prints 1,000 households, each with a week of five
// half-days of absence: more than a whole school's week.
func BenchmarkWriteSchool(b *testing.B) {
	one := batch()
	l := one.Letters[0]
	for range 3 {
		l.Lines = append(l.Lines, l.Lines...)
	}
	one.Letters = nil
	for range 1000 {
		one.Letters = append(one.Letters, l)
	}
	at := time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)
	for b.Loop() {
		if err := letters.Write(io.Discard, one, nil, at); err != nil {
			b.Fatal(err)
		}
	}
}
