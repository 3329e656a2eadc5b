package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/storage"
)

// demoEvening is Friday of the demo's week, after the last séance.
var demoEvening = time.Date(2026, 11, 20, 17, 0, 0, 0, time.FixedZone("CET", 3600))

// demoLetters returns the letters and unreachable families that the model
// gathers for the demo's week of 16/11/2026, read in process.
func demoLetters(t *testing.T, db string) model.LetterBatch {
	t.Helper()
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := model.NewSystemService(st, model.Actor{Login: "test"}, func() time.Time { return demoEvening })
	b, err := svc.Letters(model.NewDate(2026, 11, 16), model.NewDate(2026, 11, 20), "")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLettersOfTheDemoWeek is issue 14's letters check: appel letters for
// the demo school's week; one page per household (and the page of the
// unreachable families when there are some); pdftotext finds every pupil's
// name with its accents; pdftoppm renders the first two pages.
func TestLettersOfTheDemoWeek(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " absent (Debian poppler-utils ; .ci/run l'installe)")
		}
	}
	db := demoDB(t)
	pdf := filepath.Join(t.TempDir(), "lettres.pdf")
	_, errOut, code := appelRun(t, "", "letters", "--db", db, "--now", "2026-11-20T17:00", "--from", "2026-11-16",
		"--to", "2026-11-20", "--out", pdf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b := demoLetters(t, db)
	if len(b.Letters) < 10 {
		t.Fatalf("only %d letters for the demo week", len(b.Letters))
	}
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	pages := len(b.Letters)
	if len(b.Unreachable) > 0 {
		pages++
	}
	if got := strings.Count(text, "\f"); got != pages {
		t.Errorf("%d pages for %d letters and %d unreachable families", got, len(b.Letters), len(b.Unreachable))
	}
	for _, l := range b.Letters {
		for _, p := range l.Pupils {
			if name := p.FirstName + " " + strings.ToUpper(p.LastName); !strings.Contains(text, name) {
				t.Errorf("pdftotext does not find %q", name)
			}
		}
	}
	if !strings.Contains(errOut, " courriers, ") {
		t.Errorf("no summary on standard error: %q", errOut)
	}
	appelCmd(t, "letters", "--db", db, "--now", "2026-11-20T17:00", "--from", "2026-11-16", "--to", "2026-11-20", "--out", pdf)
	_, notices := readFamilies(t, db, nil)
	printed := 0
	for _, n := range notices {
		if n.Kind == model.TemplateLetter && n.Status == model.StatusPrinted && n.Channel == model.ChannelLetter && len(n.Seances) > 0 {
			printed++
		}
	}
	if printed != len(b.Letters) {
		t.Errorf("%d letters on record after printing the week twice, want %d", printed, len(b.Letters))
	}
	prefix := filepath.Join(t.TempDir(), "page")
	if err := exec.Command("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", pdf, prefix).Run(); err != nil {
		t.Fatal(err)
	}
	rendered, _ := filepath.Glob(prefix + "*.png")
	if len(rendered) != 2 {
		t.Errorf("pdftoppm rendered %v", rendered)
	}
	for _, png := range rendered {
		if info, err := os.Stat(png); err != nil || info.Size() < 2000 {
			t.Errorf("page %s: %v, %d bytes", png, err, info.Size())
		}
	}
}

// TestLettersTemplateRefused: a template naming an unknown field is refused
// by name, and no PDF is written.
func TestLettersTemplateRefused(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	tpl := filepath.Join(dir, "modele.txt")
	if err := os.WriteFile(tpl, []byte("Objet\nBonjour {{.Eleve}}, {{.Parent}} est convoqué."), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "lettres.pdf")
	_, errOut, code := appelRun(t, "", "letters", "--db", db, "--template", tpl, "--out", pdf)
	if code == 0 || !strings.Contains(errOut, "champ inconnu {{.Parent}}") || strings.Contains(errOut, "can't evaluate") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Errorf("a PDF was written despite the refused template")
	}
}

// TestSSHLettersToStandardOutput: over SSH the PDF goes to standard output
// (ssh cpe@host letters --out - > lettres.pdf); a path of the server is
// refused, and a teacher may not print letters.
func TestSSHLettersToStandardOutput(t *testing.T) {
	s := serveDemo(t, "cpe", "prof")
	out, errOut, code := s.ssh(t, "cpe", "cpe", nil, "letters --from 2026-11-16 --to 2026-11-20 --out -")
	if code != 0 || !strings.HasPrefix(out, "%PDF-") || !strings.Contains(errOut, " courriers, ") {
		t.Errorf("letters --out - over SSH: exit %d, %d bytes, %q", code, len(out), errOut)
	}
	if _, errOut, code := s.ssh(t, "cpe", "cpe", nil, "letters --out /tmp/lettres.pdf"); code != 2 || !strings.Contains(errOut, "letters") {
		t.Errorf("a server path: exit %d, %q", code, errOut)
	}
	if out, errOut, code := s.ssh(t, "prof", "prof", nil, "letters --out -"); code == 0 || out != "" || !strings.Contains(errOut, "réservée") {
		t.Errorf("a teacher printed letters: exit %d, %q", code, errOut)
	}
}

// TestLetterKinds: each step's letter prints its own text (the shipped one)
// and goes on record under its kind.
func TestLetterKinds(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext absent (Debian poppler-utils ; .ci/run l'installe)")
	}
	db := demoDB(t)
	pdf := filepath.Join(t.TempDir(), "l.pdf")
	for kind, want := range map[string]string{"convocation": "article R131-7 du code de l'éducation, nous vous invitons à un",
		"commission": "commission éducative de l'établissement", "dasen": "article L131-8 du code de l'éducation"} {
		appelCmd(t, "letters", "--db", db, "--now", "2026-11-20T17:00", "--from", "2026-11-16", "--to", "2026-11-20", "--kind", kind, "--out", pdf)
		out, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil || !strings.Contains(strings.Join(strings.Fields(string(out)), " "), want) {
			t.Errorf("--kind %s: %v, text lacks %q", kind, err, want)
		}
	}
	_, notices := readFamilies(t, db, nil)
	kinds := map[string]int{}
	for _, n := range notices {
		kinds[n.Kind]++
	}
	if kinds["convocation"] == 0 || kinds["convocation"] != kinds["commission"] || kinds["dasen"] != kinds["commission"] {
		t.Errorf("records by kind: %v", kinds)
	}
}
