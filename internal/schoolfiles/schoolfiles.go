// Package schoolfiles holds the school files that appel's tests read: small
// synthetic files written for the project (a fictional collège, UAI
// 0679999X, no real person) in every format appel imports, so that every
// format and import test runs from a clone of the repository alone; and the
// real samples of ../shared/samples, read in place when they are there, as
// an extra.
//
// The synthetic files (files/): eleves.xml (SIECLE « Base élèves »,
// ISO-8859-15 with œ, Œ and €: a pupil without INE, one who left, one in
// « Inactifs », one only in a group, one without structure, division codes
// with a space, a division with a half-group), responsables.xml (SIECLE
// responsables, current shape, ISO-8859-15), nomenclatures.xml (SIECLE codes
// only), sts_emp.xml (STS-Web services), emp_sts.xml (timetable with A/B
// weeks) and absences.csv (an absence history). Read serves any XML file also
// zipped, as SIECLE delivers it: ask for eleves.zip.
package schoolfiles

import (
	"archive/zip"
	"bytes"
	"embed"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

//go:embed files
var files embed.FS

// UAI is the fictional school of the synthetic files.
const UAI = "0679999X"

// Read returns the synthetic file called name. A name ending in .zip gives a
// zip holding the XML file of the same base name, under the name SIECLE
// gives it when there is one (ElevesSansAdresses.xml…).
func Read(tb testing.TB, name string) []byte {
	tb.Helper()
	if base, ok := strings.CutSuffix(name, ".zip"); ok {
		return zipOf(tb, innerName(base), Read(tb, base+".xml"))
	}
	data, err := files.ReadFile(path.Join("files", name))
	if err != nil {
		tb.Fatalf("fichier de test %s absent du dépôt : %v", name, err)
	}
	return data
}

// innerName is the name of the XML file inside a SIECLE zip.
func innerName(base string) string {
	switch base {
	case "eleves":
		return "ElevesSansAdresses.xml"
	case "responsables":
		return "ResponsablesAvecAdresses.xml"
	case "nomenclatures":
		return "Nomenclature.xml"
	}
	return base + ".xml"
}

func zipOf(tb testing.TB, name string, data []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err == nil {
		_, err = w.Write(data)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Path writes the synthetic file called name into a temporary folder of the
// test and returns its path, for tests that run the command line.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, Read(tb, name), 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

// SamplesEnv names the environment variable that says where the real samples
// are: a folder, or "none" to test without them (as a clone of the
// repository alone does). Unset, the samples are looked for in a
// shared/samples folder above the working directory.
const SamplesEnv = "APPEL_SAMPLES"

// SamplesDir returns the folder of the real samples, or "" when they are not
// reachable.
func SamplesDir() string {
	switch env := os.Getenv(SamplesEnv); env {
	case "none":
		return ""
	case "":
	default:
		return env
	}
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

// Sample returns the real sample called name, read in place, and false when
// the samples are not reachable: the caller then tests the synthetic files
// only and says so with a log line, never a skip.
func Sample(tb testing.TB, name string) ([]byte, bool) {
	tb.Helper()
	dir := SamplesDir()
	if dir == "" {
		tb.Logf("échantillons réels absents (%s) : %s non lu, seuls les fichiers synthétiques sont testés", SamplesEnv, name)
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		tb.Fatalf("échantillon %s illisible : %v", name, err)
	}
	return data, true
}

// SamplePath returns the path of the real sample called name, and false
// when the samples are not reachable.
func SamplePath(tb testing.TB, name string) (string, bool) {
	tb.Helper()
	if _, ok := Sample(tb, name); !ok {
		return "", false
	}
	return filepath.Join(SamplesDir(), name), true
}

// Seed adds the real sample called name to a fuzz corpus when it is reachable.
func Seed(f *testing.F, name string) {
	f.Helper()
	if dir := SamplesDir(); dir != "" {
		if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			f.Add(data)
		}
	}
}

// SeedAll adds every synthetic file to a fuzz corpus, zipped ones included.
func SeedAll(f *testing.F) {
	f.Helper()
	entries, err := files.ReadDir("files")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		f.Add(Read(f, e.Name()))
		if base, ok := strings.CutSuffix(e.Name(), ".xml"); ok {
			f.Add(Read(f, base+".zip"))
		}
	}
}
