package tui_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"appel/model"
	"appel/model/modeltest"
)

var goldenUpdate = flag.Bool("golden-update", false, "rewrite tui/testdata/*.golden from the screens")

// checkGolden compares a screen with testdata/name.golden.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *goldenUpdate {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -golden-update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the screen:\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// TestDeskGolden: the desk at 80×24 with no colour, one pupil selected.
func TestDeskGolden(t *testing.T) {
	f := deskFixture(t, 10, modeltest.At(modeltest.Monday, 8, 5), nil)
	maths := modeltest.MathsSeance(modeltest.Monday)
	markAs(t, f, "prof", maths, model.KindAbsent, "E001", "E004", "E006")
	markAs(t, f, "prof", maths, model.KindLate, "E002")
	f.now = modeltest.At(modeltest.Monday, 10, 30)
	markAs(t, f, "prof2", spanishSeance, model.KindAbsent, "E004")
	if _, err := f.service("aed").Justify([]model.MarkKey{key(maths, "E006")}, "reveil"); err != nil {
		t.Fatal(err)
	}
	d := f.start(t, "aed", 80, 24)
	d.waitFor("m Maladie ✓", "1 absence · Léa A.", "Annoncées 0", "Appels non faits 3", "Discordances 0")
	d.press("down", "down", "space")
	checkGolden(t, "desk", d.waitFor("sélection : 2", "2 absences · Inès D."))
}
