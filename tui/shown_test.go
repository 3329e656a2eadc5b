package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"appel/model"
)

func TestScreenSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\nlines · é", "plain\nlines · é"},
		{"\x1b[1;38;5;12mstyled\x1b[0m", "\x1b[1;38;5;12mstyled\x1b[0m"},
		{"a\x1b[2Jb", `a\x1b[2Jb`},
		{"\x1b]0;titre\x07", `\x1b]0;titre\x07`},
		{"\x1b[H", `\x1b[H`},
		{"x\ry", `x\ry`},
		{"\u202eabc\u2066", `\u202eabc\u2066`},
		{"\u009b2J", `\x9b2J`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"\x1b", `\x1b`},
		{"\x1b[12", `\x1b[12`},
	}
	for _, tt := range tests {
		if got := screenSafe(tt.in); got != tt.want {
			t.Errorf("screenSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzScreenSafe: whatever a frame holds, what reaches the terminal is line
// breaks, SGR sequences and characters a name may hold.
func FuzzScreenSafe(f *testing.F) {
	f.Add("\x1b[1mok\x1b[0m\n\x1b[2J\u202e\u009b")
	f.Fuzz(func(t *testing.T, frame string) {
		out := screenSafe(frame)
		for i := 0; i < len(out); {
			if n := sgrLen(out[i:]); n > 0 {
				i += n
				continue
			}
			r, size := utf8.DecodeRuneInString(out[i:])
			if r != '\n' && !model.TextAllowed(r, model.Plain) {
				t.Fatalf("screenSafe(%q) lets %U through: %q", frame, r, out)
			}
			i += size
		}
		if frameIsSafe(frame) != (out == frame) {
			t.Errorf("frameIsSafe(%q) = %v but screenSafe changed it to %q", frame, frameIsSafe(frame), out)
		}
	})
}

func TestShownCopiesWhatChanges(t *testing.T) {
	pupils := []model.Pupil{{ID: "1", LastName: "Propre"}, {ID: "2", LastName: "Sale\x1b[2J", Groups: []string{"G\u202e"}}}
	file := model.PupilFile{Pupil: pupils[1], Calls: []model.FamilyCall{{Note: "ok\tici"}}}
	got := shown(file)
	if got.Pupil.LastName != `Sale\x1b[2J` || got.Pupil.Groups[0] != `G\u202e` || got.Calls[0].Note != "ok ici" {
		t.Errorf("shown = %+v", got)
	}
	if file.Pupil.LastName != "Sale\x1b[2J" || pupils[1].Groups[0] != "G\u202e" || file.Calls[0].Note != "ok\tici" {
		t.Error("shown modified its argument")
	}
	clean := []model.Pupil{pupils[0]}
	if out := shown(clean); &out[0] != &clean[0] {
		t.Error("a clean value must be returned as is, not copied")
	}
	grid := model.Grid{Names: map[string]string{"prof": "M.\x1b[H"}}
	if g := shown(grid); g.Names["prof"] != `M.\x1b[H` || grid.Names["prof"] != "M.\x1b[H" {
		t.Errorf("map values: %v / %v", g.Names, grid.Names)
	}
	p := &pupils[1]
	if q := shown(p); q == p || q.LastName != `Sale\x1b[2J` || p.LastName != "Sale\x1b[2J" {
		t.Error("a pointer to a changed value must point to a copy")
	}
}

// TestServiceShowsEveryRead: every method of model.Service that a screen
// calls either comes through service (which shows what it returns) or is
// listed here as returning no text of the store.
func TestServiceShowsEveryRead(t *testing.T) {
	noText := []string{
		"Now", "Today", "Actor", "WatchInterest", "Require", "AddAccount", "RemoveKey", "RetireMotive",
		"CancelNotice", "CancelReport", "ResolveDiscordance",
		// Directory and Session return the shared structure; their two
		// readers show what they take from it (justify_bar.go, stats.go).
		"Directory", "Session",
	}
	declared := map[string]bool{}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "service.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range file.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv != nil {
			declared[fn.Name.Name] = true
		}
	}
	call := regexp.MustCompile(`svc\.([A-Z][A-Za-z]*)\(`)
	sources, _ := filepath.Glob("*.go")
	for _, name := range sources {
		if strings.HasSuffix(name, "_test.go") || name == "service.go" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(data), -1) {
			if !declared[m[1]] && !slices.Contains(noText, m[1]) {
				t.Errorf("%s calls svc.%s, which service does not show: add it to service.go", name, m[1])
			}
		}
	}
}
