// Package dump writes a whole school as files a school can take anywhere:
// one documented CSV file per entity, in the French spreadsheet profile of
// docs/CONTRACT.md, a README.txt that documents every column, and dataset.json, the
// model.Dataset that `appel import all` rebuilds the school from. It reads
// such a folder back, checking that every CSV file still says what the JSON
// says (the JSON is authoritative; the CSV files are for people and other
// tools).
//
// Like model, it performs no I/O: callers hand over and receive bytes.
package dump

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"appel/model"
	"appel/model/formats/export"
)

// File names of a full export besides the tables.
const (
	JSONName    = "dataset.json"
	ReadmeName  = "README.txt"
	JournalName = "journal.csv"
)

// File is one file of a full export.
type File struct {
	Name string
	Data []byte
}

// Write returns the files of a full export of d: dataset.json, README.txt and
// one CSV file per table. journal is the audit log, written as journal.csv
// (not read back: a rebuilt school starts a new log).
func Write(d model.Dataset, journal []model.AuditEntry) ([]File, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	files := []File{{JSONName, append(escapeJSON(raw), '\n')}, {ReadmeName, []byte(Readme())}}
	tables, err := csvFiles(d)
	if err != nil {
		return nil, err
	}
	j, err := render(journalTable, journal, d.School.Location())
	if err != nil {
		return nil, err
	}
	return append(append(files, tables...), File{JournalName, j}), nil
}

// csvFiles renders every table of d.
func csvFiles(d model.Dataset) ([]File, error) {
	loc := d.School.Location()
	var out []File
	for _, t := range tables {
		data, err := render(t, d, loc)
		if err != nil {
			return nil, err
		}
		out = append(out, File{t.name, data})
	}
	return out, nil
}

// render writes one table of src (a Dataset, or the journal) as French CSV.
func render[S any](t table[S], src S, loc *time.Location) ([]byte, error) {
	var buf bytes.Buffer
	header := make([]string, len(t.columns))
	for i, c := range t.columns {
		header[i] = c.name
	}
	w, err := export.NewTable(&buf, export.CSV, t.name, header)
	if err != nil {
		return nil, err
	}
	for _, row := range t.rows(src, loc) {
		if err := w.Row(row...); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Read rebuilds the dataset of a full export from its files (name → bytes).
// Unless unchecked, every CSV file must be exactly what the JSON gives (a
// file edited, missing or from another export is refused, named with its
// first differing line); README.txt and journal.csv are not checked.
func Read(files map[string][]byte, unchecked bool) (model.Dataset, error) {
	var d model.Dataset
	raw, ok := files[JSONName]
	if !ok {
		return d, model.Invalid("%s absent : ce dossier n'est pas un export complet d'appel (appel export all)", JSONName)
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return d, model.Invalid("%s illisible : %v", JSONName, err)
	}
	if unchecked {
		return d, nil
	}
	want, err := csvFiles(d)
	if err != nil {
		return d, err
	}
	for _, f := range want {
		if err := compare(f, files); err != nil {
			return d, err
		}
	}
	return d, nil
}

func compare(want File, files map[string][]byte) error {
	got, ok := files[want.Name]
	if !ok {
		return model.Invalid("%s absent de l'export (%s fait foi ; --force pour l'ignorer)", want.Name, JSONName)
	}
	if bytes.Equal(got, want.Data) {
		return nil
	}
	a, b := strings.Split(string(got), "\r\n"), strings.Split(string(want.Data), "\r\n")
	line := 1
	for line <= min(len(a), len(b)) && a[line-1] == b[line-1] {
		line++
	}
	return model.Invalid("%s, ligne %d : diffère de %s, qui fait foi (fichier modifié ? --force pour l'ignorer)", want.Name, line, JSONName)
}

// Names lists the files Write produces, in order.
func Names() []string {
	names := []string{JSONName, ReadmeName}
	for _, t := range tables {
		names = append(names, t.name)
	}
	return append(names, JournalName)
}

// Readme returns README.txt: what the export holds and every column of
// every file, from the same declarations that write them.
func Readme() string {
	var b strings.Builder
	b.WriteString(readmeIntro)
	for _, t := range tableDocs() {
		fmt.Fprintf(&b, "\n%s — %s\n", t.name, t.about)
		for _, c := range t.columns {
			fmt.Fprintf(&b, "  %-22s %s\n", c.name, c.doc)
		}
	}
	return strings.ReplaceAll(b.String(), "\n", "\r\n")
}

const readmeIntro = `Export complet d'un établissement (appel export all)

Ce dossier contient toutes les données de l'établissement :
- dataset.json : l'établissement entier, tel qu'appel le reconstruit
  (appel import all DOSSIER, dans une base vide). C'est lui qui fait foi.
- un fichier CSV par type de données, pour les tableurs et les autres
  logiciels : UTF-8 avec BOM, séparateur « ; », fins de ligne CRLF, dates
  JJ/MM/AAAA, heures HH:MM, instants JJ/MM/AAAA HH:MM (heure de
  l'établissement), oui/non. Un texte qui commence par =, +, -, @ est
  précédé d'une apostrophe (protection contre les formules).
  appel import all vérifie que chaque CSV dit exactement ce que dit
  dataset.json et refuse un dossier modifié (--force pour passer outre).
- journal.csv : le journal des modifications (qui, quand, quoi, avant,
  après). Il n'est pas réimporté : une base reconstruite commence un
  nouveau journal.

Les listes de valeurs séparées par des virgules (groupes, enseignants…)
sont dans une seule cellule.
`

// escapeJSON writes, as \u escapes, the characters of JSON text that a name
// may not hold and that encoding/json leaves raw (C1 controls, invisible and
// bidi format characters): text stored before appel checked its input may
// hold some, and dataset.json must hold no raw control byte. JSON reads the
// escapes back as the same characters, so nothing is lost.
func escapeJSON(raw []byte) []byte {
	if _, ok := model.CheckText(string(raw), model.Plain); ok {
		return raw
	}
	out := make([]byte, 0, len(raw)+16)
	for _, r := range string(raw) {
		if r < utf8.RuneSelf || model.TextAllowed(r, model.Plain) {
			out = utf8.AppendRune(out, r)
			continue
		}
		for _, unit := range utf16.Encode([]rune{r}) {
			out = fmt.Appendf(out, `\u%04x`, unit)
		}
	}
	return out
}
