// Package formats holds what every reader and writer of appel's files shares:
// errors that name the file and the line, notes about what an import skipped,
// the recognition of a file by its XML root, and the normalisation of column
// names. Its sub-packages read and write the actual formats (docs/CONTRACT.md).
//
// Like model, it imports the standard library only and performs no I/O of its
// own: parsers take the bytes of a file and its name (for messages).
package formats

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"appel/model"
)

// Error is a refusal: the file cannot be read, or one of its rows contradicts
// itself. Its message names the file and, when known, the line, in French.
// errors.Is(err, model.ErrInvalid) holds for every Error.
type Error struct {
	File string
	// Line is the 1-based line of the row or element at fault; 0 for the whole file.
	Line int
	// Column is the 1-based column (in characters) of the character at
	// fault on Line; 0 when the error is about the whole line or element.
	Column int
	What   string
}

// Error returns « fichier, ligne N, colonne C : what », without the column
// or the line when they are not known.
func (e *Error) Error() string {
	return Place(e.File, e.Line, e.Column) + e.What
}

// Place writes where an error is, ready to prefix its message: « f.csv,
// ligne 3, colonne 7 : », « f.csv, ligne 3 : », « f.csv : » or « ligne 3 : ».
func Place(file string, line, column int) string {
	var parts []string
	if file != "" {
		parts = append(parts, file)
	}
	if line > 0 {
		parts = append(parts, fmt.Sprintf("ligne %d", line))
		if column > 0 {
			parts = append(parts, fmt.Sprintf("colonne %d", column))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ", ") + " : "
}

// Unwrap returns model.ErrInvalid, the kind of every refusal.
func (e *Error) Unwrap() error { return model.ErrInvalid }

// Errorf builds an Error about file at line (0: the whole file).
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, What: fmt.Sprintf(format, args...)}
}

// CheckLayout refuses the text of a file (decoded into UTF-8) that holds a
// character no imported text may hold: a control character other than tab
// and line breaks, an invisible format character, a byte that is not UTF-8.
// The refusal names the line and the column, never the line's content.
func CheckLayout(file, text string) error {
	f, ok := model.CheckText(text, model.Layout)
	if ok {
		return nil
	}
	return &Error{File: file, Line: f.Line, Column: f.Column,
		What: f.What() + " : un fichier importé ne peut pas en contenir ; retirez-le du fichier"}
}

// Flat puts a value cut from a file on one line: its tabs and line breaks
// (a quoted CSV cell, an XML element's text) become spaces.
func Flat(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// excerptLen is the most characters an error message quotes from a file.
const excerptLen = 30

// Excerpt returns what a message may quote of a value read from a file: at
// most a few words, cut with « … », and with any character that a name may
// not hold written as a visible escape. A message never quotes a whole line
// of a file that is not of the expected kind.
func Excerpt[S ~string](value S) string { return Cut(value, excerptLen) }

// Cut is Excerpt cut to n characters.
func Cut[S ~string](value S, n int) string {
	s := model.Visible(Flat(string(value)))
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// Note is something an import skipped or adjusted without refusing the file:
// a pupil who left, a course of an unknown alternation, a duplicate row.
type Note struct {
	// Line is the 1-based line the note is about; 0 for the whole file.
	Line int
	What string
}

// String returns « ligne N : what », or what alone without a line.
func (n Note) String() string {
	if n.Line > 0 {
		return fmt.Sprintf("ligne %d : %s", n.Line, n.What)
	}
	return n.What
}

// Notes collects notes; the zero value is ready to use.
type Notes []Note

// Add appends a note about line.
func (ns *Notes) Add(line int, format string, args ...any) {
	*ns = append(*ns, Note{Line: line, What: fmt.Sprintf(format, args...)})
}

// FoldName normalises a column or element name for matching: trimmed, lower
// case, without accents, inner runs of spaces reduced to one (« Matière » and
// « MATIERE » match).
func FoldName(s string) string {
	return strings.Join(strings.Fields(model.FoldAccents(s)), " ")
}
