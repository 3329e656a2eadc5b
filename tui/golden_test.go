package tui_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var goldenUpdate = flag.Bool("golden-update", false, "rewrite tui/testdata/*.golden from the screens")

// golden compares a screen with the file tui/testdata/name; -golden-update
// rewrites it.
func golden(t *testing.T, name, view string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *goldenUpdate {
		if err := os.WriteFile(path, []byte(view), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -golden-update to write it)", err)
	}
	if string(want) != view {
		t.Errorf("%s differs from the screen:\n--- want\n%s\n--- got\n%s", path, want, view)
	}
}
