// Package formats holds what every reader and writer of appel's files shares:
// errors that name the file and the line, notes about what an import skipped,
// the recognition of a file by its XML root, and the normalisation of column
// names. Its sub-packages read and write the actual formats (FORMATS.md).
//
// Like model, it imports the standard library only and performs no I/O of its
// own: parsers take the bytes of a file and its name (for messages).
package formats

import (
	"fmt"
	"strings"

	"appel/model"
)

// Error is a refusal: the file cannot be read, or one of its rows contradicts
// itself. Its message names the file and, when known, the line, in French.
// errors.Is(err, model.ErrInvalid) holds for every Error.
type Error struct {
	File string
	// Line is the 1-based line of the row or element at fault; 0 for the whole file.
	Line int
	What string
}

// Error returns « fichier, ligne N : what », or « fichier : what » without a line.
func (e *Error) Error() string {
	switch {
	case e.File == "" && e.Line > 0:
		return fmt.Sprintf("ligne %d : %s", e.Line, e.What)
	case e.File == "":
		return e.What
	case e.Line > 0:
		return fmt.Sprintf("%s, ligne %d : %s", e.File, e.Line, e.What)
	}
	return fmt.Sprintf("%s : %s", e.File, e.What)
}

// Unwrap returns model.ErrInvalid, the kind of every refusal.
func (e *Error) Unwrap() error { return model.ErrInvalid }

// Errorf builds an Error about file at line (0: the whole file).
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, What: fmt.Sprintf(format, args...)}
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
