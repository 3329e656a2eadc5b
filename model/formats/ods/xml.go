package ods

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

const mimeType = "application/vnd.oasis.opendocument.spreadsheet"

const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="` + mimeType + `"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`

// contentHead opens content.xml: namespaces, then the data styles that make
// dates, times and percentages show as such (not as serial numbers).
const contentHead = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
<office:automatic-styles>
<number:date-style style:name="Ndate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:time-style style:name="Ntime"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>
<number:date-style style:name="Ndatetime"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:date-style>
<number:percentage-style style:name="Npercent"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text> %</number:text></number:percentage-style>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="Ndate"/>
<style:style style:name="ceTime" style:family="table-cell" style:data-style-name="Ntime"/>
<style:style style:name="ceDateTime" style:family="table-cell" style:data-style-name="Ndatetime"/>
<style:style style:name="cePercent" style:family="table-cell" style:data-style-name="Npercent"/>
<style:style style:name="ceHead" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body>
<office:spreadsheet>
`

const contentTail = "</office:spreadsheet>\n</office:body>\n</office:document-content>\n"

// cellXML returns the table:table-cell element of c; style, when not empty,
// overrides the cell's own style.
func cellXML(c Cell, style string) string {
	var open string
	switch c.kind {
	case kindEmpty:
		return "<table:table-cell/>"
	case kindString:
		open = `<table:table-cell office:value-type="string"`
	case kindFloat:
		open = `<table:table-cell office:value-type="float" office:value="` + number(c.f) + `"`
	case kindPercent:
		open = `<table:table-cell table:style-name="cePercent" office:value-type="percentage" office:value="` + number(c.f) + `"`
	case kindDate:
		open = `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="` + c.d.String() + `"`
	case kindTime:
		open = fmt.Sprintf(`<table:table-cell table:style-name="ceTime" office:value-type="time" office:time-value="PT%02dH%02dM00S"`, int(c.c)/60, int(c.c)%60)
	case kindDateTime:
		open = `<table:table-cell table:style-name="ceDateTime" office:value-type="date" office:date-value="` + c.t.Format("2006-01-02T15:04:05") + `"`
	}
	if style != "" {
		open = strings.Replace(open, "<table:table-cell", `<table:table-cell table:style-name="`+style+`"`, 1)
	}
	return open + ">" + paragraphs(display(c)) + "</table:table-cell>"
}

func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// display is the text a cell shows, written for readers that ignore values.
func display(c Cell) string {
	switch c.kind {
	case kindString:
		return c.s
	case kindFloat:
		return number(c.f)
	case kindPercent:
		return strconv.FormatFloat(c.f*100, 'f', 1, 64) + " %"
	case kindDate:
		return c.d.French()
	case kindTime:
		return c.c.String()
	case kindDateTime:
		return c.t.Format("02/01/2006 15:04")
	}
	return ""
}

// paragraphs renders text as text:p elements, one per line, keeping runs of
// spaces, which XML would otherwise collapse. A tab becomes a space: Calc
// drops ODF's text:tab inside cells, which would glue words together.
func paragraphs(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.ReplaceAll(clean(s), "\r\n", "\n"), "\n") {
		b.WriteString("<text:p>")
		writeLine(&b, line)
		b.WriteString("</text:p>")
	}
	return b.String()
}

func writeLine(b *strings.Builder, line string) {
	spaces := 0
	flush := func(atStart bool) {
		switch {
		case spaces == 0:
		case spaces == 1 && !atStart:
			b.WriteByte(' ')
		case atStart:
			fmt.Fprintf(b, `<text:s text:c="%d"/>`, spaces)
		default:
			fmt.Fprintf(b, ` <text:s text:c="%d"/>`, spaces-1)
		}
		spaces = 0
	}
	start := true
	for _, r := range line {
		if r == ' ' || r == '\t' {
			spaces++
			continue
		}
		flush(start)
		start = false
		switch r {
		case '\r':
			b.WriteString("<text:line-break/>")
		default:
			writeEscaped(b, r)
		}
	}
	flush(true)
}

func writeEscaped(b *strings.Builder, r rune) {
	switch r {
	case '&':
		b.WriteString("&amp;")
	case '<':
		b.WriteString("&lt;")
	case '>':
		b.WriteString("&gt;")
	case '"':
		b.WriteString("&quot;")
	default:
		b.WriteRune(r)
	}
}

// clean drops the characters XML 1.0 forbids and replaces invalid UTF-8.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if legal(r) {
			return r
		}
		return -1
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}

func legal(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// attr escapes s for an attribute value.
func attr(s string) string {
	var b strings.Builder
	for _, r := range clean(s) {
		switch r {
		case '\t', '\n', '\r':
			b.WriteByte(' ')
		default:
			writeEscaped(&b, r)
		}
	}
	return b.String()
}
