package tui_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/modeltest"
	"appel/storage/storagetest"
)

var goldenUpdate = flag.Bool("golden-update", false, "rewrite tui/testdata/*.golden from the screens")

// gridFixture is a store holding modeltest's GridSchool with its week of marks.
func gridFixture(t *testing.T, size int, now time.Time) fixture {
	t.Helper()
	db := storagetest.New(t)
	data := modeltest.WithGridWeek(modeltest.GridSchool(size))
	if _, err := db.Update(context.Background(), model.Actor{Login: "test"}, "fixture", data.Write); err != nil {
		t.Fatal(err)
	}
	return fixture{db: db, now: now}
}

// golden compares a screen with tui/testdata/name.golden.
func golden(t *testing.T, name, view string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
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

// openGrid opens the planning as login on the grid of code.
func openGrid(t *testing.T, f fixture, login, code string) *driver {
	t.Helper()
	d := f.start(t, login, 80, 24)
	d.waitUntil(func(v string) bool { return !strings.Contains(v, "Chargement") }, "the landing screen")
	d.press("2")
	d.waitFor("semaine du")
	d.press("d")
	for _, r := range strings.ToLower(code) {
		d.press(string(r))
	}
	d.press("enter")
	d.waitFor(code + " · semaine du")
	return d
}
