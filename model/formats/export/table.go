// Package export writes appel's own tables for spreadsheets: the marks export
// and the statistics of docs/CONTRACT.md (their rows and exact headers), and any
// other table, as French CSV (docs/CONTRACT.md) or as ODS with typed cells.
//
// Callers fill plain row structs from the domain; this package only formats.
package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"appel/model"
	"appel/model/formats/csvfr"
	"appel/model/formats/ods"
)

// Format is a file format of the exports.
type Format string

// The export formats.
const (
	CSV Format = "csv"
	ODS Format = "ods"
)

// ParseFormat reads a --format value; "" means CSV.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "csv":
		return CSV, nil
	case "ods":
		return ODS, nil
	}
	return "", model.Invalid("format %q inconnu (csv ou ods)", s)
}

type valueKind uint8

const (
	blank valueKind = iota
	text
	integer
	decimal
	date
	clock
	dateTime
	yesNo
)

// Value is one typed cell. The zero Value is an empty cell.
type Value struct {
	kind valueKind
	s    string
	n    float64
	d    model.Date
	c    model.Clock
	t    time.Time
}

// Text is free text: a string cell, guarded against formulas and terminal
// escapes (see shown).
func Text(s string) Value { return Value{kind: text, s: s} }

// shown is free text as both formats write it: every control or invisible
// character as a visible escape (model.Visible: text stored before appel
// checked its input may hold some), then a leading =, +, -, @, tab or CR
// neutralised with an apostrophe, as OWASP advises against formula
// injection. Numbers are typed values, never text: a negative number stays
// a number.
func shown(s string) string { return csvfr.Text(model.Visible(s)) }

// Int is a whole number.
func Int(n int) Value { return Value{kind: integer, n: float64(n)} }

// Decimal is a number written with a decimal comma in CSV.
func Decimal(f float64) Value { return Value{kind: decimal, n: f} }

// Date is a date (dd/mm/yyyy in CSV, a date cell in ODS); the zero date is empty.
func Date(d model.Date) Value { return Value{kind: date, d: d} }

// Clock is a time of day (HH:MM).
func Clock(c model.Clock) Value { return Value{kind: clock, c: c} }

// DateTime is an instant, shown in its location (dd/mm/yyyy HH:MM).
func DateTime(t time.Time) Value { return Value{kind: dateTime, t: t} }

// YesNo is oui or non.
func YesNo(b bool) Value {
	if b {
		return Value{kind: yesNo, s: "oui"}
	}
	return Value{kind: yesNo, s: "non"}
}

// csv formats v for the French CSV profile.
func (v Value) csv() string {
	switch v.kind {
	case text:
		return shown(v.s)
	case integer:
		return csvfr.Int(int(v.n))
	case decimal:
		return csvfr.Decimal(v.n)
	case date:
		return csvfr.Date(v.d)
	case clock:
		return csvfr.Clock(v.c)
	case dateTime:
		return csvfr.DateTime(v.t)
	case yesNo:
		return v.s
	}
	return ""
}

// cell formats v as a typed ODS cell.
func (v Value) cell() ods.Cell {
	switch v.kind {
	case text:
		return ods.String(shown(v.s))
	case yesNo:
		return ods.String(v.s)
	case integer, decimal:
		return ods.Float(v.n)
	case date:
		return ods.Date(v.d)
	case clock:
		return ods.Time(v.c)
	case dateTime:
		return ods.DateTime(v.t)
	}
	return ods.Cell{}
}

// Table writes rows under a header, in one format.
type Table interface {
	// Row writes one row of values.
	Row(vals ...Value) error
	// Close ends the file (it does not close the underlying writer).
	Close() error
}

// NewTable starts a table on w, writing its header; sheet names the ODS sheet.
func NewTable(w io.Writer, f Format, sheet string, header []string) (Table, error) {
	switch f {
	case CSV:
		t := &csvTable{w: csvfr.NewWriter(w)}
		return t, t.w.Write(header...)
	case ODS:
		ow, err := ods.NewWriter(w)
		if err != nil {
			return nil, err
		}
		if err := ow.Sheet(sheet); err != nil {
			return nil, err
		}
		return &odsTable{w: ow}, ow.HeaderRow(header...)
	}
	return nil, fmt.Errorf("format d'export %q inconnu", f)
}

type csvTable struct{ w *csvfr.Writer }

// Row writes the values in the French CSV profile.
func (t *csvTable) Row(vals ...Value) error {
	cells := make([]string, len(vals))
	for i, v := range vals {
		cells[i] = v.csv()
	}
	return t.w.Write(cells...)
}

// Close flushes the rows.
func (t *csvTable) Close() error { return t.w.Flush() }

type odsTable struct{ w *ods.Writer }

// Row writes the values as typed cells.
func (t *odsTable) Row(vals ...Value) error {
	cells := make([]ods.Cell, len(vals))
	for i, v := range vals {
		cells[i] = v.cell()
	}
	return t.w.Row(cells...)
}

// Close ends the spreadsheet.
func (t *odsTable) Close() error { return t.w.Close() }

// round2 rounds hours to the hundredth, the precision both formats show.
func round2(f float64) float64 { return math.Round(f*100) / 100 }
