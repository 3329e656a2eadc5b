// Package sampletest finds the real sample files of shared/samples for the
// tests of the format packages. The samples are read in place, never copied:
// their licences differ from appel's.
package sampletest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared/samples folder found by walking up from the working
// directory (a package's folder under go test), or "" when there is none.
func Dir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		candidate := filepath.Join(dir, "shared", "samples")
		if st, err := os.Stat(candidate); err == nil && st.IsDir() {
			return candidate
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Read returns the bytes of the sample called name, skipping the test with a
// message when the samples folder or the file is missing.
func Read(tb testing.TB, name string) []byte {
	tb.Helper()
	dir := Dir()
	if dir == "" {
		tb.Skipf("shared/samples introuvable au-dessus du paquet : échantillon %s non testé", name)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Skipf("échantillon %s illisible : %v", name, err)
	}
	return data
}

// Seed adds the sample called name to a fuzz corpus when it exists.
func Seed(f *testing.F, name string) {
	f.Helper()
	dir := Dir()
	if dir == "" {
		return
	}
	if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
		f.Add(data)
	}
}
