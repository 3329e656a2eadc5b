// Package periods reads and writes the school's periods (trimestres or
// semestres) as a CSV: nom;debut;fin.
package periods

import (
	"bytes"
	"strings"

	"appel/model"
	"appel/model/formats"
	"appel/model/formats/csvfr"
)

// Header is the columns of the file, in order.
var Header = []string{"nom", "debut", "fin"}

// Parse reads the periods of data, the bytes of the file called file; each
// row is read, the whole is checked by model.CheckPeriods when it is set.
func Parse(file string, data []byte) ([]model.Period, error) {
	tab, err := csvfr.Read(file, data)
	if err != nil {
		return nil, err
	}
	cols := make([]int, len(Header))
	for i, h := range Header {
		if cols[i], err = tab.Need(h); err != nil {
			return nil, err
		}
	}
	var out []model.Period
	for _, r := range tab.Rows {
		from, err1 := model.ParseDate(r.Cell(cols[1]))
		to, err2 := model.ParseDate(r.Cell(cols[2]))
		if err1 != nil || err2 != nil {
			return nil, formats.Errorf(file, r.Line, "date illisible (%q, %q ; JJ/MM/AAAA attendu)",
				formats.Excerpt(r.Cell(cols[1])), formats.Excerpt(r.Cell(cols[2])))
		}
		out = append(out, model.Period{Name: strings.TrimSpace(r.Cell(cols[0])), From: from, To: to})
	}
	return out, nil
}

// Write returns the periods as the CSV Parse reads.
func Write(ps []model.Period) []byte {
	var buf bytes.Buffer
	w := csvfr.NewWriter(&buf)
	_ = w.Write(Header...)
	for _, p := range ps {
		_ = w.Write(csvfr.Text(p.Name), csvfr.Date(p.From), csvfr.Date(p.To))
	}
	_ = w.Flush()
	return buf.Bytes()
}
