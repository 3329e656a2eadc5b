// Package csvfr writes CSV files that French spreadsheets open correctly, and
// reads the CSV files that users bring, whatever their spreadsheet did to them.
//
// Writing (docs/CONTRACT.md, "CSV for French spreadsheets"): UTF-8 with a BOM, `;`,
// CRLF, RFC-4180 quoting, dates dd/mm/yyyy, times HH:MM, decimal comma, `oui` /
// `non`, and free text guarded against formula injection.
//
// Reading: a leading BOM is dropped, the separator (`;`, `,` or TAB) is sniffed
// from the header line, the bytes are UTF-8 or else Windows-1252, columns are
// found by header name (case, accents and spaces ignored), cells are trimmed,
// and every row keeps its line number for messages.
package csvfr

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"appel/model"
)

// BOM is the byte-order mark that makes spreadsheets read the file as UTF-8.
const BOM = "\uFEFF"

// Writer writes a French CSV file row by row.
type Writer struct {
	out io.Writer
	cw  *csv.Writer
	bom bool
}

// NewWriter returns a writer to w. The BOM goes out with the first row.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	return &Writer{out: w, cw: cw}
}

// Write writes one row. Cells are written as given, except that invalid
// UTF-8 becomes U+FFFD: pass free text through Text, and numbers, dates and
// times through the other helpers.
func (w *Writer) Write(cells ...string) error {
	if !w.bom {
		w.bom = true
		if _, err := io.WriteString(w.out, BOM); err != nil {
			return err
		}
	}
	valid := make([]string, len(cells))
	for i, c := range cells {
		valid[i] = strings.ToValidUTF8(c, "\uFFFD")
	}
	return w.cw.Write(valid)
}

// Flush writes buffered rows out and reports any error met so far.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

// Text guards a cell of free text: one that starts with =, +, -, @, TAB or
// CR gets a leading apostrophe so that no spreadsheet runs it as a formula.
func Text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Date formats d as 23/11/2026, and the zero date as an empty cell.
func Date(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.French()
}

// Clock formats c as 08:05.
func Clock(c model.Clock) string { return c.String() }

// DateTime formats t as 23/11/2026 08:05 in t's location, and the zero time as
// an empty cell.
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006 15:04")
}

// Int formats n in decimal.
func Int(n int) string { return strconv.Itoa(n) }

// Decimal formats f with a decimal comma and at most two decimals, without
// trailing zeros: 3.5 gives 3,5 and 2 gives 2. NaN and infinities give "".
func Decimal(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return strings.Replace(s, ".", ",", 1)
}

// YesNo formats b as oui or non.
func YesNo(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}
