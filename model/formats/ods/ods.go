// Package ods writes OpenDocument spreadsheets (.ods), LibreOffice's own
// format and the lossless way to hand tables to French schools: class codes
// like 6E1 or 0612 stay text, dates are dates, numbers are numbers.
//
// The file is a zip whose first entry, mimetype, is stored uncompressed; then
// META-INF/manifest.xml; then content.xml with typed cells and the data styles
// that show dates as dates. Rows are streamed: nothing but the current row is
// held in memory.
package ods

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unicode/utf8"
)

// Writer writes one spreadsheet of one or more sheets.
type Writer struct {
	zw      *zip.Writer
	buf     *bufio.Writer
	inSheet bool
	// columns is 0 until the open sheet has its column declaration.
	columns int
	names   map[string]bool
	closed  bool
}

// NewWriter starts a spreadsheet on w. Call Sheet, then Row for each row, and
// Close at the end (Close does not close w).
func NewWriter(w io.Writer) (*Writer, error) {
	zw := zip.NewWriter(w)
	if err := writeMimetype(zw); err != nil {
		return nil, err
	}
	mf, err := zw.Create("META-INF/manifest.xml")
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(mf, manifest); err != nil {
		return nil, err
	}
	content, err := zw.Create("content.xml")
	if err != nil {
		return nil, err
	}
	ow := &Writer{zw: zw, buf: bufio.NewWriterSize(content, 64<<10), names: map[string]bool{}}
	_, err = ow.buf.WriteString(contentHead)
	return ow, err
}

// writeMimetype writes the first entry, stored, without data descriptor nor
// extra field, so that the bytes at offset 30 read "mimetypeapplication/…".
func writeMimetype(zw *zip.Writer) error {
	fh := &zip.FileHeader{
		Name:               "mimetype",
		Method:             zip.Store,
		CRC32:              crc32.ChecksumIEEE([]byte(mimeType)),
		CompressedSize64:   uint64(len(mimeType)),
		UncompressedSize64: uint64(len(mimeType)),
	}
	w, err := zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, mimeType)
	return err
}

// Sheet starts a new sheet called name (made unique, at most 31 characters,
// without the characters spreadsheets refuse in sheet names).
func (w *Writer) Sheet(name string) error {
	if w.closed {
		return errClosed
	}
	if err := w.endSheet(); err != nil {
		return err
	}
	name = w.uniqueName(name)
	w.inSheet, w.columns = true, 0
	_, err := fmt.Fprintf(w.buf, "<table:table table:name=\"%s\">\n", attr(name))
	return err
}

// Row writes one row in the current sheet (a sheet "Feuille1" is started if
// none is).
func (w *Writer) Row(cells ...Cell) error { return w.row("", cells) }

// HeaderRow writes a row of column names in bold.
func (w *Writer) HeaderRow(names ...string) error {
	cells := make([]Cell, len(names))
	for i, n := range names {
		cells[i] = String(n)
	}
	return w.row("ceHead", cells)
}

func (w *Writer) row(style string, cells []Cell) error {
	if w.closed {
		return errClosed
	}
	if !w.inSheet {
		if err := w.Sheet("Feuille1"); err != nil {
			return err
		}
	}
	if w.columns == 0 {
		w.columns = max(len(cells), 1)
		fmt.Fprintf(w.buf, "<table:table-column table:number-columns-repeated=\"%d\"/>\n", w.columns)
	}
	w.buf.WriteString("<table:table-row>")
	for _, c := range cells {
		w.buf.WriteString(cellXML(c, style))
	}
	if len(cells) == 0 {
		w.buf.WriteString("<table:table-cell/>")
	}
	_, err := w.buf.WriteString("</table:table-row>\n")
	return err
}

// endSheet closes the open sheet; an empty sheet gets one empty cell, as the
// format requires at least one column and one row.
func (w *Writer) endSheet() error {
	if !w.inSheet {
		return nil
	}
	if w.columns == 0 {
		if err := w.row("", nil); err != nil {
			return err
		}
	}
	w.inSheet = false
	_, err := w.buf.WriteString("</table:table>\n")
	return err
}

// Close ends the last sheet and the file. A spreadsheet without any sheet gets
// an empty one.
func (w *Writer) Close() error {
	if w.closed {
		return errClosed
	}
	if len(w.names) == 0 {
		if err := w.Sheet("Feuille1"); err != nil {
			return err
		}
	}
	if err := w.endSheet(); err != nil {
		return err
	}
	w.closed = true
	if _, err := w.buf.WriteString(contentTail); err != nil {
		return err
	}
	if err := w.buf.Flush(); err != nil {
		return err
	}
	return w.zw.Close()
}

var errClosed = errors.New("classeur ODS déjà fermé")

// uniqueName cleans a sheet name and makes it unique in the file.
func (w *Writer) uniqueName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]*?:/\`, r) || !legal(r) || r < ' ' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = strings.Trim(strings.TrimSpace(name), "'")
	if name == "" {
		name = "Feuille"
	}
	base := truncate(name, 31)
	name = base
	for i := 2; w.names[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = truncate(base, 31-len(suffix)) + suffix
	}
	w.names[strings.ToLower(name)] = true
	return name
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
