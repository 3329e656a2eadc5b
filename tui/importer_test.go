package tui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appel/model"
	"appel/model/imports"
	"appel/model/modeltest"
	"appel/tui"
	"appel/tui/tuitest"
)

// history writes an absence history for the modeltest school into an
// imports folder and returns the folder.
func history(t *testing.T, rows ...string) string {
	t.Helper()
	dir := t.TempDir()
	data := "eleve;date;debut;fin;marque;minutes;motif;justifiee\r\n" + strings.Join(rows, "\r\n") + "\r\n"
	if err := os.WriteFile(filepath.Join(dir, "historique.csv"), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startImports opens login's interface with dir as the imports folder.
func (f fixture) startImports(t *testing.T, login, dir string) *driver {
	t.Helper()
	folder, err := imports.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { folder.Close() })
	return tuitest.StartWith(t, tui.Config{Service: f.service(login), Imports: folder}, 100, 30)
}

func markCount(t *testing.T, f fixture) int {
	t.Helper()
	var n int
	err := f.db.View(func(tx model.ReadTx) error {
		ms, err := tx.MarksBetween(model.Date{}, model.Date{})
		n = len(ms)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// openImports waits for the admin's landing screen (accounts), then opens the
// import screen.
func openImports(d *driver) string {
	d.WaitFor("Identifiant")
	d.Press("0")
	return d.WaitFor("Importer un fichier")
}

// TestImportScreenChecksThenApplies: the admin picks a file of the imports
// folder, sees the plan (nothing written), then applies it with one key and
// reads the report.
func TestImportScreenChecksThenApplies(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.startImports(t, "admin", history(t, "E001;16/11/2026;08:00;17:00;absent;;Maladie;oui"))
	if v := openImports(d); !strings.Contains(v, "Type    : ‹ siecle ›") {
		t.Errorf("first kind:\n%s", v)
	}
	d.Press("h")
	v := d.WaitFor("Type    : ‹ absences ›", "Dossier d'imports du serveur : 1 fichier(s)", "▸ historique.csv")
	if !strings.Contains(v, "↵ vérifier le fichier choisi") {
		t.Errorf("footer:\n%s", v)
	}
	d.Press("enter")
	v = d.WaitFor("marque : 3 créées", "« a » pour appliquer")
	if !strings.Contains(v, "ligne 2 : marque 20261116-0800-c-maths-1/E001") || markCount(t, f) != 0 {
		t.Errorf("the check wrote, or shows no detail (%d marks):\n%s", markCount(t, f), v)
	}
	d.Press("a")
	d.WaitFor("✓ Import enregistré : 3 modification(s).")
	// The status line says it too (its message may follow the report).
	d.WaitUntil(func(v string) bool {
		lines := strings.Split(v, "\n")
		return lines[len(lines)-2] == "Import enregistré : 3 modification(s)"
	}, "the status of the import")
	if n := markCount(t, f); n != 3 {
		t.Errorf("%d marks stored, want 3", n)
	}
	d.Press("a")
	d.WaitFor("Vérifiez d'abord un fichier sans refus")
	if n := markCount(t, f); n != 3 || d.Keys != 5 {
		t.Errorf("%d marks after a second a, %d keys", n, d.Keys)
	}
}

// TestImportScreenRefusal: a refused file shows every refused row, and cannot
// be applied.
func TestImportScreenRefusal(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.startImports(t, "admin", history(t, "X1;16/11/2026;08:00;09:00;absent;;;", "X2;16/11/2026;08:00;09:00;absent;;;"))
	openImports(d)
	d.Press("h")
	d.WaitFor("▸ historique.csv")
	d.Press("enter")
	d.WaitFor("✗ historique.csv, ligne 2 : élève \"X1\" inconnu", "✗ historique.csv, ligne 3 : élève \"X2\"",
		"✗ import refusé, rien n'a été écrit : 2 lignes refusées")
	d.Press("a")
	d.WaitFor("Vérifiez d'abord")
	if markCount(t, f) != 0 {
		t.Error("a refused file was written")
	}
}

// TestImportScreenAdminOnly: no other role has the screen, nor reaches it by its digit.
func TestImportScreenAdminOnly(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	for _, login := range []string{"prof", "cpe", "aed"} {
		d := f.start(t, login, 100, 30)
		v := d.WaitFor("1 ")
		if tabs := strings.Split(v, "\n")[0]; strings.Contains(tabs, "Imports") {
			t.Errorf("%s has the import screen: %s", login, tabs)
		}
	}
	d := f.start(t, "cpe", 100, 30)
	d.WaitFor("1 Absences du jour")
	d.Press("0")
	if v := d.WaitFor("écran 0 non disponible"); strings.Contains(v, "Importer un fichier") {
		t.Errorf("cpe reached the import screen:\n%s", v)
	}
}

// TestImportScreenGolden compares the empty screen at 80×24 with its golden file.
func TestImportScreenGolden(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.start(t, "admin", 80, 24)
	v := openImports(d)
	golden(t, "import.golden", v)
}

// TestImportScreenOffersOnlyTheFolder: the screen lists the folder's plain
// files only (no hidden file, folder, link leading out of it, or name with a
// control character), and typing a path does nothing: there is no field.
func TestImportScreenOffersOnlyTheFolder(t *testing.T) {
	dir := history(t, "E001;16/11/2026;08:00;17:00;absent;;Maladie;oui")
	outside := filepath.Join(t.TempDir(), "secret.csv")
	writeTestFile(t, outside, "eleve;date\r\nSECRET;1\r\n")
	writeTestFile(t, filepath.Join(dir, ".cache"), "x")
	writeTestFile(t, filepath.Join(dir, "bad\x1b[2Jname.csv"), "x")
	if err := os.Mkdir(filepath.Join(dir, "sous-dossier"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "lien.csv")); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.startImports(t, "admin", dir)
	openImports(d)
	v := d.WaitFor("Dossier d'imports du serveur : 1 fichier(s)", "▸ historique.csv")
	for _, hidden := range []string{".cache", "sous-dossier", "lien.csv", "name.csv", "\x1b"} {
		if strings.Contains(v, hidden) {
			t.Errorf("the screen offers %q:\n%s", hidden, v)
		}
	}
	d.Press("h", "e", "/etc/passwd", "enter")
	v = d.WaitFor("Fichier : historique.csv", "marque : 3 créées")
	if strings.Contains(v, "passwd") || strings.Contains(v, "root:") {
		t.Errorf("a typed path was read:\n%s", v)
	}
}

// TestImportScreenWithoutFolder: with no imports folder, the screen says how
// the server's administrator gives one, and how to send a file over SSH.
func TestImportScreenWithoutFolder(t *testing.T) {
	f := newFixture(t, 5, modeltest.At(modeltest.Monday, 10, 0))
	d := f.start(t, "admin", 100, 30)
	openImports(d)
	d.Press("enter")
	d.WaitFor("Aucun dossier d'imports n'est configuré", "appel serve --imports DOSSIER",
		"ssh -p PORT admin@hôte import siecle - < fichier", "Aucun fichier à vérifier")
}

func writeTestFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}
