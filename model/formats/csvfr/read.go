package csvfr

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"appel/model/formats"
	"appel/model/formats/charset"
)

// Table is a CSV file read whole: its header and its non-empty rows.
type Table struct {
	File     string
	Encoding string
	Comma    rune
	// Header holds the column names as written in the file, trimmed.
	Header []string
	// HeaderLine is the line of the header row.
	HeaderLine int
	Rows       []Row
	folded     []string
}

// Row is one record of a table, with the line where it starts.
type Row struct {
	Line  int
	Cells []string
}

// Cell returns the trimmed cell of column i, or "" when the row is shorter or
// i is negative (a missing optional column).
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// Read parses data, the bytes of the CSV file called file. The first non-empty
// row is the header. Rows whose cells are all empty are dropped.
func Read(file string, data []byte) (*Table, error) {
	if err := charset.CheckText(file, data); err != nil {
		return nil, err
	}
	text, enc := charset.Text(data)
	if err := formats.CheckLayout(file, text); err != nil {
		return nil, err
	}
	t := &Table{File: file, Encoding: enc, Comma: Sniff(text)}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = t.Comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, parseError(file, err)
		}
		line, _ := r.FieldPos(0)
		t.add(line, rec)
	}
	switch {
	case t.Header == nil:
		return nil, formats.Errorf(file, 0, "fichier CSV vide (aucune ligne d'en-tête)")
	case len(t.Header) == 1:
		return nil, formats.Errorf(file, t.HeaderLine, "la première ligne n'a qu'une colonne (ni « ; », ni « , », ni tabulation) : "+
			"ce n'est pas l'en-tête d'un fichier CSV")
	}
	return t, nil
}

func (t *Table) add(line int, rec []string) {
	empty := true
	for i := range rec {
		rec[i] = strings.TrimSpace(formats.Flat(rec[i]))
		empty = empty && rec[i] == ""
	}
	switch {
	case empty:
	case t.Header == nil:
		t.Header, t.HeaderLine = rec, line
		t.folded = make([]string, len(rec))
		for i, h := range rec {
			t.folded[i] = formats.FoldName(h)
		}
	default:
		t.Rows = append(t.Rows, Row{Line: line, Cells: rec})
	}
}

func parseError(file string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return formats.Errorf(file, 0, "CSV illisible")
	}
	what := "CSV illisible"
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		what = "CSV illisible : guillemet non refermé"
	case errors.Is(pe.Err, csv.ErrBareQuote):
		what = "CSV illisible : guillemet au milieu d'une cellule"
	}
	return &formats.Error{File: file, Line: pe.Line, Column: pe.Column, What: what}
}

// Column returns the index of the first column whose header matches one of
// names (case, accents and spaces ignored), or -1.
func (t *Table) Column(names ...string) int {
	for _, n := range names {
		want := formats.FoldName(n)
		for i, h := range t.folded {
			if h == want {
				return i
			}
		}
	}
	return -1
}

// Need returns the index of a required column, or a refusal that names the
// column and lists those the file has.
func (t *Table) Need(names ...string) (int, error) {
	if i := t.Column(names...); i >= 0 {
		return i, nil
	}
	return -1, formats.Errorf(t.File, t.HeaderLine, "colonne « %s » absente (colonnes lues : %s)",
		strings.Join(names, " » ou « "), t.HeaderText(", "))
}

// The most characters a message quotes of a header, and of each column
// name: real names are short (« MAT_LIBELLE »), and a file that is not of the
// expected kind must not be quoted.
const (
	maxHeaderText = 60
	maxColumnName = 20
)

// HeaderText returns the column names joined by sep for messages: each a
// short cleaned excerpt, the whole cut to a few words (a file that is not of
// the expected kind must not be quoted whole).
func (t *Table) HeaderText(sep string) string {
	names := make([]string, len(t.Header))
	for i, h := range t.Header {
		names[i] = formats.Cut(strings.Join(strings.Fields(h), " "), maxColumnName)
	}
	text := []rune(strings.Join(names, sep))
	if len(text) <= maxHeaderText {
		return string(text)
	}
	return string(text[:maxHeaderText-1]) + "…"
}

// Sniff guesses the separator from the first line of text: the most frequent
// of `;`, TAB and `,` outside quotes, `;` when none appears or on a tie.
func Sniff(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, r := range text {
		if r == '"' {
			quoted = !quoted
		}
		if r == '\n' && !quoted {
			break
		}
		if !quoted {
			counts[r]++
		}
	}
	best := ';'
	for _, r := range []rune{'\t', ','} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
