package imports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFileRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "eleves.xml")
	if err := os.WriteFile(good, []byte("<x/>"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"a regular file", good, ""},
		{"a directory", dir, "n'est pas un fichier ordinaire"},
		{"a device that never ends", "/dev/zero", "n'est pas un fichier ordinaire"},
		{"a missing file", filepath.Join(dir, "absent.xml"), "lecture de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := ReadFile(tt.path)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("ReadFile: %v", err)
			case tt.want == "" && (src.Name != "eleves.xml" || string(src.Data) != "<x/>"):
				t.Fatalf("source %q %q", src.Name, src.Data)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestReadAllRefusesAnEndlessInput(t *testing.T) {
	f, err := os.Open("/dev/zero")
	if err != nil {
		t.Skip("/dev/zero absent")
	}
	defer f.Close()
	if _, err := readLimited(f, "-", "-", 1<<20); err == nil || !strings.Contains(err.Error(), "dépasse") {
		t.Fatalf("error %v", err)
	}
}
