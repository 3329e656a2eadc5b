// Package schoolcal reads the Ministry's open-data school calendar
// (data.education.gouv.fr, dataset fr-en-calendrier-scolaire), as CSV
// (« Description;Population;Date de début;Date de fin;Académies;Zones;
// annee_scolaire ») or as its JSON export (description, population,
// start_date, end_date, location, zones, annee_scolaire).
//
// Each row is a period without classes for one académie: it starts on its
// first day off (start_date, an instant, read in Europe/Paris) and ends when
// classes resume (end_date: the morning of the reprise). Vacations returns,
// for one zone and one school year, the periods as appel keeps them (first
// and last day off, both included), the end of classes (the day before the
// summer holidays) and, when the file has the previous year's summer, the
// rentrée.
package schoolcal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/csvfr"
)

// Row is one period of the file.
type Row struct {
	Line        int
	Description string
	Population  string
	// Start is the first day off; Resume the day classes start again (zero
	// when the file does not say).
	Start, Resume model.Date
	Location      string
	Zone          string
	Year          string
}

// File is a calendar file read whole.
type File struct {
	Name string
	Rows []Row
}

// paris is the time zone of the file's instants.
var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

// Parse reads a calendar file: JSON when it starts with « [ » or « { »,
// else CSV.
func Parse(name string, data []byte) (*File, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		return parseJSON(name, trimmed)
	}
	return parseCSV(name, data)
}

func parseCSV(name string, data []byte) (*File, error) {
	t, err := csvfr.Read(name, data)
	if err != nil {
		return nil, err
	}
	cols := make([]int, 0, 7)
	for _, names := range [][]string{
		{"Description"}, {"Date de début", "start_date", "date_debut"}, {"Date de fin", "end_date", "date_fin"},
		{"Zones", "zone"}, {"annee_scolaire", "Année scolaire"},
	} {
		i, err := t.Need(names...)
		if err != nil {
			return nil, err
		}
		cols = append(cols, i)
	}
	population, location := t.Column("Population"), t.Column("Académies", "location", "Académie")
	f := &File{Name: name}
	for _, r := range t.Rows {
		row, err := newRow(name, r.Line, r.Cell(cols[0]), r.Cell(population), r.Cell(cols[1]), r.Cell(cols[2]),
			r.Cell(location), r.Cell(cols[3]), r.Cell(cols[4]))
		if err != nil {
			return nil, err
		}
		f.Rows = append(f.Rows, row)
	}
	return f, nil
}

// jsonRow is a record of the JSON export.
type jsonRow struct {
	Description   string `json:"description"`
	Population    string `json:"population"`
	StartDate     string `json:"start_date"`
	EndDate       string `json:"end_date"`
	Location      string `json:"location"`
	Zones         string `json:"zones"`
	AnneeScolaire string `json:"annee_scolaire"`
}

func parseJSON(name string, data []byte) (*File, error) {
	if err := formats.CheckLayout(name, string(data)); err != nil {
		return nil, err
	}
	var rows []jsonRow
	if data[0] == '{' {
		// The API's answer: {"results": [...]}.
		var wrapped struct {
			Results []jsonRow `json:"results"`
		}
		if err := json.Unmarshal(data, &wrapped); err != nil {
			return nil, formats.Errorf(name, 0, "JSON illisible : ce n'est pas l'export du calendrier scolaire")
		}
		rows = wrapped.Results
	} else if err := json.Unmarshal(data, &rows); err != nil {
		return nil, formats.Errorf(name, 0, "JSON illisible : ce n'est pas l'export du calendrier scolaire")
	}
	f := &File{Name: name}
	for i, r := range rows {
		row, err := newRow(name, 0, r.Description, r.Population, r.StartDate, r.EndDate, r.Location, r.Zones, r.AnneeScolaire)
		if err != nil {
			return nil, fmt.Errorf("%w (enregistrement %d)", err, i+1)
		}
		f.Rows = append(f.Rows, row)
	}
	return f, nil
}

