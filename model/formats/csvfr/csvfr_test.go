package csvfr

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"appel/model"
	"appel/model/formats"
)

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	rows := [][]string{
		{"date", "nom", "heures", "valable"},
		{Date(model.NewDate(2026, 11, 23)), Text("=HYPERLINK(\"x\")"), Decimal(3.5), YesNo(true)},
		{Date(model.Date{}), Text("Dupont; \"Jo\"\nsuite"), Decimal(2), YesNo(false)},
	}
	for _, r := range rows {
		if err := w.Write(r...); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFdate;nom;heures;valable\r\n" +
		"23/11/2026;\"'=HYPERLINK(\"\"x\"\")\";3,5;oui\r\n" +
		";\"Dupont; \"\"Jo\"\"\r\nsuite\";2;non\r\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestHelpers(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	tests := []struct{ got, want string }{
		{Text("=1+1"), "'=1+1"},
		{Text("+33 6"), "'+33 6"},
		{Text("-3"), "'-3"},
		{Text("@SUM"), "'@SUM"},
		{Text("\tx"), "'\tx"},
		{Text("\rx"), "'\rx"},
		{Text("Élodie"), "Élodie"},
		{Text(""), ""},
		{Clock(8*60 + 5), "08:05"},
		{DateTime(time.Date(2026, 11, 23, 8, 5, 0, 0, paris)), "23/11/2026 08:05"},
		{DateTime(time.Time{}), ""},
		{Int(-4), "-4"},
		{Decimal(12.5), "12,5"},
		{Decimal(0.91666), "0,92"},
		{Decimal(-0.001), "0"},
		{Decimal(100), "100"},
		{Decimal(math.NaN()), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name      string
		data      []byte
		comma     rune
		enc       string
		wantRows  string // "line:cell0|cell1 …"
		wantMatch string // header of column "Matiere"
	}{
		{"semicolon utf8 bom", []byte("\uFEFFJour ; Matière ;Prof\r\nlundi; Maths ;X\r\n\r\n;;\r\nmardi;\"Fr;ançais\";Y\r\n"),
			';', "UTF-8", "2:lundi|Maths|X 5:mardi|Fr;ançais|Y", "Matière"},
		{"comma", []byte("jour,MATIERE\n\"lundi\",\"EPS, natation\"\n"), ',', "UTF-8", "2:lundi|EPS, natation", "MATIERE"},
		{"tab cp1252", []byte("Jour\tMati\xe8re\nlundi\t\x9cuvre\n"), '\t', "Windows-1252", "2:lundi|œuvre", "Matière"},
		{"multi-line cell on one line", []byte("a;matiere\n\"x\ny\tz\";z\nw;v\n"), ';', "UTF-8", "2:x y z|z 4:w|v", "matiere"},
		{"short row", []byte("a;matiere;c\n1\n"), ';', "UTF-8", "2:1", "matiere"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := Read("f.csv", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, r := range tab.Rows {
				rows = append(rows, fmt.Sprintf("%d:%s", r.Line, strings.Join(r.Cells, "|")))
			}
			if got := strings.Join(rows, " "); got != tt.wantRows {
				t.Errorf("rows = %q, want %q", got, tt.wantRows)
			}
			if tab.Comma != tt.comma || tab.Encoding != tt.enc {
				t.Errorf("comma %q enc %s, want %q %s", tab.Comma, tab.Encoding, tt.comma, tt.enc)
			}
			if i := tab.Column("matiere"); i < 0 || tab.Header[i] != tt.wantMatch {
				t.Errorf("Column(matiere) = %d", i)
			}
			if tab.Rows[0].Cell(tab.Column("absente")) != "" || tab.Rows[0].Cell(99) != "" {
				t.Error("a missing column must read as empty")
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read("f.csv", []byte("\uFEFF\r\n;;\r\n")); err == nil || !strings.Contains(err.Error(), "f.csv : fichier CSV vide") {
		t.Errorf("empty file: %v", err)
	}
	tab, err := Read("f.csv", []byte("eleve;date\n1;2\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tab.Need("debut", "heure")
	if err == nil || err.Error() != "f.csv, ligne 1 : colonne « debut » ou « heure » absente (colonnes lues : eleve, date)" {
		t.Errorf("Need: %v", err)
	}
	if !errors.Is(err, model.ErrInvalid) {
		t.Error("a refusal must be a model.ErrInvalid")
	}
	multi, err := Read("f.csv", []byte("\"nom\nde famille\";date\n1;2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err = multi.Need("eleve"); err == nil || err.Error() != "f.csv, ligne 1 : colonne « eleve » absente (colonnes lues : nom de famille, date)" {
		t.Errorf("a header with a line break must be named on one line: %v", err)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want rune
	}{
		{"a;b;c", ';'},
		{"a,b,c", ','},
		{"a\tb", '\t'},
		{"\"x;y\",b,c\na;b;c;d", ','},
		{"seul", ';'},
		{"a;b,c", ';'},
	}
	for _, tt := range tests {
		if got := Sniff(tt.in); got != tt.want {
			t.Errorf("Sniff(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzRoundTrip writes arbitrary cells with Writer and reads them back.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Dupont", "=1+1", "a;b\r\nc")
	f.Add("Œdipe", "\"", "  x ")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		if err := w.Write("h1", "h2", "h3"); err != nil {
			t.Fatal(err)
		}
		if err := w.Write(Text(a), Text(b), Text(c)); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		tab, err := Read("f.csv", buf.Bytes())
		written := strings.ToValidUTF8(a, "\uFFFD") + strings.ToValidUTF8(b, "\uFFFD") + strings.ToValidUTF8(c, "\uFFFD")
		if _, ok := model.CheckText(written, model.Layout); !ok {
			var fe *formats.Error
			if !errors.As(err, &fe) || fe.Line < 2 || fe.Column < 1 {
				t.Fatalf("a control character must be refused with its line and column: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Header) != 3 || tab.Comma != ';' {
			t.Fatalf("header %q comma %q", tab.Header, tab.Comma)
		}
		want := []string{cellBack(a), cellBack(b), cellBack(c)}
		if want[0]+want[1]+want[2] == "" {
			if len(tab.Rows) != 0 {
				t.Fatalf("an empty row must be dropped, got %v", tab.Rows)
			}
			return
		}
		if len(tab.Rows) != 1 || strings.Join(tab.Rows[0].Cells, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("read %v, want %q", tab.Rows, want)
		}
	})
}

// cellBack is what a cell written by Writer reads back as: guarded, without
// the carriage returns that encoding/csv drops in CRLF mode, on one line,
// trimmed.
func cellBack(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(Text(s), "\uFFFD"), "\r", "")
	return strings.TrimSpace(formats.Flat(s))
}

// FuzzRead checks that arbitrary bytes never panic and that errors name a line.
func FuzzRead(f *testing.F) {
	f.Add([]byte("jour;matiere\nlundi;\"maths\n"))
	f.Add([]byte("\uFEFFeleve;date\r\n1;2\r\n"))
	f.Add([]byte("a\tb\n\"x\"y\"\tz\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Read("f.csv", data)
		if err != nil {
			var fe *formats.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a formats.Error", err)
			}
			return
		}
		last := 0
		for _, r := range tab.Rows {
			if r.Line <= last || r.Line <= tab.HeaderLine {
				t.Fatalf("row lines not increasing: %d after %d", r.Line, last)
			}
			last = r.Line
		}
	})
}

// TestReadRefusals: what a CSV file may not hold is refused with its line
// and column, and no message quotes more than a short excerpt of the file.
func TestReadRefusals(t *testing.T) {
	long := strings.Repeat("x", 80)
	tests := []struct {
		name string
		data string
		want string
	}{
		{"escape in a cell", "jour;matiere\r\nlundi;MATHS\x1b[2J\x1b[41m\r\n",
			"f.csv, ligne 2, colonne 12 : caractère de contrôle U+001B (échappement) : un fichier importé ne peut pas en contenir ; retirez-le du fichier"},
		{"bidi override", "jour;matiere\nlundi;\u202eSHTAM\n", "f.csv, ligne 2, colonne 7 : caractère de direction du texte U+202E"},
		{"byte undefined in cp1252", "jour;mati\xe8re\nlundi;a\x81b\n", "f.csv, ligne 2, colonne 8 : octet 0x81 sans caractère en Windows-1252"},
		{"c1 control in utf-8", "jour;matiere\nlundi;a\u0085b\n", "f.csv, ligne 2, colonne 8 : caractère de contrôle U+0085"},
		{"nul byte of a binary file", "\x7fELF\x02\x01\x01\x00\x00", "f.csv, ligne 1, colonne 1 : caractère de contrôle U+007F"},
		{"a line of a system file", "root:$6$Zq9sl0wX$hashhashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
			"f.csv, ligne 1 : la première ligne n'a qu'une colonne (ni « ; », ni « , », ni tabulation) : ce n'est pas l'en-tête d'un fichier CSV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("f.csv", []byte(tt.data))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "root") || strings.Contains(err.Error(), "MATHS") {
				t.Errorf("the message quotes the file: %v", err)
			}
		})
	}
	tab, err := Read("f.csv", []byte(long+";b;c;d;e;f;g;h;i;j;k;l;m;n;o\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Repeat("x", 19) + "…, b, c, d, e, f, g, h, i, j, k, l, m, n…"
	if got := tab.HeaderText(", "); got != want {
		t.Errorf("HeaderText = %q, want %q", got, want)
	}
}
