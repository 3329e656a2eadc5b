package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(path, []byte("avant"), 0o600); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("échec")
	if err := Write(path, func(w io.Writer) error { _, _ = io.WriteString(w, "moitié"); return failed }); !errors.Is(err, failed) {
		t.Fatalf("a failed write: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "avant" {
		t.Errorf("a failed write changed the file: %q", got)
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "après"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "après" {
		t.Errorf("the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file stayed: %v", entries)
	}
	if err := Write(filepath.Join(dir, "absent", "f.txt"), func(io.Writer) error { return nil }); !errors.Is(err, ErrFolder) {
		t.Errorf("a missing folder: %v", err)
	}
}
