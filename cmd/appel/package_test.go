package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestDebianPackage builds the package as README.md says
// (cmd/appel/packaging/build.sh), lists it, installs it under a fresh root
// with dpkg, runs the installed appel, and checks the installed unit with
// systemd-analyze: verify is clean and the sandbox's exposure is low.
func TestDebianPackage(t *testing.T) {
	t.Parallel()
	for _, tool := range []string{"dpkg-deb", "dpkg", "systemd-analyze"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s absent : le paquet n'est pas vérifié (.ci/run l'installe)", tool)
		}
	}
	if testing.Short() {
		t.Skip("-short : le paquet n'est pas construit")
	}
	dist := t.TempDir()
	build := exec.Command("bash", "packaging/build.sh")
	build.Env = append(os.Environ(), "APPEL_DIST="+dist, "APPEL_VERSION=1.2.3")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build.sh: %v\n%s", err, out)
	}
	deb := filepath.Join(dist, "appel_1.2.3_"+goarch(t)+".deb")
	list := runTool(t, "dpkg-deb", "-c", deb)
	for _, want := range []string{"./usr/bin/appel", "./lib/systemd/system/appel.service", "./etc/default/appel"} {
		if !strings.Contains(list, want) {
			t.Errorf("the package lacks %s:\n%s", want, list)
		}
	}
	root := t.TempDir()
	for _, d := range []string{"var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "var/lib/dpkg/status"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	runTool(t, "dpkg", "--root="+root, "--force-depends", "--force-script-chrootless", "-i", deb)
	if out := runTool(t, filepath.Join(root, "usr/bin/appel"), "help"); !strings.Contains(out, "appel serve") {
		t.Errorf("the installed appel help:\n%s", out)
	}
	unit, err := os.ReadFile(filepath.Join(root, "lib/systemd/system/appel.service"))
	if err != nil {
		t.Fatal(err)
	}
	// The unit as installed, its binary where dpkg put it under the root.
	checked := filepath.Join(t.TempDir(), "appel.service")
	installed := strings.ReplaceAll(string(unit), "/usr/bin/appel", filepath.Join(root, "usr/bin/appel"))
	if err := os.WriteFile(checked, []byte(installed), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := runTool(t, "systemd-analyze", "verify", checked); strings.TrimSpace(out) != "" {
		t.Errorf("systemd-analyze verify:\n%s", out)
	}
	security := runTool(t, "systemd-analyze", "security", "--offline=yes", checked)
	m := regexp.MustCompile(`Overall exposure level for appel.service: ([0-9.]+)`).FindStringSubmatch(security)
	if m == nil {
		t.Fatalf("systemd-analyze security:\n%s", security)
	}
	if level, _ := strconv.ParseFloat(m[1], 64); level > 3 {
		t.Errorf("exposure level %s, want at most 3 (OK)", m[1])
	}
	t.Logf("exposure level of appel.service: %s", m[1])
}

func goarch(t *testing.T) string {
	out, err := exec.Command("go", "env", "GOARCH").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}