func newRow(file string, line int, description, population, start, end, location, zone, year string) (Row, error) {
	r := Row{Line: line, Description: formats.Flat(strings.TrimSpace(description)), Population: strings.TrimSpace(population),
		Location: strings.TrimSpace(location), Zone: strings.TrimSpace(zone), Year: strings.TrimSpace(year)}
	if r.Description == "" {
		return r, formats.Errorf(file, line, "période sans description")
	}
	d, _, err := instant(start)
	if err != nil {
		return r, formats.Errorf(file, line, "date de début %q illisible (attendu 2026-10-17T00:00:00+02:00 ou 2026-10-17)", formats.Excerpt(start))
	}
	r.Start = d
	if strings.TrimSpace(end) != "" {
		if r.Resume, _, err = instant(end); err != nil {
			return r, formats.Errorf(file, line, "date de fin %q illisible (attendu 2026-11-02T00:00:00+01:00 ou 2026-11-02)", formats.Excerpt(end))
		}
	}
	return r, nil
}

// instant reads an ISO instant (its day in Paris) or a date.
func instant(s string) (model.Date, time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		t, err := time.ParseInLocation(layout, s, paris)
		if err == nil {
			t = t.In(paris)
			return model.DateOf(t), t, nil
		}
	}
	d, err := model.ParseDate(s)
	return d, time.Time{}, err
}

// Year is what the file says of one school year for one zone.
type Year struct {
	// Vacations are the periods without classes, first and last day off
	// included, in date order (the summer holidays aside).
	Vacations []model.Holiday
	// Rentree is the first day of classes, when the file has the summer
	// before the year; End the last day of classes, when it has the summer
	// that ends it. Zero when unknown.
	Rentree, End model.Date
	// Rows counts the rows read for the year and zone.
	Rows int
}

// Vacations returns the year (« 2027-2028 ») of the zone (« A »): the rows
// of that zone, for pupils (« Enseignants » rows aside), one per period
// (the académies of a zone repeat them).
func (f *File) Vacations(year, zone string) Year {
	var y Year
	seen := map[string]bool{}
	prev := previousYear(year)
	for _, r := range f.Rows {
		if !r.forZone(zone) || strings.Contains(model.FoldAccents(r.Population), "enseignant") {
			continue
		}
		summer := isSummer(r.Description)
		switch {
		case r.Year == prev && summer && !r.Resume.IsZero():
			y.Rentree = r.Resume
		case r.Year != year:
		case summer:
			y.Rows++
			y.End = r.Start.AddDays(-1)
		default:
			y.Rows++
			h := model.Holiday{Name: label(r.Description), From: r.Start, To: r.Start}
			if !r.Resume.IsZero() && r.Resume.After(r.Start) {
				h.To = r.Resume.AddDays(-1)
			}
			key := h.Name + h.From.String() + h.To.String()
			if !seen[key] {
				seen[key] = true
				y.Vacations = append(y.Vacations, h)
			}
		}
	}
	slices.SortStableFunc(y.Vacations, func(a, b model.Holiday) int { return a.From.Compare(b.From) })
	return y
}

func (r Row) forZone(zone string) bool {
	z := strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(r.Zone), "ZONE")))
	return z == strings.ToUpper(zone)
}

func isSummer(description string) bool {
	d := model.FoldAccents(description)
	return strings.Contains(d, "vacances d'ete") || strings.Contains(d, "vacances d’ete")
}

// names are the periods as appel's calendar names them, by their folded
// description in the file.
var names = map[string]string{
	"vacances de la toussaint": "Vacances de la Toussaint",
	"vacances de noel":         "Vacances de Noël",
	"vacances d'hiver":         "Vacances d'hiver",
	"vacances de printemps":    "Vacances de printemps",
	"pont de l'ascension":      "Pont de l'Ascension",
}

// label writes a period's name as appel's calendar does (« Vacances
// d'hiver »), or as the file writes it when appel does not know it.
func label(description string) string {
	d := strings.ReplaceAll(description, "’", "'")
	if n, ok := names[model.FoldAccents(d)]; ok {
		return n
	}
	return d
}

func previousYear(year string) string {
	var a, b int
	if _, err := fmt.Sscanf(year, "%d-%d", &a, &b); err != nil {
		return ""
	}
	return fmt.Sprintf("%d-%d", a-1, b-1)
}
