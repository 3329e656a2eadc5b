package main

import (
	"archive/zip"
	"bytes"
	"testing"
	"time"

	"appel/model/dump"
)

// archiveOf zips files under their names.
func archiveOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadArchive: the files of `export all` are read at the archive's top
// or in one folder; other entries are ignored; a name found twice, or what
// is not a zip archive, is refused.
func TestReadArchive(t *testing.T) {
	files, err := readArchive(archiveOf(t, map[string]string{"export/dataset.json": "{}", "export/notes.txt": "x",
		"a/b/comptes.csv": "deep", "README.txt": "lisez-moi"}), "test.zip")
	if err != nil || len(files) != 2 || string(files["dataset.json"]) != "{}" || string(files["README.txt"]) != "lisez-moi" {
		t.Errorf("files %v, %v", files, err)
	}
	if _, err := readArchive(archiveOf(t, map[string]string{"dataset.json": "1", "x/dataset.json": "2"}), "test.zip"); err == nil {
		t.Error("dataset.json twice accepted")
	}
	if _, err := readArchive([]byte("dataset.json"), "test.zip"); err == nil {
		t.Error("a text accepted as an archive")
	}
}

// TestArchiveRoundTrip: writeArchive then readArchive gives the same files.
func TestArchiveRoundTrip(t *testing.T) {
	in := []dump.File{{Name: "dataset.json", Data: []byte(`{"a":1}`)}, {Name: "journal.csv", Data: []byte("a;b\r\n")}}
	var buf bytes.Buffer
	if err := writeArchive(&buf, in, time.Date(2026, 11, 23, 8, 5, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out, err := readArchive(buf.Bytes(), "-")
	if err != nil || len(out) != 2 || string(out["dataset.json"]) != `{"a":1}` || string(out["journal.csv"]) != "a;b\r\n" {
		t.Errorf("read back %v, %v", out, err)
	}
}

// FuzzReadArchive: any bytes give files of `export all` or a French refusal, never a panic.
func FuzzReadArchive(f *testing.F) {
	f.Add(archiveOf(f, map[string]string{"dataset.json": "{}", "journal.csv": "x"}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := readArchive(data, "fuzz.zip")
		if err != nil {
			return
		}
		known := map[string]bool{}
		for _, n := range dump.Names() {
			known[n] = true
		}
		for name := range files {
			if !known[name] {
				t.Errorf("unknown file %q read", name)
			}
		}
	})
}
