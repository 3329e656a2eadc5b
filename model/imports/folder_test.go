package imports_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"appel/model/imports"
)

// TestFolderReadsOnlyItsOwnFiles: a name that is a path, hidden, or a link
// leading out of the folder is refused, with a message that names no path
// of the server.
func TestFolderReadsOnlyItsOwnFiles(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	write := func(path, data string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "eleves.csv"), "a;b\n")
	write(filepath.Join(dir, ".cache"), "x")
	write(filepath.Join(outside, "secret.csv"), "secret\n")
	if err := os.Symlink(filepath.Join(outside, "secret.csv"), filepath.Join(dir, "lien.csv")); err != nil {
		t.Fatal(err)
	}
	folder, err := imports.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	files, err := folder.Files()
	if err != nil || len(files) != 1 || files[0].Name != "eleves.csv" || files[0].Size != 4 {
		t.Fatalf("Files = %+v, %v; want eleves.csv alone", files, err)
	}
	if src, err := folder.Read("eleves.csv"); err != nil || string(src.Data) != "a;b\n" || src.Name != "eleves.csv" {
		t.Errorf("Read(eleves.csv) = %+v, %v", src, err)
	}
	for _, name := range []string{"../" + filepath.Base(outside) + "/secret.csv", filepath.Join(outside, "secret.csv"),
		"lien.csv", ".cache", "", "absent.csv", "a\x1bb"} {
		src, err := folder.Read(name)
		if err == nil || strings.Contains(string(src.Data), "secret") {
			t.Errorf("Read(%q) = %q, %v; want a refusal", name, src.Data, err)
			continue
		}
		if strings.Contains(err.Error(), dir) || strings.Contains(err.Error(), outside) {
			t.Errorf("Read(%q): the message names a server path: %v", name, err)
		}
	}
}
