package imports

import (
	"encoding/json"
	"fmt"
	"strings"

	"appel/model"
	"appel/model/formats"
)

// add records an item and, when the item changes something, the write that does it.
func (e *env) add(it Item, op func(model.Tx) error) {
	e.p.Items = append(e.p.Items, it)
	if op != nil && (it.Action == Created || it.Action == Updated || it.Action == Deleted) {
		e.p.ops = append(e.p.ops, op)
	}
}

// refuse records a refused row of the file.
func (e *env) refuse(line int, format string, args ...any) {
	e.p.Refused = append(e.p.Refused, Refusal{File: e.p.File, Line: line, Reason: fmt.Sprintf(format, args...)})
}

// notes keeps the parser's notes.
func (e *env) notes(ns formats.Notes) {
	for _, n := range ns {
		e.p.Notes = append(e.p.Notes, n.String())
	}
}

func (e *env) note(format string, args ...any) {
	e.p.Notes = append(e.p.Notes, fmt.Sprintf(format, args...))
}

// tick reports the comparison's progress every hundredth of the way.
func (e *env) tick(done, total int) {
	if e.progress != nil && (done%max(total/100, 1) == 0 || done == total) {
		e.progress(Progress{Step: "comparaison", Done: done, Total: total})
	}
}

// checkSchool refuses a file whose UAJ names another school, unless forced.
func (e *env) checkSchool(uaj string) {
	uaj = strings.TrimSpace(uaj)
	uai := e.dir.School.UAI
	switch {
	case uaj == "":
		e.note("le fichier ne dit pas de quel établissement il vient (UAJ absent)")
	case strings.EqualFold(uaj, uai):
	case e.force:
		e.note("fichier de l'établissement %s importé dans %s (--force)", uaj, uai)
	default:
		e.refuse(0, "ce fichier est celui de l'établissement %s, pas de %s : rien n'est importé (--force pour l'importer quand même)", uaj, uai)
	}
}

// checkYear refuses a file of another school year (year is its first
// calendar year, 0 when the file does not say), unless forced: last year's
// export imported in August would bring back pupils who left.
func (e *env) checkYear(year int) {
	ours := e.dir.School.YearStart.Year
	switch {
	case year == 0 || year == ours:
	case e.force:
		e.note("fichier de l'année %d-%d importé dans l'année %s (--force)", year, year+1, e.dir.School.YearLabel())
	default:
		e.refuse(0, "ce fichier est de l'année scolaire %d-%d, l'établissement est en %s : rien n'est importé (exportez le fichier de l'année en cours, ou --force pour l'importer quand même)", year, year+1, e.dir.School.YearLabel())
	}
}

// same compares two records as the store keeps them (JSON), so that an empty
// list equals a missing one.
func same(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// putOrKeep returns the action for a record that existed (had) as old and
// should now be new.
func putOrKeep(had bool, old, new any) Action {
	switch {
	case !had:
		return Created
	case same(old, new):
		return Unchanged
	}
	return Updated
}

// changed lists « what a → b » for the fields that differ.
type changes []string

func (c *changes) diff(what, a, b string) {
	if a != b {
		c.add("%s « %s » → « %s »", what, a, b)
	}
}

func (c *changes) add(format string, args ...any) { *c = append(*c, fmt.Sprintf(format, args...)) }

func (c changes) String() string { return strings.Join(c, ", ") }
